package org.fedwan.scenarios.run;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fedwan.sim.Scenarios;
import org.fedwan.sim.config.Scenario;

/**
 * A run's result folder: its tables ({@link org.fedwan.results.TableWriter#TABLES}), {@code summary.json} and,
 * written last, {@code manifest.json} (the resolved scenario, its hash, seed, tool version, start
 * and end time). Every file is written under a temporary name and renamed when complete, so a
 * folder with a manifest is a complete run and a folder without one is not.
 */
public final class ResultFolder {

    public static final String MANIFEST = "manifest.json";
    public static final String TOOL_VERSION = "0.1.0";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private ResultFolder() {
    }

    /** Whether {@code dir} holds a complete run. */
    public static boolean isComplete(Path dir) {
        return Files.isRegularFile(dir.resolve(MANIFEST));
    }

    /** Writes a whole run held in memory. */
    public static void write(RunResult r, Path dir, Instant start, Instant end, Map<String, Object> extra) throws IOException {
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve(MANIFEST));
        for (Map.Entry<String, String> t : r.tables().entrySet()) {
            writeAtomically(dir.resolve(t.getKey()), t.getValue());
        }
        writeSummary(dir, r.summary());
        writeManifest(dir, r.config(), start, end, extra);
    }

    static void writeSummary(Path dir, Map<String, Object> summary) throws IOException {
        Map<String, Object> clean = new LinkedHashMap<>();
        summary.forEach((k, v) -> clean.put(k, v instanceof Double d && !Double.isFinite(d) ? null : v));
        writeAtomically(dir.resolve("summary.json"), new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
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
        writeAtomically(dir.resolve(MANIFEST), JSON.writeValueAsString(m) + "\n");
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
