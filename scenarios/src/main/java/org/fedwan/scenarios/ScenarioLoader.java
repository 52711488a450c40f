package org.fedwan.scenarios;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fedwan.channel.lorawan.Region;
import org.fedwan.sim.federation.RunConfig;

/**
 * Loads a scenario: a flat YAML mapping of the keys in {@link ScenarioKeys}. Every problem is
 * collected before anything runs and reported as one line:
 * {@code FILE:LINE: key 'KEY' = VALUE: WHAT IS ALLOWED}.
 */
public final class ScenarioLoader {

    private static final YAMLFactory YAML = new YAMLFactory();

    private ScenarioLoader() {
    }

    /** A scalar value with the line it was written on. */
    private record Entry(String key, Object value, String raw, int line) {
    }

    /**
     * @param file        scenario file
     * @param defaultDataDir data folder used when the file has no {@code data_dir}
     */
    public static RunConfig load(Path file, Path defaultDataDir) throws ScenarioException {
        String where = file.toString();
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(List.of(where + ": no such scenario file"));
        } catch (IOException e) {
            throw new ScenarioException(List.of(where + ": cannot read: " + e.getMessage()));
        }
        List<String> problems = new ArrayList<>();
        List<Entry> entries = parse(text, where, problems);
        RunConfig.Builder b = RunConfig.builder();
        b.dataDir = defaultDataDir;
        String baseName = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        b.name = baseName;
        Map<String, Entry> seen = new HashMap<>();
        for (Entry e : entries) {
            ScenarioKeys.Key key = ScenarioKeys.get(e.key());
            if (key == null) {
                problems.add(where + ":" + e.line() + ": unknown key '" + e.key() + "'" + suggestion(e.key())
                        + "; allowed keys: " + String.join(", ", ScenarioKeys.all().stream().map(ScenarioKeys.Key::name).toList()));
                continue;
            }
            if (seen.put(e.key(), e) != null) {
                problems.add(where + ":" + e.line() + ": key '" + e.key() + "' appears twice; allowed: once");
                continue;
            }
            Object value = convert(key, e, file);
            if (value == null) {
                problems.add(where + ":" + e.line() + ": key '" + e.key() + "' = " + e.raw() + ": allowed: " + key.allowed());
                continue;
            }
            try {
                key.apply().accept(b, value);
            } catch (IllegalArgumentException ex) {
                problems.add(where + ":" + e.line() + ": key '" + e.key() + "' = " + e.raw() + ": " + ex.getMessage());
            }
        }
        crossCheck(b, seen, where, problems);
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        try {
            return b.build();
        } catch (IllegalArgumentException ex) {
            throw new ScenarioException(List.of(where + ": " + ex.getMessage()));
        }
    }

    private static void crossCheck(RunConfig.Builder b, Map<String, Entry> seen, String where, List<String> problems) {
        int perRound = b.clientsPerRound == null ? b.clients : b.clientsPerRound;
        if (perRound > b.clients) {
            problems.add(at(where, seen, "clients_per_round") + "key 'clients_per_round' = " + perRound
                    + ": allowed: at most clients = " + b.clients);
        }
        Region region;
        try {
            region = Region.byName(b.region);
        } catch (IllegalArgumentException e) {
            return;
        }
        String range = "a data rate index of " + region.name() + " from 0 to " + (region.dataRates().size() - 1);
        if (b.dataRate >= region.dataRates().size()) {
            problems.add(at(where, seen, "data_rate") + "key 'data_rate' = " + b.dataRate + ": allowed: " + range);
        }
        if (b.downlinkDataRate != null && b.downlinkDataRate >= region.dataRates().size()) {
            problems.add(at(where, seen, "downlink_data_rate") + "key 'downlink_data_rate' = " + b.downlinkDataRate
                    + ": allowed: " + range);
        }
    }

    private static String at(String where, Map<String, Entry> seen, String key) {
        Entry e = seen.get(key);
        return where + (e == null ? "" : ":" + e.line()) + ": ";
    }

    private static Object convert(ScenarioKeys.Key key, Entry e, Path file) {
        Object v = e.value();
        switch (key.type()) {
            case INTEGER:
                return v instanceof Long ? v : null;
            case NUMBER:
                if (v instanceof Long l) {
                    return l.doubleValue();
                }
                return v instanceof Double ? v : null;
            case TEXT:
                return v instanceof String || v instanceof Long || v instanceof Double ? e.raw() : null;
            case PATH:
                if (!(v instanceof String s) || s.isBlank()) {
                    return null;
                }
                Path p = Path.of(s);
                Path base = file.toAbsolutePath().getParent();
                return p.isAbsolute() || base == null ? p : base.resolve(p).normalize();
            default:
                return null;
        }
    }

    private static List<Entry> parse(String text, String where, List<String> problems) {
        List<Entry> entries = new ArrayList<>();
        try (JsonParser p = YAML.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return entries;
            }
            if (t != JsonToken.START_OBJECT) {
                problems.add(where + ":" + line(p.currentLocation()) + ": a scenario is a mapping of keys to values, "
                        + "e.g. 'rounds: 5'; found " + describe(t));
                return entries;
            }
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                int line = line(p.currentLocation());
                t = p.nextToken();
                switch (t) {
                    case VALUE_NUMBER_INT -> {
                        try {
                            entries.add(new Entry(name, p.getLongValue(), p.getText(), line));
                        } catch (JsonProcessingException big) {
                            entries.add(new Entry(name, p.getText(), p.getText(), line));
                        }
                    }
                    case VALUE_NUMBER_FLOAT -> entries.add(new Entry(name, p.getDoubleValue(), p.getText(), line));
                    case VALUE_STRING -> entries.add(new Entry(name, p.getText(), p.getText(), line));
                    case VALUE_TRUE, VALUE_FALSE -> entries.add(new Entry(name, p.getBooleanValue(), p.getText(), line));
                    case VALUE_NULL -> entries.add(new Entry(name, null, "(empty)", line));
                    default -> {
                        entries.add(new Entry(name, null, describe(t), line));
                        p.skipChildren();
                    }
                }
            }
        } catch (IOException e) {
            String msg = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            int line = e instanceof JsonProcessingException jpe && jpe.getLocation() != null ? line(jpe.getLocation()) : 0;
            problems.add(where + (line > 0 ? ":" + line : "") + ": not valid YAML: " + msg);
            entries.clear();
        }
        return entries;
    }

    private static int line(JsonLocation loc) {
        return loc == null ? 0 : loc.getLineNr();
    }

    private static String describe(JsonToken t) {
        return switch (t) {
            case START_OBJECT -> "a nested mapping";
            case START_ARRAY -> "a list";
            default -> String.valueOf(t);
        };
    }

    /** A "did you mean" hint for near-miss key names (edit distance at most 2). */
    static String suggestion(String name) {
        String best = null;
        int bestDistance = 3;
        for (ScenarioKeys.Key k : ScenarioKeys.all()) {
            int d = distance(name, k.name());
            if (d < bestDistance) {
                bestDistance = d;
                best = k.name();
            }
        }
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
