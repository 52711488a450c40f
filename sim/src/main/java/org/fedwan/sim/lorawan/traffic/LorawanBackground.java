package org.fedwan.sim.lorawan.traffic;

import java.util.EnumMap;
import java.util.Map;
import org.fedwan.results.LossCause;
import org.fedwan.sim.background.BackgroundSection;
import org.fedwan.sim.lorawan.FrameOutcome;
import org.fedwan.sim.lorawan.LorawanDevice;
import org.fedwan.sim.lorawan.LorawanNetwork;
import org.fedwan.sim.lorawan.NetworkListener;
import org.fedwan.sim.link.BackgroundReport;

/**
 * The background sensors of an FL run on one LoRaWAN network (scenario keys of
 * {@link BackgroundSection}), sharing the clients' gateways, channels, interference and duty-cycle
 * rules, placed like the clients, sending from the start of the run to its end. Two engines give
 * the same results ({@link org.fedwan.sim.lorawan.SensorEngine}):
 *
 * <ul>
 *   <li>bulk: the network was built with the sensors ({@link LorawanNetwork#bulkSensors()} &gt; 0) and
 *       simulates them outside the scheduler; this class reads its report;</li>
 *   <li>events: the devices after the clients in the same {@link LorawanNetwork}, each driven by a
 *       {@link PeriodicTraffic} source exactly as in {@code lorawan-net}. They are class A only: the
 *       model broadcast does not reach them ({@link LorawanNetwork#limitMulticastTo}). This class
 *       counts their packets and lost attempts as the network reports them and reads their meters at
 *       the end.</li>
 * </ul>
 * Nothing of the sensors' enters the clients' ledger.
 */
public final class LorawanBackground implements NetworkListener {

    private final LorawanNetwork network;
    private final int firstSensor;
    private final PeriodicTraffic[] sources;
    /** Per sensor: whether an attempt of its current packet has been delivered. */
    private final boolean[] packetDelivered;
    private final Map<LossCause, Long> lost = new EnumMap<>(LossCause.class);
    private long packetsDelivered;

    /**
     * Starts the sensors' traffic now (event engine; with bulk sensors the network already runs them).
     *
     * @param network     the network: with bulk sensors, or whose devices {@code firstSensor ..} are the sensors
     * @param firstSensor index of the first sensor in the network (the number of clients)
     * @param section     period, payload and arrival of the sensors' packets
     */
    public LorawanBackground(LorawanNetwork network, int firstSensor, BackgroundSection section) {
        this.network = network;
        this.firstSensor = firstSensor;
        if (network.bulkSensors() > 0) {
            this.sources = new PeriodicTraffic[0];
            this.packetDelivered = new boolean[0];
            return;
        }
        int sensors = network.devices().size() - firstSensor;
        this.sources = new PeriodicTraffic[sensors];
        this.packetDelivered = new boolean[sensors];
        network.limitMulticastTo(firstSensor);
        network.addListener(this);
        for (int j = 0; j < sensors; j++) {
            sources[j] = new PeriodicTraffic(network.simulation(), network.device(firstSensor + j),
                    section.backgroundArrival(), section.periodUs(), section.backgroundPayload(), Long.MAX_VALUE);
            sources[j].start();
        }
    }

    /** @return the number of sensors */
    public int devices() {
        return network.bulkSensors() > 0 ? network.bulkSensors() : sources.length;
    }

    @Override
    public void onUplink(LorawanDevice device, long startUs, long endUs, int dataRate, int channelIndex,
            int phyPayloadBytes, int attempt, FrameOutcome outcome) {
        int j = device.index() - firstSensor;
        if (j < 0) {
            return;
        }
        if (attempt == 1) {
            packetDelivered[j] = false;
        }
        if (outcome.delivered()) {
            if (!packetDelivered[j]) {
                packetDelivered[j] = true;
                packetsDelivered++;
            }
        } else {
            LossCause cause = LossCause.of(outcome.asResult());
            if (cause != null) {
                lost.merge(cause, 1L, Long::sum);
            }
        }
    }

    /**
     * @param nowUs the end of the run, µs (the sensors' meters are read up to then)
     * @return the sensors' packets, losses and energy so far
     */
    public BackgroundReport report(long nowUs) {
        if (network.bulkSensors() > 0) {
            return network.sensorReport(nowUs);
        }
        long offered = 0;
        double energyJ = 0;
        for (int j = 0; j < sources.length; j++) {
            offered += sources[j].offered();
            energyJ += network.device(firstSensor + j).energy(nowUs).totalJ();
        }
        return new BackgroundReport(sources.length, offered, packetsDelivered, energyJ, lost);
    }
}
