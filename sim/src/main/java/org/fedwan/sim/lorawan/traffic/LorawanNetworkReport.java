package org.fedwan.sim.lorawan.traffic;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fedwan.results.ConsoleNumbers;

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
        line(b, "devices", ConsoleNumbers.grouped(devices));
        line(b, "gateways", ConsoleNumbers.grouped(gateways));
        line(b, "simulated time", ConsoleNumbers.quantity(simulatedUs / 3.6e9, 3, "h"));
        line(b, "packets generated", ConsoleNumbers.grouped(packetsOffered));
        line(b, "packets dropped (busy)", ConsoleNumbers.grouped(packetsDroppedBusy));
        line(b, "packets unsent at the end", ConsoleNumbers.grouped(packetsUnsentAtEnd));
        line(b, "frames sent", ConsoleNumbers.grouped(framesSent));
        line(b, "frames received", ConsoleNumbers.grouped(framesReceived));
        line(b, "lost to collision", ConsoleNumbers.grouped(lostCollision));
        line(b, "lost under sensitivity", ConsoleNumbers.grouped(lostBelowSensitivity));
        line(b, "lost, no demodulator", ConsoleNumbers.grouped(lostNoDemodulator));
        line(b, "lost, gateway transmitting", ConsoleNumbers.grouped(lostGatewayTransmitting));
        line(b, "lost, battery depleted", ConsoleNumbers.grouped(lostBatteryDepleted));
        line(b, "frames refused", ConsoleNumbers.grouped(framesRefused));
        line(b, "retransmissions", ConsoleNumbers.grouped(retransmissions));
        line(b, "downlinks", ConsoleNumbers.grouped(downlinks));
        line(b, "packet delivery ratio", ConsoleNumbers.grouped(packetDeliveryRatio, 4));
        line(b, "energy per device", "mean " + ConsoleNumbers.quantity(energyPerDeviceMeanJ, 4, "J") + ", min "
                + ConsoleNumbers.quantity(energyPerDeviceMinJ, 4, "J") + ", max " + ConsoleNumbers.quantity(energyPerDeviceMaxJ, 4, "J"));
        line(b, "energy per device by state", "TX " + ConsoleNumbers.quantity(txEnergyMeanJ, 4, "J") + ", RX "
                + ConsoleNumbers.quantity(rxEnergyMeanJ, 4, "J") + ", sleep " + ConsoleNumbers.quantity(sleepEnergyMeanJ, 4, "J")
                + ", MCU " + ConsoleNumbers.quantity(mcuEnergyMeanJ, 4, "J") + " (means)");
        line(b, "duty-cycle wait per device", ConsoleNumbers.quantity(dutyCycleWaitMeanUs / 1e6, 3, "s") + " (mean)");
        line(b, "batteries depleted", devicesDepleted == 0 ? "0"
                : ConsoleNumbers.grouped(devicesDepleted) + " (first at " + ConsoleNumbers.quantity(firstDepletionUs / 3.6e9, 3, "h")
                        + ")");
        List<String> perRate = new ArrayList<>();
        for (int dr = 0; dr < framesPerDataRate.size(); dr++) {
            perRate.add("DR" + dr + " " + ConsoleNumbers.grouped(framesPerDataRate.get(dr)));
        }
        line(b, "frames per data rate", String.join("; ", perRate));
        line(b, "events", ConsoleNumbers.grouped(events));
        line(b, "wall time", ConsoleNumbers.quantity(wallTimeMs / 1e3, 3, "s") + " ("
                + ConsoleNumbers.grouped(Math.round(eventsPerSecond())) + " events/s)");
        return b.toString();
    }

    private static void line(StringBuilder b, String key, String value) {
        b.append(String.format(Locale.ROOT, "%-28s %s%n", key, value));
    }
}
