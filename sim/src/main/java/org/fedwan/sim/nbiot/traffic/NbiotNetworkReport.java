package org.fedwan.sim.nbiot.traffic;

import java.util.List;
import org.fedwan.results.ConsoleNumbers;

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
                "devices: " + g(devices) + " (CE0 " + g(devicesCe0) + ", CE1 " + g(devicesCe1) + ", CE2 " + g(devicesCe2)
                        + ", out of coverage " + g(devicesOutOfCoverage) + ")",
                "reports: " + g(reportsGenerated) + " generated, " + g(reportsDelivered) + " delivered ("
                        + ConsoleNumbers.grouped(deliveryRatio, 4) + "), " + g(reportsFailed) + " failed, " + g(reportsOutOfCoverage)
                        + " out of coverage, " + g(reportsSkippedBusy) + " skipped (busy), " + g(reportsInFlight)
                        + " in flight at the end",
                "latency: p50 " + s(latencyP50S) + ", p90 " + s(latencyP90S) + ", p99 " + s(latencyP99S) + ", mean "
                        + s(latencyMeanS) + ", max " + s(latencyMaxS),
                "energy per device: mean " + ConsoleNumbers.quantity(energyPerDeviceMeanJ, 3, "J") + ", min "
                        + ConsoleNumbers.quantity(energyPerDeviceMinJ, 3, "J") + ", max "
                        + ConsoleNumbers.quantity(energyPerDeviceMaxJ, 3, "J") + "; " + ConsoleNumbers.quantity(energyPerReportJ, 4, "J")
                        + " per delivered report; lifetime " + ConsoleNumbers.quantity(lifetimeYears, 2, "years"),
                "random access: " + g(randomAccessAttempts) + " attempts, " + g(preambleCollisions) + " collided preambles; "
                        + g(blockErrors) + " data blocks in error; uplink utilisation " + ConsoleNumbers.grouped(uplinkUtilisation, 4)
                        + "; " + g(devicesDepleted) + " batteries depleted",
                "simulated " + ConsoleNumbers.quantity(simulatedS, 1, "s") + " in " + ConsoleNumbers.quantity(wallTimeS, 2, "s")
                        + " wall, " + g(eventsProcessed) + " events");
    }

    private static String g(long n) {
        return ConsoleNumbers.grouped(n);
    }

    private static String s(double seconds) {
        return ConsoleNumbers.quantity(seconds, 3, "s");
    }
}
