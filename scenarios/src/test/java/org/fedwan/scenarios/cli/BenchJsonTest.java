package org.fedwan.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.fedwan.fl.bench.MemoryProbe;
import org.fedwan.fl.bench.StepTimeBenchmark;
import org.fedwan.sim.Protocols;
import org.fedwan.sim.bench.BackgroundBenchmark;
import org.fedwan.sim.bench.KernelBenchmark;
import org.fedwan.sim.bench.LorawanNetworkBenchmark;
import org.fedwan.sim.bench.MemoryBenchmark;
import org.fedwan.sim.config.Scenario;
import org.fedwan.sim.lorawan.SensorEngine;
import org.fedwan.sim.lorawan.traffic.LorawanNetworkConfig;
import org.junit.jupiter.api.Test;

/**
 * {@code bench NAME --json} carries the numbers the text prints: each benchmark's result, small
 * enough to run here, rendered both ways, the text's figures read back (separators removed) and
 * compared with the document's. No timing is asserted.
 */
class BenchJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path HOME = Path.of("..").toAbsolutePath().normalize();

    private static String text(Consumer<PrintStream> print) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        print.accept(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static JsonNode json(Object doc) throws Exception {
        String s = Json.document(doc);
        assertEquals(1, s.strip().lines().count(), s);
        return JSON.readTree(s);
    }

    private static double plain(String grouped) {
        return Double.parseDouble(grouped.replace(",", "").replace("s", "").replace("h", "").trim());
    }

    private static String fixed(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    @Test
    void kernel() throws Exception {
        KernelBenchmark.Report r = KernelBenchmark.measure(20_000, 1);
        String text = text(out -> KernelBenchmark.print(r, out));
        JsonNode doc = json(BenchJson.kernel(r));
        assertTrue(text.startsWith("FedWAN kernel benchmark: medians of 1 repetitions x 20,000 events"), text);
        assertEquals(20_000, doc.path("events_per_repetition").asLong());
        List<String> rows = text.lines().skip(2).toList();
        assertEquals(2, rows.size(), text);
        for (int i = 0; i < 2; i++) {
            String[] f = rows.get(i).trim().split("\\s+");
            JsonNode row = doc.path("results").get(i);
            assertEquals(plain(f[0]), row.path("pending_timers").asDouble());
            assertEquals(plain(f[1]), Math.rint(row.path("kernel_events_per_s").asDouble()));
            assertEquals(plain(f[2]), Math.rint(row.path("bare_events_per_s").asDouble()));
            assertEquals(f[3], fixed(row.path("kernel_over_bare").asDouble(), 2));
        }
        assertEquals("10,000", rows.get(1).trim().split("\\s+")[0], "the text groups thousands");
    }

    @Test
    void lorawanNet() throws Exception {
        List<LorawanNetworkBenchmark.Measurement> m = LorawanNetworkBenchmark.run(new int[] {20, 1_200}, 0.5, 1,
                LorawanNetworkConfig.of(30, 500, 600, 20, 0.5, 1, 1L));
        String text = text(out -> LorawanNetworkBenchmark.print(m, out));
        JsonNode doc = json(BenchJson.lorawanNet(m));
        List<String> rows = text.lines().skip(2).limit(4).toList();
        for (int i = 0; i < 4; i++) {
            String[] f = rows.get(i).split("\\|");
            JsonNode row = doc.path("set_ups").get(i);
            assertEquals(f[1].trim(), row.path("set_up").asText());
            assertEquals(plain(f[2]), row.path("devices").asDouble());
            assertEquals(f[3].trim(), fixed(row.path("simulated_h").asDouble(), 1) + " h");
            assertEquals(plain(f[4]), row.path("events").asDouble());
            assertEquals(f[5].trim(), fixed(row.path("wall_s_median").asDouble(), 2) + " s");
            assertEquals(plain(f[8]), row.path("frames_sent").asDouble());
            assertEquals(f[9].trim(), fixed(row.path("pdr").asDouble(), 4));
        }
        assertTrue(rows.get(1).contains("| 1,200 |"), "the text groups thousands: " + rows.get(1));
        assertTrue(text.contains("cumulative / pairwise wall time at 1,200 devices: "
                + fixed(doc.path("cumulative_over_pairwise_wall").asDouble(), 2) + "\n"), text);
        assertTrue(text.contains(": " + fixed(doc.path("ns3_over_fedwan_wall").asDouble(), 0) + "x\n"), text);
        assertEquals(LorawanNetworkBenchmark.NS3_WALL_S, doc.path("ns3_wall_s").asDouble());
    }

    @Test
    void background() throws Exception {
        Scenario s = BenchCommand.backgroundSetUp(HOME);
        BackgroundBenchmark.Run none = BackgroundBenchmark.once(s, Protocols::groups, 0, BenchCommand.BACKGROUND_UPDATE_BYTES,
                BenchCommand.BACKGROUND_MODEL_BYTES);
        BackgroundBenchmark.Run loaded = BackgroundBenchmark.once(s, Protocols::groups, BackgroundBenchmark.SENSORS,
                BenchCommand.BACKGROUND_UPDATE_BYTES, BenchCommand.BACKGROUND_MODEL_BYTES);
        BackgroundBenchmark.Run reference = BackgroundBenchmark.once(s, (sim, sc, ev) -> Protocols.groups(sim, sc, ev,
                SensorEngine.EVENTS), BackgroundBenchmark.SENSORS, BenchCommand.BACKGROUND_UPDATE_BYTES,
                BenchCommand.BACKGROUND_MODEL_BYTES);
        BackgroundBenchmark.Comparison c = new BackgroundBenchmark.Comparison(s.run().name(), "lorawan", s.run().rounds(),
                s.policy().clients(), BenchCommand.BACKGROUND_UPDATE_BYTES, BenchCommand.BACKGROUND_MODEL_BYTES, Double.NaN,
                1.5, 2, 3.25, none, loaded, reference);
        String text = text(out -> BackgroundBenchmark.print(c, out));
        JsonNode doc = json(BenchJson.background(c));
        assertTrue(text.startsWith(s.run().name() + ": 2 rounds, 10 clients (lorawan), 6,022-byte updates, 23,976-byte model; load average (1 min) "
                + "NaN before, 1.50 after, 2 cores; warm-up 3.3 s\n"), text);
        assertEquals(3.25, doc.path("warm_up_s").asDouble());
        assertTrue(doc.path("load_average_before").isNull(), "not measured: null");
        assertEquals(6_022, doc.path("update_bytes").asInt());
        List<String> rows = text.lines().skip(3).limit(3).toList();
        for (int i = 0; i < 3; i++) {
            String[] f = rows.get(i).split("\\|");
            JsonNode row = doc.path("runs").get(i);
            assertEquals(plain(f[1]), row.path("sensors").asDouble());
            assertEquals(f[2].trim(), i == 0 ? "-" : row.path("engine").asText());
            assertEquals(plain(f[5]), row.path("events").asDouble());
            assertEquals(f[6].trim(), fixed(row.path("simulated_s").asDouble(), 1) + " s");
            assertEquals(plain(f[7]), row.path("updates_lost").asDouble());
            assertEquals(plain(f[8]), row.path("client_frames_lost").asDouble());
            assertEquals(f[9].trim(), i == 0 ? "-" : fixed(row.path("sensors_pdr").asDouble(), 4));
        }
        assertTrue(doc.path("runs").get(0).path("engine").isNull());
        // both engines simulate the same: only the kernel's events differ
        assertEquals(doc.path("runs").get(1).path("sensors_pdr").asDouble(), doc.path("runs").get(2).path("sensors_pdr").asDouble());
        assertTrue(doc.path("runs").get(2).path("events").asLong() > 5 * doc.path("runs").get(1).path("events").asLong());
        assertTrue(text.contains("sensors as events: wall " + fixed(doc.path("events_engine_wall_ratio").asDouble(), 2)
                + "x, CPU " + fixed(doc.path("events_engine_cpu_ratio").asDouble(), 2) + "x"), text);
        assertTrue(doc.path("runs").get(0).path("sensors_pdr").isNull());
        assertTrue(text.contains("events " + fixed(doc.path("events_ratio").asDouble(), 2) + "x; simulated time "
                + fixed(doc.path("simulated_ratio").asDouble(), 2) + "x"), text);
        assertTrue(text.contains("without: " + fixed(doc.path("wall_ratio").asDouble(), 2) + "x (bound 2.0x: "
                + (doc.path("bound_met").asBoolean() ? "met" : "NOT met")), text);
    }

    /** NB-IoT's sensors are scheduled UEs in every engine: two runs, no events-engine ratios. */
    @Test
    void backgroundOnNbiot() throws Exception {
        Scenario s = BenchCommand.backgroundSetUp(HOME).with("protocol", "nbiot");
        BackgroundBenchmark.Run none = BackgroundBenchmark.once(s, Protocols::groups, 0, BenchCommand.BACKGROUND_UPDATE_BYTES,
                BenchCommand.BACKGROUND_MODEL_BYTES);
        BackgroundBenchmark.Run loaded = BackgroundBenchmark.once(s, Protocols::groups, BackgroundBenchmark.SENSORS,
                BenchCommand.BACKGROUND_UPDATE_BYTES, BenchCommand.BACKGROUND_MODEL_BYTES);
        BackgroundBenchmark.Comparison c = new BackgroundBenchmark.Comparison(s.run().name(), "nbiot", s.run().rounds(),
                s.policy().clients(), BenchCommand.BACKGROUND_UPDATE_BYTES, BenchCommand.BACKGROUND_MODEL_BYTES, 1.0, 1.0, 2,
                3.0, none, loaded, null);
        String text = text(out -> BackgroundBenchmark.print(c, out));
        JsonNode doc = json(BenchJson.background(c));
        assertTrue(text.startsWith(s.run().name() + ": 2 rounds, 10 clients (nbiot), "), text);
        assertEquals("nbiot", doc.path("protocol").asText());
        assertEquals(2, doc.path("runs").size());
        assertEquals(6, text.lines().count(), text); // heading, table head and rule, two rows, the ratios
        assertTrue(text.contains("the default engine schedules the sensors as events"), text);
        assertTrue(doc.path("events_engine_wall_ratio").isNull());
        assertTrue(doc.path("events_engine_cpu_ratio").isNull());
        assertTrue(doc.path("runs").get(1).path("sensors_pdr").asDouble() > 0);
        // NB-IoT sensors are scheduled: they add kernel events
        assertTrue(doc.path("runs").get(1).path("events").asLong() > doc.path("runs").get(0).path("events").asLong());
    }

    @Test
    void stepTimeWithAndWithoutPyTorch() throws Exception {
        StepTimeBenchmark.Report r = new StepTimeBenchmark.Report(1, 10, 9, 10, "python3", List.of(
                new StepTimeBenchmark.Row("cnn6-cifar", 64, 30.5, 20.0), new StepTimeBenchmark.Row("mlp-mnist-qrr", 512, 4.0,
                        Double.NaN)));
        String text = text(out -> StepTimeBenchmark.print(r, out));
        JsonNode doc = json(BenchJson.stepTime(r));
        assertTrue(text.contains("| cnn6-cifar | 64 | 30.50 | 20.00 | 1.53 | not met |"), text);
        JsonNode cnn = doc.path("cases").get(0);
        assertEquals(30.5, cnn.path("fedwan_step_ms").asDouble());
        assertEquals(1.525, cnn.path("fedwan_over_pytorch").asDouble(), 1e-12);
        assertFalse(cnn.path("goal_met").asBoolean());
        assertTrue(text.contains("| mlp-mnist-qrr | 512 | 4.00 | n/a | n/a | n/a |"), text);
        JsonNode mlp = doc.path("cases").get(1);
        assertTrue(mlp.path("pytorch_step_ms").isNull() && mlp.path("fedwan_over_pytorch").isNull() && mlp.path("goal_met").isNull(),
                mlp.toString());
        assertEquals("python3", doc.path("pytorch").asText());
        assertFalse(text.contains("PyTorch not available"));
    }

    @Test
    void memorySlopesAgreeWithTheSummary() throws Exception {
        // 1 MB more resident memory each round, flat native memory: +100 MB per 100 rounds and 0
        long mb = 1L << 20;
        List<MemoryBenchmark.Sample> samples = new ArrayList<>();
        for (int round = 1; round <= 30; round++) {
            samples.add(new MemoryBenchmark.Sample(round, new MemoryProbe(round * mb, 40 * mb, 8 * mb, 9 * mb, 3 * mb, -1)));
        }
        JsonNode doc = json(BenchJson.memory(samples));
        assertEquals(100.0, doc.path("slopes_mb_per_100_rounds").path("rss").asDouble(), 1e-9);
        assertEquals(0.0, doc.path("slopes_mb_per_100_rounds").path("nd4j_native").asDouble(), 1e-9);
        assertEquals(30, doc.path("rounds").size());
        assertEquals(30.0, doc.path("rounds").get(29).path("rss_mb").asDouble());
        assertTrue(doc.path("rounds").get(29).path("heap_committed_mb").isNull(), "not measured: null");
        assertEquals(MemoryBenchmark.SLOPE_FROM_ROUND, doc.path("slope_from_round").asInt());
    }

    @Test
    void jsonIsAnOptionOfEveryBenchmark() {
        AirtimeCommandTest.Result r = AirtimeCommandTest.run("bench", "nosuch", "--json");
        assertTrue(r.exitCode() != 0 && r.err().contains("unknown benchmark 'nosuch'"), r.err());
        assertEquals("", r.out());
    }
}
