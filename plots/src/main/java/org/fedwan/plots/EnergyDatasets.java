package org.fedwan.plots;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.DoubleUnaryOperator;
import org.fedwan.results.DevicesTable;
import org.fedwan.results.Direction;
import org.fedwan.results.EnergyState;
import org.fedwan.results.EnergyTable;
import org.fedwan.results.ResultTable;
import org.fedwan.results.TransmissionsTable;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Datasets of energy over simulated time, split by the states of the energy ledger, per device and
 * per protocol, and the battery level that follows from it.
 *
 * <p>The ledger ({@code energy.csv}) has every joule of every device by state, one row per round,
 * device and state, plus a row per client's training: each row is spread evenly over its interval
 * on a grid of {@value #GRID_POINTS} equal steps from 0 to the end of the run. TX is shaped more
 * finely: a device's TX rows are spread over its uplink frames of {@code transmissions.csv} when
 * those carry energy (LoRaWAN), scaled to the rows' total. A series therefore ends exactly at the
 * ledger's total, which is the run's {@code energy_j}. Rows are told apart by {@link EnergyState};
 * a label the enum does not know fails the reading.
 *
 * <p>A {@code protocol} column in {@code devices.csv}, when present, groups devices into one series
 * per protocol; without it all devices form one group, {@value #ALL_DEVICES}.
 */
public final class EnergyDatasets {

    /** Steps of the time grid. */
    public static final int GRID_POINTS = 200;
    /** Name of the group of all devices when there is no protocol column. */
    public static final String ALL_DEVICES = "All devices";

    /** Series keys of {@link EnergyByState} and {@link DeviceEnergies}, one per state of the ledger, in stacking order. */
    public static final List<String> STATES = List.of("TX", "RX windows", "Listening (broadcast)", "Standby and idle",
            "Sleep and PSM", "MCU training", "MCU other");

    /** The same as {@link #STATES} (every device has the same states). */
    public static final List<String> DEVICE_STATES = STATES;

    /** Most devices {@link #deviceEnergies} shows, one panel each. */
    public static final int MAX_SMALL_MULTIPLES = 16;
    /** Steps of the time grid of {@link #deviceEnergies}, whose panels are small. */
    public static final int SMALL_MULTIPLES_GRID_POINTS = 100;


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

    /**
     * Cumulative energy of a few devices, each stacked by state, for one small panel per device.
     *
     * @param time unit of the x values
     * @param devices the devices shown, in natural order of their ids: every device when there are
     *     at most {@link #MAX_SMALL_MULTIPLES}, else that many spread evenly over the natural order
     *     (the first and the last included)
     * @param stacked per device shown, in the same order: one series per state of
     *     {@link #DEVICE_STATES} in which the device spent energy, all on the same x values; the y of a state is its
     *     stacked top, J (so the device's last series is its total)
     * @param states every state any device shown has, in {@link #DEVICE_STATES} order
     * @param totalDevices devices in the run
     */
    public record DeviceEnergies(AxisUnit time, List<String> devices, List<XYSeriesCollection> stacked,
                                 List<String> states, int totalDevices) {

        /** Copies the lists. */
        public DeviceEnergies {
            devices = List.copyOf(devices);
            stacked = List.copyOf(stacked);
            states = List.copyOf(states);
        }

        /** @return whether only some of the run's devices are shown */
        public boolean sampled() {
            return devices.size() < totalDevices;
        }
    }

    /**
     * Per device and state of {@link #DEVICE_STATES} (null where the device has no such state),
     * cumulative energy on the grid.
     */
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
     * @return the stacked series, or empty without {@code transmissions.csv} (or its
     *     {@code direction} column) or devices
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
     * Cumulative energy of each device (at most {@link #MAX_SMALL_MULTIPLES}, evenly spaced in the
     * natural order of their ids when there are more), stacked by state, on a grid of
     * {@value #SMALL_MULTIPLES_GRID_POINTS} steps.
     *
     * @param run the run
     * @return the devices' stacked series, or empty without {@code transmissions.csv} or devices
     */
    public static Optional<DeviceEnergies> deviceEnergies(RunFolder run) {
        Optional<Derived> derived = derive(run, SMALL_MULTIPLES_GRID_POINTS);
        if (derived.isEmpty()) {
            return Optional.empty();
        }
        Derived d = derived.get();
        AxisUnit time = AxisUnit.forDurationS(d.gridS[d.gridS.length - 1]);
        List<String> shown = evenlySpaced(new ArrayList<>(d.byDevice.keySet()), MAX_SMALL_MULTIPLES);
        boolean[] present = new boolean[DEVICE_STATES.size()];
        List<XYSeriesCollection> stacked = new ArrayList<>();
        for (String device : shown) {
            double[][] states = d.byDevice.get(device);
            double[] sum = new double[d.gridS.length];
            XYSeriesCollection collection = new XYSeriesCollection();
            for (int s = 0; s < states.length; s++) {
                if (states[s] == null || !(states[s][states[s].length - 1] > 0)) {
                    continue;
                }
                present[s] = true;
                XYSeries series = new XYSeries(DEVICE_STATES.get(s), true, false);
                for (int k = 0; k < sum.length; k++) {
                    sum[k] += states[s][k];
                    series.add(time.of(d.gridS[k]), sum[k], false);
                }
                collection.addSeries(series);
            }
            stacked.add(collection);
        }
        List<String> states = new ArrayList<>();
        for (int s = 0; s < present.length; s++) {
            if (present[s]) {
                states.add(DEVICE_STATES.get(s));
            }
        }
        return Optional.of(new DeviceEnergies(time, shown, stacked, states, d.byDevice.size()));
    }

    /**
     * At most {@code max} of {@code items}, spread evenly over their order: item
     * {@code round(i (n - 1) / (max - 1))} for i = 0 ... max - 1, so the first and the last are kept.
     *
     * @param items the items in order
     * @param max most items to keep, at least 2
     * @return all items when there are at most {@code max}, else {@code max} of them in order
     */
    static <T> List<T> evenlySpaced(List<T> items, int max) {
        if (items.size() <= max) {
            return List.copyOf(items);
        }
        List<T> picked = new ArrayList<>();
        for (int i = 0; i < max; i++) {
            picked.add(items.get((int) Math.round(i * (items.size() - 1.0) / (max - 1))));
        }
        return picked;
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
        double capacityJ = run.scenarioNumber(RunFolder.BATTERY_CAPACITY_J).orElse(0.0);
        if (!(capacityJ > 0)) {
            return derive(run).map(d -> band(d, "Energy drawn", "J", t -> t));
        }
        return derive(run).map(d -> band(d, "Battery level", "%",
                t -> Math.max(0, 100 * (1 - t / capacityJ))));
    }

    private static DeviceBand band(Derived d, String quantity, String unit,
                                   DoubleUnaryOperator map) {
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

    /** Derives the per-device, per-state series on a grid of {@value #GRID_POINTS} steps. */
    static Optional<Derived> derive(RunFolder run) {
        return derive(run, GRID_POINTS);
    }

    /** Derives the per-device, per-state series as described in the class comment. */
    static Optional<Derived> derive(RunFolder run, int gridPoints) {
        ResultTable energy = run.energy().filter(t -> t.has(EnergyTable.DEVICE, EnergyTable.STATE, EnergyTable.START_S,
                EnergyTable.END_S, EnergyTable.ENERGY_J)).orElse(null);
        if (energy == null || energy.size() == 0) {
            return Optional.empty();
        }
        double endS = run.runEndS();
        double[] grid = new double[gridPoints + 1];
        for (int k = 0; k <= gridPoints; k++) {
            grid[k] = endS * k / gridPoints;
        }
        int states = EnergyState.values().length;
        // Per device, per state of the ledger: the intervals {start, end, energy} of its rows.
        Map<String, List<List<double[]>>> rows = new TreeMap<>(RunDatasets::compareNatural);
        for (int i = 0; i < energy.size(); i++) {
            int state = energy.label(i, EnergyTable.STATE, EnergyState.class).ordinal();
            rows.computeIfAbsent(energy.text(i, EnergyTable.DEVICE), x -> emptyStates(states)).get(state).add(new double[] {
                energy.number(i, EnergyTable.START_S), energy.number(i, EnergyTable.END_S),
                energy.number(i, EnergyTable.ENERGY_J)});
        }
        // Uplink frames shape TX where they carry energy.
        Map<String, List<double[]>> uplinks = new TreeMap<>(RunDatasets::compareNatural);
        ResultTable frames = run.transmissions().filter(t -> t.has(TransmissionsTable.DEVICE, TransmissionsTable.START_S,
                TransmissionsTable.END_S, TransmissionsTable.ENERGY_J, TransmissionsTable.DIRECTION)).orElse(null);
        for (int i = 0; frames != null && i < frames.size(); i++) {
            if (frames.label(i, TransmissionsTable.DIRECTION, Direction.class) == Direction.UPLINK) {
                uplinks.computeIfAbsent(frames.text(i, TransmissionsTable.DEVICE), x -> new ArrayList<>()).add(new double[] {
                    frames.number(i, TransmissionsTable.START_S), frames.number(i, TransmissionsTable.END_S),
                    frames.number(i, TransmissionsTable.ENERGY_J)});
            }
        }
        Map<String, double[][]> byDevice = new TreeMap<>(RunDatasets::compareNatural);
        for (Map.Entry<String, List<List<double[]>>> device : rows.entrySet()) {
            double[][] series = new double[states][];
            for (int s = 0; s < states; s++) {
                List<double[]> own = device.getValue().get(s);
                if (own.isEmpty()) {
                    continue;
                }
                double totalJ = own.stream().mapToDouble(r -> r[2]).sum();
                List<double[]> shape = s == EnergyState.TX.ordinal() ? uplinks.getOrDefault(device.getKey(), List.of()) : own;
                series[s] = spread(grid, shape.stream().mapToDouble(r -> r[2]).sum() > 0 ? shape : own, totalJ);
            }
            byDevice.put(device.getKey(), series);
        }
        Map<String, String> protocol = new LinkedHashMap<>();
        ResultTable devices = run.devices().filter(t -> t.has(DevicesTable.DEVICE, DevicesTable.PROTOCOL)).orElse(null);
        for (int i = 0; devices != null && i < devices.size(); i++) {
            if (!devices.text(i, DevicesTable.PROTOCOL).isEmpty()) {
                protocol.put(devices.text(i, DevicesTable.DEVICE), devices.text(i, DevicesTable.PROTOCOL));
            }
        }
        return Optional.of(new Derived(grid, byDevice, protocol));
    }

    private static List<List<double[]>> emptyStates(int states) {
        List<List<double[]>> out = new ArrayList<>();
        for (int s = 0; s < states; s++) {
            out.add(new ArrayList<>());
        }
        return out;
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
