package org.fedwan.scenarios.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.fedwan.fl.bench.MemoryProbe;
import org.fedwan.fl.bench.StepTimeBenchmark;
import org.fedwan.sim.bench.BackgroundBenchmark;
import org.fedwan.sim.bench.KernelBenchmark;
import org.fedwan.sim.bench.LorawanNetworkBenchmark;
import org.fedwan.sim.bench.MemoryBenchmark;
import org.fedwan.sim.lorawan.traffic.LorawanNetworkReport;

/**
 * The {@code bench NAME --json} documents: the figures the text tables print, from the same
 * result objects, as plain numbers whose keys carry the units (seconds {@code _s}, milliseconds
 * {@code _ms}, bytes {@code _bytes}, megabytes of 2^20 bytes {@code _mb}). Not-measured values
 * (no PyTorch, no load average) are {@code null}.
 */
final class BenchJson {

    /** Bytes per MB (2^20), as {@link MemoryBenchmark} prints them. */
    private static final double MB = 1024.0 * 1024.0;

    private BenchJson() {
    }

    static Map<String, Object> kernel(KernelBenchmark.Report report) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("benchmark", "kernel");
        doc.put("events_per_repetition", report.eventsPerRepetition());
        doc.put("repetitions", report.repetitions());
        doc.put("java_version", report.javaVersion());
        doc.put("cpus", report.cpus());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (KernelBenchmark.Result r : report.results()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("pending_timers", r.pendingTimers());
            row.put("kernel_events_per_s", r.kernelEventsPerSecond());
            row.put("bare_events_per_s", r.bareEventsPerSecond());
            row.put("kernel_over_bare", r.ratio());
            row.put("kernel_bytes_per_event", r.kernelBytesPerEvent());
            rows.add(row);
        }
        doc.put("results", rows);
        return doc;
    }

    static Map<String, Object> lorawanNet(List<LorawanNetworkBenchmark.Measurement> measurements) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("benchmark", "lorawan-net");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (LorawanNetworkBenchmark.Measurement m : measurements) {
            LorawanNetworkReport r = m.median();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("set_up", m.setUp());
            row.put("devices", r.devices());
            row.put("simulated_h", r.simulatedUs() / 3.6e9);
            row.put("events", r.events());
            row.put("wall_s_median", r.wallTimeMs() / 1e3);
            row.put("wall_s_runs", m.wallS());
            row.put("events_per_s", r.eventsPerSecond());
            row.put("frames_sent", r.framesSent());
            row.put("pdr", r.packetDeliveryRatio());
            rows.add(row);
        }
        doc.put("set_ups", rows);
        doc.put("cumulative_over_pairwise_wall", LorawanNetworkBenchmark.cumulativeOverPairwise(measurements));
        doc.put("ns3_wall_s", LorawanNetworkBenchmark.NS3_WALL_S);
        doc.put("ns3_over_fedwan_wall", LorawanNetworkBenchmark.ns3SpeedUp(measurements));
        return doc;
    }

    static Map<String, Object> background(BackgroundBenchmark.Comparison c) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("scenario", c.scenario());
        doc.put("protocol", c.protocol());
        doc.put("rounds", c.rounds());
        doc.put("clients", c.clients());
        doc.put("update_bytes", c.updateBytes());
        doc.put("model_bytes", c.modelBytes());
        doc.put("load_average_before", c.loadBefore());
        doc.put("load_average_after", c.loadAfter());
        doc.put("cores", c.cores());
        doc.put("warm_up_s", c.warmUpS());
        doc.put("repeats", BackgroundBenchmark.REPEATS);
        List<Map<String, Object>> rows = new ArrayList<>();
        String[] engines = {null, "default", "events"};
        List<BackgroundBenchmark.Run> runs = c.runs();
        for (int i = 0; i < runs.size(); i++) {
            BackgroundBenchmark.Run r = runs.get(i);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("sensors", r.sensors());
            row.put("engine", engines[i]);
            row.put("wall_s_median", r.wallS());
            row.put("cpu_s_median", r.cpuS());
            row.put("events", r.events());
            row.put("simulated_s", r.simulatedS());
            row.put("updates_lost", r.lost());
            row.put("client_frames_lost", r.framesLost());
            row.put("sensors_pdr", r.sensors() == 0 ? null : r.background().packetDeliveryRatio());
            rows.add(row);
        }
        doc.put("runs", rows);
        doc.put("wall_ratio", c.wallRatio());
        doc.put("wall_ratio_bound", BackgroundBenchmark.BOUND);
        doc.put("bound_met", c.boundMet());
        doc.put("cpu_ratio", c.cpuRatio());
        doc.put("events_ratio", c.eventsRatio());
        doc.put("simulated_ratio", c.simulatedRatio());
        doc.put("events_engine_wall_ratio", c.reference() == null ? null : c.referenceWallRatio());
        doc.put("events_engine_cpu_ratio", c.reference() == null ? null : c.referenceCpuRatio());
        return doc;
    }

    static Map<String, Object> stepTime(StepTimeBenchmark.Report report) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("benchmark", "step-time");
        doc.put("threads", report.threads());
        doc.put("steps_per_repetition", report.steps());
        doc.put("repetitions", report.repetitions());
        doc.put("warm_up_repetitions", report.warmUp());
        doc.put("pytorch", report.pytorch());
        doc.put("goal_ratio", report.goalRatio());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (StepTimeBenchmark.Row r : report.rows()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("model", r.model());
            row.put("batch", r.batch());
            row.put("fedwan_step_ms", r.fedwanMs());
            row.put("pytorch_step_ms", r.pytorchMs());
            row.put("fedwan_over_pytorch", r.ratio());
            row.put("goal_met", Double.isNaN(r.pytorchMs()) ? null : r.goalMet());
            rows.add(row);
        }
        doc.put("cases", rows);
        return doc;
    }

    /** Figures of the memory benchmark: every round's sample and the slopes the text's summary prints. */
    static Map<String, Object> memory(List<MemoryBenchmark.Sample> samples) {
        List<Map<String, Object>> rounds = new ArrayList<>();
        for (MemoryBenchmark.Sample s : samples) {
            MemoryProbe m = s.memory();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("round", s.round());
            row.put("rss_mb", mb(m.residentBytes()));
            row.put("peak_rss_mb", mb(m.peakResidentBytes()));
            row.put("nd4j_native_mb", mb(m.nd4jNativeBytes()));
            row.put("javacpp_mb", mb(m.javacppBytes()));
            row.put("heap_used_mb", mb(m.heapUsedBytes()));
            row.put("heap_committed_mb", mb(m.heapCommittedBytes()));
            rounds.add(row);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("slope_from_round", MemoryBenchmark.SLOPE_FROM_ROUND);
        Map<String, Object> slopes = new LinkedHashMap<>();
        slopes.put("rss", slope(samples, MemoryProbe::residentBytes));
        slopes.put("nd4j_native", slope(samples, MemoryProbe::nd4jNativeBytes));
        slopes.put("javacpp", slope(samples, MemoryProbe::javacppBytes));
        slopes.put("heap_used", slope(samples, MemoryProbe::heapUsedBytes));
        slopes.put("heap_committed", slope(samples, MemoryProbe::heapCommittedBytes));
        doc.put("slopes_mb_per_100_rounds", slopes);
        doc.put("rounds", rounds);
        return doc;
    }

    private static double slope(List<MemoryBenchmark.Sample> samples, ToLongFunction<MemoryProbe> figure) {
        return 100 * MemoryBenchmark.slopePerRound(samples, MemoryBenchmark.SLOPE_FROM_ROUND, figure) / MB;
    }

    private static double mb(long bytes) {
        return bytes < 0 ? Double.NaN : bytes / MB;
    }
}
