package org.fedwan.fl.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MemoryProbeTest {

    @Test
    void readsTheKibibytesOfAProcStatusLine() {
        // the layout of proc(5)'s /proc/[pid]/status lines
        assertEquals(123456, MemoryProbe.kibibytes("VmRSS:\t  123456 kB"));
        assertEquals(7, MemoryProbe.kibibytes("VmHWM:        7 kB"));
    }

    @Test
    void residentSetIsPositiveAndAtMostItsPeakOnLinux() {
        MemoryProbe m = MemoryProbe.now();
        if (Files.isReadable(Path.of("/proc/self/status"))) {
            assertTrue(m.residentBytes() > 0 && m.residentBytes() <= m.peakResidentBytes(), m.toString());
        } else {
            assertEquals(-1, m.residentBytes());
        }
        assertTrue(m.heapUsedBytes() > 0 && m.heapUsedBytes() <= m.heapCommittedBytes(), m.toString());
    }
}
