package org.fedwan.scenarios.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fedwan.sim.config.RunConfig;
import org.fedwan.sim.federation.RunSummary;

/** The summary metrics of a run, in a fixed order; the sweep table aggregates the numeric ones. */
public final class Summaries {

    /** Numeric metrics, in the order sweep.csv lists them. */
    public static final List<String> METRICS = List.of("final_accuracy", "final_loss", "sim_time_s", "uplink_bytes",
            "downlink_bytes", "update_bytes", "energy_j", "energy_per_device_j", "time_to_target_s",
            "energy_to_target_j", "uplink_bytes_to_target", "rounds_to_target");

    private Summaries() {
    }

    static Map<String, Object> of(RunConfig c, RunSummary s, TargetTracker t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scenario", c.name());
        m.put("seed", c.seed());
        m.put("replication", c.replication());
        m.put("rounds", s.rounds());
        m.put("clients", c.clients());
        m.put("clients_per_round", c.clientsPerRound());
        m.put("dataset", c.dataset());
        m.put("model", c.model());
        m.put("parameter_count", s.parameterCount());
        m.put("uplink_codec", c.uplinkCodec());
        m.put("uplink_options", c.uplinkOptions());
        m.put("downlink_codec", c.downlinkCodec());
        m.put("update_message_bytes", s.updateMessageBytes());
        m.put("protocol", c.protocol());
        m.put("region", c.region());
        m.put("data_rate", c.dataRate());
        m.put("downlink_data_rate", c.downlinkDataRate());
        m.put("duty_cycle", c.dutyCycle());
        m.put("target_accuracy", t.target());
        m.put("final_accuracy", s.finalAccuracy());
        m.put("final_loss", s.finalLoss());
        m.put("sim_time_s", s.simTimeUs() / 1e6);
        m.put("uplink_bytes", s.uplinkBytes());
        m.put("downlink_bytes", s.downlinkBytes());
        m.put("uplink_frames", s.uplinkFrames());
        m.put("downlink_frames", s.downlinkFrames());
        m.put("update_bytes", s.updateBytes());
        m.put("energy_j", s.energyJ());
        m.put("energy_per_device_j", s.energyJ() / c.clients());
        m.put("time_to_target_s", t.timeS());
        m.put("energy_to_target_j", t.energyJ());
        m.put("uplink_bytes_to_target", t.uplinkBytes());
        m.put("rounds_to_target", t.rounds());
        m.put("events_processed", s.eventsProcessed());
        return m;
    }

    /** A metric as a double (NaN when absent or not numeric). */
    public static double number(Map<String, ?> summary, String metric) {
        Object v = summary.get(metric);
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
