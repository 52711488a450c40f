package org.fedwan.scenarios.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.fedwan.fl.data.FileDigests;
import org.fedwan.plots.Report;
import org.fedwan.plots.RunFigures;
import org.fedwan.plots.SweepFolder;
import org.fedwan.results.RoundsTable;
import org.fedwan.results.SweepColumns;
import org.fedwan.results.TableWriter;
import org.fedwan.sim.Scenarios;
import org.fedwan.sim.config.Scenario;

/**
 * A run's result folder: its tables ({@link TableWriter#TABLES}), {@code summary.json} and
 * {@code manifest.json} (the resolved scenario, its hash, seed, tool version, start and end time,
 * and the SHA-256 and size of every table and of {@code summary.json}). A folder is written whole
 * beside its final name and renamed in place when complete ({@link FolderSwap}), so a folder with a
 * manifest is a complete run, and {@link #verify} tells whether its tables are still the ones the
 * run wrote.
 */
public final class ResultFolder {

    public static final String MANIFEST = "manifest.json";
    public static final String TOOL_VERSION = "0.1.0";
    /** The summary file of a run. */
    public static final String SUMMARY = "summary.json";
    /** Key of the manifest's object of file name to {@code sha256} (hex) and {@code bytes}. */
    public static final String TABLES = "tables";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private ResultFolder() {
    }

    /** The files of a run whose digests the manifest records: every table, then {@code summary.json}. */
    public static List<String> recordedFiles() {
        List<String> files = new ArrayList<>();
        TableWriter.TABLES.forEach(t -> files.add(t.file()));
        files.add(SUMMARY);
        return files;
    }

    /** Whether {@code dir} holds a complete run. */
    public static boolean isComplete(Path dir) {
        return Files.isRegularFile(dir.resolve(MANIFEST));
    }

    /**
     * Whether a folder may be replaced by a new run: it is empty or holds nothing but what a run
     * writes (its tables and their {@code .part} files, the summary, the manifest, figures, report).
     */
    public static boolean isReplaceable(Path dir) {
        Set<String> known = new HashSet<>(recordedFiles());
        known.add(MANIFEST);
        known.add(RunFigures.FIGURES_DIR);
        known.add(Report.REPORT_FILE);
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString())
                    .allMatch(n -> known.contains(n) || n.endsWith(".part") && known.contains(n.substring(0, n.length() - 5)));
        } catch (IOException e) {
            return false;
        }
    }

    /** Writes a whole run held in memory into {@code dir}, replacing a run there only once the new one is complete. */
    public static void write(RunResult r, Path dir, Instant start, Instant end, Map<String, Object> extra) throws IOException {
        Streamed folder = Streamed.begin(dir);
        try {
            for (Map.Entry<String, String> t : r.tables().entrySet()) {
                folder.tables().get(t.getKey()).append(t.getValue());
            }
        } catch (IOException | RuntimeException e) {
            folder.abandon(e);
            throw e;
        }
        folder.commit(r.config(), r.summary(), start, end, extra);
    }

    /**
     * A run's result folder written while the run executes: {@link #begin} opens a work folder
     * beside {@code dir} ({@link FolderSwap}) with its tables streaming to files ({@link TableFiles});
     * {@link #commit} adds the summary and manifest and puts the folder in place of {@code dir} as a
     * whole, {@link #abandon} deletes it. The folder has the bytes {@link #write} gives the same run
     * held in memory; only the heap it needs no longer grows with the tables.
     */
    public static final class Streamed {
        private final Path dir;
        private final Path work;
        private final TableFiles tables;

        private Streamed(Path dir, Path work, TableFiles tables) {
            this.dir = dir;
            this.work = work;
            this.tables = tables;
        }

        /** Starts the folder of a run that will replace {@code dir} (checked as {@link #write} checks it). */
        public static Streamed begin(Path dir) throws IOException {
            Path work = FolderSwap.begin(dir, ResultFolder::isReplaceable);
            try {
                return new Streamed(dir, work, new TableFiles(work));
            } catch (IOException | RuntimeException e) {
                FolderSwap.abandon(work, e);
                throw e;
            }
        }

        /** @return an appendable per table file, for {@link Execution#executeStreaming} */
        public Map<String, ? extends Appendable> tables() {
            return tables.sinks();
        }

        /** The run is done: its tables are closed, the summary and manifest written, the folder put in place. */
        public void commit(Scenario config, Map<String, Object> summary, Instant start, Instant end,
                Map<String, Object> extra) throws IOException {
            try {
                tables.finish();
                writeSummary(work, summary);
                writeManifest(work, config, start, end, extra);
                FolderSwap.commit(work, dir);
            } catch (IOException | RuntimeException e) {
                abandon(e);
                throw e;
            }
        }

        /** The run failed: its files are closed and its work folder deleted; {@code dir} keeps what it held. */
        public void abandon(Throwable cause) {
            try {
                tables.close();
            } catch (IOException e) {
                cause.addSuppressed(e);
            }
            FolderSwap.abandon(work, cause);
        }
    }

    static void writeSummary(Path dir, Map<String, Object> summary) throws IOException {
        Map<String, Object> clean = new LinkedHashMap<>();
        summary.forEach((k, v) -> clean.put(k, v instanceof Double d && !Double.isFinite(d) ? null : v));
        writeAtomically(dir.resolve(SUMMARY), new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(clean) + "\n");
    }

    static void writeManifest(Path dir, Scenario c, Instant start, Instant end, Map<String, Object> extra)
            throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tool", "FedWAN");
        m.put("tool_version", TOOL_VERSION);
        m.put("scenario", resolved(c));
        m.put("scenario_sha256", hash(c));
        m.put("seed", c.run().seed());
        m.put("replication", c.run().replication());
        m.put("started", start.toString());
        m.put("finished", end.toString());
        m.putAll(extra);
        writeManifest(dir, m, recordedFiles());
    }

    /**
     * Writes {@code manifest.json}: {@code fields} and, under {@value #TABLES}, the SHA-256 and size
     * of each of {@code files} as they are in {@code dir} now.
     */
    public static void writeManifest(Path dir, Map<String, Object> fields, List<String> files) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>(fields);
        Map<String, Object> tables = new LinkedHashMap<>();
        for (String f : files) {
            tables.put(f, Map.of("sha256", FileDigests.sha256(dir.resolve(f)), "bytes", Files.size(dir.resolve(f))));
        }
        m.put(TABLES, tables);
        writeAtomically(dir.resolve(MANIFEST), JSON.writeValueAsString(m) + "\n");
    }

    /** What {@link #verify} found. */
    public enum Verdict {
        /** Every recorded file is there, with its recorded size and SHA-256. */
        INTACT,
        /** The manifest records no digests (written before FedWAN recorded them): the tables cannot be checked. */
        UNVERIFIABLE,
        /** No manifest, an unreadable one, or a recorded file missing or altered. */
        BROKEN
    }

    /**
     * The outcome of a check of a folder against its manifest.
     *
     * @param verdict the outcome
     * @param reason  one line naming the file and what differs; empty when intact
     */
    public record Verification(Verdict verdict, String reason) {
    }

    /**
     * Checks a run folder, or a sweep folder and each of its runs, before its tables are read again
     * ({@code fedwan plot}).
     *
     * @param dir a run folder (it holds {@code rounds.csv}) or a sweep folder ({@code sweep.csv}, runs under {@code runs/})
     * @return warnings, one line each: folders whose manifest records no digests (read anyway)
     * @throws IllegalArgumentException naming the folder, the file and what differs, for a folder
     *                                  without a manifest or with a recorded file missing or altered
     */
    public static List<String> checkBeforeReading(Path dir) throws IOException {
        List<String> warnings = new ArrayList<>();
        boolean sweep = !Files.isRegularFile(dir.resolve(RoundsTable.TABLE.file()))
                && Files.isRegularFile(dir.resolve(SweepColumns.FILE));
        List<Path> folders = new ArrayList<>();
        folders.add(dir);
        if (sweep && Files.isDirectory(dir.resolve(SweepFolder.RUNS_DIR))) {
            try (Stream<Path> s = Files.walk(dir.resolve(SweepFolder.RUNS_DIR), 2)) {
                s.filter(p -> p.getNameCount() == dir.resolve(SweepFolder.RUNS_DIR).getNameCount() + 2 && Files.isDirectory(p)
                        && !p.getFileName().toString().startsWith(".")).sorted().forEach(folders::add);
            }
        }
        for (Path f : folders) {
            Verification v = f.equals(dir) && sweep ? verify(f, List.of(SweepColumns.FILE)) : verify(f);
            String where = f.equals(dir) ? f.toString() : dir.relativize(f).toString();
            if (v.verdict() == Verdict.BROKEN) {
                throw new IllegalArgumentException(where + ": " + v.reason() + "; only the tables "
                        + (sweep ? "a sweep" : "a run") + " wrote are drawn: run " + (sweep ? "the sweep again (it redoes "
                        + "what is missing or altered)" : "it again"));
            }
            if (v.verdict() == Verdict.UNVERIFIABLE) {
                warnings.add(where + ": " + v.reason());
            }
        }
        return warnings;
    }

    /** Checks that {@code dir} has a manifest and every file it records, with the recorded size and SHA-256. */
    public static Verification verify(Path dir) throws IOException {
        return verify(dir, recordedFiles());
    }

    /**
     * As {@link #verify(Path)}, for a folder whose manifest must record {@code required} (a run's
     * tables and summary, or a sweep's {@code sweep.csv}).
     */
    public static Verification verify(Path dir, List<String> required) throws IOException {
        Path manifest = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            return new Verification(Verdict.BROKEN, "no " + MANIFEST + " (the folder was not written to the end, "
                    + "or not by FedWAN)");
        }
        JsonNode m;
        try {
            m = JSON.readTree(manifest.toFile());
        } catch (JsonProcessingException e) {
            return new Verification(Verdict.BROKEN, MANIFEST + " is not valid JSON: " + e.getOriginalMessage());
        }
        if (!m.isObject()) {
            return new Verification(Verdict.BROKEN, MANIFEST + " is not a JSON object");
        }
        JsonNode tables = m.path(TABLES);
        if (!tables.isObject()) {
            return new Verification(Verdict.UNVERIFIABLE, MANIFEST + " records no table digests (written before FedWAN "
                    + "recorded them), so the tables cannot be checked");
        }
        for (String f : required) {
            if (!tables.has(f)) {
                return new Verification(Verdict.BROKEN, MANIFEST + " records no digest of " + f);
            }
        }
        for (Map.Entry<String, JsonNode> e : tables.properties()) {
            String f = e.getKey();
            String sha = e.getValue().path("sha256").asText();
            long bytes = e.getValue().path("bytes").asLong(-1);
            Path file = dir.resolve(f);
            if (!Files.isRegularFile(file)) {
                return new Verification(Verdict.BROKEN, f + " is missing (" + MANIFEST + " records " + bytes + " bytes)");
            }
            long size = Files.size(file);
            if (size != bytes) {
                return new Verification(Verdict.BROKEN, f + " has " + size + " bytes, " + MANIFEST + " records " + bytes);
            }
            String actual = FileDigests.sha256(file);
            if (!actual.equals(sha)) {
                return new Verification(Verdict.BROKEN, f + " has SHA-256 " + actual + ", " + MANIFEST + " records " + sha);
            }
        }
        return new Verification(Verdict.INTACT, "");
    }

    /** The resolved scenario as key -> value, with the scenario file's key names. */
    public static Map<String, Object> resolved(Scenario c) {
        return c.resolved();
    }

    /**
     * The inverse of {@link #resolved}: a scenario from its resolved key -> value map, read through
     * the scenario schema (so a key is defined in one place only).
     */
    public static Scenario fromResolved(Map<String, ?> m) {
        return Scenarios.build(m, null);
    }

    /** SHA-256 of the resolved scenario without its data folder (which differs between machines). */
    public static String hash(Scenario c) {
        Map<String, Object> m = new LinkedHashMap<>(resolved(c));
        m.remove("data_dir");
        Path trace = c.policy().availabilityTrace();
        if (trace != null) {
            // the trace's content, not where it is kept on this machine
            try {
                m.put("availability_trace", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(Files.readAllBytes(trace))));
            } catch (IOException | NoSuchAlgorithmException e) {
                throw new IllegalStateException("cannot read the availability trace " + trace, e);
            }
        }
        try {
            byte[] text = JSON.writeValueAsString(m).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash the scenario", e);
        }
    }

    /** Writes {@code text} to {@code file.part}, then renames it to {@code file}. */
    public static void writeAtomically(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
