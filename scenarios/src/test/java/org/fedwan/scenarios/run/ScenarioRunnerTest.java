package org.fedwan.scenarios.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fedwan.scenarios.ScenarioLoader;
import org.fedwan.sim.config.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioRunnerTest {

    @TempDir
    Path dir;

    private Scenario tiny() throws Exception {
        Path f = dir.resolve("tiny.yaml");
        Files.writeString(f, "dataset: synthetic\ntrain_samples: 300\ntest_samples: 100\nclients: 3\nrounds: 2\n"
                + "batch_size: 20\nseed: 5\ntrain_eval_samples: 50\nquantization_aware: true\n");
        return ScenarioLoader.load(f, dir);
    }

    @Test
    void writesTablesSummaryAndFiguresByteIdenticallyForAnyThreadCount() throws Exception {
        Scenario c = tiny();
        ScenarioRunner.Outcome a = ScenarioRunner.run(c, dir.resolve("a"), 1, true, null, false);
        ScenarioRunner.run(c, dir.resolve("b"), 2, false, null, false);
        for (String table : List.of("rounds.csv", "transmissions.csv")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(table)),
                    Files.readAllBytes(dir.resolve("b").resolve(table)), table + " differs between 1 and 2 threads");
            assertFalse(Files.exists(dir.resolve("a").resolve(table + ".part")));
        }
        List<String> rounds = Files.readAllLines(dir.resolve("a/rounds.csv"));
        assertEquals(3, rounds.size());
        assertTrue(rounds.get(0).startsWith("round,sim_time_s,accuracy,loss,uplink_bytes,downlink_bytes,uplink_frames,"
                + "energy_j,round_latency_s,clients_ok,clients_dropped"));
        assertTrue(Files.readAllLines(dir.resolve("a/transmissions.csv")).get(0)
                .startsWith("device,start_s,end_s,bytes,airtime_ms,energy_j,outcome"));
        String summary = Files.readString(dir.resolve("a/summary.json"));
        assertTrue(summary.contains("\"rounds\" : 2") && summary.contains("\"update_message_bytes\" : 6022"), summary);
        // every run figure as PNG and SVG (14 x 2), and the self-contained report
        assertEquals(2 * org.fedwan.plots.RunFigures.figureNames().size(), a.figures().size());
        assertTrue(Files.readString(dir.resolve("a/report.html")).contains("<svg"));
        for (Path p : a.figures()) {
            assertTrue(Files.size(p) > 1000, p.toString());
        }
    }

    @Test
    void resolvedScenarioRoundTrips() throws Exception {
        Scenario c = tiny();
        assertEquals(c, ResultFolder.fromResolved(ResultFolder.resolved(c)));
        assertEquals(64, ResultFolder.hash(c).length());
    }

    @Test
    void roundEnergyEqualsTheSumOfTheFrameAndEnergyRows() throws Exception {
        ScenarioRunner.run(tiny(), dir.resolve("e"), 2, false, null, false);
        List<String> frames = Files.readAllLines(dir.resolve("e/transmissions.csv"));
        double framesJ = 0;
        long upPayload = 0;
        long upFrames = 0;
        for (String line : frames.subList(1, frames.size())) {
            String[] f = line.split(",");
            framesJ += Double.parseDouble(f[5]);
            if (f[8].equals("uplink")) {
                upPayload += Long.parseLong(f[10]);
                upFrames++;
            }
        }
        List<String> energy = Files.readAllLines(dir.resolve("e/energy.csv"));
        for (String line : energy.subList(1, energy.size())) {
            framesJ += Double.parseDouble(line.split(",")[5]);
        }
        List<String> rounds = Files.readAllLines(dir.resolve("e/rounds.csv"));
        String[] last = rounds.get(rounds.size() - 1).split(",");
        assertEquals(framesJ, Double.parseDouble(last[15]), 1e-6);
        long updateBytes = 0;
        for (String line : rounds.subList(1, rounds.size())) {
            updateBytes += Long.parseLong(line.split(",")[12]);
        }
        assertEquals(updateBytes + 3 * upFrames, upPayload);
    }
}
