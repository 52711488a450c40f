package org.fedwan.scenarios.sweep;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.fedwan.results.Key;
import org.fedwan.results.Summary;
import org.fedwan.results.SweepColumns;
import org.fedwan.scenarios.run.Summaries;

/**
 * {@code sweep.csv}: one row per point, the swept parameters, the number of completed runs, then
 * for every summary metric and every derived metric ({@link SweepColumns#DERIVED_METRICS}: round
 * latency, energy per device per day) its mean, sample standard deviation and the half-width of
 * the 95 % Student-t confidence interval of the mean across replications ({@code _ci95}), then the
 * point's parameter count, update size, rounds per day and battery life
 * ({@link SweepColumns#POINT_COLUMNS}). A metric that is undefined for a run (a target never
 * reached) is left out of that metric's statistics, and {@code target_reached} counts the runs
 * that reached it.
 */
public final class SweepTable {

    private SweepTable() {
    }

    /** Statistics of one metric over replications. */
    public record Stat(long n, double mean, double std, double ci95) {

        static Stat of(List<Double> values) {
            SummaryStatistics s = new SummaryStatistics();
            for (double v : values) {
                if (Double.isFinite(v)) {
                    s.addValue(v);
                }
            }
            long n = s.getN();
            double mean = n == 0 ? Double.NaN : s.getMean();
            double std = n < 2 ? Double.NaN : s.getStandardDeviation();
            double ci = n < 2 ? Double.NaN
                    : new TDistribution(null, n - 1).inverseCumulativeProbability(0.975) * std / Math.sqrt(n);
            return new Stat(n, mean, std, ci);
        }
    }

    /** The header line. */
    static String header(SweepSpec spec) {
        StringBuilder s = new StringBuilder(SweepColumns.POINT.name());
        for (String p : spec.parameters()) {
            s.append(',').append(p);
        }
        s.append(',').append(SweepColumns.RUNS.name()).append(',').append(SweepColumns.TARGET_REACHED.name());
        for (Key column : SweepColumns.metricColumns()) {
            s.append(',').append(column.name());
        }
        for (Key column : SweepColumns.POINT_COLUMNS) {
            s.append(',').append(column.name());
        }
        return s.toString();
    }

    /**
     * The table text.
     *
     * @param summaries per point (in point order), the summaries of its completed runs
     */
    public static String render(SweepSpec spec, List<List<Map<String, Object>>> summaries) {
        StringBuilder out = new StringBuilder(header(spec)).append('\n');
        for (SweepSpec.Point p : spec.points()) {
            List<Map<String, Object>> runs = summaries.get(p.index());
            out.append(p.id());
            for (String param : spec.parameters()) {
                out.append(',').append(csv(p.values().get(param)));
            }
            long reached = runs.stream().filter(r -> Double.isFinite(Summaries.number(r, Summary.TIME_TO_TARGET_S.name()))).count();
            out.append(',').append(runs.size()).append(',').append(reached);
            Map<Key, Stat> stats = new HashMap<>();
            for (Key m : SweepColumns.metrics()) {
                boolean derived = SweepColumns.DERIVED_METRICS.contains(m);
                List<Double> values = new ArrayList<>();
                for (Map<String, Object> r : runs) {
                    values.add(derived ? SweepColumns.derive(m, r) : Summaries.number(r, m.name()));
                }
                Stat st = Stat.of(values);
                stats.put(m, st);
                out.append(',').append(num(st.mean())).append(',').append(num(st.std())).append(',').append(num(st.ci95()));
            }
            double batteryJ = p.runs().get(0).devices().batteryCapacityJ();
            double roundLatencyS = stats.get(SweepColumns.ROUND_LATENCY_S).mean();
            double perDayJ = stats.get(SweepColumns.ENERGY_PER_DEVICE_PER_DAY_J).mean();
            out.append(',').append(integer(largest(runs, Summary.PARAMETER_COUNT)))
                    .append(',').append(integer(largest(runs, Summary.UPDATE_MESSAGE_BYTES)))
                    .append(',').append(num(roundLatencyS > 0 ? SweepColumns.SECONDS_PER_DAY / roundLatencyS : Double.NaN))
                    .append(',').append(num(batteryJ > 0 && perDayJ > 0 ? batteryJ / perDayJ : Double.NaN));
            out.append('\n');
        }
        return out.toString();
    }

    /** The largest value of {@code key} over {@code runs}, NaN without one. */
    private static double largest(List<Map<String, Object>> runs, Key key) {
        double max = Double.NaN;
        for (Map<String, Object> r : runs) {
            double v = Summaries.number(r, key.name());
            if (Double.isFinite(v) && !(v <= max)) {
                max = v;
            }
        }
        return max;
    }

    /** A whole number without decimals; empty when undefined. */
    static String integer(double v) {
        return Double.isFinite(v) ? String.valueOf((long) v) : "";
    }

    static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6f", v) : "";
    }

    static String csv(String v) {
        return v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
