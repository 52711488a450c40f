package org.fedwan.fl.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Reads a {@link LayerList} from plain values (what a YAML or JSON parser gives: List, Map,
 * String, Long, Integer, Double, Boolean, null). Every error names the entry, its key path, the
 * value and what is allowed; an unknown type or option gets a suggestion.
 */
final class LayerListParser {

    /** Other frameworks' names of the entry types (Keras, PyTorch), for suggestions. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("conv2d", "conv"), Map.entry("convolution", "conv"), Map.entry("convolution2d", "conv"),
            Map.entry("maxpool", "pool"), Map.entry("maxpool2d", "pool"), Map.entry("maxpooling2d", "pool"),
            Map.entry("maxpooling", "pool"), Map.entry("pooling", "pool"),
            Map.entry("linear", "dense"), Map.entry("fc", "dense"), Map.entry("fullyconnected", "dense"),
            Map.entry("batchnorm", "batch_norm"), Map.entry("batchnorm2d", "batch_norm"), Map.entry("batchnorm1d", "batch_norm"),
            Map.entry("batchnormalization", "batch_norm"), Map.entry("bn", "batch_norm"),
            Map.entry("relu", "activation: relu"), Map.entry("act", "activation"));

    private LayerListParser() {
    }

    static LayerList parse(Object raw, String key) {
        if (!(raw instanceof List<?> items)) {
            throw new LayerListException(-1, key, String.valueOf(raw), "allowed: " + LayerList.ALLOWED);
        }
        if (items.isEmpty()) {
            throw new LayerListException(-1, key, "[]", "an empty list; allowed: at least one layer, the last dense "
                    + "layer's width being the number of classes (e.g. - dense: 10)");
        }
        if (items.size() > LayerList.MAX_ENTRIES) {
            throw new LayerListException(-1, key, "a list", items.size() + " entries; allowed: at most " + LayerList.MAX_ENTRIES);
        }
        List<LayerList.Entry> entries = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            entries.add(entry(items.get(i), key + "[" + i + "]", i));
        }
        return new LayerList(entries);
    }

    private static LayerList.Entry entry(Object item, String at, int i) {
        String type;
        Object arg;
        boolean bare = false;
        if (item instanceof String s) {
            type = s.trim();
            arg = null;
            bare = true;
        } else if (item instanceof Map<?, ?> m && m.size() == 1) {
            Map.Entry<?, ?> only = m.entrySet().iterator().next();
            type = String.valueOf(only.getKey()).trim();
            arg = only.getValue();
        } else if (item instanceof Map<?, ?> m) {
            throw new LayerListException(i, at, String.valueOf(item), "a mapping of " + m.size() + " keys; allowed: one "
                    + "layer per entry, e.g. - dense: 128");
        } else {
            throw new LayerListException(i, at, String.valueOf(item), "allowed: one layer, e.g. - dense: 128 (types: "
                    + String.join(", ", LayerList.TYPES) + ")");
        }
        String t = type.toLowerCase(Locale.ROOT);
        if (bare && !t.equals("batch_norm") && !t.equals("flatten")) {
            throw new LayerListException(i, at, type, "allowed as a bare name: batch_norm, flatten; other layers take a "
                    + "value, e.g. - dense: 128, - activation: relu" + suggestion(t));
        }
        String path = at + "." + t;
        return switch (t) {
            case "conv" -> conv(arg, path, i);
            case "pool" -> new LayerList.Pool(single(arg, "size", path, i, LayerList.MAX_WINDOW));
            case "dense" -> new LayerList.Dense(single(arg, "units", path, i, LayerList.MAX_WIDTH));
            case "batch_norm" -> {
                noOptions(arg, path, i, "batch_norm takes no options (momentum " + BatchNormStatistics.MOMENTUM + ", epsilon "
                        + BatchNormStatistics.EPSILON + ", PyTorch's)");
                yield new LayerList.BatchNorm();
            }
            case "flatten" -> {
                noOptions(arg, path, i, "flatten takes no options");
                yield new LayerList.Flatten();
            }
            case "dropout" -> new LayerList.Dropout(rate(arg, path, i));
            case "activation" -> activation(arg, path, i);
            default -> throw new LayerListException(i, at, type, "unknown layer type '" + type + "'" + suggestion(t)
                    + "; allowed: " + String.join(", ", LayerList.TYPES));
        };
    }

    private static LayerList.Conv conv(Object arg, String path, int i) {
        if (!(arg instanceof Map<?, ?> m)) {
            throw new LayerListException(i, path, String.valueOf(arg), "allowed: a mapping {filters: N, kernel: K, padding: "
                    + "valid|same}, e.g. conv: {filters: 32, kernel: 5}");
        }
        checkKeys(m, Set.of("filters", "kernel", "padding"), path, i, " (stride 1, square kernels)");
        Object filters = m.get("filters");
        Object kernel = m.get("kernel");
        if (filters == null || kernel == null) {
            String missing = filters == null ? "filters" : "kernel";
            throw new LayerListException(i, path + "." + missing, "(none)", "missing; allowed: a whole number from 1 to "
                    + (filters == null ? LayerList.MAX_WIDTH : LayerList.MAX_WINDOW));
        }
        int f = whole(filters, path + ".filters", i, LayerList.MAX_WIDTH);
        int k = whole(kernel, path + ".kernel", i, LayerList.MAX_WINDOW);
        Object padding = m.containsKey("padding") ? m.get("padding") : "valid";
        boolean same;
        if ("same".equals(padding)) {
            same = true;
        } else if ("valid".equals(padding)) {
            same = false;
        } else {
            throw new LayerListException(i, path + ".padding", String.valueOf(padding), "allowed: valid (no padding, the "
                    + "default) or same (keeps the size; odd kernels)");
        }
        if (same && k % 2 == 0) {
            throw new LayerListException(i, path + ".kernel", String.valueOf(k), "with padding same: allowed: an odd kernel "
                    + "(same pads (kernel - 1) / 2 on each side)");
        }
        return new LayerList.Conv(f, k, same);
    }

    /** A whole number given alone ({@code dense: 128}) or as the mapping's one key ({@code dense: {units: 128}}). */
    private static int single(Object arg, String name, String path, int i, int max) {
        if (arg instanceof Map<?, ?> m) {
            checkKeys(m, Set.of(name), path, i, "");
            if (!m.containsKey(name)) {
                throw new LayerListException(i, path + "." + name, "(none)", "missing; allowed: a whole number from 1 to " + max);
            }
            return whole(m.get(name), path + "." + name, i, max);
        }
        return whole(arg, path, i, max);
    }

    private static double rate(Object arg, String path, int i) {
        Object v = arg;
        String at = path;
        if (arg instanceof Map<?, ?> m) {
            checkKeys(m, Set.of("rate"), path, i, "");
            v = m.get("rate");
            at = path + ".rate";
        }
        if (!(v instanceof Number n) || !(n.doubleValue() >= 0 && n.doubleValue() < 1)) {
            throw new LayerListException(i, at, String.valueOf(v), "allowed: a number >= 0 and < 1 (the probability of "
                    + "dropping a value in training)");
        }
        return n.doubleValue();
    }

    private static LayerList.Activation activation(Object arg, String path, int i) {
        String f = arg instanceof String s ? s.trim().toLowerCase(Locale.ROOT) : null;
        if (f == null || !LayerList.ACTIVATIONS.contains(f)) {
            throw new LayerListException(i, path, String.valueOf(arg), "allowed: " + String.join(", ", LayerList.ACTIVATIONS)
                    + " (no other activation has a gradient-check test yet)");
        }
        return new LayerList.Activation(f);
    }

    private static void noOptions(Object arg, String path, int i, String why) {
        if (arg != null && !(arg instanceof Map<?, ?> m && m.isEmpty())) {
            throw new LayerListException(i, path, String.valueOf(arg), "allowed: {} or nothing (" + why + ")");
        }
    }

    private static void checkKeys(Map<?, ?> m, Set<String> allowed, String path, int i, String note) {
        for (Object k : m.keySet()) {
            String name = String.valueOf(k);
            if (!allowed.contains(name)) {
                throw new LayerListException(i, path + "." + name, String.valueOf(m.get(k)), "unknown option" + closest(name,
                        allowed) + "; allowed: " + String.join(", ", allowed.stream().sorted().toList()) + note);
            }
        }
    }

    /** A whole number from 1 to {@code max}: YAML's Long, JSON's Integer, an exact BigDecimal. */
    private static int whole(Object v, String path, int i, int max) {
        Long x = null;
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            x = ((Number) v).longValue();
        } else if (v instanceof BigDecimal d) {
            try {
                x = d.longValueExact();
            } catch (ArithmeticException e) {
                x = null;
            }
        }
        if (x == null || x < 1 || x > max) {
            throw new LayerListException(i, path, String.valueOf(v), "allowed: a whole number from 1 to " + max);
        }
        return x.intValue();
    }

    /** {@code " (did you mean 'X'?)"} for another framework's name of a type or a near miss; else empty. */
    private static String suggestion(String type) {
        String folded = type.replaceAll("[^a-z0-9]", "");
        String alias = ALIASES.get(folded);
        if (alias != null) {
            return " (did you mean '" + alias + "'?)";
        }
        return closest(type, LayerList.TYPES);
    }

    private static String closest(String given, Collection<String> options) {
        String best = null;
        int bestDistance = 3;
        for (String o : options) {
            int d = distance(given.toLowerCase(Locale.ROOT), o);
            if (d < bestDistance && d < o.length()) {
                bestDistance = d;
                best = o;
            }
        }
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }

    /** The Levenshtein distance (unit costs) between {@code a} and {@code b}. */
    private static int distance(String a, String b) {
        return LevenshteinDistance.getDefaultInstance().apply(a, b);
    }
}
