package org.fedwan.sim.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fedwan.channel.lora.LoraPhy;
import org.fedwan.channel.lora.LoraTxParams;
import org.fedwan.channel.lora.LowDataRateOptimization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The bounds derived from the engine's clock, safe folder names, and defensive reading of input files. */
class HostileValuesTest {

    @TempDir
    Path dir;

    @Test
    void theDutyCycleBoundIsDerivedFromTheClockAndTheLongestFrame() {
        // SF12, 125 kHz, CR 4/5, 255 B, explicit header, CRC: 275.25 symbols of 32.768 ms = 9019.392 ms
        double longestMs = LoraPhy.timeOnAirMs(LoraPhy.MAX_PHY_PAYLOAD_BYTES, new LoraTxParams(12, 125_000, 1, 8, true, true,
                LowDataRateOptimization.AUTO));
        assertEquals(9019.392, longestMs, 1e-9);
        assertTrue(ClockLimits.LONGEST_FRAME_US >= longestMs * 1000);
        double needed = (double) ClockLimits.MAX_ROUNDS * ClockLimits.LONGEST_FRAME_US / ClockLimits.MAX_SIM_TIME_US;
        assertEquals(1.08e-7, needed, 0.01e-7);
        assertTrue(ClockLimits.MIN_DUTY_CYCLE >= needed);
        assertEquals(292_271, Math.floor(ClockLimits.MAX_SIM_TIME_YEARS), 0);
    }

    @Test
    void trainingThatOverflowsTheClockIsRefusedWithTheSpeedItNeeds() {
        assertNull(ClockLimits.trainingProblem(1e12, 50, 100_000), "a real set-up fits");
        String p = ClockLimits.trainingProblem(1.16e11, 1e-300, 5);
        assertNotNull(p);
        assertTrue(p.startsWith("for 5 rounds of 1.16e+11 FLOP of training per client: allowed: at least "), p);
        assertTrue(p.contains("long of µs"), p);
    }

    @Test
    void folderNamesCannotLeaveTheResultsFolder() {
        for (String ok : new String[] {"quickstart", "seed001-dirichlet", "my run (2)", "café_1.5"}) {
            assertNull(Types.folderNameProblem(ok), ok);
        }
        for (String bad : new String[] {"../../x", "/abs/path", "a/b", "a\\b", "..", ".hidden", "-rf", " lead", "trail ",
            "tab\there", "nul\0", "x".repeat(Types.MAX_FOLDER_NAME_BYTES + 1), "é".repeat(Types.MAX_FOLDER_NAME_BYTES / 2 + 1)}) {
            assertNotNull(Types.folderNameProblem(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> Types.folderName().read("../x", null));
    }

    /** Makes a FIFO with the system's {@code mkfifo}; false where there is none. */
    private static boolean mkfifo(Path p) {
        try {
            return new ProcessBuilder("mkfifo", p.toString()).start().waitFor() == 0 && Files.exists(p);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    @Timeout(30)
    void inputFilesAreRegularBoundedAndUtf8() throws IOException {
        Path f = Files.writeString(dir.resolve("a.yaml"), "rounds: 2\n");
        assertEquals("rounds: 2\n", InputFiles.readText(f, 100, "a YAML file"));
        IllegalArgumentException big = assertThrows(IllegalArgumentException.class, () -> InputFiles.readText(f, 5, "a YAML file"));
        assertEquals(f + ": 10 bytes; allowed: a YAML file of at most 5 bytes", big.getMessage());
        IllegalArgumentException folder = assertThrows(IllegalArgumentException.class,
                () -> InputFiles.readText(dir, 100, "a YAML file"));
        assertEquals(dir + ": a folder, not a file; allowed: a YAML file", folder.getMessage());
        Path device = Path.of("/dev/zero");
        if (Files.exists(device)) {
            assertEquals("not a regular file (a device, a pipe or a socket); allowed: x", InputFiles.problem(device, 100, "x"));
        }
        Path latin1 = Files.write(dir.resolve("b.yaml"), "rounds: 2\nname: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        IllegalArgumentException enc = assertThrows(IllegalArgumentException.class,
                () -> InputFiles.readText(latin1, 100, "a YAML file"));
        assertEquals(latin1 + ":2: not UTF-8 text (byte 0xE9 at offset 19); allowed: a UTF-8 text file", enc.getMessage());
        assertEquals("no such file", InputFiles.problem(dir.resolve("none"), 100, "x"));
        Path fifo = dir.resolve("pipe");
        if (mkfifo(fifo)) {
            // opening a FIFO with no writer blocks for ever: it is refused from its attributes, never opened
            IllegalArgumentException pipe = assertThrows(IllegalArgumentException.class,
                    () -> InputFiles.readText(fifo, 100, "a YAML file"));
            assertEquals(fifo + ": not a regular file (a device, a pipe or a socket); allowed: a YAML file", pipe.getMessage());
        }
        assertFalse(InputFiles.utf8("µ ok".getBytes(StandardCharsets.UTF_8), "f").isEmpty());
    }
}
