package org.fedwan.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.fedwan.results.ClientsTable;
import org.fedwan.results.ResultTable;
import org.fedwan.results.TransmissionsTable;
import org.fedwan.scenarios.run.DataSets;
import org.fedwan.scenarios.run.Execution;
import org.fedwan.scenarios.run.ResultFolder;
import org.fedwan.scenarios.run.RunResult;
import org.fedwan.sim.config.Scenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped fragment-recovery example cut to one round: 3 devices, seed 000-sized fp32 updates
 * (3,872 fragments), about 1 % of the frames below sensitivity. Without recovery every update is
 * lost and clients.csv says why; arq delivers them with resends and feedback downlinks in
 * transmissions.csv; fec with too little redundancy loses them, with the cause of the lost frames.
 */
class FragmentRecoveryRunTest {

    private static final Path HOME = Path.of("..").toAbsolutePath().normalize();
    private static final DataSets.Cache DATA = new DataSets.Cache();
    /** 925,356 bytes (231,338 fp32 parameters and the codec's 4-byte header) in 239-byte fragments. */
    private static final int FRAGMENTS = 3_872;

    @AfterAll
    static void release() {
        DATA.close();
    }

    private static Path run(Map<String, Object> keys) throws Exception {
        Scenario s = ScenarioLoader.load(HOME.resolve("scenarios/examples/fragment-recovery.yaml"), HOME.resolve("data"))
                .with("rounds", 1).with("train_samples", 300).with("test_samples", 200);
        s = s.with(keys);
        RunResult r = Execution.execute(s, DATA, 2, null);
        Path dir = Files.createTempDirectory("fragment-recovery");
        ResultFolder.write(r, dir, Instant.EPOCH, Instant.EPOCH, Map.of());
        return dir;
    }

    private static List<String> column(Path dir, String name) throws IOException {
        ResultTable clients = ResultTable.read(dir, ClientsTable.TABLE);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < clients.size(); i++) {
            out.add(clients.text(i, name));
        }
        return out;
    }

    private static long count(ResultTable frames, Predicate<Integer> row) {
        long n = 0;
        for (int i = 0; i < frames.size(); i++) {
            if (row.test(i)) {
                n++;
            }
        }
        return n;
    }

    @Test
    void withoutRecoveryEveryUpdateIsLostBelowSensitivity() throws Exception {
        Path dir = run(Map.of());
        assertEquals(List.of("lost", "lost", "lost"), column(dir, "outcome"));
        assertEquals(List.of("below-sensitivity", "below-sensitivity", "below-sensitivity"), column(dir, "cause"));
    }

    @Test
    void arqDeliversEveryUpdateAndItsFramesAreInTheTables() throws Exception {
        Path dir = run(Map.of("fragment_recovery", "arq"));
        assertEquals(List.of("ok", "ok", "ok"), column(dir, "outcome"));
        ResultTable frames = ResultTable.read(dir, TransmissionsTable.TABLE);
        long uplinks = count(frames, i -> frames.text(i, TransmissionsTable.DIRECTION).equals("uplink"));
        // the broadcast's rows carry 242-byte fragments but its last one; feedbacks are lists of a few indices
        long feedbacks = count(frames, i -> frames.text(i, TransmissionsTable.DIRECTION).equals("downlink")
                && frames.intValue(i, TransmissionsTable.FRM_PAYLOAD_BYTES) < 100);
        assertTrue(uplinks > 3L * FRAGMENTS, "uplinks " + uplinks);
        assertTrue(feedbacks >= 3, "feedback downlinks " + feedbacks);
    }

    @Test
    void fecBeyondItsRedundancyLosesTheUpdateWithTheCauseOfTheLostFrames() throws Exception {
        // 0.001 x 3,872 -> 4 coded fragments against about 40 lost ones
        Path dir = run(Map.of("fragment_recovery", "fec", "fec_redundancy", 0.001));
        assertEquals(List.of("lost", "lost", "lost"), column(dir, "outcome"));
        assertEquals(List.of("below-sensitivity", "below-sensitivity", "below-sensitivity"), column(dir, "cause"));
        ResultTable frames = ResultTable.read(dir, TransmissionsTable.TABLE);
        long uplinks = count(frames, i -> frames.text(i, TransmissionsTable.DIRECTION).equals("uplink"));
        assertEquals(3L * (FRAGMENTS + 4), uplinks);
    }
}
