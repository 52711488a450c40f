package org.fedwan.scenarios.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.fedwan.results.Direction;
import org.fedwan.results.ResultTable;
import org.fedwan.results.RoundsTable;
import org.fedwan.results.Table;
import org.fedwan.results.TransmissionsTable;
import org.fedwan.scenarios.run.ResultFolder;
import org.fedwan.sim.config.Scenario;
import org.fedwan.sim.lorawan.LorawanSection;

/**
 * What-if ranking: for each sweep point, the simulated time, energy per device, uplink bytes and
 * uplink airtime per device per day needed to first reach a target accuracy (read back from each
 * run's tables, so any target can be asked after the sweep ran), and whether that fits budgets.
 */
public final class Budget {

    private Budget() {
    }

    /** Target and budgets; a null budget is not checked. */
    public record Limits(double targetAccuracy, Double maxEnergyJPerDevice, Double maxAirtimeSPerDay, Double maxDutyCycle,
            Double maxTimeS) {
    }

    /**
     * One point's means over the replications that reached the target.
     *
     * @param point            the point
     * @param reached          replications that reached the target
     * @param runs             replications completed
     * @param timeS            mean simulated seconds to the target
     * @param energyJPerDevice mean energy per device to the target (the ledger: radio, MCU and training)
     * @param uplinkBytes      mean uplink bytes to the target
     * @param airtimeSPerDay   mean uplink airtime per device per simulated day up to the target
     * @param withinBudget     every replication reached the target within every budget
     */
    public record Row(SweepSpec.Point point, int reached, int runs, double timeS, double energyJPerDevice, double uplinkBytes,
            double airtimeSPerDay, boolean withinBudget) {
    }

    /** Rows of every point: those within budget first, by time to target, then energy. */
    public static List<Row> rank(SweepSpec spec, Path outDir, Limits limits) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (SweepSpec.Point p : spec.points()) {
            SummaryStatistics time = new SummaryStatistics();
            SummaryStatistics energy = new SummaryStatistics();
            SummaryStatistics bytes = new SummaryStatistics();
            SummaryStatistics airtime = new SummaryStatistics();
            int runs = 0;
            boolean allWithin = true;
            for (int r = 0; r < spec.replications(); r++) {
                Path dir = SweepRunner.runDir(outDir, p, r);
                if (!ResultFolder.isComplete(dir)) {
                    allWithin = false;
                    continue;
                }
                runs++;
                Scenario c = p.runs().get(r);
                double[] cost = costToTarget(dir, limits.targetAccuracy(), c.policy().clients());
                if (cost == null) {
                    allWithin = false;
                    continue;
                }
                time.addValue(cost[0]);
                energy.addValue(cost[1]);
                bytes.addValue(cost[2]);
                airtime.addValue(cost[3]);
                allWithin &= within(limits.maxTimeS(), cost[0]) && within(limits.maxEnergyJPerDevice(), cost[1])
                        && within(limits.maxAirtimeSPerDay(), cost[3]) && within(limits.maxDutyCycle(), c.section(LorawanSection.class).dutyCycle());
            }
            boolean ok = allWithin && time.getN() == spec.replications();
            rows.add(new Row(p, (int) time.getN(), runs, mean(time), mean(energy), mean(bytes), mean(airtime), ok));
        }
        rows.sort(Comparator.comparing((Row r) -> !r.withinBudget())
                .thenComparingDouble(r -> Double.isNaN(r.timeS()) ? Double.MAX_VALUE : r.timeS())
                .thenComparingDouble(r -> Double.isNaN(r.energyJPerDevice()) ? Double.MAX_VALUE : r.energyJPerDevice())
                .thenComparingInt(r -> r.point().index()));
        return rows;
    }

    private static boolean within(Double limit, double value) {
        return limit == null || value <= limit;
    }

    private static double mean(SummaryStatistics s) {
        return s.getN() == 0 ? Double.NaN : s.getMean();
    }

    /**
     * {time s, energy J per device, uplink bytes, uplink airtime s per device per day} up to the end of
     * the first round at or above the target, or null when never reached.
     */
    static double[] costToTarget(Path dir, double target, int clients) throws IOException {
        ResultTable rounds = read(dir, RoundsTable.TABLE);
        double energy = 0;
        double bytes = 0;
        double endS = -1;
        for (int i = 0; i < rounds.size(); i++) {
            energy += rounds.requiredNumber(i, RoundsTable.ENERGY_J);
            bytes += rounds.requiredNumber(i, RoundsTable.UPLINK_BYTES);
            double accuracy = rounds.number(i, RoundsTable.ACCURACY);
            if (accuracy >= target) {
                endS = rounds.requiredNumber(i, RoundsTable.SIM_TIME_S);
                break;
            }
        }
        if (endS < 0) {
            return null;
        }
        ResultTable frames = read(dir, TransmissionsTable.TABLE);
        double airtimeMs = 0;
        for (int i = 0; i < frames.size(); i++) {
            if (frames.label(i, TransmissionsTable.DIRECTION, Direction.class) == Direction.UPLINK
                    && frames.requiredNumber(i, TransmissionsTable.START_S) <= endS) {
                airtimeMs += frames.requiredNumber(i, TransmissionsTable.AIRTIME_MS);
            }
        }
        double days = Math.max(endS, 1e-9) / 86_400;
        return new double[] {endS, energy / clients, bytes, airtimeMs / 1000 / clients / days};
    }

    private static ResultTable read(Path dir, Table<?> table) throws IOException {
        try {
            return ResultTable.read(dir, table);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The ranking as a text table. */
    public static String render(SweepSpec spec, List<Row> rows, Limits limits) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "Ranking by simulated time to %.2f%% test accuracy", 100 * limits.targetAccuracy()));
        List<String> budgets = new ArrayList<>();
        if (limits.maxEnergyJPerDevice() != null) {
            budgets.add("energy <= " + limits.maxEnergyJPerDevice() + " J/device");
        }
        if (limits.maxAirtimeSPerDay() != null) {
            budgets.add("airtime <= " + limits.maxAirtimeSPerDay() + " s/device/day");
        }
        if (limits.maxDutyCycle() != null) {
            budgets.add("duty cycle <= " + limits.maxDutyCycle());
        }
        if (limits.maxTimeS() != null) {
            budgets.add("time <= " + limits.maxTimeS() + " s");
        }
        s.append(budgets.isEmpty() ? " (no budget)" : " within " + String.join(", ", budgets)).append('\n');
        s.append(String.format(Locale.ROOT, "%-4s %-6s %-40s %8s %12s %14s %14s %14s %s%n", "rank", "point", "parameters",
                "reached", "time (s)", "J/device", "uplink B", "air s/dev/day", "budget"));
        int rank = 1;
        for (Row r : rows) {
            StringBuilder params = new StringBuilder();
            r.point().values().forEach((k, v) -> params.append(params.length() == 0 ? "" : " ").append(k).append('=').append(v));
            s.append(String.format(Locale.ROOT, "%-4s %-6s %-40s %8s %12s %14s %14s %14s %s%n",
                    r.withinBudget() ? String.valueOf(rank++) : "-", r.point().id(), params, r.reached() + "/" + r.runs(),
                    f(r.timeS(), 1), f(r.energyJPerDevice(), 3), f(r.uplinkBytes(), 0), f(r.airtimeSPerDay(), 2),
                    r.withinBudget() ? "ok" : "over or not reached"));
        }
        return s.toString();
    }

    private static String f(double v, int decimals) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
