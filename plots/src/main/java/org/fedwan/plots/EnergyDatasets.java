package org.fedwan.plots;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Datasets of energy over simulated time, split by radio and MCU state, per device and per
 * protocol, and the battery level that follows from it.
 *
 * <p>The tables give energy by state only as end-of-run totals per device ({@code devices.csv}:
 * {@code tx_j, rx_j, mcu_j, standby_j, sleep_j}); the time series are derived by spreading each
 * total over the moments that state was used, on a grid of {@value #GRID_POINTS} equal steps from
 * 0 to the end of the run:
 * <ul>
 *   <li><b>TX</b>: shaped by the device's uplink frames of {@code transmissions.csv} (each frame's
 *       {@code energy_j} spread evenly over its airtime), scaled so that it ends at {@code tx_j};</li>
 *   <li><b>RX</b>: shaped by the device's downlink frames, scaled to end at {@code rx_j} (which also
 *       holds the receive windows after each uplink, so the scale is usually above 1);</li>
 *   <li><b>Compute (MCU)</b>: {@code mcu_j} spread evenly over the device's training intervals of
 *       {@code clients.csv} ({@code compute_end_s - compute_s} to {@code compute_end_s});</li>
 *   <li><b>Standby and sleep</b>: {@code standby_j + sleep_j} spread linearly over the run.</li>
 * </ul>
 * A state whose shaping source is missing or empty is spread linearly. Without {@code devices.csv}
 * only TX and RX are drawn, straight from the frames' {@code energy_j}.
 *
 * <p>A {@code protocol} column in {@code devices.csv} (or else {@code transmissions.csv}), when
 * present, groups devices into one series per protocol; without it all devices form one group,
 * {@value #ALL_DEVICES}.
 */
public final class EnergyDatasets {

    /** Steps of the time grid. */
    public static final int GRID_POINTS = 200;
    /** Name of the group of all devices when there is no protocol column. */
    public static final String ALL_DEVICES = "All devices";

    /** Series keys of {@link EnergyByState}, in stacking order. */
    public static final List<String> STATES = List.of("TX", "RX", "Compute (MCU)", "Standby and sleep");

    private EnergyDatasets() {
    }

    /**
     * Cumulative energy of all devices, stacked by state.
     *
     * @param time unit of the x values
     * @param stacked one series per state of {@link #STATES} present, all on the same x values; the
     *     y of a state is its stacked top: the cumulative energy of this state and the states before
     *     it, J (so the last series is the total)
     */
    public record EnergyByState(AxisUnit time, XYSeriesCollection stacked) {
    }

    /**
     * A band of a per-device quantity over time, one series per protocol group.
     *
     * @param time unit of the x values
     * @param unit unit of the y values, e.g. {@code J} or {@code %}
     * @param quantity what y is, e.g. {@code Battery level}
     * @param band per group: y the median device, y-low the least, y-high the most
     * @param devices number of devices
     */
    public record DeviceBand(AxisUnit time, String unit, String quantity, YIntervalSeriesCollection band,
                             int devices) {
    }

    /** Per device and state, cumulative energy on the grid. */
    record Derived(double[] gridS, Map<String, double[][]> byDevice, Map<String, String> protocol) {

        /** Total over states for one device. */
        double[] total(String device) {
            double[][] states = byDevice.get(device);
            double[] sum = new double[gridS.length];
            for (double[] state : states) {
                if (state != null) {
                    for (int k = 0; k < sum.length; k++) {
                        sum[k] += state[k];
                    }
                }
            }
            return sum;
        }
    }

    /**
     * Cumulative energy by state, summed over devices.
     *
     * @param run the run
     * @return the stacked series, or empty without {@code transmissions.csv} or devices
     */
    public static Optional<EnergyByState> energyByState(RunFolder run) {
        Optional<Derived> derived = derive(run);
        if (derived.isEmpty()) {
            return Optional.empty();
        }
        Derived d = derived.get();
        AxisUnit time = AxisUnit.forDurationS(d.gridS[d.gridS.length - 1]);
        XYSeriesCollection stacked = new XYSeriesCollection();
        double[] sum = new double[d.gridS.length];
        for (int s = 0; s < STATES.size(); s++) {
            boolean present = false;
            for (double[][] states : d.byDevice.values()) {
                if (states[s] != null) {
                    present = true;
                    for (int k = 0; k < sum.length; k++) {
                        sum[k] += states[s][k];
                    }
                }
            }
            if (present) {
                XYSeries series = new XYSeries(STATES.get(s), true, false);
                for (int k = 0; k < sum.length; k++) {
                    series.add(time.of(d.gridS[k]), sum[k], false);
                }
                stacked.addSeries(series);
            }
        }
        return Optional.of(new EnergyByState(time, stacked));
    }

    /**
     * Cumulative energy per device (all states) as a band: median, least and most device, per
     * protocol group.
     *
     * @param run the run
     * @return the band, or empty without {@code transmissions.csv}
     */
    public static Optional<DeviceBand> energyPerDevice(RunFolder run) {
        return derive(run).map(d -> band(d, "Energy per device", "J", total -> total));
    }

    /**
     * Battery level per device over time, in % of {@code battery_capacity_j} of the resolved
     * scenario; with no capacity (0, unlimited, or no manifest) the energy drawn per device in J.
     *
     * @param run the run
     * @return the band, or empty without {@code transmissions.csv}
     */
    public static Optional<DeviceBand> batteryLevel(RunFolder run) {
        double capacityJ = run.scenarioNumber("battery_capacity_j").orElse(0.0);
        if (!(capacityJ > 0)) {
            return derive(run).map(d -> band(d, "Energy drawn", "J", t -> t));
        }
        return derive(run).map(d -> band(d, "Battery level", "%",
                t -> Math.max(0, 100 * (1 - t / capacityJ))));
    }

    private static DeviceBand band(Derived d, String quantity, String unit,
                                   java.util.function.DoubleUnaryOperator map) {
        AxisUnit time = AxisUnit.forDurationS(d.gridS[d.gridS.length - 1]);
        Map<String, List<double[]>> groups = new TreeMap<>();
        for (String device : d.byDevice.keySet()) {
            double[] total = d.total(device);
            for (int k = 0; k < total.length; k++) {
                total[k] = map.applyAsDouble(total[k]);
            }
            groups.computeIfAbsent(TimingDatasets.label(d.protocol.getOrDefault(device, ALL_DEVICES)), g -> new ArrayList<>()).add(total);
        }
        YIntervalSeriesCollection band = new YIntervalSeriesCollection();
        for (Map.Entry<String, List<double[]>> group : groups.entrySet()) {
            YIntervalSeries series = new YIntervalSeries(group.getKey(), false, true);
            double[] values = new double[group.getValue().size()];
            for (int k = 0; k < d.gridS.length; k++) {
                for (int i = 0; i < values.length; i++) {
                    values[i] = group.getValue().get(i)[k];
                }
                Arrays.sort(values);
                series.add(time.of(d.gridS[k]), median(values), values[0], values[values.length - 1]);
            }
            band.addSeries(series);
        }
        return new DeviceBand(time, unit, quantity, band, d.byDevice.size());
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Derives the per-device, per-state series as described in the class comment. */
    static Optional<Derived> derive(RunFolder run) {
        if (run.transmissions().isEmpty()) {
            return Optional.empty();
        }
        ResultTable frames = run.transmissions().get();
        if (!frames.has("device", "start_s", "end_s", "energy_j")) {
            return Optional.empty();
        }
        double endS = run.runEndS();
        double[] grid = new double[GRID_POINTS + 1];
        for (int k = 0; k <= GRID_POINTS; k++) {
            grid[k] = endS * k / GRID_POINTS;
        }
        Map<String, List<double[]>> uplink = new TreeMap<>(RunDatasets::compareNatural);
        Map<String, List<double[]>> downlink = new TreeMap<>(RunDatasets::compareNatural);
        Map<String, String> protocol = new LinkedHashMap<>();
        for (int i = 0; i < frames.size(); i++) {
            String device = frames.text(i, "device");
            double[] interval = {frames.number(i, "start_s"), frames.number(i, "end_s"), frames.number(i, "energy_j")};
            (isDownlink(frames, i) ? downlink : uplink).computeIfAbsent(device, x -> new ArrayList<>()).add(interval);
            uplink.computeIfAbsent(device, x -> new ArrayList<>());
            if (frames.has("protocol") && !frames.text(i, "protocol").isEmpty()) {
                protocol.putIfAbsent(device, frames.text(i, "protocol"));
            }
        }
        Map<String, List<double[]>> compute = new TreeMap<>(RunDatasets::compareNatural);
        if (run.clients().isPresent() && run.clients().get().has("device", "compute_s", "compute_end_s")) {
            ResultTable clients = run.clients().get();
            for (int i = 0; i < clients.size(); i++) {
                double computeS = clients.number(i, "compute_s");
                double computeEndS = clients.number(i, "compute_end_s");
                if (Double.isFinite(computeS) && Double.isFinite(computeEndS)) {
                    compute.computeIfAbsent(clients.text(i, "device"), x -> new ArrayList<>())
                            .add(new double[] {Math.max(0, computeEndS - computeS), computeEndS, Math.max(0, computeS)});
                }
            }
        }
        Map<String, double[][]> byDevice = new TreeMap<>(RunDatasets::compareNatural);
        ResultTable devices = run.devices().filter(t -> t.has("device", "tx_j", "rx_j", "mcu_j")).orElse(null);
        if (devices == null) {
            for (String device : uplink.keySet()) {
                byDevice.put(device, new double[][] {
                    spread(grid, uplink.get(device), Double.NaN),
                    spread(grid, downlink.getOrDefault(device, List.of()), Double.NaN), null, null});
            }
        } else {
            for (int i = 0; i < devices.size(); i++) {
                String device = devices.text(i, "device");
                double idleJ = orZero(devices, i, "standby_j") + orZero(devices, i, "sleep_j");
                byDevice.put(device, new double[][] {
                    spread(grid, uplink.getOrDefault(device, List.of()), orZero(devices, i, "tx_j")),
                    spread(grid, downlink.getOrDefault(device, List.of()), orZero(devices, i, "rx_j")),
                    spread(grid, compute.getOrDefault(device, List.of()), orZero(devices, i, "mcu_j")),
                    spread(grid, List.of(), idleJ)});
                if (devices.has("protocol") && !devices.text(i, "protocol").isEmpty()) {
                    protocol.put(device, devices.text(i, "protocol"));
                }
            }
        }
        if (byDevice.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Derived(grid, byDevice, protocol));
    }

    private static double orZero(ResultTable table, int row, String column) {
        if (!table.has(column)) {
            return 0;
        }
        double value = table.number(row, column);
        return Double.isFinite(value) ? value : 0;
    }

    static boolean isDownlink(ResultTable frames, int row) {
        if (frames.has("direction")) {
            return "downlink".equals(frames.text(row, "direction"));
        }
        if (frames.has("outcome")) {
            String outcome = frames.text(row, "outcome");
            return "downlink".equals(outcome) || "received".equals(outcome);
        }
        return false;
    }

    /**
     * Cumulative energy on the grid of intervals {start, end, weight}, each weight spread evenly
     * over its interval (a step at its end when it has no length).
     *
     * @param totalJ the value to scale the series to at the end of the run; {@code NaN} keeps the
     *     weights as joules; when the weights sum to 0, {@code totalJ} is spread linearly
     */
    static double[] spread(double[] grid, List<double[]> intervals, double totalJ) {
        double[] cumulative = new double[grid.length];
        double weight = 0;
        for (double[] interval : intervals) {
            weight += interval[2];
        }
        double endS = grid[grid.length - 1];
        if (!(weight > 0)) {
            double total = Double.isNaN(totalJ) ? 0 : totalJ;
            for (int k = 0; k < grid.length; k++) {
                cumulative[k] = endS > 0 ? total * grid[k] / endS : total;
            }
            return cumulative;
        }
        double scale = Double.isNaN(totalJ) ? 1 : totalJ / weight;
        for (double[] interval : intervals) {
            double s = interval[0];
            double e = interval[1];
            double w = interval[2] * scale;
            for (int k = 0; k < grid.length; k++) {
                double t = grid[k];
                if (t >= e) {
                    cumulative[k] += w;
                } else if (t > s) {
                    cumulative[k] += w * (t - s) / (e - s);
                }
            }
        }
        // Intervals ending after the grid (none in a complete run) count fully at the end.
        if (!Double.isNaN(totalJ)) {
            cumulative[grid.length - 1] = totalJ;
        }
        return cumulative;
    }
}
