package org.fedwan.sim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.fedwan.sim.lorawan.traffic.LorawanNetworkReport;
import org.junit.jupiter.api.Test;

/** The benchmark's plumbing on a tiny workload; never its timings. */
class LorawanNetworkBenchmarkTest {

    @Test
    void printsOneRowPerDeviceCount() {
        List<LorawanNetworkReport> reports = LorawanNetworkBenchmark.run(new int[] {20, 40}, 0.5);
        assertEquals(2, reports.size());
        assertEquals(20 * 3, reports.get(0).packetsOffered()); // 30 min / 10 min per device
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LorawanNetworkBenchmark.print(reports, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String table = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(4, table.lines().count());
        assertTrue(table.lines().skip(2).allMatch(l -> l.startsWith("| 20 |") || l.startsWith("| 40 |")), table);
    }
}
