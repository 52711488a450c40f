package org.fedwan.plots;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.fedwan.results.Column;
import org.fedwan.results.ResultTable;
import org.fedwan.results.RoundsTable;
import org.fedwan.results.SweepColumns;
import org.fedwan.results.SweepRoundsColumns;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Datasets that compare methods (compression schemes) or sweep points round by round: one series or
 * bar per method. A single run is one method (named by {@link RunFolder#method()}); a sweep gives
 * one method per point (named by {@link SweepFolder#label(int)}) whose replications are averaged.
 * Datasets of a sweep's summary table are in {@link SweepDatasets}.
 */
public final class ComparisonDatasets {

    /** Series keys of {@link #bytesPerRound}. */
    public static final String UPDATE_BYTES = "Update message";
    /** Series key of on-air uplink bytes in {@link #bytesPerRound}. */
    public static final String PHY_BYTES = "On air (PHY)";

    private ComparisonDatasets() {
    }

    /**
     * One compared method: a name and its runs (replications).
     *
     * @param label legend and axis name
     * @param runs the replications, at least one
     */
    public record Method(String label, List<RunFolder> runs) {
        /** Copies the runs. */
        public Method {
            Objects.requireNonNull(label, "label");
            runs = List.copyOf(runs);
        }
    }

    /**
     * @param run a run
     * @return the run as the only method
     */
    public static List<Method> methods(RunFolder run) {
        return List.of(new Method(run.method(), List.of(run)));
    }

    /**
     * @param sweep a sweep
     * @return one method per point that has runs, in point order
     */
    public static List<Method> methods(SweepFolder sweep) {
        List<Method> methods = new ArrayList<>();
        for (int p = 0; p < sweep.points(); p++) {
            List<RunFolder> runs = sweep.runs(p);
            if (!runs.isEmpty()) {
                methods.add(new Method(sweep.label(p), runs));
            }
        }
        return methods;
    }

    /**
     * A per-round quantity of each method, averaged over its runs round by round.
     *
     * @param unit unit of the x values (bytes or time) or {@code null} where x is the round
     * @param series one series per method
     */
    public record PerMethod(AxisUnit unit, XYSeriesCollection series) {
    }

    /**
     * Accuracy per byte over the rounds (seed 000 Fig. 2): test accuracy (%) after the round divided
     * by the uplink kilobytes sent up to then ({@code cumulative_uplink_bytes}, else the running sum
     * of {@code uplink_bytes}), in % per kB; rounds with no bytes yet, and rounds whose model was
     * not evaluated (empty {@code accuracy}), are left out.
     *
     * @param methods the methods
     * @return x the round, y % per kB
     */
    public static PerMethod accuracyPerByte(List<Method> methods) {
        XYSeriesCollection collection = new XYSeriesCollection();
        for (Method method : methods) {
            TreeMap<Double, double[]> byRound = new TreeMap<>();
            for (RunFolder run : method.runs()) {
                double[] cumulative = cumulative(run.rounds(), RoundsTable.CUMULATIVE_UPLINK_BYTES, RoundsTable.UPLINK_BYTES);
                for (int r = 0; r < run.rounds().size(); r++) {
                    double accuracy = run.rounds().number(r, RoundsTable.ACCURACY);
                    if (cumulative[r] > 0 && !Double.isNaN(accuracy)) {
                        double[] sum = byRound.computeIfAbsent(run.rounds().number(r, RoundsTable.ROUND), k -> new double[2]);
                        sum[0] += 100 * accuracy / (cumulative[r] / 1e3);
                        sum[1]++;
                    }
                }
            }
            XYSeries series = new XYSeries(method.label(), true, false);
            byRound.forEach((round, sum) -> series.add(round.doubleValue(), sum[0] / sum[1]));
            addUnique(collection, series);
        }
        return new PerMethod(null, collection);
    }

    /**
     * Test accuracy (%) against the cumulative energy of the ledger ({@code cumulative_energy_j}, else the
     * running sum of {@code energy_j}), one point per evaluated round, runs of a method averaged round by
     * round.
     *
     * @param methods the methods
     * @return x cumulative energy in J, y accuracy in %
     */
    public static PerMethod accuracyVsEnergy(List<Method> methods) {
        return new PerMethod(null, accuracyAgainst(methods, RoundsTable.CUMULATIVE_ENERGY_J, RoundsTable.ENERGY_J));
    }

    /**
     * Test accuracy (%) against cumulative uplink bytes ({@code cumulative_uplink_bytes}, else the
     * running sum of {@code uplink_bytes}), one point per evaluated round, runs of a method averaged
     * round by round (seed 004 Fig. 2 plots against bits; seed 003 Table I lists accuracy with the
     * bits sent). Points before any byte was sent are left out, so that a logarithmic axis can show
     * every point.
     *
     * @param methods the methods
     * @return x cumulative uplink traffic in a unit chosen by {@link AxisUnit#forBytes} from the
     *     largest value, y accuracy in %
     */
    public static PerMethod accuracyVsUplinkBytes(List<Method> methods) {
        XYSeriesCollection inBytes = accuracyAgainst(methods, RoundsTable.CUMULATIVE_UPLINK_BYTES, RoundsTable.UPLINK_BYTES);
        double maxBytes = 0;
        for (int s = 0; s < inBytes.getSeriesCount(); s++) {
            maxBytes = Math.max(maxBytes, inBytes.getSeries(s).isEmpty() ? 0 : inBytes.getSeries(s).getMaxX());
        }
        AxisUnit unit = AxisUnit.forBytes(maxBytes);
        XYSeriesCollection collection = new XYSeriesCollection();
        for (int s = 0; s < inBytes.getSeriesCount(); s++) {
            XYSeries bytes = inBytes.getSeries(s);
            XYSeries series = new XYSeries(bytes.getKey(), false, true);
            for (int i = 0; i < bytes.getItemCount(); i++) {
                if (bytes.getX(i).doubleValue() > 0) {
                    series.add(unit.of(bytes.getX(i).doubleValue()), bytes.getY(i));
                }
            }
            collection.addSeries(series);
        }
        return new PerMethod(unit, collection);
    }

    /**
     * Test accuracy (%) against a cumulative per-round quantity, one point per round some run of
     * the method evaluated, x and y each averaged over the runs that evaluated the round.
     */
    private static XYSeriesCollection accuracyAgainst(List<Method> methods, Column<?> column, Column<?> perRound) {
        XYSeriesCollection collection = new XYSeriesCollection();
        for (Method method : methods) {
            TreeMap<Double, double[]> byRound = new TreeMap<>();
            for (RunFolder run : method.runs()) {
                double[] x = cumulative(run.rounds(), column, perRound);
                for (int r = 0; r < run.rounds().size(); r++) {
                    double accuracy = run.rounds().number(r, RoundsTable.ACCURACY);
                    if (Double.isNaN(accuracy)) {
                        continue;
                    }
                    double[] sum = byRound.computeIfAbsent(run.rounds().number(r, RoundsTable.ROUND), k -> new double[3]);
                    sum[0] += x[r];
                    sum[1] += 100 * accuracy;
                    sum[2]++;
                }
            }
            XYSeries series = new XYSeries(method.label(), false, true);
            byRound.values().forEach(sum -> series.add(sum[0] / sum[2], sum[1] / sum[2]));
            addUnique(collection, series);
        }
        return collection;
    }

    /**
     * Test accuracy and loss per round of each method, and its training accuracy and loss where its
     * runs measured them (seed 002 Fig. 2 draws training and test accuracy together; seed 000
     * Fig. 1 the test accuracy of each method). Every quantity is averaged round by round over the
     * runs that measured it in that round; rounds no run measured have no point. Series {@code i}
     * of every collection belongs to method {@code i} and has its label; a training series is
     * empty when the method's runs have no training values (older folders lack the columns).
     *
     * @param accuracyPercent test accuracy, %
     * @param loss test loss
     * @param trainAccuracyPercent {@code train_accuracy}, %
     * @param trainLoss {@code train_loss}
     */
    public record AccuracyPerRound(XYSeriesCollection accuracyPercent, XYSeriesCollection loss,
                                   XYSeriesCollection trainAccuracyPercent, XYSeriesCollection trainLoss,
                                   YIntervalSeriesCollection accuracyBandPercent) {

        /** Without confidence bands. */
        public AccuracyPerRound(XYSeriesCollection accuracyPercent, XYSeriesCollection loss,
                XYSeriesCollection trainAccuracyPercent, XYSeriesCollection trainLoss) {
            this(accuracyPercent, loss, trainAccuracyPercent, trainLoss, new YIntervalSeriesCollection());
        }

        /** @return whether any method has a training accuracy or loss */
        public boolean hasTraining() {
            return hasPoints(trainAccuracyPercent) || hasPoints(trainLoss);
        }

        /** @return whether any method has a confidence band of its test accuracy */
        public boolean hasBands() {
            for (int s = 0; s < accuracyBandPercent.getSeriesCount(); s++) {
                if (accuracyBandPercent.getItemCount(s) > 0) {
                    return true;
                }
            }
            return false;
        }

        /** @return these curves with {@code band} as the test accuracy's confidence bands, series i for method i */
        public AccuracyPerRound withAccuracyBand(YIntervalSeriesCollection band) {
            return new AccuracyPerRound(accuracyPercent, loss, trainAccuracyPercent, trainLoss, band);
        }
    }

    /** The band's lower edge in %: mean - half-width, not below 0 % (an accuracy cannot be). */
    static double lowPercent(double mean, double half) {
        return 100 * Math.max(0, mean - half);
    }

    /** The band's upper edge in %: mean + half-width, not above 100 % (an accuracy cannot be). */
    static double highPercent(double mean, double half) {
        return 100 * Math.min(1, mean + half);
    }

    /**
     * The 95 % confidence band of the test accuracy of every sweep point with runs (the methods of
     * {@link #methods(SweepFolder)}, in that order), from {@code sweep-rounds.csv}: per round,
     * {@code accuracy_mean ± accuracy_ci95} (Student-t across replications) in %, clipped to 0-100 %. A round without
     * a half-width (fewer than 2 runs evaluated it) has no band; a sweep folder without
     * {@code sweep-rounds.csv} (older folders) gives empty series.
     *
     * @param sweep a sweep
     * @return one series per method, keyed by its label
     */
    public static YIntervalSeriesCollection accuracyBand(SweepFolder sweep) {
        YIntervalSeriesCollection collection = new YIntervalSeriesCollection();
        Optional<ResultTable> rounds = sweep.roundsTable();
        for (int p = 0; p < sweep.points(); p++) {
            if (sweep.runs(p).isEmpty()) {
                continue;
            }
            YIntervalSeries series = new YIntervalSeries(sweep.label(p), true, false);
            String point = sweep.table().text(p, SweepColumns.POINT);
            if (rounds.isPresent()) {
                ResultTable t = rounds.get();
                for (int row = 0; row < t.size(); row++) {
                    double mean = t.number(row, MEAN);
                    double half = t.number(row, CI95);
                    if (t.text(row, SweepRoundsColumns.POINT).equals(point) && !Double.isNaN(mean) && !Double.isNaN(half)) {
                        series.add(t.number(row, SweepRoundsColumns.ROUND), 100 * mean, lowPercent(mean, half),
                                highPercent(mean, half));
                    }
                }
            }
            collection.addSeries(series);
        }
        return collection;
    }

    /**
     * The 95 % confidence band of the test accuracy of every sweep point with runs against its mean
     * cumulative uplink bytes, from {@code sweep-rounds.csv}: per round, x the mean of
     * {@code cumulative_uplink_bytes} across replications in {@code unit}, y {@code accuracy_mean ±
     * accuracy_ci95} in %. As {@link #accuracyBand}, rounds without a half-width have no band and
     * a folder without the table gives empty series.
     *
     * @param sweep a sweep
     * @param unit the byte unit of the x axis ({@link PerMethod#unit()} of {@link #accuracyVsUplinkBytes})
     * @return one series per method, keyed by its label
     */
    public static YIntervalSeriesCollection accuracyBandVsUplinkBytes(SweepFolder sweep, AxisUnit unit) {
        String bytesMean = SweepColumns.column(SweepRoundsColumns.METRICS.get(2), SweepColumns.Statistic.MEAN).name();
        YIntervalSeriesCollection collection = new YIntervalSeriesCollection();
        Optional<ResultTable> rounds = sweep.roundsTable();
        for (int p = 0; p < sweep.points(); p++) {
            if (sweep.runs(p).isEmpty()) {
                continue;
            }
            YIntervalSeries series = new YIntervalSeries(sweep.label(p), false, true);
            String point = sweep.table().text(p, SweepColumns.POINT);
            if (rounds.isPresent() && rounds.get().header().contains(bytesMean)) {
                ResultTable t = rounds.get();
                for (int row = 0; row < t.size(); row++) {
                    double mean = t.number(row, MEAN);
                    double half = t.number(row, CI95);
                    double bytes = t.number(row, bytesMean);
                    if (t.text(row, SweepRoundsColumns.POINT).equals(point) && !Double.isNaN(mean) && !Double.isNaN(half)
                            && bytes > 0) {
                        series.add(unit.of(bytes), 100 * mean, lowPercent(mean, half), highPercent(mean, half));
                    }
                }
            }
            collection.addSeries(series);
        }
        return collection;
    }

    private static final String MEAN = SweepColumns.column(SweepRoundsColumns.METRICS.get(0), SweepColumns.Statistic.MEAN)
            .name();
    private static final String CI95 = SweepColumns.column(SweepRoundsColumns.METRICS.get(0), SweepColumns.Statistic.CI95)
            .name();

    /**
     * @param methods the methods
     * @return x the round, one series per method in each collection
     */
    public static AccuracyPerRound accuracyPerRound(List<Method> methods) {
        return new AccuracyPerRound(meanPerRound(methods, RoundsTable.ACCURACY, 100), meanPerRound(methods, RoundsTable.LOSS, 1),
                meanPerRound(methods, RoundsTable.TRAIN_ACCURACY, 100), meanPerRound(methods, RoundsTable.TRAIN_LOSS, 1));
    }

    /**
     * Training loss and gradient norm per round of each method (seed 004 Fig. 2 (a) and (c)), from
     * the {@code train_loss} and {@code gradient_norm} columns, averaged round by round over the
     * runs that measured them. Series {@code i} of both collections belongs to method {@code i};
     * a series is empty when its method's runs have no value.
     *
     * @param trainLoss loss of the global model on the fixed training subset
     * @param gradientNorm L2 norm of the full gradient on that subset
     */
    public record TrainingPerRound(XYSeriesCollection trainLoss, XYSeriesCollection gradientNorm) {
    }

    /**
     * @param methods the methods
     * @return x the round, one series per method in each collection; empty when no run has a
     *     {@code train_loss} or {@code gradient_norm} value (the columns are absent in older folders
     *     and empty when the simulator did not measure them)
     */
    public static Optional<TrainingPerRound> trainingPerRound(List<Method> methods) {
        XYSeriesCollection trainLoss = meanPerRound(methods, RoundsTable.TRAIN_LOSS, 1);
        XYSeriesCollection gradientNorm = meanPerRound(methods, RoundsTable.GRADIENT_NORM, 1);
        if (!hasPoints(trainLoss) && !hasPoints(gradientNorm)) {
            return Optional.empty();
        }
        return Optional.of(new TrainingPerRound(trainLoss, gradientNorm));
    }

    /**
     * One series per method: {@code column} times {@code scale}, averaged round by round over the
     * method's runs that have a value (a non-empty cell) in that round.
     */
    private static XYSeriesCollection meanPerRound(List<Method> methods, Column<?> column, double scale) {
        XYSeriesCollection collection = new XYSeriesCollection();
        for (Method method : methods) {
            TreeMap<Double, double[]> byRound = new TreeMap<>();
            for (RunFolder run : method.runs()) {
                ResultTable rounds = run.rounds();
                if (!rounds.has(column)) {
                    continue;
                }
                for (int r = 0; r < rounds.size(); r++) {
                    double value = rounds.number(r, column);
                    if (!Double.isNaN(value)) {
                        double[] sum = byRound.computeIfAbsent(rounds.number(r, RoundsTable.ROUND), k -> new double[2]);
                        sum[0] += scale * value;
                        sum[1]++;
                    }
                }
            }
            XYSeries series = new XYSeries(method.label(), true, false);
            byRound.forEach((round, sum) -> series.add(round.doubleValue(), sum[0] / sum[1]));
            addUnique(collection, series);
        }
        return collection;
    }

    private static boolean hasPoints(XYSeriesCollection collection) {
        for (int s = 0; s < collection.getSeriesCount(); s++) {
            if (collection.getItemCount(s) > 0) {
                return true;
            }
        }
        return false;
    }

    private static void addUnique(XYSeriesCollection collection, XYSeries series) {
        String key = (String) series.getKey();
        for (int k = 2; collection.getSeriesIndex(series.getKey()) >= 0; k++) {
            series.setKey(key + " (" + k + ")");
        }
        collection.addSeries(series);
    }

    /** A column's values, or the running sum of {@code perRound} when the column is absent. */
    static double[] cumulative(ResultTable rounds, Column<?> column, Column<?> perRound) {
        double[] values = new double[rounds.size()];
        double sum = 0;
        for (int r = 0; r < rounds.size(); r++) {
            if (rounds.has(column)) {
                values[r] = rounds.number(r, column);
            } else {
                sum += rounds.number(r, perRound);
                values[r] = sum;
            }
        }
        return values;
    }

    /**
     * Uplink bytes per client per round of each method (seed 000 Table I as bars): the encoded
     * update ({@code update_bytes / clients_ok}, over rounds with at least one update; absent in
     * tables without {@code update_bytes}) and the PHY bytes on air ({@code uplink_bytes /
     * (clients_ok + clients_dropped)}), each averaged over rounds and runs.
     *
     * @param methods the methods
     * @return rows {@value #UPDATE_BYTES} and {@value #PHY_BYTES}, columns the methods, values in B
     */
    public static DefaultCategoryDataset bytesPerRound(List<Method> methods) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (Method method : methods) {
            double update = 0;
            int updateRounds = 0;
            double phy = 0;
            int phyRounds = 0;
            boolean hasUpdate = true;
            for (RunFolder run : method.runs()) {
                ResultTable rounds = run.rounds();
                hasUpdate &= rounds.has(RoundsTable.UPDATE_BYTES);
                for (int r = 0; r < rounds.size(); r++) {
                    double ok = rounds.number(r, RoundsTable.CLIENTS_OK);
                    double selected = ok + rounds.number(r, RoundsTable.CLIENTS_DROPPED);
                    if (rounds.has(RoundsTable.UPDATE_BYTES) && ok > 0) {
                        update += rounds.number(r, RoundsTable.UPDATE_BYTES) / ok;
                        updateRounds++;
                    }
                    if (selected > 0) {
                        phy += rounds.number(r, RoundsTable.UPLINK_BYTES) / selected;
                        phyRounds++;
                    }
                }
            }
            if (hasUpdate && updateRounds > 0) {
                dataset.addValue(update / updateRounds, UPDATE_BYTES, method.label());
            }
            if (phyRounds > 0) {
                dataset.addValue(phy / phyRounds, PHY_BYTES, method.label());
            }
        }
        return dataset;
    }
}
