package org.fedwan.scenarios.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.fedwan.results.BudgetColumns;
import org.fedwan.results.Key;

/**
 * A {@link Budget.Ranking} as a console table, as CSV (columns of {@link BudgetColumns}) and as
 * one JSON document (study, objective, target, constraints, rows, answer).
 */
public final class BudgetReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BudgetReport() {
    }

    /** A console column: its header, and a point's value as text ("" when undefined). */
    private record Column(String header, Function<Budget.Row, String> value) {
    }

    /**
     * The console table: a line naming the objective and the constraints, one row per point (the
     * swept settings under their names, values with units in the headers, "feasible" and "why
     * not"), then one "answer" line per group. Columns empty in every row are left out.
     *
     * @param ranking the ranking
     * @return the text, lines ending in a newline
     */
    public static String text(Budget.Ranking ranking) {
        StringBuilder s = new StringBuilder();
        s.append("objective: ").append(ranking.objective().label()).append(" (").append(ranking.objective().description())
                .append(")");
        if (ranking.limits().targetAccuracy() != null) {
            s.append(String.format(Locale.ROOT, "; target accuracy %s", Budget.number(ranking.limits().targetAccuracy())));
        }
        List<String> constraints = ranking.limits().constraints().stream().map(Budget.Constraint::describe).toList();
        s.append("; constraints: ").append(constraints.isEmpty() ? "none" : String.join(", ", constraints));
        if (ranking.groupBy() != null) {
            s.append("; answer per ").append(ranking.groupBy());
        }
        s.append('\n');
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("rank", r -> r.feasible() ? String.valueOf(r.rank()) : "-"));
        columns.add(new Column("point", r -> r.measures().point()));
        List<String> settings = ranking.rows().isEmpty() ? List.of() : List.copyOf(ranking.rows().get(0).measures().settings().keySet());
        for (String key : orderedSettings(settings, ranking.groupBy())) {
            columns.add(new Column(key, r -> r.measures().settings().get(key)));
        }
        boolean target = ranking.limits().targetAccuracy() != null;
        if (target) {
            columns.add(new Column("reached", r -> r.measures().reached() + "/" + r.measures().replications()));
        }
        columns.add(new Column("parameters (model)", r -> num(r.measures().parameterCount())));
        columns.add(new Column("update (B)", r -> num(r.measures().updateMessageBytes())));
        columns.add(new Column("round latency (s)", r -> num(r.measures().roundLatencyS())));
        columns.add(new Column("rounds/day", r -> num(r.measures().roundsPerDay())));
        columns.add(new Column("energy/device/round (J)", r -> num(r.measures().energyJPerDevicePerRound())));
        columns.add(new Column("energy/device/day (J)", r -> num(r.measures().energyJPerDevicePerDay())));
        columns.add(new Column("battery life (days)", r -> num(r.measures().batteryLifeDays())));
        columns.add(new Column("airtime/device/day (s)", r -> num(r.measures().airtimeSPerDevicePerDay())));
        columns.add(new Column("duty cycle (measured)", r -> num(r.measures().dutyCycleMeasured())));
        columns.add(new Column("final accuracy", r -> num(r.measures().finalAccuracy())));
        columns.add(new Column("lost updates", r -> num(r.measures().lostUpdates())));
        if (target) {
            columns.add(new Column("time to target (s)", r -> num(r.measures().timeToTargetS())));
            columns.add(new Column("energy/device to target (J)", r -> num(r.measures().energyJPerDeviceToTarget())));
            columns.add(new Column("uplink bytes to target", r -> num(r.measures().uplinkBytesToTarget())));
        }
        columns.add(new Column("feasible", r -> r.feasible() ? "yes" : "no"));
        columns.add(new Column("why not", r -> String.join("; ", r.whyNot())));
        List<Column> shown = new ArrayList<>();
        for (Column c : columns) {
            boolean always = c.header().equals("rank") || c.header().equals("point") || c.header().equals("feasible")
                    || settings.contains(c.header());
            if (always || ranking.rows().stream().anyMatch(r -> !c.value().apply(r).isEmpty())) {
                shown.add(c);
            }
        }
        int[] widths = new int[shown.size()];
        for (int i = 0; i < shown.size(); i++) {
            widths[i] = shown.get(i).header().length();
            for (Budget.Row r : ranking.rows()) {
                widths[i] = Math.max(widths[i], shown.get(i).value().apply(r).length());
            }
        }
        line(s, shown, widths, Column::header);
        for (Budget.Row r : ranking.rows()) {
            line(s, shown, widths, c -> orDash(c.value().apply(r)));
        }
        for (Budget.Answer a : ranking.answers()) {
            s.append(answerLine(ranking, a)).append('\n');
        }
        return s.toString();
    }

    /** The swept settings with the group-by key first. */
    private static List<String> orderedSettings(List<String> settings, String groupBy) {
        List<String> out = new ArrayList<>();
        if (groupBy != null && settings.contains(groupBy)) {
            out.add(groupBy);
        }
        settings.stream().filter(k -> !k.equals(groupBy)).forEach(out::add);
        return out;
    }

    private static void line(StringBuilder s, List<Column> columns, int[] widths, Function<Column, String> cell) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            String text = cell.apply(columns.get(i));
            boolean last = i == columns.size() - 1;
            line.append(last ? text : String.format(Locale.ROOT, "%-" + widths[i] + "s  ", text));
        }
        s.append(line.toString().stripTrailing()).append('\n');
    }

    /** A console number; "" when undefined. */
    private static String num(double v) {
        return Double.isNaN(v) ? "" : Budget.number(v);
    }

    private static String orDash(String text) {
        return text.isEmpty() ? "-" : text;
    }

    /**
     * One answer, e.g. {@code answer for data_rate=5: p0006 (data_rate=5 update_parameters=5000),
     * largest model (parameter_count) 5000}.
     */
    static String answerLine(Budget.Ranking ranking, Budget.Answer a) {
        String head = "answer" + (a.group() == null ? "" : " for " + ranking.groupBy() + "=" + a.group()) + ": ";
        if (a.best() == null) {
            return head + "no point meets every constraint";
        }
        Budget.Measures m = a.best().measures();
        StringBuilder settings = new StringBuilder();
        m.settings().forEach((k, v) -> settings.append(settings.length() == 0 ? "" : " ").append(k).append('=').append(v));
        return head + m.point() + " (" + settings + "), " + ranking.objective().description() + " "
                + Budget.number(ranking.objective().value(m)) + unit(ranking.objective());
    }

    private static String unit(Budget.Objective objective) {
        return switch (objective) {
            case TIME_TO_TARGET -> " s";
            case CHEAPEST, LEAST_ENERGY_TO_TARGET -> " J";
            default -> "";
        };
    }

    /** A point's values by {@link BudgetColumns} name, numbers as doubles (NaN and infinity: null). */
    private static Map<String, Object> values(Budget.Row r, boolean target) {
        Budget.Measures m = r.measures();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put(BudgetColumns.RUNS.name(), m.runs());
        v.put(BudgetColumns.TARGET_REACHED.name(), target ? m.reached() : null);
        v.put(BudgetColumns.PARAMETER_COUNT.name(), whole(m.parameterCount()));
        v.put(BudgetColumns.UPDATE_MESSAGE_BYTES.name(), whole(m.updateMessageBytes()));
        v.put(BudgetColumns.ROUND_LATENCY_S.name(), finite(m.roundLatencyS()));
        v.put(BudgetColumns.ROUNDS_PER_DAY.name(), finite(m.roundsPerDay()));
        v.put(BudgetColumns.ENERGY_PER_DEVICE_PER_ROUND_J.name(), finite(m.energyJPerDevicePerRound()));
        v.put(BudgetColumns.ENERGY_PER_DEVICE_PER_DAY_J.name(), finite(m.energyJPerDevicePerDay()));
        v.put(BudgetColumns.BATTERY_LIFE_DAYS.name(), finite(m.batteryLifeDays()));
        v.put(BudgetColumns.AIRTIME_S_PER_DEVICE_PER_DAY.name(), finite(m.airtimeSPerDevicePerDay()));
        v.put(BudgetColumns.DUTY_CYCLE_MEASURED.name(), finite(m.dutyCycleMeasured()));
        v.put(BudgetColumns.FINAL_ACCURACY.name(), finite(m.finalAccuracy()));
        v.put(BudgetColumns.LOST_UPDATES.name(), finite(m.lostUpdates()));
        v.put(BudgetColumns.TIME_TO_TARGET_S.name(), finite(m.timeToTargetS()));
        v.put(BudgetColumns.ENERGY_PER_DEVICE_TO_TARGET_J.name(), finite(m.energyJPerDeviceToTarget()));
        v.put(BudgetColumns.UPLINK_BYTES_TO_TARGET.name(), finite(m.uplinkBytesToTarget()));
        v.put(BudgetColumns.FEASIBLE.name(), r.feasible());
        v.put(BudgetColumns.WHY_NOT.name(), String.join("; ", r.whyNot()));
        v.put(BudgetColumns.ANSWER.name(), r.answer());
        return v;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static Long whole(double v) {
        return Double.isFinite(v) ? (long) v : null;
    }

    /**
     * The ranking as CSV: {@code rank}, {@code point}, the swept settings (named by their keys),
     * then {@link BudgetColumns#VALUES}; one row per point in ranking order.
     *
     * @param ranking the ranking
     * @return the text, a header line then one line per point
     */
    public static String csv(Budget.Ranking ranking) {
        List<String> settings = ranking.rows().isEmpty() ? List.of() : List.copyOf(ranking.rows().get(0).measures().settings().keySet());
        StringBuilder s = new StringBuilder(BudgetColumns.RANK.name()).append(',').append(BudgetColumns.POINT.name());
        settings.forEach(k -> s.append(',').append(SweepTable.csv(k)));
        for (Key k : BudgetColumns.VALUES) {
            s.append(',').append(k.name());
        }
        s.append('\n');
        boolean target = ranking.limits().targetAccuracy() != null;
        for (Budget.Row r : ranking.rows()) {
            s.append(r.rank()).append(',').append(r.measures().point());
            settings.forEach(k -> s.append(',').append(SweepTable.csv(r.measures().settings().get(k))));
            for (Object v : values(r, target).values()) {
                s.append(',');
                if (v instanceof Double d) {
                    s.append(SweepTable.num(d));
                } else if (v != null) {
                    s.append(SweepTable.csv(v.toString()));
                }
            }
            s.append('\n');
        }
        return s.toString();
    }

    /**
     * The ranking as one JSON document: {@code study}, {@code objective}, {@code target_accuracy},
     * {@code group_by}, {@code constraints} (option, measure, bound min or max, limit), {@code rows}
     * (rank, point, settings, then the {@link BudgetColumns#VALUES}) and {@code answer} (one per
     * group: group value, point, settings, the objective's value; point null when none is feasible).
     *
     * @param study   the sweep's name
     * @param ranking the ranking
     * @return the document, indented, ending in a newline
     */
    public static String json(String study, Budget.Ranking ranking) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("study", study);
        doc.put("objective", ranking.objective().label());
        doc.put("objective_description", ranking.objective().description());
        doc.put("target_accuracy", ranking.limits().targetAccuracy());
        doc.put("group_by", ranking.groupBy());
        doc.put("constraints", constraintsJson(ranking.limits()));
        boolean target = ranking.limits().targetAccuracy() != null;
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Budget.Row r : ranking.rows()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put(BudgetColumns.RANK.name(), r.rank());
            row.put(BudgetColumns.POINT.name(), r.measures().point());
            row.put("settings", new LinkedHashMap<>(orderedMap(r.measures())));
            row.putAll(values(r, target));
            rows.add(row);
        }
        doc.put("rows", rows);
        List<Map<String, Object>> answers = new ArrayList<>();
        for (Budget.Answer a : ranking.answers()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("group", a.group());
            m.put("point", a.best() == null ? null : a.best().measures().point());
            m.put("settings", a.best() == null ? null : orderedMap(a.best().measures()));
            m.put("value", a.best() == null ? null : finite(ranking.objective().value(a.best().measures())));
            m.put("text", answerLine(ranking, a));
            answers.add(m);
        }
        doc.put("answer", answers);
        try {
            return JSON.writeValueAsString(doc) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a budget document of plain values did not serialise", e);
        }
    }

    private static Map<String, String> orderedMap(Budget.Measures m) {
        return new LinkedHashMap<>(m.settings());
    }

    /** The constraints of {@code limits} as JSON values: option, measure, bound (max or min) and limit. */
    public static List<Map<String, Object>> constraintsJson(Budget.Limits limits) {
        List<Map<String, Object>> constraints = new ArrayList<>();
        for (Budget.Constraint c : limits.constraints()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("option", c.option());
            m.put("measure", c.label());
            m.put("bound", c.upper() ? "max" : "min");
            m.put("limit", c.limit());
            constraints.add(m);
        }
        return constraints;
    }
}
