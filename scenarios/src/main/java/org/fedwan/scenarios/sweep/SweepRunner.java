package org.fedwan.scenarios.sweep;

import org.fedwan.results.ConsoleNumbers;
import org.fedwan.results.Summary;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.fedwan.plots.FigureOptions;
import org.fedwan.plots.Report;
import org.fedwan.plots.RunFigures;
import org.fedwan.plots.SweepFigures;
import org.fedwan.results.SweepColumns;
import org.fedwan.results.SweepRoundsColumns;
import org.fedwan.scenarios.run.DataSets;
import org.fedwan.scenarios.run.FolderSwap;
import org.fedwan.scenarios.run.ResultFolder;
import org.fedwan.sim.config.Scenario;

/**
 * Drives a sweep: skips runs whose folder is complete (it has a manifest) and whose tables are the
 * ones its manifest records, redoes the others (incomplete, missing or altered tables), writes each
 * finished run as it arrives (each run folder appears whole, see {@link FolderSwap}), then writes
 * {@code labels.json} (the study's names for figures), {@code sweep.csv}, {@code sweep-rounds.csv}, the figures, the report
 * and, last, the sweep's {@code manifest.json}. A sweep
 * killed at any moment therefore resumes without losing or duplicating rows.
 */
public final class SweepRunner {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SweepRunner() {
    }

    /**
     * What a sweep did.
     *
     * @param runs     runs of the sweep
     * @param skipped  runs already complete and intact
     * @param executed runs executed now
     * @param table    {@code sweep.csv}
     * @param redone   runs found complete but redone, each as {@code runs/pNNNN/rR: reason}
     */
    public record Outcome(int runs, int skipped, int executed, Path table, List<String> redone) {
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
        return run(spec, outDir, engine, progress, figures ? FigureOptions.DEFAULT : null);
    }

    /**
     * As {@link #run(SweepSpec, Path, SweepEngine, PrintStream)}; with {@code figures} not {@code null}, also the
     * sweep figures and report.html, drawn with those options (width, titles).
     */
    public static Outcome run(SweepSpec spec, Path outDir, SweepEngine engine, PrintStream progress, FigureOptions figures)
            throws Exception {
        List<String> tooMany = new ArrayList<>();
        for (SweepSpec.Point p : spec.points()) {
            DataSets.sampleCountProblems(p.runs().get(0)).forEach(problem -> tooMany.add(p.id() + ": " + problem));
        }
        if (!tooMany.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", tooMany));
        }
        Files.createDirectories(outDir);
        List<Scenario> todo = new ArrayList<>();
        List<Path> todoDirs = new ArrayList<>();
        List<String> redone = new ArrayList<>();
        int skipped = 0;
        for (SweepSpec.Point p : spec.points()) {
            for (int r = 0; r < spec.replications(); r++) {
                Path dir = runDir(outDir, p, r);
                Scenario c = p.runs().get(r);
                FolderSwap.recover(dir);
                if (ResultFolder.isComplete(dir)) {
                    checkSameScenario(dir, c);
                    ResultFolder.Verification v = ResultFolder.verify(dir);
                    if (v.verdict() == ResultFolder.Verdict.INTACT) {
                        skipped++;
                        continue;
                    }
                    String line = outDir.relativize(dir) + ": " + v.reason();
                    redone.add(line);
                    if (progress != null) {
                        progress.println("fedwan: redoing " + line);
                    }
                } else {
                    deleteTree(dir);
                }
                todo.add(c);
                todoDirs.add(dir);
            }
        }
        int total = spec.runCount();
        int alreadyDone = skipped;
        long startNanos = System.nanoTime();
        int[] done = {0};
        if (progress != null) {
            progress.println("fedwan: sweep " + spec.name() + ": " + ConsoleNumbers.count(spec.points().size(), "point", "points")
                    + " x " + ConsoleNumbers.count(spec.replications(), "replication", "replications") + " = "
                    + ConsoleNumbers.count(total, "run", "runs") + ", " + ConsoleNumbers.grouped(skipped) + " already complete, on "
                    + engine.describe());
        }
        engine.execute(todo, new SweepEngine.ResultSink() {
            @Override
            public ResultFolder.Streamed open(int index) throws IOException {
                return ResultFolder.Streamed.begin(todoDirs.get(index));
            }

            @Override
            public void written(int index, ResultFolder.Streamed folder, Map<String, Object> summary, Instant start,
                    Instant end) throws IOException {
                folder.commit(todo.get(index), summary, start, end, Map.of());
                finished(index, summary);
            }

            /** The progress line of a run just written. */
            private void finished(int index, Map<String, Object> summary) {
                done[0]++;
                if (progress != null) {
                    double wallS = (System.nanoTime() - startNanos) / 1e9;
                    double eta = wallS / done[0] * (todo.size() - done[0]);
                    int finished = alreadyDone + done[0];
                    int filled = total == 0 ? 24 : 24 * finished / total;
                    progress.printf(Locale.ROOT, "[%s%s] %s/%s runs  wall %s  ETA %s  %s: %s%n", "#".repeat(filled),
                            ".".repeat(24 - filled), ConsoleNumbers.grouped(finished), ConsoleNumbers.grouped(total),
                            ConsoleNumbers.quantity(wallS, 0, "s"), ConsoleNumbers.quantity(eta, 0, "s"),
                            outDir.relativize(todoDirs.get(index)), Summary.lostUpdates(summary));
                }
            }
        });
        Path table = writeOutputs(spec, outDir, figures);
        return new Outcome(total, skipped, todo.size(), table, redone);
    }

    /**
     * Writes what the sweep folder holds besides its runs. When {@code sweep.csv} would change, or
     * figures are asked for, it first removes the sweep's manifest, figures and report (so none of
     * them outlives the table it was made from), then writes {@code sweep.csv}, the figures and
     * {@code report.html} if asked, and last {@code manifest.json} with the SHA-256 of
     * {@code sweep.csv}. An unchanged, intact table without figures asked for is left as it is,
     * with its figures and report.
     */
    static Path writeOutputs(SweepSpec spec, Path outDir, boolean figures) throws IOException {
        return writeOutputs(spec, outDir, figures ? FigureOptions.DEFAULT : null);
    }

    /** As {@link #writeOutputs(SweepSpec, Path, boolean)}, the figures drawn with {@code figures}, none if {@code null}. */
    static Path writeOutputs(SweepSpec spec, Path outDir, FigureOptions figures) throws IOException {
        // the study's names for figures: kept even when nothing else is rewritten, so that plot uses the current ones
        spec.labels().write(outDir);
        byte[] text = renderTable(spec, outDir).getBytes(StandardCharsets.UTF_8);
        Path table = outDir.resolve(SweepColumns.FILE);
        boolean unchanged = Files.isRegularFile(table) && Arrays.equals(text, Files.readAllBytes(table))
                && ResultFolder.verify(outDir, List.of(SweepColumns.FILE)).verdict() == ResultFolder.Verdict.INTACT;
        if (unchanged && figures == null) {
            return table;
        }
        Files.deleteIfExists(outDir.resolve(ResultFolder.MANIFEST));
        Files.deleteIfExists(outDir.resolve(Report.REPORT_FILE));
        deleteTree(outDir.resolve(RunFigures.FIGURES_DIR));
        writeAtomically(table, text);
        SweepRoundsTable.write(spec, outDir);
        if (figures != null) {
            SweepFigures.writeAll(outDir, Set.copyOf(SweepFigures.figureNames()), RunFigures.DEFAULT_FORMATS, figures);
            Report.writeSweep(outDir, figures.titles());
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("tool", "FedWAN");
        fields.put("tool_version", ResultFolder.TOOL_VERSION);
        fields.put("sweep", spec.name());
        fields.put("points", spec.points().size());
        fields.put("replications", spec.replications());
        ResultFolder.writeManifest(outDir, fields, List.of(SweepColumns.FILE, SweepRoundsColumns.FILE));
        return table;
    }

    /** Reads every complete run's summary and writes {@code sweep.csv} atomically, then {@code sweep-rounds.csv}. */
    public static Path writeTable(SweepSpec spec, Path outDir) throws IOException {
        Path table = outDir.resolve(SweepColumns.FILE);
        writeAtomically(table, renderTable(spec, outDir).getBytes(StandardCharsets.UTF_8));
        SweepRoundsTable.write(spec, outDir);
        return table;
    }

    /** The text of {@code sweep.csv} from every complete run's summary. */
    private static String renderTable(SweepSpec spec, Path outDir) throws IOException {
        List<List<Map<String, Object>>> summaries = new ArrayList<>();
        for (SweepSpec.Point p : spec.points()) {
            List<Map<String, Object>> runs = new ArrayList<>();
            for (int r = 0; r < spec.replications(); r++) {
                Path dir = runDir(outDir, p, r);
                if (ResultFolder.isComplete(dir)) {
                    runs.add(readJson(dir.resolve(ResultFolder.SUMMARY)));
                }
            }
            summaries.add(runs);
        }
        return SweepTable.render(spec, summaries);
    }

    /** A JSON object of a run folder; a damaged file is named, with what to do. */
    private static Map<String, Object> readJson(Path file) throws IOException {
        try {
            return JSON.readValue(file.toFile(), new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + " is not valid JSON (" + e.getOriginalMessage()
                    + "): the run folder is damaged; delete " + file.getParent() + " and resume the sweep to run it again", e);
        }
    }

    private static void writeAtomically(Path file, byte[] content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        Files.write(tmp, content);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void checkSameScenario(Path dir, Scenario c) throws IOException {
        Map<String, Object> manifest = readJson(dir.resolve(ResultFolder.MANIFEST));
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
