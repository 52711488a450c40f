package org.fedwan.compression;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Options of a codec or scheme as read from a scenario file (string to string), with typed,
 * validated getters. Every error names the owner, the option, the value and what is allowed.
 * Keys nobody asked for are reported by {@link #checkAllUsed()}.
 */
public final class CodecOptions {

    private final String owner;
    private final Map<String, String> values;
    private final Set<String> used = new TreeSet<>();
    private final Map<String, String> resolved = new TreeMap<>();

    /**
     * @param owner  what the options belong to, for messages, e.g. {@code scheme 'octav'}
     * @param values raw options; null means none
     */
    public CodecOptions(String owner, Map<String, String> values) {
        this.owner = owner;
        this.values = values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
        for (Map.Entry<String, String> e : this.values.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                throw new IllegalArgumentException(owner + ": option keys and values must not be null");
            }
        }
    }

    public static CodecOptions none(String owner) {
        return new CodecOptions(owner, Map.of());
    }

    public String owner() {
        return owner;
    }

    /** Whether the option was given. */
    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** The raw value, or {@code defaultValue}; marks the key used. */
    public String string(String key, String defaultValue) {
        used.add(key);
        String v = values.getOrDefault(key, defaultValue);
        resolved.put(key, v);
        return v;
    }

    /** One of {@code allowed}. */
    public String choice(String key, String defaultValue, List<String> allowed) {
        String v = string(key, defaultValue).trim().toLowerCase(Locale.ROOT);
        if (!allowed.contains(v)) {
            throw invalid(key, v, "one of " + String.join(", ", allowed));
        }
        resolved.put(key, v);
        return v;
    }

    /** An integer in [min, max]. */
    public int integer(String key, int defaultValue, int min, int max) {
        String v = string(key, Integer.toString(defaultValue)).trim();
        try {
            int x = Integer.parseInt(v);
            if (x < min || x > max) {
                throw invalid(key, v, "an integer in [" + min + ", " + max + "]");
            }
            return x;
        } catch (NumberFormatException e) {
            throw invalid(key, v, "an integer in [" + min + ", " + max + "]");
        }
    }

    /** A long (e.g. a seed). */
    public long longValue(String key, long defaultValue) {
        String v = string(key, Long.toString(defaultValue)).trim();
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw invalid(key, v, "an integer");
        }
    }

    /** A finite number in the interval, bounds inclusive or not as flagged. */
    public double number(String key, double defaultValue, double min, boolean minInclusive, double max, boolean maxInclusive) {
        String v = string(key, trim(defaultValue)).trim();
        String range = (minInclusive ? "[" : "(") + trim(min) + ", " + trim(max) + (maxInclusive ? "]" : ")");
        double x;
        try {
            x = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw invalid(key, v, "a number in " + range);
        }
        boolean ok = Double.isFinite(x) && (minInclusive ? x >= min : x > min) && (maxInclusive ? x <= max : x < max);
        if (!ok) {
            throw invalid(key, v, "a number in " + range);
        }
        return x;
    }

    /** A boolean written {@code true} or {@code false}. */
    public boolean bool(String key, boolean defaultValue) {
        String v = choice(key, Boolean.toString(defaultValue), List.of("true", "false"));
        return Boolean.parseBoolean(v);
    }

    /**
     * Per-layer integers written like {@code 4-2-2-4}: one value for all layers or one per layer.
     *
     * @return one value per layer
     */
    public int[] perLayer(String key, String defaultValue, int layerCount, int min, int max) {
        String v = string(key, defaultValue).trim();
        String allowed = "one integer in [" + min + ", " + max + "] for all layers, or " + layerCount
                + " joined by '-' (one per layer), e.g. " + example(layerCount);
        String[] parts = v.split("-", -1);
        if (parts.length != 1 && parts.length != layerCount) {
            throw invalid(key, v, allowed);
        }
        int[] out = new int[layerCount];
        for (int i = 0; i < layerCount; i++) {
            String p = parts[parts.length == 1 ? 0 : i];
            try {
                out[i] = Integer.parseInt(p.trim());
            } catch (NumberFormatException e) {
                throw invalid(key, v, allowed);
            }
            if (out[i] < min || out[i] > max) {
                throw invalid(key, v, allowed);
            }
        }
        return out;
    }

    /** Options that were given but never read. */
    public List<String> unused() {
        List<String> u = new ArrayList<>();
        for (String k : values.keySet()) {
            if (!used.contains(k)) {
                u.add(k);
            }
        }
        return u;
    }

    /**
     * @throws IllegalArgumentException naming unknown options and the known ones
     */
    public void checkAllUsed() {
        List<String> u = unused();
        if (!u.isEmpty()) {
            throw new IllegalArgumentException(owner + ": unknown option" + (u.size() > 1 ? "s " : " ") + String.join(", ", u)
                    + "; allowed: " + (used.isEmpty() ? "none" : String.join(", ", used)));
        }
    }

    /** Every option read so far with the value in force (given or default), sorted by key. */
    public Map<String, String> resolved() {
        return Collections.unmodifiableMap(new TreeMap<>(resolved));
    }

    /** The raw options as given. */
    public Map<String, String> raw() {
        return values;
    }

    /** Options other than {@code keys}, for passing on to an inner codec. */
    public Map<String, String> without(Set<String> keys) {
        Map<String, String> m = new LinkedHashMap<>(values);
        m.keySet().removeAll(keys);
        return m;
    }

    /** Marks a key used without reading it (its value is consumed elsewhere). */
    public void markUsed(String key) {
        used.add(key);
    }

    public IllegalArgumentException invalid(String key, String value, String allowed) {
        return new IllegalArgumentException(owner + ": option '" + key + "' = '" + value + "' is invalid; allowed: " + allowed);
    }

    private static String example(int layers) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < layers; i++) {
            sb.append(i > 0 ? "-" : "").append(i == 0 || i == layers - 1 ? 4 : 2);
        }
        return sb.toString();
    }

    private static String trim(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }
}
