package org.fedwan.plots;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the figures read from one run's results folder: {@code rounds.csv} (required) and,
 * when present, {@code transmissions.csv}, {@code clients.csv}, {@code devices.csv},
 * {@code summary.json} and the resolved scenario of {@code manifest.json}.
 *
 * <p>Older folders lack some files or columns; figures that need them are skipped (see
 * {@link Figures}), nothing fails for their absence.
 *
 * @param dir the results folder
 * @param rounds {@code rounds.csv}
 * @param transmissions {@code transmissions.csv}, if present
 * @param clients {@code clients.csv}, if present
 * @param devices {@code devices.csv}, if present
 * @param summary the flat object of {@code summary.json}; empty if absent
 * @param scenario the {@code scenario} object of {@code manifest.json}; empty if absent
 */
public record RunFolder(Path dir, ResultTable rounds, Optional<ResultTable> transmissions,
                        Optional<ResultTable> clients, Optional<ResultTable> devices,
                        Map<String, Object> summary, Map<String, Object> scenario) {

    /** File name of the per-client table. */
    public static final String CLIENTS_FILE = "clients.csv";
    /** File name of the per-device table. */
    public static final String DEVICES_FILE = "devices.csv";
    /** File name of the run summary. */
    public static final String SUMMARY_FILE = "summary.json";
    /** File name of the manifest holding the resolved scenario. */
    public static final String MANIFEST_FILE = "manifest.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Copies the maps; {@code null} optionals are not allowed. */
    public RunFolder {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(rounds, "rounds");
        Objects.requireNonNull(transmissions, "transmissions");
        Objects.requireNonNull(clients, "clients");
        Objects.requireNonNull(devices, "devices");
        summary = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(summary));
        scenario = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(scenario));
    }

    /**
     * @param dir a results folder
     * @return whether it holds a run ({@code rounds.csv})
     */
    public static boolean isRun(Path dir) {
        return Files.isRegularFile(dir.resolve(RunTables.ROUNDS_FILE));
    }

    /**
     * Reads a results folder.
     *
     * @param dir the folder
     * @return its tables
     * @throws IllegalArgumentException if {@code rounds.csv} is missing or a file is malformed
     */
    public static RunFolder read(Path dir) {
        ResultTable rounds = ResultTable.readIfPresent(dir.resolve(RunTables.ROUNDS_FILE))
                .orElseThrow(() -> new IllegalArgumentException("missing result table "
                        + dir.resolve(RunTables.ROUNDS_FILE)));
        Map<String, Object> scenario = scenarioOf(dir);
        return new RunFolder(dir, rounds,
                ResultTable.readIfPresent(dir.resolve(RunTables.TRANSMISSIONS_FILE)),
                ResultTable.readIfPresent(dir.resolve(CLIENTS_FILE)),
                ResultTable.readIfPresent(dir.resolve(DEVICES_FILE)),
                readJson(dir.resolve(SUMMARY_FILE)), scenario);
    }

    /**
     * Reads only {@code rounds.csv}, {@code summary.json} and the manifest, for figures that compare
     * runs by their rounds (the large per-frame tables are left unread).
     *
     * @param dir the folder
     * @return its rounds, summary and scenario; the other tables empty
     * @throws IllegalArgumentException if {@code rounds.csv} is missing or a file is malformed
     */
    public static RunFolder readRounds(Path dir) {
        RunFolder full = new RunFolder(dir, ResultTable.readIfPresent(dir.resolve(RunTables.ROUNDS_FILE))
                .orElseThrow(() -> new IllegalArgumentException("missing result table "
                        + dir.resolve(RunTables.ROUNDS_FILE))), Optional.empty(), Optional.empty(),
                Optional.empty(), readJson(dir.resolve(SUMMARY_FILE)), scenarioOf(dir));
        return full;
    }

    private static Map<String, Object> scenarioOf(Path dir) {
        Map<String, Object> scenario = new LinkedHashMap<>();
        if (readJson(dir.resolve(MANIFEST_FILE)).get("scenario") instanceof Map<?, ?> map) {
            map.forEach((k, v) -> scenario.put(String.valueOf(k), v));
        }
        return scenario;
    }

    /**
     * Reads a flat JSON object.
     *
     * @param file the JSON file
     * @return its members in file order, or an empty map if there is no such file
     * @throws IllegalArgumentException if the file is not a JSON object
     */
    static Map<String, Object> readJson(Path file) {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            return JSON.readValue(file.toFile(), new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IllegalArgumentException(file + ": not a JSON object: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * The name of the run's compression method for legends: {@code uplink_codec} of the summary
     * (or scenario) with its {@code uplink_options}, e.g. {@code int8} or {@code xfl codec=int4}.
     *
     * @return the method, or {@code this run} when neither file names it
     */
    public String method() {
        Object codec = summary.getOrDefault("uplink_codec", scenario.get("uplink_codec"));
        if (codec == null) {
            return "this run";
        }
        Object options = summary.getOrDefault("uplink_options", scenario.get("uplink_options"));
        String text = String.valueOf(codec);
        return options == null || String.valueOf(options).isBlank() ? text : text + " " + options;
    }

    /**
     * A number from the resolved scenario.
     *
     * @param key scenario key, e.g. {@code battery_capacity_j}
     * @return its value, or empty if the manifest is absent or the value is not a number
     */
    public Optional<Double> scenarioNumber(String key) {
        return scenario.get(key) instanceof Number n ? Optional.of(n.doubleValue()) : Optional.empty();
    }

    /**
     * The simulated end of the run: the last round's end, or the last frame's end if later.
     *
     * @return seconds of simulated time, 0 for an empty run
     */
    public double runEndS() {
        double endS = 0;
        for (int i = 0; i < rounds.size(); i++) {
            endS = Math.max(endS, rounds.number(i, "sim_time_s"));
        }
        if (transmissions.isPresent() && transmissions.get().has("end_s")) {
            ResultTable t = transmissions.get();
            for (int i = 0; i < t.size(); i++) {
                endS = Math.max(endS, t.number(i, "end_s"));
            }
        }
        return endS;
    }
}
