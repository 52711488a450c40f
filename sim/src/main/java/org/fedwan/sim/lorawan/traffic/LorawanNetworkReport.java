package org.fedwan.sim.lorawan.traffic;

import java.util.List;
import java.util.Locale;

/**
 * Result of a network-only run. Frame counts are uplink attempts on the air (retransmissions
 * included); the loss counts add up with {@code framesReceived} to {@code framesSent}. Energies
 * are per device (radio in all states plus MCU) from the start to the end of the run.
 *
 * @param devices                 devices
 * @param gateways                gateways
 * @param simulatedUs             simulated time at the end of the run (generation window plus the last
 *                                MAC cycles, which end at most a few seconds later), µs
 * @param packetsOffered          application packets generated
 * @param packetsDroppedBusy      packets dropped because the device was still busy with the previous one
 * @param packetsUnsentAtEnd      packets still waiting (duty cycle, fair use) when the generation window closed
 * @param framesSent              uplink attempts put on the air
 * @param framesReceived          attempts decoded by at least one gateway
 * @param lostCollision           attempts destroyed by interference
 * @param lostBelowSensitivity    attempts below every gateway's sensitivity
 * @param lostNoDemodulator       attempts that found every demodulation path busy
 * @param lostGatewayTransmitting attempts only heard by gateways that were transmitting
 * @param lostBatteryDepleted     attempts cut by an emptying battery
 * @param framesRefused           frames not sent (payload too long, dwell time, fair use, empty battery)
 * @param retransmissions         NbTrans repetitions and confirmed retries
 * @param downlinks               downlinks sent in RX1 or RX2
 * @param packetDeliveryRatio     framesReceived / framesSent
 * @param energyPerDeviceMeanJ    mean energy per device, J
 * @param energyPerDeviceMinJ     smallest energy of a device, J
 * @param energyPerDeviceMaxJ     largest energy of a device, J
 * @param txEnergyMeanJ           mean TX energy per device, J
 * @param rxEnergyMeanJ           mean RX energy per device, J
 * @param sleepEnergyMeanJ        mean radio sleep energy per device, J
 * @param mcuEnergyMeanJ          mean MCU energy per device, J
 * @param dutyCycleWaitMeanUs     mean time a device waited for its duty cycle, µs
 * @param devicesDepleted         devices whose battery emptied
 * @param firstDepletionUs        when the first battery emptied, µs, or -1
 * @param framesPerDataRate       uplink attempts per data rate index DR0, DR1, ...
 * @param events                  kernel events fired
 * @param wallTimeMs              wall-clock time of the run, ms (machine dependent)
 */
public record LorawanNetworkReport(int devices, int gateways, long simulatedUs, long packetsOffered,
                                   long packetsDroppedBusy, long packetsUnsentAtEnd, long framesSent,
                                   long framesReceived, long lostCollision, long lostBelowSensitivity,
                                   long lostNoDemodulator, long lostGatewayTransmitting, long lostBatteryDepleted,
                                   long framesRefused, long retransmissions, long downlinks,
                                   double packetDeliveryRatio, double energyPerDeviceMeanJ, double energyPerDeviceMinJ,
                                   double energyPerDeviceMaxJ, double txEnergyMeanJ, double rxEnergyMeanJ,
                                   double sleepEnergyMeanJ, double mcuEnergyMeanJ, double dutyCycleWaitMeanUs,
                                   long devicesDepleted, long firstDepletionUs, List<Long> framesPerDataRate,
                                   long events, double wallTimeMs) {

    /** Copies the list. */
    public LorawanNetworkReport {
        framesPerDataRate = List.copyOf(framesPerDataRate);
    }

    /** @return events per wall-clock second */
    public double eventsPerSecond() {
        return wallTimeMs > 0 ? events / (wallTimeMs / 1e3) : Double.NaN;
    }

    /** @return the report as the lines {@code lorawan-net} prints */
    public String format() {
        StringBuilder b = new StringBuilder();
        line(b, "devices", Integer.toString(devices));
        line(b, "gateways", Integer.toString(gateways));
        line(b, "simulated time", String.format(Locale.ROOT, "%.3f h", simulatedUs / 3.6e9));
        line(b, "packets generated", Long.toString(packetsOffered));
        line(b, "packets dropped (busy)", Long.toString(packetsDroppedBusy));
        line(b, "packets unsent at the end", Long.toString(packetsUnsentAtEnd));
        line(b, "frames sent", Long.toString(framesSent));
        line(b, "frames received", Long.toString(framesReceived));
        line(b, "lost to collision", Long.toString(lostCollision));
        line(b, "lost under sensitivity", Long.toString(lostBelowSensitivity));
        line(b, "lost, no demodulator", Long.toString(lostNoDemodulator));
        line(b, "lost, gateway transmitting", Long.toString(lostGatewayTransmitting));
        line(b, "lost, battery depleted", Long.toString(lostBatteryDepleted));
        line(b, "frames refused", Long.toString(framesRefused));
        line(b, "retransmissions", Long.toString(retransmissions));
        line(b, "downlinks", Long.toString(downlinks));
        line(b, "packet delivery ratio", String.format(Locale.ROOT, "%.4f", packetDeliveryRatio));
        line(b, "energy per device", String.format(Locale.ROOT, "mean %.4f J, min %.4f J, max %.4f J",
                energyPerDeviceMeanJ, energyPerDeviceMinJ, energyPerDeviceMaxJ));
        line(b, "energy per device by state", String.format(Locale.ROOT,
                "TX %.4f J, RX %.4f J, sleep %.4f J, MCU %.4f J (means)", txEnergyMeanJ, rxEnergyMeanJ,
                sleepEnergyMeanJ, mcuEnergyMeanJ));
        line(b, "duty-cycle wait per device", String.format(Locale.ROOT, "%.3f s (mean)", dutyCycleWaitMeanUs / 1e6));
        line(b, "batteries depleted", devicesDepleted == 0 ? "0"
                : devicesDepleted + " (first at "
                        + String.format(Locale.ROOT, "%.3f h", firstDepletionUs / 3.6e9) + ")");
        line(b, "frames per data rate", framesPerDataRate.toString());
        line(b, "events", Long.toString(events));
        line(b, "wall time", String.format(Locale.ROOT, "%.3f s (%.3g events/s)", wallTimeMs / 1e3, eventsPerSecond()));
        return b.toString();
    }

    private static void line(StringBuilder b, String key, String value) {
        b.append(String.format(Locale.ROOT, "%-28s %s%n", key, value));
    }
}
