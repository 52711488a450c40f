package org.fedwan.scenarios.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fedwan.results.Direction;
import org.fedwan.results.EnergyTable;
import org.fedwan.results.ResultTable;
import org.fedwan.results.RoundsTable;
import org.fedwan.results.TransmissionsTable;
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
        for (String table : List.of("rounds.csv", "transmissions.csv", "energy.csv", "clients.csv", "devices.csv", "summary.json")) {
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
    void cumulativeEnergyIsTheLedgerAndUplinkPayloadIsTheUpdatesPlusTheirFragmentHeaders() throws Exception {
        ScenarioRunner.run(tiny(), dir.resolve("e"), 2, false, null, false);
        Path run = dir.resolve("e");
        ResultTable frames = ResultTable.read(run, TransmissionsTable.TABLE);
        long upPayload = 0;
        long upFrames = 0;
        for (int i = 0; i < frames.size(); i++) {
            if (frames.label(i, TransmissionsTable.DIRECTION, Direction.class) == Direction.UPLINK) {
                upPayload += frames.integer(i, TransmissionsTable.FRM_PAYLOAD_BYTES);
                upFrames++;
            }
        }
        ResultTable energy = ResultTable.read(run, EnergyTable.TABLE);
        double ledgerJ = 0;
        for (int i = 0; i < energy.size(); i++) {
            ledgerJ += energy.requiredNumber(i, EnergyTable.ENERGY_J);
        }
        ResultTable rounds = ResultTable.read(run, RoundsTable.TABLE);
        assertEquals(ledgerJ, rounds.requiredNumber(rounds.size() - 1, RoundsTable.CUMULATIVE_ENERGY_J), 1e-9 * ledgerJ);
        long updateBytes = 0;
        for (int i = 0; i < rounds.size(); i++) {
            updateBytes += rounds.integer(i, RoundsTable.UPDATE_BYTES);
        }
        assertEquals(updateBytes + 3 * upFrames, upPayload);
    }
}
