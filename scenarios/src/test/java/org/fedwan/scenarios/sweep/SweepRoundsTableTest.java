package org.fedwan.scenarios.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fedwan.results.ResultTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sweep-rounds.csv against a hand computation on three made-up replications. */
class SweepRoundsTableTest {

    @TempDir
    Path dir;

    private ResultTable rounds(String name, String... rows) throws Exception {
        Path f = dir.resolve(name + ".csv");
        Files.writeString(f, "round,accuracy,cumulative_energy_j,cumulative_uplink_bytes,round_latency_s\n"
                + String.join("\n", rows) + "\n");
        return ResultTable.read(f);
    }

    @Test
    void meanStdAndStudentTHalfWidthPerRound() throws Exception {
        Files.writeString(dir.resolve("base.yaml"), "training: none\nupdate_parameters: 100\nclients: 2\nrounds: 2\n");
        Path study = dir.resolve("study.yaml");
        Files.writeString(study, "scenario: base.yaml\ngrid:\n  uplink_codec: [int8]\nreplications: 3\n");
        SweepSpec spec = SweepSpec.load(study, dir);
        List<ResultTable> runs = List.of(
                rounds("r0", "1,0.5,10,1000,2.0", "2,0.8,20,2000,3.0"),
                rounds("r1", "1,0.6,11,1000,2.5", "2,,22,2000,3.5"),
                rounds("r2", "1,0.7,12,1000,3.0"));
        String[] lines = SweepRoundsTable.render(spec, List.of(runs)).split("\n");
        assertEquals("point,uplink_codec,round,runs,accuracy_mean,accuracy_std,accuracy_ci95,cumulative_energy_j_mean,"
                + "cumulative_energy_j_std,cumulative_energy_j_ci95,cumulative_uplink_bytes_mean,cumulative_uplink_bytes_std,"
                + "cumulative_uplink_bytes_ci95,round_latency_s_mean,round_latency_s_std,round_latency_s_ci95", lines[0]);
        assertEquals(3, lines.length);
        // round 1, accuracy 0.5, 0.6, 0.7: mean 0.6, std 0.1, t(0.975, 2) = 4.302653 x 0.1 / sqrt 3 = 0.248414
        // energy 10, 11, 12: mean 11, std 1, 2.484138; bytes all 1000: std 0, ci 0; latency 2, 2.5, 3: 2.5, 0.5, 1.242069
        assertEquals("p0000,int8,1,3,0.600000,0.100000,0.248414,11.000000,1.000000,2.484138,1000.000000,0.000000,"
                + "0.000000,2.500000,0.500000,1.242069", lines[1]);
        // round 2: two runs got there, one of them without an accuracy: accuracy n = 1 (no spread);
        // energy 20, 22: mean 21, std 1.414214, t(0.975, 1) = 12.706205 x 1.414214 / sqrt 2 = 12.706205
        assertEquals("p0000,int8,2,2,0.800000,,,21.000000,1.414214,12.706205,2000.000000,0.000000,0.000000,3.250000,"
                + "0.353553,3.176551", lines[2]);
    }
}
