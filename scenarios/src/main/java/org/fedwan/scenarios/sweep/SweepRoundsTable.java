package org.fedwan.scenarios.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fedwan.results.Key;
import org.fedwan.results.ResultTable;
import org.fedwan.results.RoundsTable;
import org.fedwan.results.SweepRoundsColumns;
import org.fedwan.scenarios.run.ResultFolder;

/**
 * {@code sweep-rounds.csv} ({@link SweepRoundsColumns}): per point and round, the mean, sample
 * standard deviation and 95 % Student-t confidence half-width ({@link SweepTable.Stat}, Commons
 * Math) across replications of test accuracy, cumulative energy, cumulative uplink bytes and
 * round latency, read from each complete run's {@code rounds.csv}. Rows are in point order, then
 * round order; a round appears when at least one run of the point completed it.
 */
public final class SweepRoundsTable {

    private SweepRoundsTable() {
    }

    /** The header line. */
    static String header(SweepSpec spec) {
        StringBuilder s = new StringBuilder(SweepRoundsColumns.POINT.name());
        for (String p : spec.parameters()) {
            s.append(',').append(p);
        }
        s.append(',').append(SweepRoundsColumns.ROUND.name()).append(',').append(SweepRoundsColumns.RUNS.name());
        for (Key column : SweepRoundsColumns.metricColumns()) {
            s.append(',').append(column.name());
        }
        return s.toString();
    }

    /**
     * The table text.
     *
     * @param rounds per point (in point order), the {@code rounds.csv} of its completed runs
     */
    public static String render(SweepSpec spec, List<List<ResultTable>> rounds) {
        StringBuilder out = new StringBuilder(header(spec)).append('\n');
        for (SweepSpec.Point p : spec.points()) {
            // round -> metric -> one value per run that has the round
            Map<Integer, List<List<Double>>> byRound = new TreeMap<>();
            for (ResultTable t : rounds.get(p.index())) {
                for (int row = 0; row < t.size(); row++) {
                    List<List<Double>> values = byRound.computeIfAbsent(t.intValue(row, RoundsTable.ROUND), r -> empty());
                    for (int m = 0; m < SweepRoundsColumns.METRICS.size(); m++) {
                        values.get(m).add(t.number(row, SweepRoundsColumns.METRICS.get(m).name()));
                    }
                }
            }
            for (Map.Entry<Integer, List<List<Double>>> e : byRound.entrySet()) {
                out.append(p.id());
                for (String param : spec.parameters()) {
                    out.append(',').append(SweepTable.csv(p.values().get(param)));
                }
                out.append(',').append(e.getKey()).append(',').append(e.getValue().get(0).size());
                for (List<Double> values : e.getValue()) {
                    SweepTable.Stat st = SweepTable.Stat.of(values);
                    out.append(',').append(SweepTable.num(st.mean())).append(',').append(SweepTable.num(st.std()))
                            .append(',').append(SweepTable.num(st.ci95()));
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static List<List<Double>> empty() {
        List<List<Double>> out = new ArrayList<>();
        SweepRoundsColumns.METRICS.forEach(m -> out.add(new ArrayList<>()));
        return out;
    }

    /** Reads every complete run's {@code rounds.csv} and writes {@code sweep-rounds.csv} atomically. */
    public static Path write(SweepSpec spec, Path outDir) throws IOException {
        List<List<ResultTable>> rounds = new ArrayList<>();
        for (SweepSpec.Point p : spec.points()) {
            List<ResultTable> runs = new ArrayList<>();
            for (int r = 0; r < spec.replications(); r++) {
                Path dir = SweepRunner.runDir(outDir, p, r);
                if (ResultFolder.isComplete(dir)) {
                    runs.add(ResultTable.read(dir, RoundsTable.TABLE));
                }
            }
            rounds.add(runs);
        }
        Path table = outDir.resolve(SweepRoundsColumns.FILE);
        Path tmp = outDir.resolve(SweepRoundsColumns.FILE + ".part");
        Files.writeString(tmp, render(spec, rounds));
        Files.move(tmp, table, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return table;
    }
}
