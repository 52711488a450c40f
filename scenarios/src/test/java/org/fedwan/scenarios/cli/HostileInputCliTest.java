package org.fedwan.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad options and fatal errors end in one line naming the option (exit code 2 for bad input, 1
 * for failures) and never a stack trace unless {@code --debug}; sizes are refused before anything
 * is allocated.
 */
class HostileInputCliTest {

    @TempDir
    Path dir;

    private static void oneLine(AirtimeCommandTest.Result r, int code, String start) {
        assertEquals(code, r.exitCode(), r.err());
        assertTrue(r.err().startsWith(start), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    private Path scenario() throws IOException {
        return Files.writeString(dir.resolve("s.yaml"), "dataset: synthetic\nrounds: 1\n");
    }

    @Test
    void threadsAndWorkersAreCapped() throws IOException {
        oneLine(AirtimeCommandTest.run("run", scenario().toString(), "--threads", "100000"), 2,
                "fedwan: --threads 100000: allowed: 1 to 256");
        oneLine(AirtimeCommandTest.run("run", scenario().toString(), "--threads", "0"), 2, "fedwan: --threads 0: allowed: 1 to");
    }

    @Test
    void outPointingAtAFileIsNamed() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        oneLine(AirtimeCommandTest.run("run", scenario().toString(), "--out", file.toString()), 2,
                "fedwan: --out " + file + ": a file, not a folder; allowed: a folder (created if missing)");
    }

    @Test
    void networkRunsAreSizedBeforeTheyStart() {
        oneLine(AirtimeCommandTest.run("lorawan-net", "--period-s", "1e-9", "--duration-h", "0.01"), 2,
                "fedwan: --period-s (net_period_s) 1.0E-9: allowed: a finite number >= 1.0E-6 s");
        oneLine(AirtimeCommandTest.run("lorawan-net", "--devices", "5000000"), 2,
                "fedwan: --devices (net_devices) 5000000: allowed: at most 1000000");
        oneLine(AirtimeCommandTest.run("lorawan-net", "--devices", "100000", "--duration-h", "100000"), 2,
                "fedwan: --devices (net_devices) 100000 x --duration-h (net_duration_h) 100000.0 h / --period-s (net_period_s) "
                        + "600.0 s = 6.00e+10 frames; allowed: at most 200000000 frames");
        oneLine(AirtimeCommandTest.run("nbiot-net", "--devices", "10", "--period-s", "600", "--payload", "20", "--duration-h", "1e9",
                "--coupling-loss-db", "140"), 2, "fedwan: --devices 10 x --duration-h 1.0E9 h / --period-s 600.0 s");
        oneLine(AirtimeCommandTest.run("nbiot-net", "--devices", "10", "--period-s", "1e-9", "--payload", "20", "--duration-h", "1",
                "--coupling-loss-db", "140"), 2, "fedwan: --period-s 1.0E-9: allowed");
        oneLine(AirtimeCommandTest.run("nbiot-net", "--devices", "1000000000", "--period-s", "600", "--payload", "20",
                "--duration-h", "1", "--coupling-loss-db", "140"), 2, "fedwan: --devices 1000000000: allowed: at most 1000000");
    }

    @Test
    void budgetsAreNumbersFromZero() throws IOException {
        Path study = Files.writeString(dir.resolve("study.yaml"), "scenario: s.yaml\n");
        scenario();
        oneLine(AirtimeCommandTest.run("budget", study.toString(), "--target-accuracy", "0.5", "--max-energy-j-per-device", "NaN"),
                2, "fedwan: --max-energy-j-per-device NaN: allowed: a number >= 0");
        oneLine(AirtimeCommandTest.run("budget", study.toString(), "--target-accuracy", "0.5", "--max-time-s", "-1"), 2,
                "fedwan: --max-time-s -1.0: allowed: a number >= 0");
        oneLine(AirtimeCommandTest.run("budget", study.toString(), "--target-accuracy", "NaN"), 2,
                "fedwan: --target-accuracy NaN: allowed");
        oneLine(AirtimeCommandTest.run("budget", study.toString(), "--objective", "largest-model", "--min-rounds-per-day", "NaN"),
                2, "fedwan: --min-rounds-per-day NaN: allowed: a number >= 0");
        oneLine(AirtimeCommandTest.run("budget", study.toString(), "--objective", "cheapest", "--min-battery-life-days", "-2"),
                2, "fedwan: --min-battery-life-days -2.0: allowed: a number >= 0");
        oneLine(AirtimeCommandTest.run("budget", study.toString(), "--objective", "largest", "--min-rounds-per-day", "20"), 2,
                "fedwan: --objective largest: allowed: time-to-target, largest-model, most-rounds-per-day, cheapest, "
                        + "best-accuracy, least-energy-to-target");
        oneLine(AirtimeCommandTest.run("budget", study.toString(), "--min-rounds-per-day", "20"), 2,
                "fedwan: --objective time-to-target (the default) needs --target-accuracy A; allowed without it: --objective "
                        + "largest-model, most-rounds-per-day, cheapest, best-accuracy");
        oneLine(AirtimeCommandTest.run("budget", study.toString(), "--objective", "largest-model", "--max-time-s", "10"), 2,
                "fedwan: --max-time-s 10.0: a cost to the target; allowed only with --target-accuracy A");
        oneLine(AirtimeCommandTest.run("budget", study.toString(), "--objective", "largest-model", "--json", "--csv", "-"), 2,
                "fedwan: --json and --csv -: allowed: one of them on the console");
        oneLine(AirtimeCommandTest.run("budget", study.toString(), "--objective", "largest-model", "--group-by", "data_rate"), 2,
                "fedwan: --group-by data_rate: not a swept setting of study; allowed: none (the study sweeps no setting)");
    }

    @Test
    void debugPrintsTheStackTraceAsWell() {
        AirtimeCommandTest.Result plain = AirtimeCommandTest.run("lorawan-net", "--devices", "5000000");
        assertFalse(plain.err().contains("\tat "));
        AirtimeCommandTest.Result debug = AirtimeCommandTest.run("--debug", "lorawan-net", "--devices", "5000000");
        assertEquals(2, debug.exitCode());
        assertTrue(debug.err().startsWith("fedwan: --devices") && debug.err().contains("\tat "), debug.err());
        AirtimeCommandTest.Result after = AirtimeCommandTest.run("lorawan-net", "--devices", "5000000", "--debug");
        assertTrue(after.err().contains("\tat "), "--debug is accepted after the command too");
    }

    @Test
    void fatalErrorsAreOneLineWithTheRealCause() {
        assertEquals("fedwan: out of memory (Java heap space); make the run smaller or give Java more memory, e.g. "
                + "FEDWAN_JAVA_OPTS=-Xmx4g (--debug prints where)", Failures.line(new OutOfMemoryError("Java heap space")));
        assertEquals(1, Failures.exitCode(new OutOfMemoryError()));
        ExecutionException wrapped = new ExecutionException(new IllegalArgumentException("bad value"));
        assertEquals("fedwan: bad value", Failures.line(wrapped));
        assertEquals(2, Failures.exitCode(wrapped));
        assertEquals("fedwan: /r/rounds.csv: No space left on device",
                Failures.line(new FileSystemException("/r/rounds.csv", null, "No space left on device")));
        assertEquals("fedwan: long overflow: a value made the run exceed what the engine represents (simulated time is a long "
                + "of µs, at most 292,271 years; --debug prints where)",
                Failures.line(new RuntimeException(new ArithmeticException("long overflow"))));
        assertEquals("fedwan: NullPointerException", Failures.line(new NullPointerException()));
    }

    @Test
    void aCorruptResultFileSaysWhatToDo() throws IOException {
        Path manifest = Files.writeString(dir.resolve("manifest.json"), "{\"scenario_sha256\": ");
        IOException e = assertThrows(IOException.class, () -> new ObjectMapper().readValue(manifest.toFile(), Map.class));
        String line = Failures.line(e);
        // Jackson keeps no source in its messages (since 2.16): the reader names the file when it can; this says which files
        assertTrue(line.startsWith("fedwan: not valid JSON (") && line.contains("at line 1")
                && line.endsWith("a result file (manifest.json or summary.json of a run folder) may be damaged: delete that "
                        + "run's folder to redo the run"), line);
        assertEquals(1, Failures.exitCode(e));
    }
}
