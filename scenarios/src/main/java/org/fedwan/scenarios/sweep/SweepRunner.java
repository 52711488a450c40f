package org.fedwan.scenarios.sweep;

import org.fedwan.results.Summary;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.fedwan.scenarios.run.ResultFolder;
import org.fedwan.sim.config.Scenario;
import org.fedwan.plots.Report;
import org.fedwan.plots.SweepFigures;

/**
 * Drives a sweep: skips runs whose folder is complete (it has a manifest), clears and re-runs
 * incomplete ones, writes each finished run as it arrives, then writes {@code sweep.csv} and
 * {@code sweep-rounds.csv}. A sweep
 * killed at any moment therefore resumes without losing or duplicating rows.
 */
public final class SweepRunner {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SweepRunner() {
    }

    /** What a sweep did. */
    public record Outcome(int runs, int skipped, int executed, Path table) {
    }

    /** Folder of replication {@code r} of {@code point}. */
    public static Path runDir(Path outDir, SweepSpec.Point point, int r) {
        return outDir.resolve("runs").resolve(point.id()).resolve("r" + r);
    }

    public static Outcome run(SweepSpec spec, Path outDir, SweepEngine engine, PrintStream progress) throws Exception {
        return run(spec, outDir, engine, progress, false);
    }

    /** As {@link #run(SweepSpec, Path, SweepEngine, PrintStream)}; with {@code figures}, also the sweep figures and report.html. */
    public static Outcome run(SweepSpec spec, Path outDir, SweepEngine engine, PrintStream progress, boolean figures)
            throws Exception {
        Files.createDirectories(outDir);
        List<Scenario> todo = new ArrayList<>();
        List<Path> todoDirs = new ArrayList<>();
        int skipped = 0;
        for (SweepSpec.Point p : spec.points()) {
            for (int r = 0; r < spec.replications(); r++) {
                Path dir = runDir(outDir, p, r);
                Scenario c = p.runs().get(r);
                if (ResultFolder.isComplete(dir)) {
                    checkSameScenario(dir, c);
                    skipped++;
                } else {
                    deleteTree(dir);
                    todo.add(c);
                    todoDirs.add(dir);
                }
            }
        }
        int total = spec.runCount();
        int alreadyDone = skipped;
        long startNanos = System.nanoTime();
        int[] done = {0};
        if (progress != null) {
            progress.printf(Locale.ROOT, "fedwan: sweep %s: %d points x %d replications = %d runs, %d already complete, on %s%n",
                    spec.name(), spec.points().size(), spec.replications(), total, skipped, engine.describe());
        }
        engine.execute(todo, (index, result, start, end) -> {
            ResultFolder.write(result, todoDirs.get(index), start, end, Map.of());
            done[0]++;
            if (progress != null) {
                double wallS = (System.nanoTime() - startNanos) / 1e9;
                double eta = wallS / done[0] * (todo.size() - done[0]);
                int finished = alreadyDone + done[0];
                int filled = total == 0 ? 24 : 24 * finished / total;
                progress.printf(Locale.ROOT, "[%s%s] %d/%d runs  wall %.0f s  ETA %.0f s  %s: %s%n", "#".repeat(filled),
                        ".".repeat(24 - filled), finished, total, wallS, eta, outDir.relativize(todoDirs.get(index)),
                        Summary.lostUpdates(result.summary()));
            }
        });
        Path table = writeTable(spec, outDir);
        if (figures) {
            SweepFigures.writeAll(outDir);
            Report.writeSweep(outDir);
        }
        return new Outcome(total, skipped, todo.size(), table);
    }

    /** Reads every complete run's summary and writes {@code sweep.csv} atomically, then {@code sweep-rounds.csv}. */
    public static Path writeTable(SweepSpec spec, Path outDir) throws IOException {
        List<List<Map<String, Object>>> summaries = new ArrayList<>();
        for (SweepSpec.Point p : spec.points()) {
            List<Map<String, Object>> runs = new ArrayList<>();
            for (int r = 0; r < spec.replications(); r++) {
                Path dir = runDir(outDir, p, r);
                if (ResultFolder.isComplete(dir)) {
                    runs.add(JSON.readValue(dir.resolve("summary.json").toFile(), new TypeReference<Map<String, Object>>() { }));
                }
            }
            summaries.add(runs);
        }
        Path table = outDir.resolve("sweep.csv");
        Path tmp = outDir.resolve("sweep.csv.part");
        Files.writeString(tmp, SweepTable.render(spec, summaries));
        Files.move(tmp, table, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        SweepRoundsTable.write(spec, outDir);
        return table;
    }

    private static void checkSameScenario(Path dir, Scenario c) throws IOException {
        Map<String, Object> manifest = JSON.readValue(dir.resolve(ResultFolder.MANIFEST).toFile(),
                new TypeReference<Map<String, Object>>() { });
        String expected = ResultFolder.hash(c);
        if (!expected.equals(manifest.get("scenario_sha256"))) {
            throw new IllegalArgumentException(dir + " holds a run of a different scenario, or one written by another "
                    + "FedWAN version (tool " + manifest.get("tool_version") + ", scenario sha256 "
                    + manifest.get("scenario_sha256") + "; this sweep needs " + expected + " from FedWAN "
                    + ResultFolder.TOOL_VERSION + "): results of different scenarios are never mixed; use another --out "
                    + "folder or delete that one");
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
