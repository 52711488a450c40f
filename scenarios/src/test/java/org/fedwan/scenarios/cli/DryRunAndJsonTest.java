package org.fedwan.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.fedwan.results.ConsoleNumbers;
import org.fedwan.scenarios.ScenarioLoader;
import org.fedwan.sim.config.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run} and {@code sweep} with {@code --dry-run} print the plan and write nothing; {@code --json} prints one document. */
class DryRunAndJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path scenario() throws Exception {
        return Files.writeString(dir.resolve("tiny.yaml"), "dataset: synthetic\ntrain_samples: 120\ntest_samples: 60\n"
                + "clients: 3\nrounds: 2\nbatch_size: 20\nseed: 5\ndata_rate: SF10\n");
    }

    private List<Path> files() throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void runDryRunPrintsTheResolvedScenarioThatLoadsBackAndWritesNothing() throws Exception {
        Path file = scenario();
        Path out = dir.resolve("out");
        List<Path> before = files();
        AirtimeCommandTest.Result r = AirtimeCommandTest.run("run", file.toString(), "--out", out.toString(), "--dry-run");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.err());
        assertTrue(r.out().startsWith("fedwan: dry run of tiny: 1 run of 2 rounds; nothing is run or written; results would go to "
                + out.toAbsolutePath() + "\n# resolved scenario (as manifest.json stores it)\n"), r.out());
        assertTrue(r.out().contains("\ndata_rate: 2\n"), "SF10 is EU868 DR2, printed as the index: " + r.out());
        assertEquals(before, files(), "a dry run writes nothing");

        // the printed YAML is the scenario: read back as a scenario file, it is the same scenario
        Path printed = Files.writeString(dir.resolve("printed.yaml"), r.out().substring(r.out().indexOf('\n') + 1));
        Scenario loaded = ScenarioLoader.load(file, FedwanCli.home().resolve("data"));
        assertEquals(loaded, ScenarioLoader.load(printed, dir));

        AirtimeCommandTest.Result j = AirtimeCommandTest.run("run", file.toString(), "--out", out.toString(), "--dry-run", "--json");
        JsonNode doc = JSON.readTree(j.out());
        assertEquals(1, j.out().strip().lines().count(), j.out());
        assertEquals(1, doc.path("runs").asInt());
        assertEquals(2, doc.path("scenario").path("data_rate").asInt());
        assertEquals(loaded.resolved().size(), doc.path("scenario").size(), "every key");
        assertFalse(Files.exists(out));
    }

    @Test
    void sweepDryRunPrintsPointsAndRunCountAndWritesNothing() throws Exception {
        scenario();
        Path study = Files.writeString(dir.resolve("study.yaml"), "scenario: tiny.yaml\nname: study\n"
                + "grid:\n  data_rate: [SF12, SF7]\n  uplink_codec: [fp32, int8]\nreplications: 3\n");
        Path out = dir.resolve("sweep-out");
        List<Path> before = files();
        AirtimeCommandTest.Result r = AirtimeCommandTest.run("sweep", study.toString(), "--out", out.toString(), "--dry-run");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("fedwan: dry run of sweep study: 4 points x 3 replications = 12 runs; nothing is run or written; "
                + "results would go to " + out.toAbsolutePath(), lines.get(0));
        assertEquals("p0000  data_rate=SF12 uplink_codec=fp32", lines.get(1));
        assertEquals("p0003  data_rate=SF7 uplink_codec=int8", lines.get(4));
        assertEquals("# resolved scenario of p0000 replication 0 (as its manifest.json stores it)", lines.get(5));
        assertTrue(lines.contains("data_rate: 0"), r.out());
        assertEquals(before, files());

        JsonNode doc = JSON.readTree(AirtimeCommandTest.run("sweep", study.toString(), "--out", out.toString(), "--dry-run",
                "--json").out());
        assertEquals(12, doc.path("runs").asInt());
        assertEquals(4, doc.path("point_list").size());
        assertEquals(5, doc.path("point_list").get(3).path("scenario").path("data_rate").asInt(), "SF7 = EU868 DR5");
        assertFalse(Files.exists(out));
    }

    @Test
    void runPrintsNumbersWithUnitsAndSeparatorsOrOneJsonDocument() throws Exception {
        Path file = scenario();
        Path out = dir.resolve("out");
        AirtimeCommandTest.Result text = AirtimeCommandTest.run("run", file.toString(), "--out", out.toString(), "--no-figures",
                "--threads", "1");
        assertEquals(0, text.exitCode(), text.err());
        JsonNode summary = JSON.readTree(Files.readString(out.resolve("summary.json")));
        long uplinkBytes = summary.path("uplink_bytes").asLong();
        assertTrue(uplinkBytes >= 1000, "the check needs a separator: " + uplinkBytes);
        String line = text.out().lines().filter(l -> l.startsWith("fedwan: final accuracy")).findFirst().orElseThrow();
        assertTrue(line.startsWith("fedwan: final accuracy " + ConsoleNumbers.percent(summary.path("final_accuracy").asDouble(), 2)
                + ", " + ConsoleNumbers.grouped(uplinkBytes) + " uplink bytes, "
                + ConsoleNumbers.quantity(summary.path("energy_j").asDouble(), 3, "J") + " (all devices, every state), "), line);
        assertTrue(ConsoleNumbers.grouped(uplinkBytes).contains(","), line);
        assertTrue(text.out().startsWith("fedwan: running tiny (2 rounds)\n"), text.out());

        AirtimeCommandTest.Result json = AirtimeCommandTest.run("run", file.toString(), "--out", out.toString(), "--no-figures",
                "--threads", "1", "--json");
        assertEquals(0, json.exitCode(), json.err());
        assertEquals(1, json.out().strip().lines().count(), "one document, no progress on stdout: " + json.out());
        JsonNode doc = JSON.readTree(json.out());
        assertEquals(out.toAbsolutePath().toString(), doc.path("results_dir").asText());
        assertEquals(JSON.readTree(Files.readString(out.resolve("summary.json"))), doc.path("summary"));
        assertEquals(uplinkBytes, doc.path("summary").path("uplink_bytes").asLong(), "seeded: the same run");
    }
}
