package org.fedwan.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.fedwan.scenarios.docs.ReferenceDocs;
import org.fedwan.scenarios.run.ScenarioRunner;
import org.fedwan.sim.Scenarios;
import org.fedwan.sim.config.Key;
import org.fedwan.sim.config.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every shipped scenario runs (shortened to one round on a slice of its data), and the README documents every key. */
class ShippedScenariosTest {

    /** The module runs with the scenarios folder as working directory; data goes where the CLI keeps it. */
    private static final Path HOME = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path out;

    static List<Path> shipped() throws IOException {
        try (Stream<Path> s = Files.list(HOME.resolve("scenarios"))) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void everyShippedScenarioRunsOneShortRound() throws Exception {
        List<Path> files = shipped();
        assertFalse(files.isEmpty());
        for (Path f : files) {
            Scenario s = ScenarioLoader.load(f, HOME.resolve("data"));
            s = s.with(Map.of("rounds", 1, "train_samples", 200 * s.policy().clients(), "test_samples", 500));
            ScenarioRunner.Outcome o = ScenarioRunner.run(s, out.resolve(f.getFileName().toString()), 2, false, null,
                    false);
            assertEquals(1, o.summary().rounds(), f.toString());
            assertTrue(o.summary().finalAccuracy() > 0.3, f + ": accuracy " + o.summary().finalAccuracy());
            assertTrue(Files.exists(o.outDir().resolve("rounds.csv")));
        }
    }

    @Test
    void everyScenarioInTheSubfoldersLoads() throws Exception {
        int n = 0;
        for (String folder : List.of("examples", "lorawan", "nbiot")) {
            try (Stream<Path> s = Files.list(HOME.resolve("scenarios").resolve(folder))) {
                for (Path f : s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                    assertNotNull(ScenarioLoader.load(f, HOME.resolve("data")), f.toString());
                    n++;
                }
            }
        }
        assertTrue(n >= 6, "examples, lorawan and nbiot scenarios: " + n);
    }

    @Test
    void everyShippedStudyIsAValidSweep() throws Exception {
        List<Path> studies;
        try (Stream<Path> s = Files.list(HOME.resolve("scenarios/studies"))) {
            studies = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertFalse(studies.isEmpty());
        for (Path f : studies) {
            org.fedwan.scenarios.sweep.SweepSpec spec = org.fedwan.scenarios.sweep.SweepSpec.load(f, HOME.resolve("data"));
            assertTrue(spec.runCount() > 1, f.toString());
        }
    }

    @Test
    void everySeedScenarioLoadsAndHasAStudy() throws Exception {
        List<Path> seeds;
        try (Stream<Path> s = Files.list(HOME.resolve("scenarios/seeds"))) {
            seeds = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertEquals(5, seeds.size(), seeds.toString());
        for (Path f : seeds) {
            Scenario c = ScenarioLoader.load(f, HOME.resolve("data"));
            String name = f.getFileName().toString();
            assertEquals(name.substring(0, name.length() - ".yaml".length()), c.run().name());
            assertTrue(Files.exists(HOME.resolve("scenarios/studies").resolve(name)), "no study for " + f);
        }
    }

    @Test
    void theCommittedReferenceIsWhatTheCodeGenerates() throws IOException {
        Map<String, String> generated = ReferenceDocs.generate();
        for (Map.Entry<String, String> f : generated.entrySet()) {
            Path committed = HOME.resolve(ReferenceDocs.FOLDER).resolve(f.getKey());
            assertTrue(Files.exists(committed), committed + " is missing: run ./fedwan docs");
            assertEquals(f.getValue(), Files.readString(committed), committed + " differs from the code: run ./fedwan docs");
        }
        for (Key<?> k : Scenarios.SCHEMA.keys()) {
            assertTrue(generated.get("scenario-keys.md").contains("| `" + k.name() + "` |"), "no row for key " + k.name());
        }
    }
}
