package org.fedwan.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code budget STUDY --dry-run}: the plan, the runs already complete, the objective and constraints; nothing written. */
class BudgetDryRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private List<Path> files() throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.sorted().toList();
        }
    }

    private static final String[] OPTIONS = {"--objective", "largest-model", "--min-rounds-per-day", "20",
        "--max-duty-cycle", "0.01", "--group-by", "data_rate", "--dry-run"};

    private AirtimeCommandTest.Result dryRun(Path study, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("budget", study.toString(), "--out", out.toString()));
        args.addAll(List.of(OPTIONS));
        args.addAll(List.of(more));
        return AirtimeCommandTest.run(args.toArray(String[]::new));
    }

    @Test
    void printsThePlanAndTheCompleteRunsAndWritesNothing() throws Exception {
        Files.writeString(dir.resolve("tiny.yaml"), "dataset: synthetic\ntrain_samples: 120\ntest_samples: 60\n"
                + "clients: 3\nrounds: 2\nbatch_size: 20\nseed: 5\n");
        Path study = Files.writeString(dir.resolve("study.yaml"), "scenario: tiny.yaml\nname: study\n"
                + "grid:\n  data_rate: [SF9, SF7]\nreplications: 1\n");
        Path out = dir.resolve("out");

        List<Path> before = files();
        AirtimeCommandTest.Result empty = dryRun(study, out);
        assertEquals(0, empty.exitCode(), empty.err());
        List<String> lines = empty.out().lines().toList();
        assertEquals("fedwan: dry run of budget on sweep study: 2 points x 1 replication = 2 runs, 0 already complete, 2 to run; "
                + "nothing is run or written; results would go to " + out.toAbsolutePath(), lines.get(0));
        assertEquals("objective: largest-model (largest model (parameter_count))", lines.get(1));
        assertEquals("target accuracy: none", lines.get(2));
        assertEquals("constraints:", lines.get(3));
        assertEquals("  --min-rounds-per-day: rounds/day >= 20", lines.get(4));
        assertTrue(lines.get(5).startsWith("  --max-duty-cycle: duty cycle (measured) <= 0.01"), lines.get(5));
        assertEquals("group by: data_rate", lines.get(6));
        assertEquals("p0000  data_rate=SF9  r0 missing", lines.get(7));
        assertEquals("p0001  data_rate=SF7  r0 missing", lines.get(8));
        assertEquals(before, files(), "a dry run writes nothing");

        // two complete runs; then one altered table and one deleted folder
        AirtimeCommandTest.Result sweep = AirtimeCommandTest.run("sweep", study.toString(), "--out", out.toString(), "--workers",
                "1", "--no-figures");
        assertEquals(0, sweep.exitCode(), sweep.err());
        List<Path> afterSweep = files();
        AirtimeCommandTest.Result done = dryRun(study, out);
        assertTrue(done.out().startsWith("fedwan: dry run of budget on sweep study: 2 points x 1 replication = 2 runs, "
                + "2 already complete, 0 to run; "), done.out());
        assertTrue(done.out().contains("\np0000  data_rate=SF9  r0 complete\np0001  data_rate=SF7  r0 complete\n"), done.out());
        assertEquals(afterSweep, files());

        Path run0 = out.resolve("runs/p0000/r0");
        Path summary = run0.resolve("summary.json");
        Files.writeString(summary, " ", StandardOpenOption.APPEND);
        try (Stream<Path> s = Files.walk(out.resolve("runs/p0001"))) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        List<Path> altered = files();
        String reread = Files.readString(summary);
        AirtimeCommandTest.Result json = dryRun(study, out, "--json");
        assertEquals(0, json.exitCode(), json.err());
        assertEquals(1, json.out().strip().lines().count(), json.out());
        JsonNode doc = JSON.readTree(json.out());
        assertTrue(doc.path("dry_run").asBoolean());
        assertEquals(2, doc.path("runs").asInt());
        assertEquals(0, doc.path("already_complete").asInt());
        assertEquals(2, doc.path("to_run").asInt());
        assertEquals("largest-model", doc.path("objective").asText());
        assertTrue(doc.path("target_accuracy").isNull());
        assertEquals("data_rate", doc.path("group_by").asText());
        JsonNode constraints = doc.path("constraints");
        assertEquals(2, constraints.size());
        assertEquals("--min-rounds-per-day", constraints.get(0).path("option").asText());
        assertEquals("min", constraints.get(0).path("bound").asText());
        assertEquals(20.0, constraints.get(0).path("limit").asDouble());
        assertEquals("max", constraints.get(1).path("bound").asText());
        assertEquals(0.01, constraints.get(1).path("limit").asDouble());
        JsonNode r0 = doc.path("point_list").get(0).path("run_list").get(0);
        assertEquals("redo", r0.path("state").asText());
        assertTrue(r0.path("reason").asText().startsWith("summary.json has "), r0.toString());
        assertEquals("missing", doc.path("point_list").get(1).path("run_list").get(0).path("state").asText());
        assertEquals("SF7", doc.path("point_list").get(1).path("values").path("data_rate").asText());
        // the text says the same
        AirtimeCommandTest.Result text = dryRun(study, out);
        assertTrue(text.out().contains("\np0000  data_rate=SF9  r0 redo (" + r0.path("reason").asText() + ")\n"
                + "p0001  data_rate=SF7  r0 missing\n"), text.out());
        assertEquals(altered, files(), "a dry run neither redoes nor deletes");
        assertEquals(reread, Files.readString(summary));
        assertFalse(Files.exists(out.resolve("runs/p0001")));
    }

    @Test
    void aCsvFileIsRefusedWithADryRun() throws Exception {
        Files.writeString(dir.resolve("tiny.yaml"), "dataset: synthetic\nrounds: 2\n");
        Path study = Files.writeString(dir.resolve("study.yaml"), "scenario: tiny.yaml\nname: study\n"
                + "grid:\n  data_rate: [SF9, SF7]\n");
        AirtimeCommandTest.Result r = dryRun(study, dir.resolve("out"), "--csv", dir.resolve("a.csv").toString());
        assertTrue(r.exitCode() != 0, r.out());
        assertTrue(r.err().contains("--dry-run and --csv"), r.err());
        assertFalse(Files.exists(dir.resolve("a.csv")));
    }
}
