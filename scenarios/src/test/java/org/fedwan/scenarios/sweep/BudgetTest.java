package org.fedwan.scenarios.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fedwan.results.BudgetColumns;
import org.fedwan.results.Key;
import org.fedwan.results.ResultTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Constraints, objectives, groups and the three outputs of {@link Budget} on hand-made points. */
class BudgetTest {

    @TempDir
    Path dir;

    private static final double NAN = Double.NaN;

    /**
     * A hand-made point: protocol and size swept; per-run worst values equal to the means.
     */
    private static Budget.Measures point(int index, String protocol, int parameters, double latencyS, double perRoundJ,
            double perDayJ, double batteryDays, double airtimeS, double duty, double accuracy, int reached, double timeS,
            double energyToTargetJ) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("protocol", protocol);
        settings.put("update_parameters", String.valueOf(parameters));
        return new Budget.Measures(index, String.format("p%04d", index), settings, 2, 2, reached, parameters,
                4.0 * parameters + 4, latencyS, 86_400 / latencyS, perRoundJ, perDayJ, batteryDays, airtimeS, airtimeS, duty,
                accuracy, 0, timeS, timeS, energyToTargetJ, energyToTargetJ, 1000.0 * parameters);
    }

    /** Four points: two LoRaWAN sizes, two NB-IoT sizes. */
    private static List<Budget.Measures> points() {
        return List.of(
                point(0, "lorawan", 1000, 700, 4.1, 509, 56, 824, 0.0095, 0.90, 2, 2100, 12.3),
                point(1, "lorawan", 5000, 3645, 21.2, 503, 57, 793, 0.0092, 0.93, 2, 10935, 63.7),
                point(2, "nbiot", 1000, 20, 2.0, 8640, 3.3, 30, 0.0004, 0.91, 1, 60, 6.0),
                point(3, "nbiot", 5000, 60, 11.3, 16268, 1.7, 100, 0.0012, 0.94, 2, 180, 33.9));
    }

    private static Budget.Limits limits(Double target, Double maxLatency, Double minPerDay, Double maxPerDayJ,
            Double minBatteryDays, Double maxAirtime, Double maxDuty) {
        return new Budget.Limits(target, null, maxAirtime, maxDuty, null, maxLatency, minPerDay, maxPerDayJ, minBatteryDays);
    }

    private static List<String> feasible(Budget.Ranking r) {
        return r.rows().stream().filter(Budget.Row::feasible).map(row -> row.measures().point()).toList();
    }

    @Test
    void eachConstraintKeepsThePointsWithinItsLimitAndSaysWhyNot() {
        Budget.Objective o = Budget.Objective.LARGEST_MODEL;
        assertEquals(List.of("p0003", "p0001", "p0002", "p0000"), feasible(Budget.rank(points(), limits(null, null, null, null,
                null, null, null), o, null)));
        Budget.Ranking perDay = Budget.rank(points(), limits(null, null, 30.0, null, null, null, null), o, null);
        assertEquals(List.of("p0003", "p0002", "p0000"), feasible(perDay));
        Budget.Row slow = perDay.rows().get(3);
        assertEquals("p0001", slow.measures().point());
        assertEquals(List.of("rounds/day " + Budget.number(86_400 / 3645.0) + " < 30"), slow.whyNot());
        assertEquals("rounds/day 23.704 < 30", slow.whyNot().get(0));
        assertEquals(List.of("p0001", "p0000"), feasible(Budget.rank(points(), limits(null, null, null, 600.0, null, null, null), o, null)));
        assertEquals(List.of("p0001", "p0000"), feasible(Budget.rank(points(), limits(null, null, null, null, 10.0, null, null), o, null)));
        assertEquals(List.of("p0003", "p0002"), feasible(Budget.rank(points(), limits(null, 100.0, null, null, null, null, null), o, null)));
        assertEquals(List.of("p0003", "p0002"), feasible(Budget.rank(points(), limits(null, null, null, null, null, 100.0, null), o, null)));
        assertEquals(List.of("p0003", "p0001", "p0002"), feasible(Budget.rank(points(), limits(null, null, null, null, null, null, 0.0094),
                o, null)));
        // a target every run must reach: p0002 reached it in 1 of 2 runs
        Budget.Ranking target = Budget.rank(points(), limits(0.9, null, null, null, null, null, null), o, null);
        assertEquals(List.of("p0003", "p0001", "p0000"), feasible(target));
        assertEquals(List.of("target 0.9 reached in 1 of 2 runs"), target.rows().get(3).whyNot());
        // two constraints violated at once: both named, value against limit
        Budget.Ranking both = Budget.rank(points(), limits(null, 50.0, null, 600.0, null, null, null), o, null);
        assertEquals(List.of(), feasible(both));
        assertEquals(List.of("round latency (s) 60 > 50", "energy/device/day (J) 16,268 > 600"), both.rows().stream()
                .filter(r -> r.measures().point().equals("p0003")).findFirst().orElseThrow().whyNot());
        assertNull(both.answers().get(0).best());
        assertTrue(BudgetReport.text(both).endsWith("answer: no point meets every constraint\n"), BudgetReport.text(both));
    }

    @Test
    void eachObjectiveNamesItsBestFeasiblePoint() {
        Budget.Limits none = limits(0.9, null, null, null, null, null, null);
        Map<Budget.Objective, String> best = Map.of(
                Budget.Objective.LARGEST_MODEL, "p0003",       // 5000 parameters, then more rounds/day than p0001
                Budget.Objective.MOST_ROUNDS_PER_DAY, "p0003", // p0002 is faster but missed the target once
                Budget.Objective.CHEAPEST, "p0000",            // 4.1 J per round among the feasible
                Budget.Objective.BEST_ACCURACY, "p0003",
                Budget.Objective.TIME_TO_TARGET, "p0003",
                Budget.Objective.LEAST_ENERGY_TO_TARGET, "p0000");
        for (Map.Entry<Budget.Objective, String> e : best.entrySet()) {
            Budget.Ranking r = Budget.rank(points(), none, e.getKey(), null);
            assertEquals(e.getValue(), r.answers().get(0).best().measures().point(), e.getKey().label());
            assertEquals(1, r.rows().get(0).rank());
        }
        Budget.Ranking largest = Budget.rank(points(), none, Budget.Objective.LARGEST_MODEL, null);
        assertEquals(List.of("p0003", "p0001", "p0000"), feasible(largest));
        assertEquals("answer: p0003 (protocol=nbiot update_parameters=5000), largest model (parameter_count) 5,000",
                BudgetReport.answerLine(largest, largest.answers().get(0)));
        // cheapest protocol: the cheapest point of each protocol, then across them
        Budget.Ranking cheapest = Budget.rank(points(), limits(null, null, null, null, null, null, null),
                Budget.Objective.CHEAPEST, "protocol");
        assertEquals("p0000", cheapest.answers().get(0).best().measures().point());
        assertEquals("p0002", cheapest.answers().get(1).best().measures().point());
        IllegalArgumentException noTarget = assertThrows(IllegalArgumentException.class, () -> Budget.rank(points(),
                limits(null, null, null, null, null, null, null), Budget.Objective.TIME_TO_TARGET, null));
        assertEquals("--objective time-to-target needs --target-accuracy A", noTarget.getMessage());
        assertEquals("--objective biggest: allowed: time-to-target, largest-model, most-rounds-per-day, cheapest, "
                + "best-accuracy, least-energy-to-target",
                assertThrows(IllegalArgumentException.class, () -> Budget.Objective.parse("biggest")).getMessage());
    }

    @Test
    void groupByAnswersPerValueOfTheSetting() {
        Budget.Ranking r = Budget.rank(points(), limits(null, null, 30.0, null, null, null, null),
                Budget.Objective.LARGEST_MODEL, "protocol");
        assertEquals(2, r.answers().size());
        assertEquals("lorawan", r.answers().get(0).group());
        assertEquals("p0000", r.answers().get(0).best().measures().point());
        assertEquals("nbiot", r.answers().get(1).group());
        assertEquals("p0003", r.answers().get(1).best().measures().point());
        // rows by group, feasible first, ranks restarting per group
        assertEquals(List.of("p0000", "p0001", "p0003", "p0002"), r.rows().stream().map(x -> x.measures().point()).toList());
        assertEquals(List.of(1, 0, 1, 2), r.rows().stream().map(Budget.Row::rank).toList());
        String text = BudgetReport.text(r);
        List<String> lines = text.lines().toList();
        assertEquals("objective: largest-model (largest model (parameter_count)); constraints: rounds/day >= 30; answer per protocol",
                lines.get(0));
        assertTrue(lines.get(1).startsWith("rank  point  protocol  update_parameters  parameters (model)  update (B)  "
                + "round latency (s)  rounds/day"), lines.get(1));
        assertTrue(lines.get(1).endsWith("feasible  why not"), lines.get(1));
        assertEquals("answer for protocol=lorawan: p0000 (protocol=lorawan update_parameters=1000), largest model "
                + "(parameter_count) 1,000", lines.get(lines.size() - 2));
        assertEquals("answer for protocol=nbiot: p0003 (protocol=nbiot update_parameters=5000), largest model "
                + "(parameter_count) 5,000", lines.get(lines.size() - 1));
        assertEquals("--group-by region: not a swept setting; allowed: protocol, update_parameters",
                assertThrows(IllegalArgumentException.class, () -> Budget.rank(points(), limits(null, null, null, null,
                        null, null, null), Budget.Objective.LARGEST_MODEL, "region")).getMessage());
    }

    @Test
    void csvAndJsonParseBackWithTheDocumentedColumns() throws Exception {
        Budget.Ranking r = Budget.rank(points(), limits(0.9, null, 30.0, null, null, null, null),
                Budget.Objective.LARGEST_MODEL, "protocol");
        Path csv = Files.writeString(dir.resolve("budget.csv"), BudgetReport.csv(r));
        ResultTable t = ResultTable.read(csv);
        List<String> header = new ArrayList<>(List.of("rank", "point", "protocol", "update_parameters"));
        BudgetColumns.VALUES.stream().map(Key::name).forEach(header::add);
        assertEquals(header, t.header());
        assertEquals(4, t.size());
        assertEquals("p0000", t.text(0, "point"));
        assertEquals(1, t.number(0, "rank"));
        assertEquals("true", t.text(0, "answer"));
        assertEquals(1000, t.number(0, "parameter_count"));
        assertEquals(86_400 / 700.0, t.number(0, "rounds_per_day"), 1e-6);
        assertEquals("false", t.text(1, "feasible"));
        assertTrue(t.text(1, "why_not").startsWith("rounds/day "), t.text(1, "why_not"));
        assertEquals("target 0.9 reached in 1 of 2 runs", t.text(3, "why_not"));

        JsonNode doc = new ObjectMapper().readTree(BudgetReport.json("s", r));
        assertEquals("largest-model", doc.get("objective").asText());
        assertEquals(0.9, doc.get("target_accuracy").asDouble());
        assertEquals("protocol", doc.get("group_by").asText());
        assertEquals("--min-rounds-per-day", doc.get("constraints").get(0).get("option").asText());
        assertEquals("min", doc.get("constraints").get(0).get("bound").asText());
        assertEquals(30.0, doc.get("constraints").get(0).get("limit").asDouble());
        assertEquals(4, doc.get("rows").size());
        JsonNode first = doc.get("rows").get(0);
        for (Key k : BudgetColumns.VALUES) {
            assertTrue(first.has(k.name()), k.name());
        }
        assertEquals("lorawan", first.get("settings").get("protocol").asText());
        assertEquals(2, doc.get("answer").size());
        assertEquals("nbiot", doc.get("answer").get(1).get("group").asText());
        assertEquals("p0003", doc.get("answer").get(1).get("point").asText());
        assertEquals(5000, doc.get("answer").get(1).get("value").asDouble());
        assertFalse(doc.get("rows").get(1).get("feasible").asBoolean());
    }

    @Test
    void undefinedAndUnlimitedValues() {
        Budget.Measures unmeasured = new Budget.Measures(0, "p0000", Map.of("x", "1"), 0, 1, 0, NAN, NAN, NAN, NAN, NAN, NAN,
                NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN);
        Budget.Ranking r = Budget.rank(List.of(unmeasured), limits(null, null, 20.0, null, null, null, null),
                Budget.Objective.MOST_ROUNDS_PER_DAY, null);
        assertEquals(List.of("0 of 1 runs complete"), r.rows().get(0).whyNot());
        Budget.Measures unlimitedBattery = point(0, "ideal", 10, 5, 0.1, 1, Double.POSITIVE_INFINITY, 1, 0.001, NAN, 0, NAN, NAN);
        Budget.Ranking battery = Budget.rank(List.of(unlimitedBattery), limits(null, null, null, null, 365.0, null, null),
                Budget.Objective.CHEAPEST, null);
        assertTrue(battery.rows().get(0).feasible());
        assertTrue(BudgetReport.text(battery).contains("unlimited"));
        assertEquals("", cell(BudgetReport.csv(battery), "battery_life_days"));
    }

    /** One cell of a one-row CSV text, by column name. */
    private static String cell(String csv, String column) {
        List<String> lines = csv.lines().toList();
        int i = List.of(lines.get(0).split(",", -1)).indexOf(column);
        return lines.get(1).split(",", -1)[i];
    }
}
