package org.fedwan.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@value #FILE}: one row per sweep point. Columns: {@link #POINT}, then one column per swept
 * parameter (named by its scenario key, holding the point's value), {@link #RUNS},
 * {@link #TARGET_REACHED}, then for every metric of {@link Summary#METRICS} one column per
 * {@link Statistic} ({@link #column}), e.g. {@code final_accuracy_mean}. A statistic is computed
 * over the point's runs that have a value of the metric (a target never reached has none) and is
 * empty when it is undefined.
 */
public final class SweepColumns {

    /** File name inside a sweep's result folder. */
    public static final String FILE = "sweep.csv";

    public static final Key POINT = new Key("point", "", "point id, e.g. p0003 (its runs: runs/<point>/r<replication>/)");
    public static final Key RUNS = new Key("runs", "", "completed runs (replications) of the point");
    public static final Key TARGET_REACHED = new Key("target_reached", "",
            "runs of the point whose test accuracy reached target_accuracy");

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

    /** @return the statistics columns of every metric, in the order {@value #FILE} lists them */
    public static List<Key> metricColumns() {
        List<Key> columns = new ArrayList<>();
        for (Key metric : Summary.METRICS) {
            for (Statistic statistic : Statistic.values()) {
                columns.add(column(metric, statistic));
            }
        }
        return List.copyOf(columns);
    }
}
