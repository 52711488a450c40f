package org.fedwan.compression.scheme;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import org.fedwan.compression.CodecOptions;
import org.fedwan.compression.ModelLayout;

/**
 * The one registry of compression that scenarios, the simulator and the accounting command use:
 * uplink schemes by scenario name (with {@code ef:NAME} for error feedback over NAME), downlink
 * codecs by name, the documentation of both for a generated reference, and the text form of
 * options ({@link #parseOptions}).
 *
 * <p>Adding a scheme is its class and one {@code add} line in this class; a stateless per-layer
 * quantizer is one class and one line in {@code StatelessKinds}, after which it works alone, as
 * {@code xfl codec=NAME} and under {@code ef:NAME}.
 */
public final class Compression {

    /** Prefix that wraps a scheme in error feedback, e.g. {@code ef:topk}. */
    public static final String ERROR_FEEDBACK_PREFIX = "ef:";

    private static final Map<String, Entry> UPLINK = new TreeMap<>();

    static {
        for (StatelessKind k : StatelessKinds.all()) {
            add(k.name(), k.summary(), k.allOptions(), (l, o) -> new PerLayerScheme(k, l, o));
        }
        add(XflScheme.NAME, "XFL / XFL-Q: one layer per client per round, round-robin (eq. 2) or stochastic (seed 000)",
                XflScheme.docs(), XflScheme::new);
        add("quantfl-bu", "QuantFL bucket-uniform, K levels, mid-point decoding, codebooks refreshed every T rounds (seed 001)",
                QuantFlScheme.docs(), (l, o) -> new QuantFlScheme("quantfl-bu", true, l, o));
        add("quantfl-bq", "QuantFL bucket-quantile (equal-mass buckets), otherwise as quantfl-bu (seed 001)",
                QuantFlScheme.docs(), (l, o) -> new QuantFlScheme("quantfl-bq", false, l, o));
        add("laq", "LAQ: innovation against the previous quantized gradient, radius + b bits (seed 004 eq. 13-18)",
                LaqScheme.docs(false), (l, o) -> new LaqScheme("laq", l, o, false));
        add("flq-innovation", "FLQ gradient innovation quantization (seed 003 eq. 16; LAQ's quantizer)",
                LaqScheme.docs(false), (l, o) -> new LaqScheme("flq-innovation", l, o, false));
        add("slaq", "SLAQ: LAQ plus the lazy skip rule, the comparator of seed 004",
                LaqScheme.docs(true), (l, o) -> new LaqScheme("slaq", l, o, true));
        add(QrrScheme.NAME, "QRR: truncated SVD / Tucker of gradients, each factor LAQ-quantized (seed 004)",
                QrrScheme.docs(), QrrScheme::new);
    }

    private Compression() {
    }

    private static void add(String name, String summary, List<OptionDoc> options,
            BiFunction<ModelLayout, CodecOptions, SchemeAbstract> create) {
        if (UPLINK.put(name, new Entry(new SchemeDoc(name, summary, options), create)) != null) {
            throw new IllegalStateException("scheme '" + name + "' registered twice");
        }
    }

    /** A registry line: the scheme's documentation and how to build it from a layout and options. */
    private record Entry(SchemeDoc doc, BiFunction<ModelLayout, CodecOptions, SchemeAbstract> create) {
    }

    // ---- uplink

    /** Registered uplink scheme names, sorted; each is also accepted as {@code ef:NAME}. */
    public static List<String> uplinkNames() {
        return List.copyOf(UPLINK.keySet());
    }

    /**
     * An uplink scheme by scenario name and options.
     *
     * @param name    e.g. {@code int8}, {@code xfl}, {@code octav}, {@code ef:topk}
     * @param layout  the model both ends agree on
     * @param options option name to value as written in the scenario file (see
     *                {@link #parseOptions} for the text form); null or empty for defaults
     * @throws IllegalArgumentException for an unknown name, or naming an unknown or invalid option,
     *                                  its value and what is allowed
     */
    public static Scheme uplink(String name, ModelLayout layout, Map<String, String> options) {
        if (name == null) {
            throw new IllegalArgumentException("scheme name must not be null; allowed: " + String.join(", ", uplinkNames()));
        }
        boolean ef = name.startsWith(ERROR_FEEDBACK_PREFIX);
        Entry e = entry(withoutPrefix(name));
        CodecOptions o = new CodecOptions("scheme '" + name + "'", options);
        SchemeAbstract s = e.create().apply(layout, o);
        o.checkAllUsed();
        return ef ? new ErrorFeedbackScheme(s) : s;
    }

    /** Documentation of every registered uplink scheme, sorted by name. */
    public static List<SchemeDoc> uplinkDocs() {
        List<SchemeDoc> docs = new ArrayList<>();
        for (Entry e : UPLINK.values()) {
            docs.add(e.doc());
        }
        return docs;
    }

    /**
     * Documentation of one uplink scheme; for {@code ef:NAME} that of error feedback over NAME,
     * which takes NAME's options.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static SchemeDoc uplinkDoc(String name) {
        SchemeDoc d = entry(withoutPrefix(name)).doc();
        if (!name.startsWith(ERROR_FEEDBACK_PREFIX)) {
            return d;
        }
        return new SchemeDoc(name, "error feedback (Seide et al. 2014, Karimireddy et al. 2019) over " + d.name() + ": "
                + d.summary(), d.options());
    }

    private static Entry entry(String name) {
        Entry e = UPLINK.get(name);
        if (e == null) {
            throw new IllegalArgumentException("unknown scheme '" + name + "'; allowed: " + String.join(", ", uplinkNames())
                    + " (each also as ef:NAME for error feedback)");
        }
        return e;
    }

    private static String withoutPrefix(String name) {
        return name.startsWith(ERROR_FEEDBACK_PREFIX) ? name.substring(ERROR_FEEDBACK_PREFIX.length()) : name;
    }

    /**
     * Options written as text, {@code key=value} pairs separated by spaces or commas (a scenario's
     * {@code uplink_options} or {@code strategy_options}, e.g. {@code "bits=4-2-2-4 rounding=stochastic"}), as the map
     * {@link #uplink} takes; sorted by key, a key given twice keeps its last value, a value may
     * contain {@code =}. Blank text gives no options.
     *
     * @throws IllegalArgumentException naming a pair that is not {@code key=value} with both non-empty
     */
    public static Map<String, String> parseOptions(String text) {
        Map<String, String> options = new TreeMap<>();
        for (String pair : text.trim().split("[,\\s]+")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw new IllegalArgumentException("option '" + pair + "' is not key=value");
            }
            options.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return options;
    }

    // ---- downlink

    /** Downlink codec names, sorted: the stateless per-layer codecs. */
    public static List<String> downlinkNames() {
        return StatelessKinds.codecNames();
    }

    /**
     * The codec of the server's broadcast of the global model: {@code name}'s layer codec with its
     * default options over every layer of {@code layout}, no integrity check.
     *
     * @throws IllegalArgumentException naming the unknown codec and the allowed names
     */
    public static DownlinkCodec downlink(String name, ModelLayout layout) {
        if (name == null || !downlinkNames().contains(name)) {
            throw new IllegalArgumentException("unknown downlink codec '" + name + "'; allowed: "
                    + String.join(", ", downlinkNames()));
        }
        return new DownlinkCodec(name, StatelessKinds.layerCodec(name, "downlink codec '" + name + "'"), layout);
    }

    /**
     * Documentation of every downlink codec, sorted by name. Downlink codecs take no options; the
     * summary of one that has options (topk) states the defaults it uses.
     */
    public static List<SchemeDoc> downlinkDocs() {
        List<SchemeDoc> docs = new ArrayList<>();
        for (String name : downlinkNames()) {
            StatelessKind k = StatelessKinds.get(name);
            StringBuilder summary = new StringBuilder(k.summary());
            for (int i = 0; i < k.options().size(); i++) {
                OptionDoc o = k.options().get(i);
                summary.append(i == 0 ? "; in the downlink with its defaults: " : ", ").append(o.key()).append('=')
                        .append(o.defaultValue());
            }
            docs.add(new SchemeDoc(name, summary.toString(), List.of()));
        }
        return docs;
    }
}
