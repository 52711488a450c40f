package org.fedwan.scenarios.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fedwan.results.EnergyState;
import org.fedwan.results.Key;
import org.fedwan.results.LossCause;
import org.fedwan.results.Summary;
import org.fedwan.sim.LinkSection;
import org.fedwan.sim.config.Scenario;
import org.fedwan.sim.lorawan.LorawanSection;
import org.fedwan.sim.federation.RunSummary;
import org.fedwan.sim.link.BackgroundReport;

/**
 * The summary of a run ({@link Summary#KEYS}, in that order, then {@link Summary#BACKGROUND} when the
 * run has background sensors); the sweep table aggregates its numeric metrics.
 */
public final class Summaries {

    /** Numeric metrics, in the order sweep.csv lists them. */
    public static final List<String> METRICS = Summary.METRICS.stream().map(Key::name).toList();

    /** The {@code dataset} of a network-only run ({@code training: none}), which reads none. */
    public static final String NO_DATASET = "none";

    private Summaries() {
    }

    static Map<String, Object> of(Scenario c, RunSummary s, TargetTracker t) {
        LorawanSection lorawan = c.section(LorawanSection.class);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(Summary.SCENARIO.name(), c.run().name());
        m.put(Summary.SEED.name(), c.run().seed());
        m.put(Summary.REPLICATION.name(), c.run().replication());
        m.put(Summary.ROUNDS.name(), s.rounds());
        m.put(Summary.CLIENTS.name(), c.policy().clients());
        m.put(Summary.CLIENTS_PER_ROUND.name(), c.policy().perRound());
        m.put(Summary.DATASET.name(), c.training().networkOnly() ? NO_DATASET : c.data().dataset());
        m.put(Summary.MODEL.name(), c.training().modelLabel());
        m.put(Summary.PARAMETER_COUNT.name(), s.parameterCount());
        m.put(Summary.UPLINK_CODEC.name(), c.compression().uplinkCodec());
        m.put(Summary.UPLINK_OPTIONS.name(), c.compression().uplinkOptionsText());
        m.put(Summary.DOWNLINK_CODEC.name(), c.compression().downlinkCodec());
        m.put(Summary.UPDATE_MESSAGE_BYTES.name(), s.updateMessageBytes());
        m.put(Summary.PROTOCOL.name(), c.section(LinkSection.class).protocol());
        m.put(Summary.REGION.name(), lorawan.region());
        m.put(Summary.DATA_RATE.name(), lorawan.dataRate());
        m.put(Summary.DOWNLINK_DATA_RATE.name(), lorawan.broadcastDataRate());
        m.put(Summary.DUTY_CYCLE.name(), lorawan.dutyCycle());
        m.put(Summary.TARGET_ACCURACY.name(), t.target());
        m.put(Summary.FINAL_ACCURACY.name(), s.finalAccuracy());
        m.put(Summary.FINAL_LOSS.name(), s.finalLoss());
        m.put(Summary.SIM_TIME_S.name(), s.simTimeUs() / 1e6);
        m.put(Summary.UPLINK_BYTES.name(), s.uplinkBytes());
        m.put(Summary.DOWNLINK_BYTES.name(), s.downlinkBytes());
        m.put(Summary.UPLINK_FRAMES.name(), s.uplinkFrames());
        m.put(Summary.DOWNLINK_FRAMES.name(), s.downlinkFrames());
        m.put(Summary.UPDATE_BYTES.name(), s.updateBytes());
        m.put(Summary.ENERGY_J.name(), s.energyJ());
        m.put(Summary.ENERGY_PER_DEVICE_J.name(), s.energyJ() / c.policy().clients());
        m.put(Summary.TIME_TO_TARGET_S.name(), t.timeS());
        m.put(Summary.ENERGY_TO_TARGET_J.name(), t.energyJ());
        m.put(Summary.UPLINK_BYTES_TO_TARGET.name(), t.uplinkBytes());
        m.put(Summary.ROUNDS_TO_TARGET.name(), t.rounds());
        m.put(Summary.EVENTS_PROCESSED.name(), s.eventsProcessed());
        m.put(Summary.LOST_UPDATES.name(), s.lostUpdates());
        for (EnergyState state : EnergyState.values()) {
            m.put(Summary.ENERGY_BY_STATE.get(state.ordinal()).name(), s.energy().get(state));
        }
        for (LossCause cause : LossCause.values()) {
            m.put(Summary.LOST_BY_CAUSE.get(cause.ordinal()).name(), s.lost().getOrDefault(cause, 0));
        }
        BackgroundReport b = s.background();
        if (b.devices() > 0) {
            m.put(Summary.BACKGROUND_DEVICES.name(), b.devices());
            m.put(Summary.BACKGROUND_PACKETS_OFFERED.name(), b.packetsOffered());
            m.put(Summary.BACKGROUND_PACKETS_DELIVERED.name(), b.packetsDelivered());
            m.put(Summary.BACKGROUND_PDR.name(), b.packetsOffered() == 0 ? null : b.packetDeliveryRatio());
            m.put(Summary.BACKGROUND_ENERGY_J.name(), b.energyJ());
            m.put(Summary.BACKGROUND_ENERGY_PER_DEVICE_J.name(), b.energyPerDeviceJ());
            List<LossCause> causes = Summary.backgroundLossCauses();
            for (int i = 0; i < causes.size(); i++) {
                m.put(Summary.BACKGROUND_LOST_BY_CAUSE.get(i).name(), b.lost().getOrDefault(causes.get(i), 0L));
            }
        }
        return m;
    }

    /** A metric as a double (NaN when absent or not numeric). */
    public static double number(Map<String, ?> summary, String metric) {
        Object v = summary.get(metric);
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
