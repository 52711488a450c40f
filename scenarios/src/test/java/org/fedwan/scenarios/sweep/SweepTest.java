package org.fedwan.scenarios.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.fedwan.channel.lorawan.DataRateName;
import org.fedwan.channel.lorawan.Region;
import org.fedwan.scenarios.ScenarioException;
import org.fedwan.results.Table;
import org.fedwan.results.TableWriter;
import org.fedwan.scenarios.run.DataSets;
import org.fedwan.scenarios.run.Execution;
import org.fedwan.scenarios.run.ResultFolder;
import org.fedwan.sim.config.Scenario;
import org.fedwan.sim.lorawan.LorawanSection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepTest {

    /** What a table's writer may still hold before it is closed: BufferedWriter's chars and its encoder's bytes. */
    private static final int BUFFERED = 2 * 8_192;

    @TempDir
    Path dir;

    private Path study;

    @BeforeEach
    void files() throws Exception {
        Files.writeString(dir.resolve("base.yaml"), "dataset: synthetic\ntrain_samples: 240\ntest_samples: 100\n"
                + "clients: 3\nrounds: 2\nbatch_size: 20\nseed: 3\ntarget_accuracy: 0.5\n");
        study = dir.resolve("study.yaml");
        Files.writeString(study, "scenario: base.yaml\nname: tiny-study\nset:\n  rounds: 2\n"
                + "grid:\n  uplink_codec: [fp32, int8]\n"
                + "zip:\n  data_rate: [5, 4]\n  downlink_data_rate: [5, 4]\n"
                + "replications: 2\n");
    }

    @Test
    void pointsAreZipTimesGridInOrderWithCommonRandomNumbers() throws Exception {
        SweepSpec s = SweepSpec.load(study, dir);
        assertEquals("tiny-study", s.name());
        assertEquals(List.of("data_rate", "downlink_data_rate", "uplink_codec"), s.parameters());
        assertEquals(4, s.points().size());
        assertEquals(8, s.runCount());
        assertEquals("5", s.points().get(0).values().get("data_rate"));
        assertEquals("fp32", s.points().get(0).values().get("uplink_codec"));
        assertEquals("int8", s.points().get(1).values().get("uplink_codec"));
        assertEquals("4", s.points().get(2).values().get("downlink_data_rate"));
        Scenario p1r1 = s.points().get(1).runs().get(1);
        Scenario p3r1 = s.points().get(3).runs().get(1);
        assertEquals(p1r1.run().seed(), p3r1.run().seed());
        assertEquals(1, p1r1.run().replication());
        assertEquals(1, p3r1.run().replication());
        assertEquals(4, p3r1.section(LorawanSection.class).dataRate());
    }

    @Test
    void sweepListsTakeDataRatesAsSpreadingFactors() throws Exception {
        Path sf = dir.resolve("sf.yaml");
        Files.writeString(sf, "scenario: base.yaml\ngrid:\n  data_rate: [SF12, sf9, SF7/250]\n");
        SweepSpec spec = SweepSpec.load(sf, dir);
        // lpwan-facts A2: EU868 SF12/125 = DR0, SF9/125 = DR3, SF7/250 = DR6
        assertEquals(List.of(0, 3, 6), spec.points().stream()
                .map(p -> p.runs().get(0).section(LorawanSection.class).dataRate()).toList());
        assertEquals("SF7/250", spec.points().get(2).values().get("data_rate"), "the point is named as written");
    }

    @Test
    void badSweepsReportEveryProblemWithFileAndLine() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "scenario: base.yaml\ngrid:\n  duty_cycle: 0.01\n  data_rate: [5, 9]\n"
                + "zip:\n  clients: [2, 3]\n  rounds: [1]\nreplicas: 2\n");
        List<String> p = assertThrows(ScenarioException.class, () -> SweepSpec.load(bad, dir)).problems();
        String w = bad.toString();
        assertTrue(p.contains(w + ":8: unknown sweep key 'replicas'; allowed: scenario, name, set, grid, zip, points, replications, labels"), p.toString());
        assertTrue(p.contains(w + ":3: grid 'duty_cycle' = 0.01: allowed: a non-empty list of values, e.g. [0.01, 0.001]"), p.toString());
        assertTrue(p.contains(w + ":7: zip list 'rounds' has 1 values: allowed: the same number as the other zip lists (2)"), p.toString());
        Path badValue = dir.resolve("bad-value.yaml");
        Files.writeString(badValue, "scenario: base.yaml\ngrid:\n  data_rate: [5, 9]\n");
        List<String> q = assertThrows(ScenarioException.class, () -> SweepSpec.load(badValue, dir)).problems();
        assertEquals(List.of(badValue + ":3: key 'data_rate' = 9: allowed: " + DataRateName.allowed(Region.EU868)), q);
    }

    @Test
    void tableIsByteIdenticalForAnyNumberOfWorkers() throws Exception {
        SweepSpec s = SweepSpec.load(study, dir);
        SweepRunner.Outcome one = SweepRunner.run(s, dir.resolve("w1"), new LocalEngine(1, 1), null);
        SweepRunner.Outcome two = SweepRunner.run(s, dir.resolve("w2"), new LocalEngine(2, 1), null);
        assertEquals(8, one.executed());
        assertArrayEquals(Files.readAllBytes(one.table()), Files.readAllBytes(two.table()));
        List<String> rows = Files.readAllLines(one.table());
        assertEquals(5, rows.size());
        assertTrue(rows.get(0).startsWith("point,data_rate,downlink_data_rate,uplink_codec,runs,target_reached,"
                + "final_accuracy_mean,final_accuracy_std,final_accuracy_ci95,"), rows.get(0));
        assertTrue(rows.get(1).startsWith("p0000,5,5,fp32,2,"), rows.get(1));
        // int8 updates are about a quarter of fp32: compare the uplink byte means of p0000 and p0001
        int col = List.of(rows.get(0).split(",")).indexOf("uplink_bytes_mean");
        double fp32 = Double.parseDouble(rows.get(1).split(",")[col]);
        double int8 = Double.parseDouble(rows.get(2).split(",")[col]);
        assertTrue(int8 < fp32 / 3.5 && int8 > fp32 / 4.5, fp32 + " vs " + int8);
        SweepRunner.Outcome again = SweepRunner.run(s, dir.resolve("w1"), new LocalEngine(2, 1), null);
        assertEquals(8, again.skipped());
        assertEquals(0, again.executed());
    }

    /**
     * The local engine streams a run's tables into its folder while the run executes (a worker's heap
     * does not hold them): when the run is handed back, every table is on disk in the work folder
     * but for what its writer and encoder buffer (8,192 chars and 8,192 bytes), and
     * the committed bytes are those of the same run held in memory.
     */
    @Test
    void theLocalEngineStreamsEachRunsTablesToItsFolder() throws Exception {
        List<Scenario> runs = SweepSpec.load(study, dir).points().get(0).runs();
        List<Map<String, String>> inMemory = new ArrayList<>();
        try (DataSets.Cache data = new DataSets.Cache()) {
            for (Scenario run : runs) {
                inMemory.add(Execution.execute(run, data, 1, null).tables());
            }
        }
        // a table larger than several buffers, or the check below could not fail
        assertTrue(inMemory.get(0).get("transmissions.csv").length() > 4 * BUFFERED, "" + inMemory.get(0).get("transmissions.csv").length());
        List<Path> committed = new ArrayList<>();
        SweepEngine.ResultSink sink = new SweepEngine.ResultSink() {
            @Override
            public ResultFolder.Streamed open(int index) throws IOException {
                return ResultFolder.Streamed.begin(dir.resolve("streamed").resolve("run" + index));
            }

            @Override
            public void written(int index, ResultFolder.Streamed folder, Map<String, Object> summary, Instant start,
                    Instant end) throws IOException {
                Path target = dir.resolve("streamed").resolve("run" + index);
                assertFalse(Files.exists(target), "committed only now");
                try (Stream<Path> work = Files.list(target.getParent())) {
                    Path w = work.filter(d -> d.getFileName().toString().startsWith(".run" + index + ".partial-")).findFirst()
                            .orElseThrow();
                    for (Table<?> t : TableWriter.TABLES) {
                        long expected = inMemory.get(index).get(t.file()).length();
                        long onDisk = Files.size(w.resolve(t.file() + ".part"));
                        assertTrue(onDisk >= expected - BUFFERED, t.file() + ": " + onDisk + " of " + expected + " bytes");
                    }
                }
                folder.commit(runs.get(index), summary, start, end, Map.of());
                committed.add(target);
            }
        };
        new LocalEngine(2, 1).execute(runs, sink);
        assertEquals(runs.size(), committed.size());
        for (int i = 0; i < runs.size(); i++) {
            Path run = dir.resolve("streamed").resolve("run" + i);
            for (Table<?> t : TableWriter.TABLES) {
                assertEquals(inMemory.get(i).get(t.file()), Files.readString(run.resolve(t.file()), StandardCharsets.UTF_8),
                        "run " + i + " " + t.file());
            }
            assertEquals(ResultFolder.Verdict.INTACT, ResultFolder.verify(run).verdict());
        }
    }

    @Test
    void aCrashedSweepResumesToTheSameTable() throws Exception {
        SweepSpec s = SweepSpec.load(study, dir);
        Path full = SweepRunner.run(s, dir.resolve("full"), new LocalEngine(1, 1), null).table();
        Path out = dir.resolve("crashed");
        SweepEngine crashing = new SweepEngine() {
            @Override
            public String describe() {
                return "crashing";
            }

            @Override
            public void execute(List<Scenario> runs, ResultSink sink) throws Exception {
                new LocalEngine(1, 1).execute(runs.subList(0, 3), sink);
                throw new IllegalStateException("simulated crash");
            }
        };
        assertThrows(IllegalStateException.class, () -> SweepRunner.run(s, out, crashing, null));
        // a half-written run folder, as a kill during a write leaves it
        Path partial = SweepRunner.runDir(out, s.points().get(3), 1);
        Files.createDirectories(partial);
        Files.writeString(partial.resolve("rounds.csv.part"), "round,sim");
        SweepRunner.Outcome resumed = SweepRunner.run(s, out, new LocalEngine(2, 1), null);
        assertEquals(3, resumed.skipped());
        assertEquals(5, resumed.executed());
        assertArrayEquals(Files.readAllBytes(full), Files.readAllBytes(resumed.table()));
        assertFalse(Files.exists(partial.resolve("rounds.csv.part")));
    }

    @Test
    void aKilledSweepProcessResumesToTheSameTable() throws Exception {
        SweepSpec s = SweepSpec.load(study, dir);
        Path full = SweepRunner.run(s, dir.resolve("full"), new LocalEngine(2, 1), null).table();
        Path out = dir.resolve("killed");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "org.fedwan.scenarios.cli.FedwanCli", "sweep", study.toString(), "--out", out.toString(), "--workers", "1")
                .redirectErrorStream(true).redirectOutput(dir.resolve("killed.log").toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        Process p = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (completeRuns(out) < 2 && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        p.destroyForcibly().waitFor();
        int before = completeRuns(out);
        assertTrue(before >= 2 && before < 8, "killed after " + before + " complete runs; log: "
                + Files.readString(dir.resolve("killed.log")));
        SweepRunner.Outcome resumed = SweepRunner.run(s, out, new LocalEngine(2, 1), null);
        assertEquals(before, resumed.skipped());
        assertArrayEquals(Files.readAllBytes(full), Files.readAllBytes(resumed.table()));
        // the killed process's half-written run folder (.rR.partial-PID-N) is gone; every run verifies
        for (SweepSpec.Point point : s.points()) {
            for (int r = 0; r < s.replications(); r++) {
                assertEquals(ResultFolder.Verdict.INTACT, ResultFolder.verify(SweepRunner.runDir(out, point, r)).verdict());
            }
            try (Stream<Path> left = Files.list(out.resolve("runs").resolve(point.id()))) {
                assertEquals(List.of(), left.map(d -> d.getFileName().toString()).filter(n -> n.startsWith(".")).toList());
            }
        }
    }

    @Test
    void aResumedSweepRedoesRunsWhoseTablesAreMissingOrAltered() throws Exception {
        SweepSpec s = SweepSpec.load(study, dir);
        Path out = dir.resolve("altered");
        byte[] table = Files.readAllBytes(SweepRunner.run(s, out, new LocalEngine(2, 1), null).table());
        Path rounds = SweepRunner.runDir(out, s.points().get(1), 0).resolve("rounds.csv");
        Files.writeString(rounds, Files.readString(rounds).replace("0.", "1."));
        Files.delete(SweepRunner.runDir(out, s.points().get(2), 1).resolve("energy.csv"));
        Path summary = SweepRunner.runDir(out, s.points().get(3), 0).resolve("summary.json");
        Files.writeString(summary, Files.readString(summary).replace("\"rounds\" : 2", "\"rounds\" : 3"));
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        SweepRunner.Outcome resumed = SweepRunner.run(s, out, new LocalEngine(2, 1),
                new PrintStream(console, true, StandardCharsets.UTF_8));
        assertEquals(5, resumed.skipped());
        assertEquals(3, resumed.executed());
        assertEquals(3, resumed.redone().size(), resumed.redone().toString());
        assertTrue(resumed.redone().get(0).startsWith("runs/p0001/r0: rounds.csv has SHA-256 "), resumed.redone().get(0));
        assertTrue(resumed.redone().get(1).startsWith("runs/p0002/r1: energy.csv is missing"), resumed.redone().get(1));
        assertTrue(resumed.redone().get(2).startsWith("runs/p0003/r0: summary.json has SHA-256 "), resumed.redone().get(2));
        String printed = console.toString(StandardCharsets.UTF_8);
        for (String line : resumed.redone()) {
            assertTrue(printed.contains("fedwan: redoing " + line + "\n"), printed);
        }
        assertArrayEquals(table, Files.readAllBytes(resumed.table()));
        assertEquals(8, SweepRunner.run(s, out, new LocalEngine(2, 1), null).skipped());

        Path manifest = SweepRunner.runDir(out, s.points().get(0), 0).resolve("manifest.json");
        Files.writeString(manifest, "{ \"tool\" : ");
        IllegalArgumentException damaged = assertThrows(IllegalArgumentException.class,
                () -> SweepRunner.run(s, out, new LocalEngine(2, 1), null));
        assertTrue(damaged.getMessage().startsWith(manifest + " is not valid JSON ("), damaged.getMessage());
        assertTrue(damaged.getMessage().endsWith("delete " + manifest.getParent() + " and resume the sweep to run it again"),
                damaged.getMessage());
    }

    @Test
    void samplesBeyondTheDataSetStopTheSweepBeforeAnyRun() throws Exception {
        Path big = dir.resolve("big.yaml");
        Files.writeString(big, "scenario: base.yaml\nset:\n  dataset: mnist\ngrid:\n  train_samples: [600, 60001]\n");
        SweepSpec s = SweepSpec.load(big, dir);
        Path out = dir.resolve("big");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SweepRunner.run(s, out, new LocalEngine(1, 1), null));
        assertEquals("p0001: key 'train_samples' = 60001: larger than the mnist training set (60000 images); allowed: 0 "
                + "(the whole set) to 60000", e.getMessage());
        assertFalse(Files.exists(out));
    }

    private static int completeRuns(Path out) throws Exception {
        Path runs = out.resolve("runs");
        if (!Files.isDirectory(runs)) {
            return 0;
        }
        List<Path> dirs = new ArrayList<>();
        try (Stream<Path> s = Files.walk(runs, 2)) {
            s.filter(d -> d.getFileName().toString().startsWith("r")).forEach(dirs::add);
        }
        return (int) dirs.stream().filter(ResultFolder::isComplete).count();
    }

    @Test
    void budgetRanksPointsWithinBudgetByTimeToTarget() throws Exception {
        SweepSpec s = SweepSpec.load(study, dir);
        Path out = dir.resolve("budget");
        SweepRunner.run(s, out, new LocalEngine(2, 1), null);
        List<Budget.Row> rows = timeToTarget(s, out, new Budget.Limits(0.5, null, null, null, null, null, null, null, null));
        assertEquals(4, rows.size());
        for (int i = 1; i < rows.size(); i++) {
            if (rows.get(i).feasible() && rows.get(i - 1).feasible()) {
                assertTrue(rows.get(i - 1).measures().timeToTargetS() <= rows.get(i).measures().timeToTargetS());
            }
        }
        List<Budget.Row> none = timeToTarget(s, out, new Budget.Limits(0.5, 1e-9, null, null, null, null, null, null, null));
        assertTrue(none.stream().noneMatch(Budget.Row::feasible));
        Budget.Limits limits = new Budget.Limits(0.5, null, null, null, null, null, null, null, null);
        String text = BudgetReport.text(Budget.rank(Budget.measure(s, out, 0.5), limits, Budget.Objective.TIME_TO_TARGET, null));
        assertTrue(text.startsWith("objective: time-to-target (least simulated time to the target accuracy); target accuracy "
                + "0.5; constraints: none\n"), text);
        assertEquals(7, text.lines().count(), text);
    }

    /** Every point ranked by time to target within {@code limits}, without groups. */
    private static List<Budget.Row> timeToTarget(SweepSpec s, Path out, Budget.Limits limits) throws IOException {
        return Budget.rank(Budget.measure(s, out, limits.targetAccuracy()), limits, Budget.Objective.TIME_TO_TARGET, null).rows();
    }
}
