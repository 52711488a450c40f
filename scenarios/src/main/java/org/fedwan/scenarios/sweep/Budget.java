package org.fedwan.scenarios.sweep;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.fedwan.results.ConsoleNumbers;
import org.fedwan.results.Direction;
import org.fedwan.results.Key;
import org.fedwan.results.ResultTable;
import org.fedwan.results.RoundsTable;
import org.fedwan.results.Summary;
import org.fedwan.results.SweepColumns;
import org.fedwan.results.Table;
import org.fedwan.results.TransmissionsTable;
import org.fedwan.scenarios.run.ResultFolder;

/**
 * What-if questions on a sweep: for each point, its model size, round latency, rounds per day,
 * energy per device per round and per day, battery life (from {@code sweep.csv}), its uplink
 * airtime per device per day and measured duty cycle and, given a target accuracy, its time,
 * energy and uplink bytes to the target (from each run's tables, so any target can be asked after
 * the sweep ran); which points meet the constraints; and the best of them by an
 * {@link Objective}, over the whole sweep or per value of one swept setting.
 */
public final class Budget {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String NOT_MEASURED = " not measured";

    private Budget() {
    }

    /** What to optimise among the feasible points. */
    public enum Objective {
        /** Least mean simulated time to the target accuracy (then least energy to it). */
        TIME_TO_TARGET("time-to-target", "least simulated time to the target accuracy", true),
        /** Largest {@code parameter_count} (then most rounds per day). */
        LARGEST_MODEL("largest-model", "largest model (parameter_count)", false),
        /** Most FL rounds per simulated day (then least energy per device per round). */
        MOST_ROUNDS_PER_DAY("most-rounds-per-day", "most FL rounds per simulated day", false),
        /** Least energy per device per FL round (then most rounds per day). */
        CHEAPEST("cheapest", "least energy per device per FL round", false),
        /** Highest final test accuracy (then least energy per device per round). */
        BEST_ACCURACY("best-accuracy", "highest final test accuracy", false),
        /** Least mean energy per device to the target accuracy (then least time to it). */
        LEAST_ENERGY_TO_TARGET("least-energy-to-target", "least energy per device to the target accuracy", true);

        private final String label;
        private final String description;
        private final boolean needsTarget;

        Objective(String label, String description, boolean needsTarget) {
            this.label = label;
            this.description = description;
            this.needsTarget = needsTarget;
        }

        /** @return the option value, e.g. {@code largest-model} */
        public String label() {
            return label;
        }

        /** @return what it optimises, for the console */
        public String description() {
            return description;
        }

        /** @return whether it needs a target accuracy */
        public boolean needsTarget() {
            return needsTarget;
        }

        /** @return the option values, comma-separated */
        public static String allowed() {
            return String.join(", ", Arrays.stream(values()).map(Objective::label).toList());
        }

        /**
         * @param label an option value
         * @return its objective
         * @throws IllegalArgumentException naming the value and the allowed ones
         */
        public static Objective parse(String label) {
            for (Objective o : values()) {
                if (o.label.equals(label)) {
                    return o;
                }
            }
            throw new IllegalArgumentException("--objective " + label + ": allowed: " + allowed());
        }

        /** @return the measure it optimises, e.g. {@code parameter_count} of a point */
        public double value(Measures m) {
            return switch (this) {
                case TIME_TO_TARGET -> m.timeToTargetS();
                case LARGEST_MODEL -> m.parameterCount();
                case MOST_ROUNDS_PER_DAY -> m.roundsPerDay();
                case CHEAPEST -> m.energyJPerDevicePerRound();
                case BEST_ACCURACY -> m.finalAccuracy();
                case LEAST_ENERGY_TO_TARGET -> m.energyJPerDeviceToTarget();
            };
        }

        /** Best first; an undefined value last; then by point order. */
        Comparator<Measures> order() {
            Comparator<Measures> c = switch (this) {
                case TIME_TO_TARGET -> by(Measures::timeToTargetS, true).thenComparing(by(Measures::energyJPerDeviceToTarget, true));
                case LARGEST_MODEL -> by(Measures::parameterCount, false).thenComparing(by(Measures::roundsPerDay, false));
                case MOST_ROUNDS_PER_DAY -> by(Measures::roundsPerDay, false).thenComparing(by(Measures::energyJPerDevicePerRound, true));
                case CHEAPEST -> by(Measures::energyJPerDevicePerRound, true).thenComparing(by(Measures::roundsPerDay, false));
                case BEST_ACCURACY -> by(Measures::finalAccuracy, false).thenComparing(by(Measures::energyJPerDevicePerRound, true));
                case LEAST_ENERGY_TO_TARGET -> by(Measures::energyJPerDeviceToTarget, true).thenComparing(by(Measures::timeToTargetS, true));
            };
            return c.thenComparingInt(Measures::index);
        }

        private static Comparator<Measures> by(ToDoubleFunction<Measures> f, boolean ascending) {
            return (a, b) -> {
                double x = f.applyAsDouble(a);
                double y = f.applyAsDouble(b);
                if (Double.isNaN(x) || Double.isNaN(y)) {
                    return Boolean.compare(Double.isNaN(x), Double.isNaN(y));
                }
                return ascending ? Double.compare(x, y) : Double.compare(y, x);
            };
        }
    }

    /**
     * The target accuracy and the constraints; a null value is not checked.
     *
     * @param targetAccuracy            test accuracy every run must reach (a fraction)
     * @param maxEnergyJPerDevice       energy per device to the target, J, in every run
     * @param maxAirtimeSPerDay         uplink airtime per device per simulated day, s, in every run
     * @param maxDutyCycle              measured duty cycle of the busiest device (a fraction), in every run
     * @param maxTimeS                  simulated seconds to the target, in every run
     * @param maxRoundLatencyS          mean round latency, s
     * @param minRoundsPerDay           FL rounds per simulated day
     * @param maxEnergyJPerDevicePerDay energy per device per simulated day, J
     * @param minBatteryLifeDays        battery life running rounds back to back, days
     */
    public record Limits(Double targetAccuracy, Double maxEnergyJPerDevice, Double maxAirtimeSPerDay, Double maxDutyCycle,
            Double maxTimeS, Double maxRoundLatencyS, Double minRoundsPerDay, Double maxEnergyJPerDevicePerDay,
            Double minBatteryLifeDays) {

        /** @return the constraints given, in the order they are reported */
        public List<Constraint> constraints() {
            List<Constraint> out = new ArrayList<>();
            add(out, "--max-time-s", "time to target (s)", true, maxTimeS, Measures::worstTimeToTargetS);
            add(out, "--max-energy-j-per-device", "energy/device to target (J)", true, maxEnergyJPerDevice,
                    Measures::worstEnergyJPerDeviceToTarget);
            add(out, "--max-round-latency-s", "round latency (s)", true, maxRoundLatencyS, Measures::roundLatencyS);
            add(out, "--min-rounds-per-day", "rounds/day", false, minRoundsPerDay, Measures::roundsPerDay);
            add(out, "--max-energy-j-per-device-per-day", "energy/device/day (J)", true, maxEnergyJPerDevicePerDay,
                    Measures::energyJPerDevicePerDay);
            add(out, "--min-battery-life-days", "battery life (days)", false, minBatteryLifeDays, Measures::batteryLifeDays);
            add(out, "--max-airtime-s-per-day", "airtime/device/day (s)", true, maxAirtimeSPerDay,
                    Measures::worstAirtimeSPerDevicePerDay);
            add(out, "--max-duty-cycle", "duty cycle (measured)", true, maxDutyCycle, Measures::dutyCycleMeasured);
            return out;
        }

        private static void add(List<Constraint> out, String option, String label, boolean upper, Double limit,
                ToDoubleFunction<Measures> value) {
            if (limit != null) {
                out.add(new Constraint(option, label, upper, limit, value));
            }
        }
    }

    /**
     * One constraint: a measure of a point at most ({@code upper}) or at least a limit.
     *
     * @param option the CLI option, e.g. {@code --min-rounds-per-day}
     * @param label  the measure as the console names it, with its unit
     * @param upper  true for a maximum, false for a minimum
     * @param limit  the limit
     * @param value  the measure of a point checked against the limit
     */
    public record Constraint(String option, String label, boolean upper, double limit, ToDoubleFunction<Measures> value) {

        /** @return the violation as "label value > limit", or null when {@code m} meets it */
        String violation(Measures m) {
            double v = value.applyAsDouble(m);
            if (Double.isNaN(v)) {
                return label + NOT_MEASURED;
            }
            boolean ok = upper ? v <= limit : v >= limit;
            return ok ? null : label + " " + number(v) + (upper ? " > " : " < ") + number(limit);
        }

        /** @return e.g. {@code rounds/day >= 20} */
        public String describe() {
            return label + (upper ? " <= " : " >= ") + number(limit);
        }
    }

    /**
     * One point's measures. Values from {@code sweep.csv} are its means over the point's runs; the
     * costs to the target, the airtime and the energy per round are means over the runs that have
     * them, and their {@code worst} value is the largest over the runs (constraints hold in every run).
     * Undefined: NaN; unlimited (rounds that take no time, an unlimited battery): positive infinity.
     *
     * @param index                         0-based point index (point order)
     * @param point                         point id, e.g. {@code p0003}
     * @param settings                      swept key -> value as written in the sweep file
     * @param runs                          completed runs
     * @param replications                  runs the point should have
     * @param reached                       runs that reached the target (0 without a target)
     * @param parameterCount                {@code parameter_count}
     * @param updateMessageBytes            {@code update_message_bytes}, B
     * @param roundLatencyS                 {@code round_latency_s_mean}, s
     * @param roundsPerDay                  {@code rounds_per_day}
     * @param energyJPerDevicePerRound      energy per device per FL round, J
     * @param energyJPerDevicePerDay        {@code energy_per_device_per_day_j_mean}, J
     * @param batteryLifeDays               {@code battery_life_days}, days
     * @param airtimeSPerDevicePerDay       uplink airtime per device per simulated day, s (mean over runs)
     * @param worstAirtimeSPerDevicePerDay  the same, the largest over runs
     * @param dutyCycleMeasured             the busiest device's uplink airtime / simulated time, the largest over runs
     * @param finalAccuracy                 {@code final_accuracy_mean}
     * @param lostUpdates                   {@code lost_updates_mean}
     * @param timeToTargetS                 simulated time to the target, s (mean over runs that reached it)
     * @param worstTimeToTargetS            the same, the largest over runs
     * @param energyJPerDeviceToTarget      energy per device to the target, J (mean)
     * @param worstEnergyJPerDeviceToTarget the same, the largest over runs
     * @param uplinkBytesToTarget           uplink bytes to the target, B (mean)
     */
    public record Measures(int index, String point, Map<String, String> settings, int runs, int replications, int reached,
            double parameterCount, double updateMessageBytes, double roundLatencyS, double roundsPerDay,
            double energyJPerDevicePerRound, double energyJPerDevicePerDay, double batteryLifeDays,
            double airtimeSPerDevicePerDay, double worstAirtimeSPerDevicePerDay, double dutyCycleMeasured,
            double finalAccuracy, double lostUpdates, double timeToTargetS, double worstTimeToTargetS,
            double energyJPerDeviceToTarget, double worstEnergyJPerDeviceToTarget, double uplinkBytesToTarget) {

        /** Copies the settings. */
        public Measures {
            settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        }
    }

    /**
     * One point in the ranking.
     *
     * @param measures its measures
     * @param whyNot   the violated constraints, each as value against limit (empty: feasible)
     * @param rank     1 for the best feasible point of its group, 2 for the next...; 0 when not feasible
     */
    public record Row(Measures measures, List<String> whyNot, int rank) {

        /** Copies the list. */
        public Row {
            whyNot = List.copyOf(whyNot);
        }

        /** @return whether the point meets every constraint */
        public boolean feasible() {
            return whyNot.isEmpty();
        }

        /** @return whether it is the answer of its group */
        public boolean answer() {
            return rank == 1;
        }
    }

    /**
     * The answer for one group.
     *
     * @param group the value of the group-by setting, or null without {@code --group-by}
     * @param best  the best feasible point, or null when no point of the group is feasible
     */
    public record Answer(String group, Row best) {
    }

    /**
     * A ranking.
     *
     * @param objective what is optimised
     * @param limits    target and constraints
     * @param groupBy   the swept key the answer is given per value of, or null
     * @param rows      every point: by group (in point order of first appearance), then feasible first, best first
     * @param answers   one per group, in the same order
     */
    public record Ranking(Objective objective, Limits limits, String groupBy, List<Row> rows, List<Answer> answers) {
    }

    /**
     * Checks every point against the constraints and ranks the feasible ones by the objective.
     *
     * @param measures  the points' measures, in point order
     * @param limits    target and constraints
     * @param objective what to optimise
     * @param groupBy   a swept key to answer per value of, or null for one answer
     * @return the ranking
     * @throws IllegalArgumentException if the objective needs a target that is not given, or
     *     {@code groupBy} is not a swept key of the points
     */
    public static Ranking rank(List<Measures> measures, Limits limits, Objective objective, String groupBy) {
        if (objective.needsTarget() && limits.targetAccuracy() == null) {
            throw new IllegalArgumentException("--objective " + objective.label() + " needs --target-accuracy A");
        }
        if (groupBy != null && measures.stream().anyMatch(m -> !m.settings().containsKey(groupBy))) {
            throw new IllegalArgumentException("--group-by " + groupBy + ": not a swept setting; allowed: "
                    + (measures.isEmpty() ? "none" : String.join(", ", measures.get(0).settings().keySet())));
        }
        Map<String, List<Measures>> groups = new LinkedHashMap<>();
        for (Measures m : measures) {
            groups.computeIfAbsent(groupBy == null ? "" : m.settings().get(groupBy), g -> new ArrayList<>()).add(m);
        }
        List<Constraint> constraints = limits.constraints();
        List<Row> rows = new ArrayList<>();
        List<Answer> answers = new ArrayList<>();
        for (Map.Entry<String, List<Measures>> group : groups.entrySet()) {
            List<Measures> sorted = new ArrayList<>(group.getValue());
            sorted.sort(objective.order());
            List<Row> feasible = new ArrayList<>();
            List<Row> not = new ArrayList<>();
            for (Measures m : sorted) {
                List<String> whyNot = violations(m, limits, constraints);
                if (whyNot.isEmpty()) {
                    feasible.add(new Row(m, whyNot, feasible.size() + 1));
                } else {
                    not.add(new Row(m, whyNot, 0));
                }
            }
            rows.addAll(feasible);
            rows.addAll(not);
            answers.add(new Answer(groupBy == null ? null : group.getKey(), feasible.isEmpty() ? null : feasible.get(0)));
        }
        return new Ranking(objective, limits, groupBy, List.copyOf(rows), List.copyOf(answers));
    }

    private static List<String> violations(Measures m, Limits limits, List<Constraint> constraints) {
        List<String> out = new ArrayList<>();
        if (m.runs() < m.replications()) {
            out.add(m.runs() + " of " + m.replications() + " runs complete");
        }
        if (limits.targetAccuracy() != null && m.reached() < m.replications()) {
            out.add("target " + number(limits.targetAccuracy()) + " reached in " + m.reached() + " of " + m.replications()
                    + " runs");
        }
        // a value not measured because runs are missing or missed the target is already explained
        boolean explained = !out.isEmpty();
        for (Constraint c : constraints) {
            String v = c.violation(m);
            if (v != null && !(explained && v.endsWith(NOT_MEASURED))) {
                out.add(v);
            }
        }
        return out;
    }

    /**
     * Reads a sweep's measures: {@code sweep.csv} for the point values, each complete run's
     * {@code summary.json}, {@code rounds.csv} and {@code transmissions.csv} for the rest.
     *
     * @param spec   the sweep
     * @param outDir its result folder, holding {@code sweep.csv}
     * @param target the target accuracy, or null
     * @return one per point, in point order
     */
    public static List<Measures> measure(SweepSpec spec, Path outDir, Double target) throws IOException {
        ResultTable table = read(outDir.resolve(SweepColumns.FILE));
        Map<String, Integer> rowOf = new HashMap<>();
        for (int i = 0; i < table.size(); i++) {
            rowOf.put(table.text(i, SweepColumns.POINT.name()), i);
        }
        List<Measures> out = new ArrayList<>();
        for (SweepSpec.Point p : spec.points()) {
            Integer row = rowOf.get(p.id());
            SummaryStatistics perRound = new SummaryStatistics();
            SummaryStatistics airtime = new SummaryStatistics();
            SummaryStatistics time = new SummaryStatistics();
            SummaryStatistics energy = new SummaryStatistics();
            SummaryStatistics bytes = new SummaryStatistics();
            double dutyCycle = Double.NaN;
            int runs = 0;
            for (int r = 0; r < spec.replications(); r++) {
                Path dir = SweepRunner.runDir(outDir, p, r);
                if (!ResultFolder.isComplete(dir)) {
                    continue;
                }
                runs++;
                Map<String, Object> summary = readSummary(dir);
                double rounds = number(summary, Summary.ROUNDS);
                if (rounds > 0) {
                    perRound.addValue(number(summary, Summary.ENERGY_PER_DEVICE_J) / rounds);
                }
                int clients = p.runs().get(r).policy().clients();
                double[] cost = target == null ? null : costToTarget(dir, target, clients);
                if (cost != null) {
                    time.addValue(cost[0]);
                    energy.addValue(cost[1]);
                    bytes.addValue(cost[2]);
                }
                double endS = target == null ? lastRoundEndS(dir) : cost == null ? Double.NaN : cost[0];
                if (Double.isFinite(endS)) {
                    double[] air = airtime(dir, endS, clients);
                    airtime.addValue(air[0]);
                    dutyCycle = Double.isNaN(dutyCycle) ? air[1] : Math.max(dutyCycle, air[1]);
                }
            }
            double latency = column(table, row, SweepColumns.column(SweepColumns.ROUND_LATENCY_S, SweepColumns.Statistic.MEAN).name());
            double perDay = column(table, row, SweepColumns.ROUNDS_PER_DAY.name());
            double battery = column(table, row, SweepColumns.BATTERY_LIFE_DAYS.name());
            double perDayJ = column(table, row, SweepColumns.column(SweepColumns.ENERGY_PER_DEVICE_PER_DAY_J,
                    SweepColumns.Statistic.MEAN).name());
            out.add(new Measures(p.index(), p.id(), p.values(), runs, spec.replications(), (int) time.getN(),
                    column(table, row, SweepColumns.PARAMETER_COUNT.name()),
                    column(table, row, SweepColumns.UPDATE_MESSAGE_BYTES.name()), latency,
                    Double.isNaN(perDay) && latency == 0 ? Double.POSITIVE_INFINITY : perDay, mean(perRound), perDayJ,
                    Double.isNaN(battery) && runs > 0 ? Double.POSITIVE_INFINITY : battery, mean(airtime), max(airtime),
                    dutyCycle, column(table, row, SweepColumns.column(Summary.FINAL_ACCURACY, SweepColumns.Statistic.MEAN).name()),
                    column(table, row, SweepColumns.column(Summary.LOST_UPDATES, SweepColumns.Statistic.MEAN).name()),
                    mean(time), max(time), mean(energy), max(energy), mean(bytes)));
        }
        return out;
    }

    private static double column(ResultTable table, Integer row, String column) {
        return row == null || !table.has(column) ? Double.NaN : table.number(row, column);
    }

    private static double mean(SummaryStatistics s) {
        return s.getN() == 0 ? Double.NaN : s.getMean();
    }

    private static double max(SummaryStatistics s) {
        return s.getN() == 0 ? Double.NaN : s.getMax();
    }

    private static double number(Map<String, Object> summary, Key key) {
        return summary.get(key.name()) instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static Map<String, Object> readSummary(Path dir) throws IOException {
        return JSON.readValue(Files.readString(dir.resolve(ResultFolder.SUMMARY)), new TypeReference<Map<String, Object>>() { });
    }

    /**
     * {time s, energy J per device, uplink bytes} up to the end of the first round at or above the
     * target, or null when never reached.
     */
    static double[] costToTarget(Path dir, double target, int clients) throws IOException {
        ResultTable rounds = read(dir, RoundsTable.TABLE);
        double energy = 0;
        double bytes = 0;
        for (int i = 0; i < rounds.size(); i++) {
            energy += rounds.requiredNumber(i, RoundsTable.ENERGY_J);
            bytes += rounds.requiredNumber(i, RoundsTable.UPLINK_BYTES);
            double accuracy = rounds.number(i, RoundsTable.ACCURACY);
            if (accuracy >= target) {
                return new double[] {rounds.requiredNumber(i, RoundsTable.SIM_TIME_S), energy / clients, bytes};
            }
        }
        return null;
    }

    /** The simulated time at the end of the last round, NaN without a round. */
    private static double lastRoundEndS(Path dir) throws IOException {
        ResultTable rounds = read(dir, RoundsTable.TABLE);
        return rounds.size() == 0 ? Double.NaN : rounds.requiredNumber(rounds.size() - 1, RoundsTable.SIM_TIME_S);
    }

    /**
     * {uplink airtime s per device per simulated day, the busiest device's uplink airtime / simulated
     * time} of the uplink frames that start at or before {@code endS}.
     */
    private static double[] airtime(Path dir, double endS, int clients) throws IOException {
        ResultTable frames = read(dir, TransmissionsTable.TABLE);
        double airtimeMs = 0;
        Map<String, Double> byDevice = new HashMap<>();
        for (int i = 0; i < frames.size(); i++) {
            if (frames.label(i, TransmissionsTable.DIRECTION, Direction.class) == Direction.UPLINK
                    && frames.requiredNumber(i, TransmissionsTable.START_S) <= endS) {
                double ms = frames.requiredNumber(i, TransmissionsTable.AIRTIME_MS);
                airtimeMs += ms;
                byDevice.merge(frames.text(i, TransmissionsTable.DEVICE), ms, Double::sum);
            }
        }
        double windowS = Math.max(endS, 1e-9);
        double busiestMs = byDevice.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return new double[] {airtimeMs / 1000 / clients / (windowS / SweepColumns.SECONDS_PER_DAY), busiestMs / 1000 / windowS};
    }

    private static ResultTable read(Path dir, Table<?> table) throws IOException {
        try {
            return ResultTable.read(dir, table);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static ResultTable read(Path file) throws IOException {
        try {
            return ResultTable.read(file);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** A number for the console: up to 4 significant decimals, no exponent for everyday sizes. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "unlimited" : "-unlimited";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return ConsoleNumbers.grouped((long) v);
        }
        double a = Math.abs(v);
        int decimals = a >= 1000 ? 1 : a >= 100 ? 2 : a >= 1 ? 3 : a >= 0.001 ? 4 : 6;
        String text = String.format(Locale.ROOT, "%." + decimals + "f", v);
        return ConsoleNumbers.group(text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text);
    }
}
