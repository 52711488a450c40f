package org.fedwan.sim.nbiot.traffic;

import java.util.List;
import java.util.Locale;

/**
 * Results of a network-only NB-IoT run. Latency is from the report's generation (the device's
 * {@code send}) to the end of its last uplink block; energy is each device's radio energy over
 * the whole run, all states (PSM included).
 *
 * @param devices                 devices in the cell
 * @param devicesCe0              devices in CE0
 * @param devicesCe1              devices in CE1
 * @param devicesCe2              devices in CE2
 * @param devicesOutOfCoverage    devices beyond the CE2 bound
 * @param reportsGenerated        reports the traffic generated
 * @param reportsDelivered        reports that arrived
 * @param reportsFailed           reports lost to random-access failure or an empty battery
 * @param reportsOutOfCoverage    reports of out-of-coverage devices
 * @param reportsSkippedBusy      reports not sent because the device was still sending the previous one
 * @param reportsInFlight         reports still under way when the run ended
 * @param deliveryRatio           delivered / generated (NaN if none generated)
 * @param latencyP50S             median latency, s (NaN if none delivered)
 * @param latencyP90S             90th percentile latency, s
 * @param latencyP99S             99th percentile latency, s
 * @param latencyMeanS            mean latency, s
 * @param latencyMaxS             largest latency, s
 * @param energyPerDeviceMeanJ    mean energy per device over the run, J
 * @param energyPerDeviceMinJ     smallest, J
 * @param energyPerDeviceMaxJ     largest, J
 * @param energyPerReportJ        total energy / delivered reports, J (NaN if none)
 * @param lifetimeYears           battery / mean power of the mean device, years
 * @param randomAccessAttempts    preamble attempts of all devices
 * @param preambleCollisions      preambles that collided
 * @param blockErrors             data blocks (uplink and downlink) in error and sent again
 * @param uplinkUtilisation       uplink lane time reserved / (48 lanes x run time)
 * @param devicesDepleted         devices whose battery emptied
 * @param simulatedS              simulated time, s
 * @param wallTimeS               wall-clock time of the run, s (not reproducible, everything else is)
 * @param eventsProcessed         kernel events fired
 */
public record NbiotNetworkReport(int devices, int devicesCe0, int devicesCe1, int devicesCe2, int devicesOutOfCoverage,
                                 long reportsGenerated, long reportsDelivered, long reportsFailed,
                                 long reportsOutOfCoverage, long reportsSkippedBusy, long reportsInFlight,
                                 double deliveryRatio, double latencyP50S, double latencyP90S, double latencyP99S,
                                 double latencyMeanS, double latencyMaxS, double energyPerDeviceMeanJ,
                                 double energyPerDeviceMinJ, double energyPerDeviceMaxJ, double energyPerReportJ,
                                 double lifetimeYears, long randomAccessAttempts, long preambleCollisions, long blockErrors,
                                 double uplinkUtilisation, int devicesDepleted, double simulatedS, double wallTimeS,
                                 long eventsProcessed) {

    /** @return a copy with {@code wallTimeS} set to 0, for comparing runs */
    public NbiotNetworkReport withoutWallTime() {
        return new NbiotNetworkReport(devices, devicesCe0, devicesCe1, devicesCe2, devicesOutOfCoverage,
                reportsGenerated, reportsDelivered, reportsFailed, reportsOutOfCoverage, reportsSkippedBusy,
                reportsInFlight, deliveryRatio, latencyP50S, latencyP90S, latencyP99S, latencyMeanS, latencyMaxS,
                energyPerDeviceMeanJ, energyPerDeviceMinJ, energyPerDeviceMaxJ, energyPerReportJ, lifetimeYears,
                randomAccessAttempts, preambleCollisions, blockErrors, uplinkUtilisation, devicesDepleted, simulatedS, 0.0,
                eventsProcessed);
    }

    /** @return human-readable lines (delivery, latency percentiles, energy per device), locale-independent */
    public List<String> summaryLines() {
        return List.of(
                String.format(Locale.ROOT, "devices: %d (CE0 %d, CE1 %d, CE2 %d, out of coverage %d)", devices,
                        devicesCe0, devicesCe1, devicesCe2, devicesOutOfCoverage),
                String.format(Locale.ROOT, "reports: %d generated, %d delivered (%.4f), %d failed, %d out of coverage,"
                                + " %d skipped (busy), %d in flight at the end", reportsGenerated, reportsDelivered,
                        deliveryRatio, reportsFailed, reportsOutOfCoverage, reportsSkippedBusy, reportsInFlight),
                String.format(Locale.ROOT, "latency: p50 %.3f s, p90 %.3f s, p99 %.3f s, mean %.3f s, max %.3f s",
                        latencyP50S, latencyP90S, latencyP99S, latencyMeanS, latencyMaxS),
                String.format(Locale.ROOT, "energy per device: mean %.3f J, min %.3f J, max %.3f J; %.4f J per delivered"
                                + " report; lifetime %.2f years", energyPerDeviceMeanJ, energyPerDeviceMinJ,
                        energyPerDeviceMaxJ, energyPerReportJ, lifetimeYears),
                String.format(Locale.ROOT, "random access: %d attempts, %d collided preambles; %d data blocks in error;"
                        + " uplink utilisation %.4f; %d batteries depleted", randomAccessAttempts, preambleCollisions,
                        blockErrors, uplinkUtilisation, devicesDepleted),
                String.format(Locale.ROOT, "simulated %.1f s in %.2f s wall, %d events", simulatedS, wallTimeS,
                        eventsProcessed));
    }
}
