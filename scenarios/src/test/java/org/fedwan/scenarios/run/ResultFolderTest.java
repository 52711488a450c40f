package org.fedwan.scenarios.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.fedwan.fl.data.FileDigests;
import org.fedwan.scenarios.ScenarioLoader;
import org.fedwan.sim.config.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Run folders appear whole, replace an old run only when complete, and record the digests of their tables. */
class ResultFolderTest {

    @TempDir
    Path dir;

    private Scenario tiny(int rounds) throws Exception {
        Path f = dir.resolve("tiny.yaml");
        Files.writeString(f, "dataset: synthetic\ntrain_samples: 120\ntest_samples: 60\nclients: 3\nrounds: " + rounds
                + "\nbatch_size: 20\nseed: 5\n");
        return ScenarioLoader.load(f, dir);
    }

    private static List<String> siblings(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder.getParent())) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).sorted().toList();
        }
    }

    @Test
    void manifestRecordsTheSha256AndSizeOfEveryTable() throws Exception {
        Path run = dir.resolve("run");
        ScenarioRunner.run(tiny(1), run, 1, false, null, false);
        JsonNode tables = new ObjectMapper().readTree(run.resolve(ResultFolder.MANIFEST).toFile()).get(ResultFolder.TABLES);
        List<String> names = new ArrayList<>();
        tables.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("clients.csv", "devices.csv", "energy.csv", "rounds.csv", "summary.json", "transmissions.csv"),
                names);
        for (String f : ResultFolder.recordedFiles()) {
            assertEquals(FileDigests.sha256(run.resolve(f)), tables.get(f).get("sha256").asText(), f);
            assertEquals(Files.size(run.resolve(f)), tables.get(f).get("bytes").asLong(), f);
        }
        assertEquals(ResultFolder.Verdict.INTACT, ResultFolder.verify(run).verdict());
        assertEquals(List.of(), siblings(run));
    }

    @Test
    void verifyNamesTheFileAndWhatDiffers() throws Exception {
        Path run = dir.resolve("run");
        ScenarioRunner.run(tiny(1), run, 1, false, null, false);
        byte[] rounds = Files.readAllBytes(run.resolve("rounds.csv"));
        byte[] altered = rounds.clone();
        altered[altered.length - 2] = (byte) (altered[altered.length - 2] == '1' ? '2' : '1');
        Files.write(run.resolve("rounds.csv"), altered);
        ResultFolder.Verification v = ResultFolder.verify(run);
        assertEquals(ResultFolder.Verdict.BROKEN, v.verdict());
        assertTrue(v.reason().startsWith("rounds.csv has SHA-256 " + FileDigests.sha256(run.resolve("rounds.csv"))
                + ", manifest.json records "), v.reason());
        Files.write(run.resolve("rounds.csv"), rounds);
        Files.writeString(run.resolve("clients.csv"), "x\n", StandardOpenOption.APPEND);
        assertTrue(ResultFolder.verify(run).reason().matches("clients\\.csv has \\d+ bytes, manifest\\.json records \\d+"),
                ResultFolder.verify(run).reason());
        Files.delete(run.resolve("clients.csv"));
        assertTrue(ResultFolder.verify(run).reason().startsWith("clients.csv is missing"), ResultFolder.verify(run).reason());
        // a manifest from before the digests were recorded cannot vouch for its tables
        ObjectNode m = (ObjectNode) new ObjectMapper().readTree(run.resolve(ResultFolder.MANIFEST).toFile());
        m.remove(ResultFolder.TABLES);
        Files.writeString(run.resolve(ResultFolder.MANIFEST), m.toString());
        assertEquals(ResultFolder.Verdict.UNVERIFIABLE, ResultFolder.verify(run).verdict());
        Files.delete(run.resolve(ResultFolder.MANIFEST));
        assertEquals(ResultFolder.Verdict.BROKEN, ResultFolder.verify(run).verdict());
    }

    @Test
    void aRerunReplacesTheWholeFolderSoNoStaleFigureOrReportRemains() throws Exception {
        Path run = dir.resolve("run");
        ScenarioRunner.run(tiny(1), run, 1, false, null, false);
        Files.createDirectories(run.resolve("figures"));
        Files.writeString(run.resolve("figures/accuracy.svg"), "<svg>an old run's figure</svg>");
        Files.writeString(run.resolve("report.html"), "an old run's report");
        ScenarioRunner.run(tiny(2), run, 1, false, null, false);
        assertFalse(Files.exists(run.resolve("figures")));
        assertFalse(Files.exists(run.resolve("report.html")));
        assertEquals(3, Files.readAllLines(run.resolve("rounds.csv")).size());
        assertEquals(ResultFolder.Verdict.INTACT, ResultFolder.verify(run).verdict());
        assertEquals(List.of(), siblings(run));
    }

    @Test
    void aFailedRerunLeavesTheOldCompleteRun() throws Exception {
        Path run = dir.resolve("run");
        ScenarioRunner.run(tiny(1), run, 1, false, null, false);
        byte[] before = Files.readAllBytes(run.resolve("rounds.csv"));
        // 2 training samples cannot be split among 3 clients: the run fails once it loads its data
        Scenario failing = tiny(1).with("train_samples", 2);
        assertThrows(IllegalArgumentException.class, () -> ScenarioRunner.run(failing, run, 1, false, null, false));
        assertArrayEquals(before, Files.readAllBytes(run.resolve("rounds.csv")));
        assertEquals(ResultFolder.Verdict.INTACT, ResultFolder.verify(run).verdict());
        assertEquals(List.of(), siblings(run));
    }

    @Test
    void aFolderHoldingOtherFilesIsNeverReplaced() throws Exception {
        Path mine = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(mine.resolve("thesis.tex"), "not a run");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScenarioRunner.run(tiny(1), mine, 1, false, null, false));
        assertTrue(e.getMessage().contains("is not a FedWAN result folder"), e.getMessage());
        assertEquals("not a run", Files.readString(mine.resolve("thesis.tex")));
        assertEquals(List.of(), siblings(mine));
    }

    /** A process that has finished, whose id names the leftovers of a killed writer. */
    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }

    @Test
    void aWriterKilledBetweenTheTwoRenamesIsRepairedOnTheNextWrite() throws Exception {
        Path run = dir.resolve("run");
        ScenarioRunner.run(tiny(1), run, 1, false, null, false);
        long pid = deadPid();
        // killed after renaming the old run aside, before renaming the complete new run in
        Path old = dir.resolve(".run.old-" + pid + "-1");
        Files.move(run, old);
        Path partial = dir.resolve(".run.partial-" + pid + "-1");
        ScenarioRunner.run(tiny(2), dir.resolve("new"), 1, false, null, false);
        Files.move(dir.resolve("new"), partial);
        FolderSwap.recover(run);
        assertEquals(3, Files.readAllLines(run.resolve("rounds.csv")).size(), "the complete new run is moved in");
        assertEquals(List.of(), siblings(run));
        // killed in the same place, but the new run was not complete (no manifest): the old run comes back
        Files.move(run, old);
        Files.createDirectories(partial);
        Files.writeString(partial.resolve("rounds.csv.part"), "round,");
        FolderSwap.recover(run);
        assertEquals(3, Files.readAllLines(run.resolve("rounds.csv")).size());
        assertFalse(Files.exists(partial));
        assertFalse(Files.exists(old));
        // and a leftover of a live process (a writer beside this one) is left alone
        Path live = dir.resolve(".run.partial-" + ProcessHandle.current().pid() + "-999");
        Files.createDirectories(live);
        FolderSwap.recover(run);
        assertTrue(Files.isDirectory(live));
    }

    @Test
    void trainOrTestSamplesBeyondTheDataSetAreAnErrorNotAClamp() throws Exception {
        Scenario mnist = tiny(1).with("dataset", "mnist").with("train_samples", 70_000).with("test_samples", 10_001);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScenarioRunner.run(mnist, dir.resolve("never"), 1, false, null, false));
        assertEquals("key 'train_samples' = 70000: larger than the mnist training set (60000 images); allowed: 0 (the "
                + "whole set) to 60000; key 'test_samples' = 10001: larger than the mnist test set (10000 images); allowed: "
                + "0 (the whole set) to 10000", e.getMessage());
        assertFalse(Files.exists(dir.resolve("never")));
        assertEquals(List.of(), DataSets.sampleCountProblems(mnist.with("train_samples", 60_000).with("test_samples", 0)));
    }

    @Test
    void aUserSuppliedSetSmallerThanAskedIsAnErrorWhenLoaded() throws Exception {
        Path cifar = Files.createDirectories(dir.resolve("cifar"));
        byte[] twoRecords = new byte[2 * 3073];
        for (String f : List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin",
                "data_batch_5.bin", "test_batch.bin")) {
            Files.write(cifar.resolve(f), twoRecords);
        }
        Scenario s = tiny(1).with(Map.of("dataset", "cifar10", "data_dir", cifar.toString(), "train_samples", 11,
                "test_samples", 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DataSets.load(s));
        assertEquals("key 'train_samples' = 11: larger than the cifar10 training set (10 images); allowed: 0 (the whole "
                + "set) to 10", e.getMessage());
        assertEquals(10, DataSets.load(s.with("train_samples", 10)).train().size());
    }

    @Test
    void aRerunKilledWithSigkillLeavesTheOldCompleteRun() throws Exception {
        Path run = dir.resolve("run");
        ScenarioRunner.run(tiny(1), run, 1, false, null, false);
        Map<String, byte[]> before = new TreeMap<>();
        for (String f : ResultFolder.recordedFiles()) {
            before.put(f, Files.readAllBytes(run.resolve(f)));
        }
        Path longer = dir.resolve("longer.yaml");
        Files.writeString(longer, "dataset: synthetic\ntrain_samples: 600\ntest_samples: 60\nclients: 3\nrounds: 500\n"
                + "batch_size: 20\nseed: 5\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "org.fedwan.scenarios.cli.FedwanCli", "run", longer.toString(), "--out", run.toString(), "--threads", "1",
                "--no-figures").redirectErrorStream(true).redirectOutput(dir.resolve("killed.log").toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        Process p = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (siblings(run).isEmpty() && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(1000);
        assertTrue(p.isAlive(), "the re-run ended before it could be killed; log: " + Files.readString(dir.resolve("killed.log")));
        p.destroyForcibly().waitFor();
        assertEquals(List.of(".run.partial-" + p.pid() + "-1"), siblings(run));
        for (Map.Entry<String, byte[]> e : before.entrySet()) {
            assertArrayEquals(e.getValue(), Files.readAllBytes(run.resolve(e.getKey())), e.getKey());
        }
        assertEquals(ResultFolder.Verdict.INTACT, ResultFolder.verify(run).verdict());
        // the next write clears what the killed process left
        ScenarioRunner.run(tiny(1), run, 1, false, null, false);
        assertEquals(List.of(), siblings(run));
    }
}
