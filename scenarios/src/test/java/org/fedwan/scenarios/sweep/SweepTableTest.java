package org.fedwan.scenarios.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The columns studies need, computed by hand on a made-up point of two runs. */
class SweepTableTest {

    @TempDir
    Path dir;

    private static Map<String, Object> run(double simTimeS, int rounds, double energyPerDeviceJ, int lost) {
        Map<String, Object> m = new HashMap<>();
        m.put("sim_time_s", simTimeS);
        m.put("rounds", rounds);
        m.put("energy_per_device_j", energyPerDeviceJ);
        m.put("lost_updates", lost);
        m.put("parameter_count", 12_500);
        m.put("update_message_bytes", 12_512);
        return m;
    }

    private static Map<String, String> row(String table, int line) {
        String[] lines = table.split("\n");
        String[] names = lines[0].split(",", -1);
        String[] values = lines[line].split(",", -1);
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            out.put(names[i], values[i]);
        }
        return out;
    }

    private SweepSpec spec(double batteryJ) throws Exception {
        Files.writeString(dir.resolve("base.yaml"), "training: none\nupdate_parameters: 12500\nclients: 4\nrounds: 2\n"
                + "battery_capacity_j: " + batteryJ + "\n");
        Path study = dir.resolve("study.yaml");
        Files.writeString(study, "scenario: base.yaml\ngrid:\n  protocol: [lorawan]\nreplications: 2\n");
        return SweepSpec.load(study, dir);
    }

    @Test
    void roundLatencyRoundsPerDayEnergyPerDayAndBatteryLife() throws Exception {
        // run 1: 2 rounds in 100 s, 10 J per device; run 2: 2 rounds in 300 s, 20 J per device
        String table = SweepTable.render(spec(1000), List.of(List.of(run(100, 2, 10, 1), run(300, 2, 20, 3))));
        Map<String, String> r = row(table, 1);
        // round latency 50 s and 150 s: mean 100, std 70.710678, ci95 t(0.975, 1) 12.706205 x 70.710678 / sqrt 2 = 635.310
        assertEquals("100.000000", r.get("round_latency_s_mean"));
        assertEquals("70.710678", r.get("round_latency_s_std"));
        assertEquals(635.310, Double.parseDouble(r.get("round_latency_s_ci95")), 1e-3);
        assertEquals("864.000000", r.get("rounds_per_day"));
        // energy per device per day: 10 x 86400 / 100 = 8640 and 20 x 86400 / 300 = 5760: mean 7200
        assertEquals("7200.000000", r.get("energy_per_device_per_day_j_mean"));
        // battery 1000 J / 7200 J per day
        assertEquals(1000.0 / 7200, Double.parseDouble(r.get("battery_life_days")), 1e-6);
        assertEquals("2.000000", r.get("lost_updates_mean"));
        assertEquals("12500", r.get("parameter_count"));
        assertEquals("12512", r.get("update_message_bytes"));
    }

    @Test
    void unlimitedBatteryAndTimelessRoundsLeaveCellsEmpty() throws Exception {
        String table = SweepTable.render(spec(0), List.of(List.of(run(0, 2, 0, 0))));
        Map<String, String> r = row(table, 1);
        assertEquals("0.000000", r.get("round_latency_s_mean"));
        assertEquals("", r.get("rounds_per_day"));
        assertEquals("", r.get("energy_per_device_per_day_j_mean"));
        assertEquals("", r.get("battery_life_days"));
    }
}
