package org.fedwan.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fedwan.plots.RunFigures;
import org.fedwan.scenarios.ScenarioLoader;
import org.fedwan.scenarios.run.ResultFolder;
import org.fedwan.scenarios.run.ScenarioRunner;
import org.fedwan.scenarios.sweep.LocalEngine;
import org.fedwan.scenarios.sweep.SweepRunner;
import org.fedwan.scenarios.sweep.SweepSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fedwan plot} draws only from tables its manifest vouches for. */
class PlotVerifiesTablesTest {

    @TempDir
    Path dir;

    private Path base() throws Exception {
        Path f = dir.resolve("base.yaml");
        Files.writeString(f, "dataset: synthetic\ntrain_samples: 120\ntest_samples: 60\nclients: 3\nrounds: 1\n"
                + "batch_size: 20\nseed: 5\n");
        return f;
    }

    private static AirtimeCommandTest.Result plot(Path folder) {
        return AirtimeCommandTest.run("plot", folder.toString(), "--only", RunFigures.figureNames().get(0), "--format", "svg");
    }

    @Test
    void aRunFolderIsDrawnOnlyWhileItsTablesMatchTheManifest() throws Exception {
        Path run = dir.resolve("run");
        ScenarioRunner.run(ScenarioLoader.load(base(), dir), run, 1, false, null, false);
        AirtimeCommandTest.Result ok = plot(run);
        assertEquals(0, ok.exitCode(), ok.err());
        assertEquals("", ok.err());

        Path rounds = run.resolve("rounds.csv");
        String original = Files.readString(rounds);
        Files.writeString(rounds, original.replace(",", ";"));
        AirtimeCommandTest.Result altered = plot(run);
        assertEquals(2, altered.exitCode());
        assertTrue(altered.err().startsWith("fedwan: " + run + ": rounds.csv has SHA-256 "), altered.err());
        assertTrue(altered.err().contains(", manifest.json records ") && altered.err().trim().endsWith("run it again"),
                altered.err());
        assertEquals(1, altered.err().lines().count(), altered.err());

        Files.writeString(rounds, original);
        ObjectNode m = (ObjectNode) new ObjectMapper().readTree(run.resolve(ResultFolder.MANIFEST).toFile());
        m.remove(ResultFolder.TABLES);
        Files.writeString(run.resolve(ResultFolder.MANIFEST), m.toString());
        AirtimeCommandTest.Result old = plot(run);
        assertEquals(0, old.exitCode(), old.err());
        assertTrue(old.err().startsWith("fedwan: warning: " + run + ": manifest.json records no table digests"), old.err());

        Files.delete(run.resolve(ResultFolder.MANIFEST));
        AirtimeCommandTest.Result none = plot(run);
        assertEquals(2, none.exitCode());
        assertTrue(none.err().startsWith("fedwan: " + run + ": no manifest.json"), none.err());
    }

    @Test
    void aSweepFolderIsDrawnOnlyWhileItsTableAndEveryRunMatchTheirManifests() throws Exception {
        base();
        Path study = dir.resolve("study.yaml");
        Files.writeString(study, "scenario: base.yaml\nname: one\ngrid:\n  uplink_codec: [fp32, int8]\n");
        Path sweep = dir.resolve("sweep");
        SweepRunner.run(SweepSpec.load(study, dir), sweep, new LocalEngine(1, 1), null, false);
        AirtimeCommandTest.Result ok = AirtimeCommandTest.run("plot", sweep.toString(), "--format", "svg");
        assertEquals(0, ok.exitCode(), ok.err());
        // resuming a complete sweep without figures (as budget does) keeps the figures of its unchanged table
        assertEquals(2, SweepRunner.run(SweepSpec.load(study, dir), sweep, new LocalEngine(1, 1), null, false).skipped());
        assertTrue(Files.isRegularFile(sweep.resolve("report.html")));
        assertTrue(Files.isDirectory(sweep.resolve("figures")));

        Path clients = sweep.resolve("runs/p0001/r0/clients.csv");
        Files.writeString(clients, Files.readString(clients) + "\n");
        AirtimeCommandTest.Result altered = AirtimeCommandTest.run("plot", sweep.toString(), "--format", "svg");
        assertEquals(2, altered.exitCode());
        assertTrue(altered.err().startsWith("fedwan: runs/p0001/r0: clients.csv has "), altered.err());

        Files.delete(sweep.resolve(ResultFolder.MANIFEST));
        AirtimeCommandTest.Result none = AirtimeCommandTest.run("plot", sweep.toString(), "--format", "svg");
        assertEquals(2, none.exitCode());
        assertTrue(none.err().startsWith("fedwan: " + sweep + ": no manifest.json"), none.err());
    }
}
