package org.fedwan.scenarios.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The header of sweep.csv built from the schema's columns is the one written before they moved into it. */
class SweepHeaderTest {

    @TempDir
    Path dir;

    /** The columns scripts read: new metrics only ever append (lost_updates came with the energy ledger, background_pdr and background_energy_j with background traffic). */
    @Test
    void headerIsUnchanged() throws Exception {
        Files.writeString(dir.resolve("base.yaml"), "dataset: synthetic\nclients: 3\nrounds: 1\n");
        Path study = dir.resolve("study.yaml");
        Files.writeString(study, "scenario: base.yaml\ngrid:\n  uplink_codec: [fp32, int8]\n  duty_cycle: [0.01]\n");

        String header = SweepTable.header(SweepSpec.load(study, dir));

        StringBuilder expected = new StringBuilder("point,uplink_codec,duty_cycle,runs,target_reached");
        for (String m : new String[] {"final_accuracy", "final_loss", "sim_time_s", "uplink_bytes", "downlink_bytes",
            "update_bytes", "energy_j", "energy_per_device_j", "time_to_target_s", "energy_to_target_j",
            "uplink_bytes_to_target", "rounds_to_target", "lost_updates", "background_pdr", "background_energy_j"}) {
            expected.append(',').append(m).append("_mean,").append(m).append("_std,").append(m).append("_ci95");
        }
        // appended for studies (issue 15): derived metrics, then one value per point
        for (String m : new String[] {"round_latency_s", "energy_per_device_per_day_j"}) {
            expected.append(',').append(m).append("_mean,").append(m).append("_std,").append(m).append("_ci95");
        }
        expected.append(",parameter_count,update_message_bytes,rounds_per_day,battery_life_days");
        assertEquals(expected.toString(), header);
    }
}
