package org.fedwan.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@value #FILE}: one row per sweep point. Columns: {@link #POINT}, then one column per swept
 * parameter (named by its scenario key, holding the point's value), {@link #RUNS},
 * {@link #TARGET_REACHED}, then for every metric of {@link Summary#METRICS} and of
 * {@link #DERIVED_METRICS} one column per {@link Statistic} ({@link #column}), e.g.
 * {@code final_accuracy_mean}, then the {@link #POINT_COLUMNS}. A statistic is computed over the
 * point's runs that have a value of the metric (a target never reached has none) and is empty when
 * it is undefined. New columns only ever append, so scripts that read columns by position keep
 * working.
 */
public final class SweepColumns {

    /** File name inside a sweep's result folder. */
    public static final String FILE = "sweep.csv";

    public static final Key POINT = new Key("point", "", "point id, e.g. p0003 (its runs: runs/<point>/r<replication>/)");
    public static final Key RUNS = new Key("runs", "", "completed runs (replications) of the point");
    public static final Key TARGET_REACHED = new Key("target_reached", "",
            "runs of the point whose test accuracy reached target_accuracy");

    /** Seconds in a day (86,400): the unit of the per-day columns. */
    public static final double SECONDS_PER_DAY = 86_400;

    /** A run's mean round latency: rounds run back to back, so the run's simulated time over its rounds. */
    public static final Key ROUND_LATENCY_S = new Key("round_latency_s", "s",
            "mean round latency of a run, sim_time_s / rounds (rounds run back to back: each starts when the previous "
                    + "one's broadcast has ended)");
    /** A device's energy per simulated day at the run's pace. */
    public static final Key ENERGY_PER_DEVICE_PER_DAY_J = new Key("energy_per_device_per_day_j", "J",
            "energy per device per simulated day of FL rounds back to back, energy_per_device_j x 86,400 / sim_time_s");

    /** Metrics computed from each run's summary ({@link #derive}), aggregated like those of {@link Summary#METRICS}. */
    public static final List<Key> DERIVED_METRICS = List.of(ROUND_LATENCY_S, ENERGY_PER_DEVICE_PER_DAY_J);

    public static final Key PARAMETER_COUNT = new Key(Summary.PARAMETER_COUNT.name(), "",
            "parameters of the model or of the network-only update layout (the same in every run of the point)");
    public static final Key UPDATE_MESSAGE_BYTES = new Key(Summary.UPDATE_MESSAGE_BYTES.name(), "B",
            "size of one encoded client update, the largest of the point's runs (the same in each for fixed-rate schemes)");
    public static final Key ROUNDS_PER_DAY = new Key("rounds_per_day", "",
            "FL rounds per simulated day, 86,400 / round_latency_s_mean (empty: rounds take no time)");
    public static final Key BATTERY_LIFE_DAYS = new Key("battery_life_days", "d",
            "days a device's battery lasts running rounds back to back, battery_capacity_j / "
                    + "energy_per_device_per_day_j_mean (empty: unlimited battery, battery_capacity_j 0)");

    /** Columns of one value per point, after the statistics columns. */
    public static final List<Key> POINT_COLUMNS = List.of(PARAMETER_COUNT, UPDATE_MESSAGE_BYTES, ROUNDS_PER_DAY,
            BATTERY_LIFE_DAYS);

    /** A statistic of a metric over a point's replications: the suffix of its column name. */
    public enum Statistic {
        /** Arithmetic mean. */
        MEAN("_mean", "mean over the point's runs"),
        /** Sample standard deviation (n - 1 in the denominator); empty with fewer than 2 values. */
        STD("_std", "sample standard deviation over the point's runs (empty: fewer than 2)"),
        /**
         * Half-width of the 95 % confidence interval of the mean, t(0.975, n - 1) x std / sqrt(n)
         * (Student's t; e.g. NIST/SEMATECH e-Handbook of Statistical Methods, 7.2.2.1); empty with
         * fewer than 2 values.
         */
        CI95("_ci95", "half-width of the 95 % Student-t confidence interval of the mean (empty: fewer than 2)");

        private final String suffix;
        private final String description;

        Statistic(String suffix, String description) {
            this.suffix = suffix;
            this.description = description;
        }

        /** @return the suffix appended to the metric's name, e.g. {@code _mean} */
        public String suffix() {
            return suffix;
        }

        /** @return what the statistic is */
        public String description() {
            return description;
        }
    }

    private SweepColumns() {
    }

    /**
     * The column of one statistic of one metric.
     *
     * @param metric    a metric of {@link Summary#METRICS}
     * @param statistic the statistic
     * @return the column, named {@code <metric><suffix>}, in the metric's unit
     */
    public static Key column(Key metric, Statistic statistic) {
        Objects.requireNonNull(metric, "metric");
        return new Key(metric.name() + statistic.suffix(), metric.unit(),
                statistic.description() + " of " + metric.name() + " (" + metric.description() + ")");
    }

    /** @return the statistics columns of every metric, then of every derived metric, in the order {@value #FILE} lists them */
    public static List<Key> metricColumns() {
        List<Key> columns = new ArrayList<>();
        for (Key metric : metrics()) {
            for (Statistic statistic : Statistic.values()) {
                columns.add(column(metric, statistic));
            }
        }
        return List.copyOf(columns);
    }

    /** @return {@link Summary#METRICS} then {@link #DERIVED_METRICS}: the metrics with statistics columns, in order */
    public static List<Key> metrics() {
        List<Key> all = new ArrayList<>(Summary.METRICS);
        all.addAll(DERIVED_METRICS);
        return List.copyOf(all);
    }

    /**
     * A derived metric of one run from its summary.
     *
     * @param metric  one of {@link #DERIVED_METRICS}
     * @param summary the run's {@value Summary#FILE}, by key (numbers as {@link Number})
     * @return the value; NaN when undefined (no round, or no simulated time)
     */
    public static double derive(Key metric, Map<String, ?> summary) {
        double simTimeS = number(summary, Summary.SIM_TIME_S);
        if (metric.equals(ROUND_LATENCY_S)) {
            double rounds = number(summary, Summary.ROUNDS);
            return rounds > 0 ? simTimeS / rounds : Double.NaN;
        }
        if (metric.equals(ENERGY_PER_DEVICE_PER_DAY_J)) {
            return simTimeS > 0 ? number(summary, Summary.ENERGY_PER_DEVICE_J) * SECONDS_PER_DAY / simTimeS : Double.NaN;
        }
        throw new IllegalArgumentException(metric.name() + " is not a derived metric; allowed: " + DERIVED_METRICS);
    }

    private static double number(Map<String, ?> summary, Key key) {
        return summary.get(key.name()) instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
