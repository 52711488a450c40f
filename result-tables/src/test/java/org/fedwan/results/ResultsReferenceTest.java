package org.fedwan.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResultsReferenceTest {

    private static final String MARKDOWN = ResultsReference.markdown();

    @Test
    void mentionsEveryColumnOfEveryTableWithItsUnitAndMeaning() {
        assertEquals(List.of("rounds.csv", "transmissions.csv", "energy.csv", "clients.csv", "devices.csv"),
                TableWriter.TABLES.stream().map(Table::file).toList());
        for (Table<?> table : TableWriter.TABLES) {
            String section = section("## " + table.file());
            for (Column<?> column : table.columns()) {
                assertTrue(section.contains("| `" + column.name() + "` | " + column.unit() + " | "
                        + column.description() + " |"), table.file() + " lacks " + column.name());
            }
        }
    }

    @Test
    void listsTheLabelsOfEveryLabelColumn() {
        assertTrue(section("## transmissions.csv").contains("Labels of `direction` (Direction): `uplink`, `downlink`."));
        assertTrue(section("## transmissions.csv").contains("Labels of `outcome` (FrameOutcome): `delivered`, `late`, "
                + "`received`, `below-sensitivity`, `gateway-transmitting`, `no-demodulator`, `collision`, "
                + "`battery-depleted`."));
        assertTrue(section("## energy.csv").contains("Labels of `state` (EnergyState): `tx`, `rx`, `listen`, "
                + "`standby`, `sleep`, `mcu_training`, `mcu_other`."));
        assertTrue(section("## clients.csv").contains("Labels of `cause` (LossCause): `collision`, `below-sensitivity`, "
                + "`no-demodulator`, `gateway-transmitting`, `battery-depleted`, `random-access-failed`, `out-of-coverage`, "
                + "`deadline`, `dropout`."));
        assertTrue(section("## clients.csv").contains("Labels of `outcome` (ClientOutcome): `ok`, `skipped`, `late`, "
                + "`late-used`, `dropped-computing`, `dropped-sending`, `dropped-out`, `lost`."));
    }

    @Test
    void mentionsEverySummaryKeyAndSweepColumn() {
        String summary = section("## summary.json");
        for (Key key : Summary.ALL_KEYS) {
            assertTrue(summary.contains("| `" + key.name() + "` | " + key.unit() + " | "), key.name());
        }
        String sweep = section("## sweep.csv");
        for (Key key : List.of(SweepColumns.POINT, SweepColumns.RUNS, SweepColumns.TARGET_REACHED)) {
            assertTrue(sweep.contains("| `" + key.name() + "` |"), key.name());
        }
        assertEquals(3 * (Summary.METRICS.size() + SweepColumns.DERIVED_METRICS.size()), SweepColumns.metricColumns().size());
        for (Key key : SweepColumns.metricColumns()) {
            assertTrue(sweep.contains("| `" + key.name() + "` | " + key.unit() + " | "), key.name());
        }
        for (Key key : SweepColumns.POINT_COLUMNS) {
            assertTrue(sweep.contains("| `" + key.name() + "` | " + key.unit() + " | "), key.name());
        }
        assertTrue(sweep.contains("| `battery_life_days` | d | "));
        String budget = section("## budget --csv");
        for (Key key : BudgetColumns.VALUES) {
            assertTrue(budget.contains("| `" + key.name() + "` | " + key.unit() + " | " + key.description() + " |"), key.name());
        }
        String rounds = section("## sweep-rounds.csv");
        for (Key key : SweepRoundsColumns.metricColumns()) {
            assertTrue(rounds.contains("| `" + key.name() + "` | " + key.unit() + " | "), key.name());
        }
        assertTrue(rounds.contains("| `round` |") && rounds.contains("| `accuracy_ci95` |"));
        assertTrue(sweep.contains("| `energy_j_ci95` | J | half-width of the 95 % Student-t confidence interval"));
    }

    @Test
    void summaryKeysAreUniqueAndTheMetricsAreAmongThem() {
        Set<String> names = new HashSet<>();
        for (Key key : Summary.ALL_KEYS) {
            assertTrue(names.add(key.name()), "twice: " + key.name());
        }
        assertTrue(Summary.ALL_KEYS.containsAll(Summary.METRICS));
        assertEquals("final_accuracy_mean", SweepColumns.column(Summary.FINAL_ACCURACY, SweepColumns.Statistic.MEAN).name());
    }

    /** The text from a heading to the next heading of the same level. */
    private static String section(String heading) {
        int start = MARKDOWN.indexOf("\n" + heading + "\n");
        assertTrue(start >= 0, "no heading " + heading);
        int end = MARKDOWN.indexOf("\n## ", start + 1);
        return MARKDOWN.substring(start, end < 0 ? MARKDOWN.length() : end);
    }
}
