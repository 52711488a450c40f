package org.fedwan.results;

import java.util.ArrayList;
import java.util.List;

/**
 * {@value #FILE}: one row per sweep point and round, the statistics of per-round quantities of
 * {@code rounds.csv} across the point's replications. Columns: {@link #POINT}, one column per
 * swept parameter (as in {@value SweepColumns#FILE}), {@link #ROUND}, {@link #RUNS}, then for
 * every metric of {@link #METRICS} one column per {@link SweepColumns.Statistic}, e.g.
 * {@code accuracy_mean}, {@code accuracy_ci95} (the half-width of the 95 % Student-t confidence
 * interval of the mean, NIST/SEMATECH e-Handbook 7.2.2.1). A statistic is computed over the runs
 * that have a value in that round (accuracy is empty in rounds without evaluation) and is empty
 * when undefined (no value; std and ci95 with fewer than 2).
 */
public final class SweepRoundsColumns {

    /** File name inside a sweep's result folder. */
    public static final String FILE = "sweep-rounds.csv";

    public static final Key POINT = SweepColumns.POINT;
    public static final Key ROUND = new Key("round", "", "round number, 1-based");
    public static final Key RUNS = new Key("runs", "", "runs of the point that completed this round");

    /** The per-round quantities of {@code rounds.csv} whose statistics the table holds, in its column order. */
    public static final List<Key> METRICS = List.of(key(RoundsTable.ACCURACY), key(RoundsTable.CUMULATIVE_ENERGY_J),
            key(RoundsTable.CUMULATIVE_UPLINK_BYTES), key(RoundsTable.ROUND_LATENCY_S));

    private SweepRoundsColumns() {
    }

    private static Key key(Column<?> column) {
        return new Key(column.name(), column.unit(), column.description() + " (rounds.csv)");
    }

    /** @return the statistics columns of every metric, in the order {@value #FILE} lists them */
    public static List<Key> metricColumns() {
        List<Key> columns = new ArrayList<>();
        for (Key metric : METRICS) {
            for (SweepColumns.Statistic statistic : SweepColumns.Statistic.values()) {
                columns.add(SweepColumns.column(metric, statistic));
            }
        }
        return List.copyOf(columns);
    }
}
