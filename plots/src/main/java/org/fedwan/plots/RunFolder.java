package org.fedwan.plots;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.fedwan.results.ClientsTable;
import org.fedwan.results.DevicesTable;
import org.fedwan.results.EnergyTable;
import org.fedwan.results.ResultTable;
import org.fedwan.results.RoundsTable;
import org.fedwan.results.Summary;
import org.fedwan.results.TransmissionsTable;

/**
 * Everything the figures read from one run's results folder: {@code rounds.csv} (required) and,
 * when present, {@code transmissions.csv}, {@code energy.csv}, {@code clients.csv},
 * {@code devices.csv}, {@code summary.json} and the resolved scenario of {@code manifest.json}.
 * File names, columns and summary keys are the results schema's ({@link org.fedwan.results.TableWriter#TABLES}
 * is the list of tables, {@link Summary} the keys).
 *
 * <p>Older folders lack some files or columns; figures that need them are skipped (see
 * {@link Figures}), nothing fails for their absence.
 *
 * @param dir the results folder
 * @param rounds {@code rounds.csv}
 * @param transmissions {@code transmissions.csv}, if present
 * @param energy {@code energy.csv}, if present (folders written before it existed lack it)
 * @param clients {@code clients.csv}, if present
 * @param devices {@code devices.csv}, if present
 * @param summary the flat object of {@code summary.json}; empty if absent
 * @param scenario the {@code scenario} object of {@code manifest.json}; empty if absent
 */
public record RunFolder(Path dir, ResultTable rounds, Optional<ResultTable> transmissions,
                        Optional<ResultTable> energy, Optional<ResultTable> clients, Optional<ResultTable> devices,
                        Map<String, Object> summary, Map<String, Object> scenario) {

    /** File name of the manifest holding the resolved scenario (written by the runner, outside the results schema). */
    public static final String MANIFEST_FILE = "manifest.json";
    /** Key of the resolved scenario object in {@value #MANIFEST_FILE}. */
    static final String MANIFEST_SCENARIO = "scenario";
    /** Scenario key of the battery per device, J (0: unlimited). */
    static final String BATTERY_CAPACITY_J = "battery_capacity_j";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Copies the maps; {@code null} optionals are not allowed. */
    public RunFolder {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(rounds, "rounds");
        Objects.requireNonNull(transmissions, "transmissions");
        Objects.requireNonNull(energy, "energy");
        Objects.requireNonNull(clients, "clients");
        Objects.requireNonNull(devices, "devices");
        summary = Collections.unmodifiableMap(new LinkedHashMap<>(summary));
        scenario = Collections.unmodifiableMap(new LinkedHashMap<>(scenario));
    }

    /**
     * @param dir a results folder
     * @return whether it holds a run ({@code rounds.csv})
     */
    public static boolean isRun(Path dir) {
        return Files.isRegularFile(dir.resolve(RoundsTable.TABLE.file()));
    }

    /**
     * Reads a results folder.
     *
     * @param dir the folder
     * @return its tables
     * @throws IllegalArgumentException if {@code rounds.csv} is missing or a file is malformed
     */
    public static RunFolder read(Path dir) {
        return new RunFolder(dir, ResultTable.read(dir, RoundsTable.TABLE),
                ResultTable.readIfPresent(dir, TransmissionsTable.TABLE),
                ResultTable.readIfPresent(dir, EnergyTable.TABLE),
                ResultTable.readIfPresent(dir, ClientsTable.TABLE),
                ResultTable.readIfPresent(dir, DevicesTable.TABLE),
                readJson(dir.resolve(Summary.FILE)), scenarioOf(dir));
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
        return new RunFolder(dir, ResultTable.read(dir, RoundsTable.TABLE), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), readJson(dir.resolve(Summary.FILE)), scenarioOf(dir));
    }

    private static Map<String, Object> scenarioOf(Path dir) {
        Map<String, Object> scenario = new LinkedHashMap<>();
        if (readJson(dir.resolve(MANIFEST_FILE)).get(MANIFEST_SCENARIO) instanceof Map<?, ?> map) {
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
        } catch (JacksonException e) {
            throw new IllegalArgumentException(file + ": not a JSON object: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * The name of the run's compression method for legends: {@code uplink_codec} of the summary
     * (or of the scenario, whose keys have the same names) with its {@code uplink_options}, e.g.
     * {@code int8} or {@code xfl codec=int4}.
     *
     * @return the method, or {@code this run} when neither file names it
     */
    public String method() {
        String codecKey = Summary.UPLINK_CODEC.name();
        String optionsKey = Summary.UPLINK_OPTIONS.name();
        Object codec = summary.getOrDefault(codecKey, scenario.get(codecKey));
        if (codec == null) {
            return "this run";
        }
        Object options = summary.getOrDefault(optionsKey, scenario.get(optionsKey));
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
     * The simulated end of the run: the latest of the last round's end, the last frame's end and the
     * last energy row's end.
     *
     * @return seconds of simulated time, 0 for an empty run
     */
    public double runEndS() {
        double endS = 0;
        for (int i = 0; i < rounds.size(); i++) {
            endS = Math.max(endS, rounds.number(i, RoundsTable.SIM_TIME_S));
        }
        if (transmissions.isPresent() && transmissions.get().has(TransmissionsTable.END_S)) {
            ResultTable t = transmissions.get();
            for (int i = 0; i < t.size(); i++) {
                endS = Math.max(endS, t.number(i, TransmissionsTable.END_S));
            }
        }
        if (energy.isPresent() && energy.get().has(EnergyTable.END_S)) {
            ResultTable e = energy.get();
            for (int i = 0; i < e.size(); i++) {
                endS = Math.max(endS, e.number(i, EnergyTable.END_S));
            }
        }
        return endS;
    }
}
