package org.fedwan.sim.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.fedwan.compression.scheme.Compression;
import org.fedwan.results.Labeled;

/** The value types scenario keys take; each reads, checks, writes back and documents its values. */
public final class Types {

    private Types() {
    }

    /** A whole number from {@code min} to {@code max}. */
    public static ValueType<Integer> integer(int min, int max) {
        String allowed = "a whole number from " + min + " to " + max;
        return new Plain<>(Integer.class, allowed, raw -> {
            Long v = wholeNumber(raw);
            if (v == null || v < min || v > max) {
                throw new IllegalArgumentException("allowed: " + allowed);
            }
            return v.intValue();
        }, v -> v);
    }

    /** Any whole number that fits in 64 bits. */
    public static ValueType<Long> anyLong() {
        String allowed = "a whole number";
        return new Plain<>(Long.class, allowed, raw -> {
            Long v = wholeNumber(raw);
            if (v == null) {
                throw new IllegalArgumentException("allowed: " + allowed);
            }
            return v;
        }, v -> v);
    }

    /** A finite number above {@code min} (or at it, when {@code minInclusive}) and at most {@code max}. */
    public static ValueType<Double> number(double min, boolean minInclusive, double max) {
        String allowed = "a number " + (minInclusive ? ">= " : "> ") + text(min) + " and <= " + text(max);
        return new Plain<>(Double.class, allowed, raw -> {
            if (!(raw instanceof Number n) || raw instanceof BigInteger) {
                throw new IllegalArgumentException("allowed: " + allowed);
            }
            double x = n.doubleValue();
            boolean ok = Double.isFinite(x) && (minInclusive ? x >= min : x > min) && x <= max;
            if (!ok) {
                throw new IllegalArgumentException("allowed: " + allowed);
            }
            return x;
        }, v -> v);
    }

    /** {@code true} or {@code false}. */
    public static ValueType<Boolean> bool() {
        return new Plain<>(Boolean.class, "true or false", raw -> {
            if (!(raw instanceof Boolean b)) {
                throw new IllegalArgumentException("allowed: true or false");
            }
            return b;
        }, v -> v);
    }

    /** Any text that is not blank. */
    public static ValueType<String> text() {
        return new Textual<>(String.class, "any text", s -> {
            if (s.isBlank()) {
                throw new IllegalArgumentException("allowed: any text, not blank");
            }
            return s;
        }, v -> v);
    }

    /**
     * Longest name of a result folder, bytes of UTF-8: file systems (ext4, APFS, NTFS) allow 255
     * per path element; 200 leave room for a sweep run's suffix ({@code -p0000-r0}).
     */
    public static final int MAX_FOLDER_NAME_BYTES = 200;

    /** What {@link #folderName()} allows, for messages and the reference. */
    public static final String FOLDER_NAME_ALLOWED = "a folder name: letters, digits, spaces and . _ - + ( ), not starting "
            + "with '.', '-' or a space, at most " + MAX_FOLDER_NAME_BYTES + " bytes";

    /**
     * A name that becomes one folder under {@code results/}: no path separator, no {@code ..}, no
     * control character, so that a scenario cannot write outside its results folder.
     */
    public static ValueType<String> folderName() {
        return new Textual<>(String.class, FOLDER_NAME_ALLOWED, s -> {
            if (folderNameProblem(s) != null) {
                throw new IllegalArgumentException("allowed: " + FOLDER_NAME_ALLOWED);
            }
            return s;
        }, v -> v);
    }

    /** Why {@code name} is not a safe folder name ({@link #FOLDER_NAME_ALLOWED}), or null when it is one. */
    public static String folderNameProblem(String name) {
        if (name.isBlank()) {
            return "blank";
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_FOLDER_NAME_BYTES) {
            return "longer than " + MAX_FOLDER_NAME_BYTES + " bytes";
        }
        char first = name.charAt(0);
        if (first == '.' || first == '-' || first == ' ' || name.endsWith(" ")) {
            return "starts with '.', '-' or a space, or ends with a space";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(Character.isLetterOrDigit(c) || " ._-+()".indexOf(c) >= 0)) {
                return "holds the character '" + (Character.isISOControl(c) ? "\\u" + Integer.toHexString(c) : c) + "'";
            }
        }
        return null;
    }

    /**
     * One of {@code choices}, the list asked for each time (registries), matched without regard to
     * case, or else to case, spaces, hyphens and underscores when exactly one choice is meant
     * ({@code NB-IoT} is {@code nbiot}); the value is written back as the choice.
     */
    public static ValueType<String> choice(Supplier<List<String>> choices) {
        return new Textual<>(String.class, null, s -> {
            for (String c : choices.get()) {
                if (c.equalsIgnoreCase(s)) {
                    return c;
                }
            }
            String spelt = spelling(s, choices.get());
            if (spelt != null) {
                return spelt;
            }
            throw new IllegalArgumentException("allowed: one of " + String.join(", ", choices.get())
                    + suggestion(s, choices.get()));
        }, v -> v) {
            @Override
            public String allowed() {
                return "one of " + String.join(", ", choices.get());
            }
        };
    }

    /**
     * Text checked and written in canonical form by {@code canonical}, which throws an
     * {@link IllegalArgumentException} saying what is wrong (a registry with a family of names,
     * such as the model zoo's {@code mlp:784-200-10}).
     *
     * @param allowed what is allowed, asked for each time
     */
    public static ValueType<String> canonicalText(Supplier<String> allowed, Function<String, String> canonical) {
        return new Textual<>(String.class, null, canonical, v -> v) {
            @Override
            public String allowed() {
                return allowed.get();
            }
        };
    }

    /** One of the labels of {@code type}, matched as {@link #choice} matches. */
    public static <E extends Enum<E> & Labeled> ValueType<E> label(Class<E> type) {
        String allowed = "one of " + String.join(", ", Labeled.labels(type));
        return new Textual<>(type, allowed, s -> {
            String spelt = spelling(s, Labeled.labels(type));
            for (E e : type.getEnumConstants()) {
                if (e.label().equalsIgnoreCase(s) || e.label().equals(spelt)) {
                    return e;
                }
            }
            throw new IllegalArgumentException("allowed: " + allowed + suggestion(s, Labeled.labels(type)));
        }, Labeled::label);
    }

    /** The one option {@code given} spells once case, spaces, hyphens and underscores are ignored, or null. */
    static String spelling(String given, List<String> options) {
        String g = folded(given);
        String found = null;
        for (String o : options) {
            if (!g.isEmpty() && folded(o).equals(g)) {
                if (found != null) {
                    return null;
                }
                found = o;
            }
        }
        return found;
    }

    /**
     * {@code " (did you mean 'X'?)"} when {@code given} is one of {@code options} once case, spaces,
     * hyphens and underscores are ignored (e.g. {@code NB-IoT} for {@code nbiot}) or the start of
     * exactly one option; else the empty string.
     */
    static String suggestion(String given, List<String> options) {
        String g = folded(given);
        if (g.isEmpty()) {
            return "";
        }
        List<String> starts = new ArrayList<>();
        for (String o : options) {
            if (folded(o).equals(g)) {
                return " (did you mean '" + o + "'?)";
            }
            if (folded(o).startsWith(g)) {
                starts.add(o);
            }
        }
        return starts.size() == 1 ? " (did you mean '" + starts.get(0) + "'?)" : "";
    }

    private static String folded(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                out.append(Character.toLowerCase(c));
            }
        }
        return out.toString();
    }

    /**
     * A list of whole numbers from {@code min} to {@code max}: a YAML list, or text with the
     * numbers separated by spaces or commas (as a sweep varies it); written back as text, the
     * numbers separated by spaces. The empty list (the default of such keys) is written as an
     * empty text.
     */
    public static ValueType<List<Integer>> integerList(int min, int max) {
        String allowed = "a list of whole numbers from " + min + " to " + max
                + " (a YAML list, or the numbers separated by spaces or commas)";
        return new ValueType<>() {
            @Override
            public List<Integer> read(Object raw, Path baseDir) {
                List<?> items;
                if (raw instanceof List<?> l) {
                    items = l;
                } else if (raw instanceof String s) {
                    items = s.isBlank() ? List.of() : List.of(s.trim().split("[,\\s]+"));
                } else {
                    items = List.of(raw);
                }
                List<Integer> out = new ArrayList<>();
                for (Object item : items) {
                    Long v = item instanceof String s ? parseWhole(s) : wholeNumber(item);
                    if (v == null || v < min || v > max) {
                        throw new IllegalArgumentException("allowed: " + allowed + " (got '" + item + "')");
                    }
                    out.add(v.intValue());
                }
                return List.copyOf(out);
            }

            @Override
            public Object write(List<Integer> value) {
                List<String> parts = new ArrayList<>();
                value.forEach(v -> parts.add(String.valueOf(v)));
                return String.join(" ", parts);
            }

            @Override
            public String allowed() {
                return allowed;
            }

            @Override
            public Class<?> javaType() {
                return List.class;
            }
        };
    }

    private static Long parseWhole(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A file or folder path, relative to the scenario file's folder. */
    public static ValueType<Path> path(String allowed) {
        return new ValueType<>() {
            @Override
            public Path read(Object raw, Path baseDir) {
                if (!(raw instanceof String s) || s.isBlank()) {
                    throw new IllegalArgumentException("allowed: " + allowed);
                }
                Path p = Path.of(s);
                return p.isAbsolute() || baseDir == null ? p : baseDir.resolve(p).normalize();
            }

            @Override
            public Object write(Path value) {
                return value.toString();
            }

            @Override
            public String allowed() {
                return allowed;
            }

            @Override
            public Class<?> javaType() {
                return Path.class;
            }

            @Override
            public boolean textual() {
                return true;
            }
        };
    }

    /**
     * Options as {@code key=value} pairs: a YAML mapping, or text with the pairs separated by
     * spaces or commas. Kept sorted by key; checked by whoever uses them (a scheme, a strategy).
     */
    public static ValueType<Map<String, String>> options() {
        String allowed = "key=value pairs separated by spaces or commas, or a mapping of keys to values";
        return new ValueType<>() {
            @Override
            public Map<String, String> read(Object raw, Path baseDir) {
                Map<String, String> out = new TreeMap<>();
                if (raw instanceof Map<?, ?> m) {
                    for (Map.Entry<?, ?> e : m.entrySet()) {
                        Object v = e.getValue();
                        if (v == null || v instanceof Map || v instanceof List) {
                            throw new IllegalArgumentException("allowed: " + allowed + " (option '" + e.getKey()
                                    + "' has no plain value)");
                        }
                        out.put(String.valueOf(e.getKey()), plainText(v));
                    }
                    return Collections.unmodifiableMap(out);
                }
                if (!(raw instanceof String s)) {
                    throw new IllegalArgumentException("allowed: " + allowed);
                }
                try {
                    out.putAll(Compression.parseOptions(s));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("allowed: " + allowed + " (" + e.getMessage() + ")");
                }
                return Collections.unmodifiableMap(out);
            }

            @Override
            public Object write(Map<String, String> value) {
                List<String> pairs = new ArrayList<>();
                value.forEach((k, v) -> pairs.add(k + "=" + v));
                return String.join(" ", pairs);
            }

            @Override
            public String allowed() {
                return allowed;
            }

            @Override
            public Class<?> javaType() {
                return Map.class;
            }

            @Override
            public boolean textual() {
                return true;
            }
        };
    }

    /** A whole number as written, or null when {@code raw} is none (a float, text, a value too large). */
    private static Long wholeNumber(Object raw) {
        if (raw instanceof Long || raw instanceof Integer || raw instanceof Short || raw instanceof Byte) {
            return ((Number) raw).longValue();
        }
        if (raw instanceof BigDecimal d) {
            try {
                return d.longValueExact();
            } catch (ArithmeticException e) {
                return null;
            }
        }
        return null;
    }

    private static String plainText(Object v) {
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return String.valueOf(d);
        }
        return String.valueOf(v);
    }

    /** A number as the reference writes it: whole numbers without a decimal point. */
    static String text(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** A type read from a plain (non-text) value. */
    private static class Plain<T> implements ValueType<T> {
        private final Class<?> javaType;
        private final String allowed;
        private final Function<Object, T> read;
        private final Function<T, Object> write;

        Plain(Class<?> javaType, String allowed, Function<Object, T> read, Function<T, Object> write) {
            this.javaType = javaType;
            this.allowed = allowed;
            this.read = read;
            this.write = write;
        }

        @Override
        public T read(Object raw, Path baseDir) {
            return read.apply(raw);
        }

        @Override
        public Object write(T value) {
            return write.apply(value);
        }

        @Override
        public String allowed() {
            return allowed;
        }

        @Override
        public Class<?> javaType() {
            return javaType;
        }
    }

    /** A type read from text as written (a YAML scalar's text, whatever it looks like). */
    private static class Textual<T> extends Plain<T> {
        private final Function<String, T> fromText;

        Textual(Class<?> javaType, String allowed, Function<String, T> fromText, Function<T, Object> write) {
            super(javaType, allowed, null, write);
            this.fromText = fromText;
        }

        @Override
        public T read(Object raw, Path baseDir) {
            if (raw instanceof Map || raw instanceof List || raw == null || raw instanceof Boolean) {
                throw new IllegalArgumentException("allowed: " + allowed());
            }
            return fromText.apply(raw instanceof String s ? s : String.valueOf(raw));
        }

        @Override
        public boolean textual() {
            return true;
        }
    }

}
