package org.fedwan.plots;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.DoubleUnaryOperator;
import org.fedwan.results.ClientsTable;
import org.fedwan.results.Column;
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
 * Datasets of energy over simulated time, split by radio and MCU state, per device and per
 * protocol, and the battery level that follows from it.
 *
 * <p>The tables give energy by state only as end-of-run totals per device ({@code devices.csv}:
 * {@code tx_j, rx_j, mcu_j, standby_j, sleep_j}); the time series are derived by spreading each
 * total over the moments that state was used, on a grid of {@value #GRID_POINTS} equal steps from
 * 0 to the end of the run:
 * <ul>
 *   <li><b>TX</b>: shaped by the device's uplink frames of {@code transmissions.csv} (each frame's
 *       {@code energy_j} spread evenly over its airtime) and its {@code tx} rows of
 *       {@code energy.csv}, scaled so that it ends at {@code tx_j};</li>
 *   <li><b>RX</b>: shaped by the device's downlink frames and {@code rx} rows, scaled to end at
 *       {@code rx_j} (which also holds the receive windows after each uplink, so the scale is
 *       usually above 1);</li>
 *   <li><b>Compute (MCU)</b>: {@code mcu_j} spread evenly over the device's training intervals of
 *       {@code clients.csv} ({@code compute_end_s - compute_s} to {@code compute_end_s}), or else
 *       over its {@code compute} rows of {@code energy.csv};</li>
 *   <li><b>Standby and sleep</b>: {@code standby_j + sleep_j} spread linearly over the run.</li>
 * </ul>
 * An NB-IoT device reports every interval it spends in a power state as a row of
 * {@code energy.csv}; those rows shape its states instead: {@code connected_idle}, {@code idle_drx}
 * and {@code idle_edrx} rows ({@code standby_j}) and {@code psm} rows ({@code sleep_j}) the NB-IoT
 * states of {@link #DEVICE_STATES}, which {@link #energyByState} counts as standby and sleep. A
 * state whose shaping source is missing or empty is spread linearly. Without {@code devices.csv}
 * every state is drawn straight from the rows' {@code energy_j}: TX and RX from the frames and the
 * {@code tx} and {@code rx} rows, compute from the {@code compute} rows, the NB-IoT states from
 * their rows; the states then add up to the energy of {@code transmissions.csv} and
 * {@code energy.csv}. Frames are told apart by {@link Direction} and rows by {@link EnergyState}
 * ({@link #stateOf}); a label neither enum knows fails the reading.
 *
 * <p>A {@code protocol} column in {@code devices.csv}, when present, groups devices into one series
 * per protocol; without it all devices form one group, {@value #ALL_DEVICES}.
 */
public final class EnergyDatasets {

    /** Steps of the time grid. */
    public static final int GRID_POINTS = 200;
    /** Name of the group of all devices when there is no protocol column. */
    public static final String ALL_DEVICES = "All devices";

    /** Series keys of {@link EnergyByState}, in stacking order. */
    public static final List<String> STATES = List.of("TX", "RX", "Compute (MCU)", "Standby and sleep");

    /**
     * Series keys of {@link DeviceEnergies}, in stacking order: {@link #STATES}, then the NB-IoT
     * power states that replace standby and sleep for a device with NB-IoT power-state rows in
     * {@code energy.csv}: {@code connected_idle}; {@code idle_drx} and {@code idle_edrx}; {@code psm}.
     */
    public static final List<String> DEVICE_STATES = List.of("TX", "RX", "Compute (MCU)", "Standby and sleep",
            "Connected idle (NB-IoT)", "Idle DRX, eDRX (NB-IoT)", "PSM (NB-IoT)");

    /** Most devices {@link #deviceEnergies} shows, one panel each. */
    public static final int MAX_SMALL_MULTIPLES = 16;
    /** Steps of the time grid of {@link #deviceEnergies}, whose panels are small. */
    public static final int SMALL_MULTIPLES_GRID_POINTS = 100;

    // Indices into DEVICE_STATES.
    private static final int TX = 0;
    private static final int RX = 1;
    private static final int COMPUTE = 2;
    private static final int STANDBY_AND_SLEEP = 3;
    private static final int NBIOT_CONNECTED = 4;
    private static final int NBIOT_IDLE = 5;
    private static final int NBIOT_PSM = 6;

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
            // The NB-IoT power states count as standby and sleep here.
            List<Integer> parts = s == STANDBY_AND_SLEEP
                    ? List.of(STANDBY_AND_SLEEP, NBIOT_CONNECTED, NBIOT_IDLE, NBIOT_PSM) : List.of(s);
            boolean present = false;
            for (double[][] states : d.byDevice.values()) {
                for (int part : parts) {
                    if (states[part] != null) {
                        present = true;
                        for (int k = 0; k < sum.length; k++) {
                            sum[k] += states[part][k];
                        }
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
        if (run.transmissions().isEmpty()) {
            return Optional.empty();
        }
        ResultTable frames = run.transmissions().get();
        if (!frames.has(TransmissionsTable.DEVICE, TransmissionsTable.START_S, TransmissionsTable.END_S,
                TransmissionsTable.ENERGY_J, TransmissionsTable.DIRECTION)) {
            return Optional.empty();
        }
        double endS = run.runEndS();
        double[] grid = new double[gridPoints + 1];
        for (int k = 0; k <= gridPoints; k++) {
            grid[k] = endS * k / gridPoints;
        }
        // Per device, per state of DEVICE_STATES: the intervals {start, end, energy} of its rows.
        Map<String, List<List<double[]>>> rows = new TreeMap<>(RunDatasets::compareNatural);
        for (int i = 0; i < frames.size(); i++) {
            int state = switch (frames.label(i, TransmissionsTable.DIRECTION, Direction.class)) {
                case UPLINK -> TX;
                case DOWNLINK -> RX;
            };
            rows.computeIfAbsent(frames.text(i, TransmissionsTable.DEVICE), x -> emptyStates()).get(state).add(new double[] {
                frames.number(i, TransmissionsTable.START_S), frames.number(i, TransmissionsTable.END_S),
                frames.number(i, TransmissionsTable.ENERGY_J)});
        }
        boolean computeRows = false;
        ResultTable energy = run.energy().filter(t -> t.has(EnergyTable.DEVICE, EnergyTable.STATE, EnergyTable.START_S,
                EnergyTable.END_S, EnergyTable.ENERGY_J)).orElse(null);
        for (int i = 0; energy != null && i < energy.size(); i++) {
            int state = stateOf(energy.label(i, EnergyTable.STATE, EnergyState.class));
            rows.computeIfAbsent(energy.text(i, EnergyTable.DEVICE), x -> emptyStates()).get(state).add(new double[] {
                energy.number(i, EnergyTable.START_S), energy.number(i, EnergyTable.END_S),
                energy.number(i, EnergyTable.ENERGY_J)});
            computeRows |= state == COMPUTE;
        }
        Map<String, List<double[]>> compute = new TreeMap<>(RunDatasets::compareNatural);
        if (run.clients().isPresent()
                && run.clients().get().has(ClientsTable.DEVICE, ClientsTable.COMPUTE_S, ClientsTable.COMPUTE_END_S)) {
            ResultTable clients = run.clients().get();
            for (int i = 0; i < clients.size(); i++) {
                double computeS = clients.number(i, ClientsTable.COMPUTE_S);
                double computeEndS = clients.number(i, ClientsTable.COMPUTE_END_S);
                if (Double.isFinite(computeS) && Double.isFinite(computeEndS)) {
                    compute.computeIfAbsent(clients.text(i, ClientsTable.DEVICE), x -> new ArrayList<>())
                            .add(new double[] {Math.max(0, computeEndS - computeS), computeEndS, Math.max(0, computeS)});
                }
            }
        }
        Map<String, double[][]> byDevice = new TreeMap<>(RunDatasets::compareNatural);
        Map<String, String> protocol = new LinkedHashMap<>();
        ResultTable devices = run.devices()
                .filter(t -> t.has(DevicesTable.DEVICE, DevicesTable.TX_J, DevicesTable.RX_J, DevicesTable.MCU_J))
                .orElse(null);
        if (devices == null) {
            for (Map.Entry<String, List<List<double[]>>> device : rows.entrySet()) {
                List<List<double[]>> own = device.getValue();
                double[][] states = new double[DEVICE_STATES.size()][];
                states[TX] = spread(grid, own.get(TX), Double.NaN);
                states[RX] = spread(grid, own.get(RX), Double.NaN);
                if (computeRows) {
                    states[COMPUTE] = spread(grid, own.get(COMPUTE), Double.NaN);
                }
                for (int s = STANDBY_AND_SLEEP; s < states.length; s++) {
                    if (!own.get(s).isEmpty()) {
                        states[s] = spread(grid, own.get(s), Double.NaN);
                    }
                }
                byDevice.put(device.getKey(), states);
            }
        } else {
            for (int i = 0; i < devices.size(); i++) {
                String device = devices.text(i, DevicesTable.DEVICE);
                List<List<double[]>> own = rows.getOrDefault(device, emptyStates());
                double[][] states = new double[DEVICE_STATES.size()][];
                states[TX] = spread(grid, own.get(TX), orZero(devices, i, DevicesTable.TX_J));
                states[RX] = spread(grid, own.get(RX), orZero(devices, i, DevicesTable.RX_J));
                states[COMPUTE] = spread(grid, compute.getOrDefault(device, own.get(COMPUTE)),
                        orZero(devices, i, DevicesTable.MCU_J));
                double standbyJ = orZero(devices, i, DevicesTable.STANDBY_J);
                double sleepJ = orZero(devices, i, DevicesTable.SLEEP_J);
                boolean nbiot = !own.get(NBIOT_CONNECTED).isEmpty() || !own.get(NBIOT_IDLE).isEmpty()
                        || !own.get(NBIOT_PSM).isEmpty();
                if (!nbiot) {
                    states[STANDBY_AND_SLEEP] = spread(grid, own.get(STANDBY_AND_SLEEP), standbyJ + sleepJ);
                } else {
                    // devices.csv: standby_j = connected and idle (and any other awake state), sleep_j = PSM.
                    spreadJointly(grid, own, List.of(NBIOT_CONNECTED, NBIOT_IDLE, STANDBY_AND_SLEEP), standbyJ, states);
                    states[NBIOT_PSM] = spread(grid, own.get(NBIOT_PSM), sleepJ);
                }
                byDevice.put(device, states);
                if (devices.has(DevicesTable.PROTOCOL) && !devices.text(i, DevicesTable.PROTOCOL).isEmpty()) {
                    protocol.put(device, devices.text(i, DevicesTable.PROTOCOL));
                }
            }
        }
        if (byDevice.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Derived(grid, byDevice, protocol));
    }

    /**
     * The state of {@link #DEVICE_STATES} a row of {@code energy.csv} charges its energy to: every
     * {@link EnergyState} has one, so a state added to the schema fails to compile here until it is
     * placed.
     *
     * @param state the row's state
     * @return an index into {@link #DEVICE_STATES}
     */
    static int stateOf(EnergyState state) {
        return switch (state) {
            case COMPUTE -> COMPUTE;
            case TX -> TX;
            case RX -> RX;
            case CONNECTED_IDLE -> NBIOT_CONNECTED;
            case IDLE_DRX, IDLE_EDRX -> NBIOT_IDLE;
            case PSM -> NBIOT_PSM;
        };
    }

    private static List<List<double[]>> emptyStates() {
        List<List<double[]>> states = new ArrayList<>();
        for (int s = 0; s < DEVICE_STATES.size(); s++) {
            states.add(new ArrayList<>());
        }
        return states;
    }

    /**
     * Spreads {@code totalJ} over several states, each shaped by its own rows and given the share of
     * {@code totalJ} its rows' energy has; states without energy stay absent. When none has energy,
     * {@code totalJ} is spread linearly as standby and sleep.
     */
    private static void spreadJointly(double[] grid, List<List<double[]>> own, List<Integer> parts, double totalJ,
                                      double[][] states) {
        double[] weights = new double[parts.size()];
        double weight = 0;
        for (int p = 0; p < parts.size(); p++) {
            for (double[] interval : own.get(parts.get(p))) {
                weights[p] += interval[2];
            }
            weight += weights[p];
        }
        if (!(weight > 0)) {
            states[STANDBY_AND_SLEEP] = spread(grid, List.of(), totalJ);
            return;
        }
        for (int p = 0; p < parts.size(); p++) {
            if (weights[p] > 0) {
                states[parts.get(p)] = spread(grid, own.get(parts.get(p)), totalJ * weights[p] / weight);
            }
        }
    }

    private static double orZero(ResultTable table, int row, Column<?> column) {
        if (!table.has(column)) {
            return 0;
        }
        double value = table.number(row, column);
        return Double.isFinite(value) ? value : 0;
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
