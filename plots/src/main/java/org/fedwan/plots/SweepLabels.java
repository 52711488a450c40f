package org.fedwan.plots;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Names a study gives its swept keys and values for figures (its {@code labels:} block), e.g.
 * {@code uplink_codec: {fp32: "32-bit float"}} and {@code keys: {uplink_codec: "Codec"}}. A sweep
 * keeps them in {@value #FILE} next to {@code sweep.csv}, so that {@code fedwan plot} on the folder
 * draws with them; they change no table. A key or value without a name is written as in the study.
 *
 * @param keys swept key to its name in figures (axis titles, {@code name=value} parts)
 * @param values swept key to (value as written in the study to its name in figures)
 */
public record SweepLabels(Map<String, String> keys, Map<String, Map<String, String>> values) {

    /** File of a sweep folder holding the labels. */
    public static final String FILE = "labels.json";

    /** No labels: every key and value as written. */
    public static final SweepLabels NONE = new SweepLabels(Map.of(), Map.of());

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Copies the maps, keeping their order. */
    public SweepLabels {
        keys = copy(keys);
        Map<String, Map<String, String>> v = new LinkedHashMap<>();
        Objects.requireNonNull(values, "values").forEach((k, m) -> v.put(k, copy(m)));
        values = Collections.unmodifiableMap(v);
    }

    private static Map<String, String> copy(Map<String, String> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(map, "map")));
    }

    /**
     * @param key a swept key
     * @return its name in figures, or the key itself
     */
    public String key(String key) {
        return keys.getOrDefault(key, key);
    }

    /**
     * @param key a swept key
     * @param value one of its values as written in {@code sweep.csv}
     * @return the value's name in figures, or empty if the study gives none
     */
    public Optional<String> value(String key, String value) {
        return Optional.ofNullable(values.getOrDefault(key, Map.of()).get(value));
    }

    /** @return whether there are no labels at all */
    public boolean isEmpty() {
        return keys.isEmpty() && values.values().stream().allMatch(Map::isEmpty);
    }

    /**
     * Writes {@value #FILE} into {@code dir}, or removes it when there are no labels.
     *
     * @param dir a sweep folder
     * @throws UncheckedIOException if the file cannot be written
     */
    public void write(Path dir) {
        Path file = dir.resolve(FILE);
        try {
            if (isEmpty()) {
                Files.deleteIfExists(file);
                return;
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("keys", keys);
            json.put("values", values);
            Files.writeString(file, JSON.writeValueAsString(json) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * Reads {@value #FILE} of a sweep folder.
     *
     * @param dir a sweep folder
     * @return its labels, or {@link #NONE} when it has no such file
     * @throws IllegalArgumentException if the file is not the JSON {@link #write} writes
     */
    public static SweepLabels read(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return NONE;
        }
        try {
            Stored stored = JSON.readValue(file.toFile(), new TypeReference<Stored>() { });
            return new SweepLabels(stored.keys == null ? Map.of() : stored.keys,
                    stored.values == null ? Map.of() : stored.values);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + " is not a labels file (" + e.getOriginalMessage()
                    + "): delete it, or run the sweep again to rewrite it", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The JSON shape of {@value #FILE}. */
    private static final class Stored {
        public Map<String, String> keys;
        public Map<String, Map<String, String>> values;
    }
}
