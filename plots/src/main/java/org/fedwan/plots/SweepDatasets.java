package org.fedwan.plots;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fedwan.results.Key;
import org.fedwan.results.ResultTable;
import org.fedwan.results.Summary;
import org.fedwan.results.SweepColumns;
import org.fedwan.results.SweepColumns.Statistic;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Datasets of a sweep's summary table ({@code sweep.csv}): a metric against the swept parameters
 * (mean with its 95 % confidence interval), the Pareto front of accuracy against a cost, and a heat
 * map over two parameters. Each point of the sweep is one row, its replications already
 * summarised; per-round comparisons of the points are in {@link ComparisonDatasets}.
 */
public final class SweepDatasets {

    /** Series key of all sweep points in {@link Pareto}. */
    public static final String ALL_POINTS = "Sweep points";
    /** Series key of the non-dominated points in {@link Pareto}. */
    public static final String FRONT = "Pareto front";

    private SweepDatasets() {
    }

    /** A metric of {@code sweep.csv} with its axis quantity and how its values are scaled. */
    public enum SweepMetric {
        /** Final test accuracy, drawn in %. */
        FINAL_ACCURACY(Summary.FINAL_ACCURACY, "Final test accuracy"),
        /** Uplink PHY bytes of the run, drawn in a byte unit. */
        UPLINK_BYTES(Summary.UPLINK_BYTES, "Uplink traffic"),
        /** Radio energy of all devices (summary energy_j: the frames' energy), J. */
        ENERGY_J(Summary.ENERGY_J, "Radio energy, all devices"),
        /** Simulated time to the target accuracy, drawn in a time unit. */
        TIME_TO_TARGET_S(Summary.TIME_TO_TARGET_S, "Time to target accuracy");

        private final Key metric;
        private final String quantity;

        SweepMetric(Key metric, String quantity) {
            this.metric = metric;
            this.quantity = quantity;
        }

        /**
         * @param statistic a statistic over replications
         * @return its column in {@code sweep.csv}, e.g. {@code energy_j_mean}
         */
        public Key column(Statistic statistic) {
            return SweepColumns.column(metric, statistic);
        }

        /** @return the quantity for axis labels */
        public String quantity() {
            return quantity;
        }

        /** The unit for values reaching {@code max} (in the table's unit). */
        AxisUnit unit(double max) {
            return switch (this) {
                case FINAL_ACCURACY -> new AxisUnit("%", 0.01);
                case UPLINK_BYTES -> AxisUnit.forBytes(max);
                case ENERGY_J -> new AxisUnit("J", 1);
                case TIME_TO_TARGET_S -> AxisUnit.forDurationS(max);
            };
        }
    }

    /**
     * A metric against the first swept parameter: mean and 95 % confidence interval
     * ({@code _mean +- _ci95}) across replications, one series per combination of the other swept
     * parameters (one series, "Mean" when only one parameter is swept). A parameter that is not
     * numeric is drawn at x = 0, 1, 2, ... in the order of its first appearance, named by
     * {@code categories}.
     *
     * @param metric the metric
     * @param unit unit of the y values
     * @param parameter the name of the parameter on the x axis (its label from the study, see
     *     {@link SweepFolder#keyLabel})
     * @param categories the names of the parameter's values when it is not numeric, else empty
     * @param series mean (y), mean - ci95 (y-low) and mean + ci95 (y-high) per point
     */
    public record MetricVsParameter(SweepMetric metric, AxisUnit unit, String parameter,
                                    List<String> categories, YIntervalSeriesCollection series) {
    }

    /**
     * @param sweep the sweep
     * @param metric the metric
     * @return the dataset, or empty if the sweep has no swept parameter, no such metric, or no
     *     point with a value
     */
    public static Optional<MetricVsParameter> metricVsParameter(SweepFolder sweep, SweepMetric metric) {
        ResultTable table = sweep.table();
        Key mean = metric.column(Statistic.MEAN);
        Key ci = metric.column(Statistic.CI95);
        if (sweep.parameters().isEmpty() || !table.has(mean, ci)) {
            return Optional.empty();
        }
        String parameter = sweep.parameters().get(0);
        boolean numeric = sweep.isNumeric(parameter);
        List<String> categories = new ArrayList<>();
        List<String> values = new ArrayList<>();
        double max = 0;
        for (int p = 0; p < table.size(); p++) {
            if (!numeric && !values.contains(table.text(p, parameter))) {
                values.add(table.text(p, parameter));
                categories.add(sweep.valueLabel(parameter, table.text(p, parameter)));
            }
            double value = table.number(p, mean) + orZero(table.number(p, ci));
            max = Double.isFinite(value) ? Math.max(max, value) : max;
        }
        AxisUnit unit = metric.unit(max);
        Map<String, YIntervalSeries> series = new LinkedHashMap<>();
        for (int p = 0; p < table.size(); p++) {
            double m = table.number(p, mean);
            if (!Double.isFinite(m)) {
                continue;
            }
            double c = orZero(table.number(p, ci));
            List<String> others = new ArrayList<>();
            for (String other : sweep.parameters().subList(1, sweep.parameters().size())) {
                others.add(sweep.part(other, table.text(p, other)));
            }
            String key = others.isEmpty() ? "Mean" : String.join(", ", others);
            double x = numeric ? table.number(p, parameter) : values.indexOf(table.text(p, parameter));
            series.computeIfAbsent(key, k -> new YIntervalSeries(k, true, false))
                    .add(x, unit.of(m), unit.of(Math.max(0, m - c)),
                            unit.of(metric == SweepMetric.FINAL_ACCURACY ? Math.min(1, m + c) : m + c));
        }
        if (series.isEmpty()) {
            return Optional.empty();
        }
        YIntervalSeriesCollection collection = new YIntervalSeriesCollection();
        series.values().forEach(collection::addSeries);
        return Optional.of(new MetricVsParameter(metric, unit, sweep.keyLabel(parameter), List.copyOf(categories),
                collection));
    }

    private static double orZero(double value) {
        return Double.isFinite(value) ? value : 0;
    }

    /**
     * Mean final accuracy (%) against a mean cost of each sweep point, and the Pareto front: the
     * points no other point beats on both (lower or equal cost and higher or equal accuracy, one of
     * them strictly), by increasing cost.
     *
     * @param cost the cost metric ({@link SweepMetric#UPLINK_BYTES} or {@link SweepMetric#ENERGY_J})
     * @param unit unit of the x values
     * @param points series {@value #ALL_POINTS} (every point, in point order) and {@value #FRONT}
     * @param labels the point label of each item of {@value #ALL_POINTS}
     */
    public record Pareto(SweepMetric cost, AxisUnit unit, XYSeriesCollection points, List<String> labels) {
    }

    /**
     * @param sweep the sweep
     * @param cost the cost on the x axis
     * @return the points and front, or empty without the columns or points
     */
    public static Optional<Pareto> pareto(SweepFolder sweep, SweepMetric cost) {
        ResultTable table = sweep.table();
        Key costColumn = cost.column(Statistic.MEAN);
        Key accuracyColumn = SweepMetric.FINAL_ACCURACY.column(Statistic.MEAN);
        if (!table.has(costColumn, accuracyColumn)) {
            return Optional.empty();
        }
        List<double[]> xy = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        double max = 0;
        for (int p = 0; p < table.size(); p++) {
            double x = table.number(p, costColumn);
            double y = table.number(p, accuracyColumn);
            if (Double.isFinite(x) && Double.isFinite(y)) {
                xy.add(new double[] {x, 100 * y});
                labels.add(sweep.label(p));
                max = Math.max(max, x);
            }
        }
        if (xy.isEmpty()) {
            return Optional.empty();
        }
        AxisUnit unit = cost.unit(max);
        XYSeries all = new XYSeries(ALL_POINTS, false, true);
        for (double[] point : xy) {
            all.add(unit.of(point[0]), point[1]);
        }
        XYSeries front = new XYSeries(FRONT, true, true);
        for (double[] point : xy) {
            boolean dominated = false;
            for (double[] other : xy) {
                if (other[0] <= point[0] && other[1] >= point[1] && (other[0] < point[0] || other[1] > point[1])) {
                    dominated = true;
                    break;
                }
            }
            if (!dominated) {
                front.add(unit.of(point[0]), point[1]);
            }
        }
        XYSeriesCollection points = new XYSeriesCollection();
        points.addSeries(all);
        points.addSeries(front);
        return Optional.of(new Pareto(cost, unit, points, List.copyOf(labels)));
    }

    /**
     * A metric's mean over the first two swept parameters: cell (i, j) holds the point with the
     * i-th value of the first and the j-th value of the second parameter (values in order of first
     * appearance); when more parameters are swept, the points where they take the first point's
     * values. Cells without a point are absent.
     *
     * @param metric the metric
     * @param unit unit of the z values
     * @param xParameter the first parameter
     * @param yParameter the second parameter
     * @param xValues values of the first parameter, drawn at x = 0, 1, ...
     * @param yValues values of the second parameter, drawn at y = 0, 1, ...
     * @param cells one series: x index, y index, z the mean
     */
    public record HeatMap(SweepMetric metric, AxisUnit unit, String xParameter, String yParameter,
                          List<String> xValues, List<String> yValues, DefaultXYZDataset cells) {
    }

    /**
     * @param sweep the sweep
     * @param metric the metric
     * @return the heat map, or empty with fewer than two swept parameters or without the metric
     */
    public static Optional<HeatMap> heatMap(SweepFolder sweep, SweepMetric metric) {
        ResultTable table = sweep.table();
        Key mean = metric.column(Statistic.MEAN);
        if (sweep.parameters().size() < 2 || !table.has(mean) || table.size() == 0) {
            return Optional.empty();
        }
        String xp = sweep.parameters().get(0);
        String yp = sweep.parameters().get(1);
        List<String> rest = sweep.parameters().subList(2, sweep.parameters().size());
        List<String> xs = new ArrayList<>();
        List<String> ys = new ArrayList<>();
        List<double[]> cells = new ArrayList<>();
        double max = 0;
        for (int p = 0; p < table.size(); p++) {
            boolean first = true;
            for (String other : rest) {
                first &= table.text(p, other).equals(table.text(0, other));
            }
            double z = table.number(p, mean);
            if (!first || !Double.isFinite(z)) {
                continue;
            }
            if (!xs.contains(table.text(p, xp))) {
                xs.add(table.text(p, xp));
            }
            if (!ys.contains(table.text(p, yp))) {
                ys.add(table.text(p, yp));
            }
            cells.add(new double[] {xs.indexOf(table.text(p, xp)), ys.indexOf(table.text(p, yp)), z});
            max = Math.max(max, z);
        }
        if (cells.isEmpty()) {
            return Optional.empty();
        }
        AxisUnit unit = metric.unit(max);
        double[][] data = new double[3][cells.size()];
        for (int i = 0; i < cells.size(); i++) {
            data[0][i] = cells.get(i)[0];
            data[1][i] = cells.get(i)[1];
            data[2][i] = unit.of(cells.get(i)[2]);
        }
        DefaultXYZDataset dataset = new DefaultXYZDataset();
        dataset.addSeries(metric.quantity(), data);
        return Optional.of(new HeatMap(metric, unit, sweep.keyLabel(xp), sweep.keyLabel(yp),
                xs.stream().map(x -> sweep.valueLabel(xp, x)).toList(), ys.stream().map(y -> sweep.valueLabel(yp, y)).toList(),
                dataset));
    }
    /** Swept keys that set the model's size; {@link #roundsPerDay} draws one line per value of the others. */
    public static final Set<String> SIZE_KEYS = Set.of("update_parameters", "update_layout", "model", "layers");

    /**
     * Rounds per simulated day against the model's parameter count ({@code sweep.csv}'s
     * {@code parameter_count} and {@code rounds_per_day}), one series per combination of the swept
     * keys other than {@link #SIZE_KEYS} (e.g. one per data rate), points sorted by size: the
     * largest model a round rate allows (issue 15's question 2).
     *
     * @param series one line per group, x the parameter count, y rounds per day
     */
    public record RoundsPerDay(XYSeriesCollection series) {
    }

    /**
     * The swept keys that name the rounds-per-day figure's lines: those other than
     * {@link #SIZE_KEYS}, leaving out a key whose value follows from an earlier one's (keys swept
     * together, e.g. {@code data_rate} and {@code downlink_data_rate} in a {@code zip:}).
     */
    static List<String> seriesKeys(SweepFolder sweep) {
        ResultTable table = sweep.table();
        List<String> keys = new ArrayList<>();
        for (String parameter : sweep.parameters()) {
            if (SIZE_KEYS.contains(parameter)) {
                continue;
            }
            boolean follows = false;
            for (String earlier : keys) {
                Map<String, String> valueOf = new HashMap<>();
                boolean function = true;
                for (int p = 0; p < table.size() && function; p++) {
                    String before = valueOf.putIfAbsent(table.text(p, earlier), table.text(p, parameter));
                    function = before == null || before.equals(table.text(p, parameter));
                }
                follows |= function;
            }
            if (!follows) {
                keys.add(parameter);
            }
        }
        return keys;
    }

    /** The rounds-per-day figure's data, empty without the two columns or without two sizes. */
    public static Optional<RoundsPerDay> roundsPerDay(SweepFolder sweep) {
        ResultTable table = sweep.table();
        if (!table.has(SweepColumns.PARAMETER_COUNT, SweepColumns.ROUNDS_PER_DAY)) {
            return Optional.empty();
        }
        List<String> keys = seriesKeys(sweep);
        Map<String, XYSeries> groups = new LinkedHashMap<>();
        Set<Double> sizes = new HashSet<>();
        for (int p = 0; p < table.size(); p++) {
            double x = table.number(p, SweepColumns.PARAMETER_COUNT);
            double y = table.number(p, SweepColumns.ROUNDS_PER_DAY);
            if (!(x > 0 && y > 0 && Double.isFinite(y))) {
                continue;
            }
            List<String> parts = new ArrayList<>();
            for (String parameter : keys) {
                String value = table.text(p, parameter);
                if (!value.isEmpty()) {
                    parts.add(sweep.part(parameter, value));
                }
            }
            String name = parts.isEmpty() ? "rounds per day" : String.join(", ", parts);
            groups.computeIfAbsent(name, n -> new XYSeries(n, true, true)).add(x, y);
            sizes.add(x);
        }
        if (sizes.size() < 2) {
            return Optional.empty();
        }
        XYSeriesCollection series = new XYSeriesCollection();
        groups.values().forEach(series::addSeries);
        return Optional.of(new RoundsPerDay(series));
    }
}
