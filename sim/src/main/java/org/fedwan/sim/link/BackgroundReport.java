package org.fedwan.sim.link;

import java.util.EnumMap;
import java.util.Map;
import org.fedwan.results.LossCause;

/**
 * What the background sensors of a link group did over a run (key {@code background_devices}):
 * their packets and their energy, kept apart from the clients' ledger.
 *
 * @param devices          sensors
 * @param packetsOffered   packets the sensors generated from the start of the run to its end
 * @param packetsDelivered packets the network received (the LoRaWAN network server or the NB-IoT eNB)
 * @param energyJ          energy of all sensors from the start of the run to its end, J: LoRaWAN radio in
 *                         every state plus the MCU ({@code lorawan-net}'s per-device energy), NB-IoT module in
 *                         every power state ({@code nbiot-net}'s)
 * @param lost             losses by cause: LoRaWAN uplink attempts lost on the air, NB-IoT packets whose
 *                         random access failed, that were out of coverage or cut by an empty battery
 */
public record BackgroundReport(int devices, long packetsOffered, long packetsDelivered, double energyJ,
        Map<LossCause, Long> lost) {

    /** No sensors. */
    public static final BackgroundReport NONE = new BackgroundReport(0, 0, 0, 0.0, Map.of());

    public BackgroundReport {
        lost = Map.copyOf(lost);
    }

    /** @return packetsDelivered / packetsOffered, NaN when nothing was offered */
    public double packetDeliveryRatio() {
        return packetsOffered == 0 ? Double.NaN : (double) packetsDelivered / packetsOffered;
    }

    /** @return energyJ / devices, NaN without sensors */
    public double energyPerDeviceJ() {
        return devices == 0 ? Double.NaN : energyJ / devices;
    }

    /** @return the sensors of both reports together (groups of one run) */
    public BackgroundReport plus(BackgroundReport other) {
        Map<LossCause, Long> sum = new EnumMap<>(LossCause.class);
        sum.putAll(lost);
        other.lost.forEach((cause, n) -> sum.merge(cause, n, Long::sum));
        return new BackgroundReport(devices + other.devices, packetsOffered + other.packetsOffered,
                packetsDelivered + other.packetsDelivered, energyJ + other.energyJ, sum);
    }
}
