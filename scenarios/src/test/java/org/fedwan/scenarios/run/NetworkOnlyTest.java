package org.fedwan.scenarios.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fedwan.compression.ModelLayout;
import org.fedwan.compression.scheme.Compression;
import org.fedwan.compression.scheme.Scheme;
import org.fedwan.results.ClientOutcome;
import org.fedwan.results.ClientsTable;
import org.fedwan.results.ResultTable;
import org.fedwan.results.RoundsTable;
import org.fedwan.results.Summary;
import org.fedwan.sim.Scenarios;
import org.fedwan.sim.config.InvalidScenario;
import org.fedwan.sim.config.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Network-only runs ({@code training: none}): every update on the air has exactly the size the
 * scheme's own bit accounting ({@link Scheme#uplinkBits}, the path of {@code ./fedwan accounting})
 * gives the layout, no data set is read, accuracy is not measured, and the run is deterministic.
 */
class NetworkOnlyTest {

    @TempDir
    Path dir;

    private Scenario scenario(String protocol, String codec, Map<String, Object> more) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("name", "network-only");
        v.put("seed", 7L);
        v.put("rounds", 2L);
        v.put("clients", 6L);
        v.put("training", "none");
        v.put("update_parameters", 12_500L);
        v.put("uplink_codec", codec);
        v.put("protocol", protocol);
        // a data folder that does not exist: loading (or fetching) MNIST would create or read it
        v.put("data_dir", dir.resolve("no-data").toString());
        v.putAll(more);
        return Scenarios.build(v, dir);
    }

    private RunResult run(Scenario s) throws Exception {
        try (DataSets.Cache data = new DataSets.Cache()) {
            return Execution.execute(s, data, 1, null);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"lorawan,int8", "lorawan,int4", "nbiot,fp32", "ideal,topk"})
    void everyUpdateHasTheSizeTheSchemeAccountsForAndNoDataIsRead(String protocol, String codec) throws Exception {
        Scenario s = scenario(protocol, codec, Map.of());
        RunResult r = run(s);
        ModelLayout layout = s.training().layout(s.data().dataset());
        assertEquals(12_500, layout.parameterCount());
        Scheme scheme = Compression.uplink(codec, layout, Map.of());
        Path out = dir.resolve("out");
        ResultFolder.write(r, out, Instant.EPOCH, Instant.EPOCH, Map.of());
        ResultTable clients = ResultTable.read(out, ClientsTable.TABLE);
        int ok = 0;
        for (int row = 0; row < clients.size(); row++) {
            int round = clients.intValue(row, ClientsTable.ROUND);
            long expected = scheme.uplinkBits(round).totalBytes();
            assertEquals(expected, clients.integer(row, ClientsTable.UPDATE_BYTES), "row " + row);
            if (clients.label(row, ClientsTable.OUTCOME, ClientOutcome.class) == ClientOutcome.OK) {
                ok++;
            }
        }
        assertTrue(ok > 0, "no update arrived");
        assertEquals(scheme.uplinkBits(1).totalBytes(), ((Number) r.summary().get(Summary.UPDATE_MESSAGE_BYTES.name())).longValue());
        assertEquals(12_500L, ((Number) r.summary().get(Summary.PARAMETER_COUNT.name())).longValue());
        if (codec.equals("fp32")) {
            assertTrue(scheme.uplinkBits(1).totalBytes() >= 50_000);
        }
        // no data set was read or fetched, nothing was evaluated
        assertFalse(Files.exists(dir.resolve("no-data")));
        assertEquals("none", r.summary().get(Summary.DATASET.name()));
        assertEquals("update:12500", r.summary().get(Summary.MODEL.name()));
        assertTrue(Double.isNaN(((Number) r.summary().get(Summary.FINAL_ACCURACY.name())).doubleValue()));
        ResultTable rounds = ResultTable.read(out, RoundsTable.TABLE);
        assertEquals(2, rounds.size());
        for (int row = 0; row < rounds.size(); row++) {
            assertEquals("", rounds.text(row, RoundsTable.ACCURACY));
            // the ideal link delivers at once: only the radios take time
            assertEquals(protocol.equals("ideal"), rounds.number(row, RoundsTable.ROUND_LATENCY_S) == 0);
        }
    }

    @Test
    void sameSeedSameBytesAndComputeTimeFromTheGivenFlops() throws Exception {
        Scenario s = scenario("lorawan", "int8", Map.of("compute_mflop", 100.0, "device_speed_sigma", 0.0,
                "device_mflops", 50.0, "update_layout", "5000 7500", "update_parameters", 0L));
        RunResult a = run(s);
        RunResult b = run(s);
        assertEquals(a.tables(), b.tables());
        assertEquals(a.summary().toString(), b.summary().toString());
        assertEquals(2, s.training().layout(s.data().dataset()).layerCount());
        assertEquals("update:5000-7500", a.summary().get(Summary.MODEL.name()));
        // 100 MFLOP at 50 MFLOP/s: 2 s of compute, 100 MFLOP x 0.5 mJ/MFLOP = 0.05 J per client and round
        Path out = dir.resolve("det");
        ResultFolder.write(a, out, Instant.EPOCH, Instant.EPOCH, Map.of());
        ResultTable clients = ResultTable.read(out, ClientsTable.TABLE);
        for (int row = 0; row < clients.size(); row++) {
            assertEquals(2.0, clients.number(row, ClientsTable.COMPUTE_S), 1e-6);
        }
        double training = ((Number) a.summary().get("energy_mcu_training_j")).doubleValue();
        assertEquals(0.05 * clients.size(), training, 1e-6);
    }

    @Test
    void layoutKeysOnlyWithTrainingNoneAndOneAtATime() {
        InvalidScenario e = assertThrows(InvalidScenario.class, () -> Scenarios.build(Map.of("update_parameters", 100L), dir));
        assertTrue(e.getMessage().contains("update_parameters") && e.getMessage().contains("training: none"), e.getMessage());
        e = assertThrows(InvalidScenario.class, () -> Scenarios.build(Map.of("training", "none", "update_parameters", 100L,
                "update_layout", List.of(10L, 20L)), dir));
        assertTrue(e.getMessage().contains("update_layout"), e.getMessage());
        e = assertThrows(InvalidScenario.class, () -> Scenarios.build(Map.of("training", "none", "update_layout", "10 x"), dir));
        assertTrue(e.getMessage().contains("allowed: a list of whole numbers"), e.getMessage());
        // no update layout given: the model's
        assertEquals(5_994, Scenarios.build(Map.of("training", "none"), dir).training().layout("mnist").parameterCount());
    }
}
