package org.fedwan.compression.scheme;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import org.fedwan.compression.CodecOptions;
import org.fedwan.compression.ModelLayout;

/**
 * Maps scenario names (+ a string-to-string options map) to schemes. Adding a scheme is one class
 * and one {@link #register} line; a stateless per-layer quantizer is one class and one line in
 * {@code StatelessKinds}. A name {@code ef:NAME} wraps scheme NAME in error feedback and takes
 * NAME's options.
 */
public final class SchemeRegistry {

    private static final Map<String, SchemeFactory> FACTORIES = new TreeMap<>();

    static {
        for (StatelessKind k : StatelessKinds.all()) {
            register(k.asScheme());
        }
        register(factory(XflScheme.NAME, "XFL / XFL-Q: one layer per client per round, round-robin (eq. 2) or stochastic (seed 000)",
                XflScheme.docs(), XflScheme::new));
        register(factory("quantfl-bu", "QuantFL bucket-uniform, K levels, mid-point decoding, codebooks refreshed every T rounds (seed 001)",
                QuantFlScheme.docs(), (l, o) -> new QuantFlScheme("quantfl-bu", true, l, o)));
        register(factory("quantfl-bq", "QuantFL bucket-quantile (equal-mass buckets), otherwise as quantfl-bu (seed 001)",
                QuantFlScheme.docs(), (l, o) -> new QuantFlScheme("quantfl-bq", false, l, o)));
        register(factory("laq", "LAQ: innovation against the previous quantized gradient, radius + b bits (seed 004 eq. 13-18)",
                LaqScheme.docs(false), (l, o) -> new LaqScheme("laq", l, o, false)));
        register(factory("flq-innovation", "FLQ gradient innovation quantization (seed 003 eq. 16; LAQ's quantizer)",
                LaqScheme.docs(false), (l, o) -> new LaqScheme("flq-innovation", l, o, false)));
        register(factory("slaq", "SLAQ: LAQ plus the lazy skip rule, the comparator of seed 004",
                LaqScheme.docs(true), (l, o) -> new LaqScheme("slaq", l, o, true)));
        register(factory(QrrScheme.NAME, "QRR: truncated SVD / Tucker of gradients, each factor LAQ-quantized (seed 004)",
                QrrScheme.docs(), QrrScheme::new));
    }

    private SchemeRegistry() {
    }

    /** Adds a factory under its name. */
    static void register(SchemeFactory f) {
        if (FACTORIES.put(f.name(), f) != null) {
            throw new IllegalStateException("scheme '" + f.name() + "' registered twice");
        }
    }

    private static SchemeFactory factory(String name, String summary, List<OptionDoc> docs,
            BiFunction<ModelLayout, CodecOptions, Scheme> create) {
        return new SchemeFactory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String summary() {
                return summary;
            }

            @Override
            public List<OptionDoc> options() {
                return docs;
            }

            @Override
            public Scheme create(ModelLayout layout, CodecOptions options) {
                return create.apply(layout, options);
            }
        };
    }

    /** Registered names, sorted (each also usable as {@code ef:NAME}). */
    public static List<String> names() {
        return List.copyOf(FACTORIES.keySet());
    }

    /** The factory of {@code name} (without the {@code ef:} prefix). */
    public static SchemeFactory factory(String name) {
        SchemeFactory f = FACTORIES.get(name);
        if (f == null) {
            throw new IllegalArgumentException("unknown scheme '" + name + "'; allowed: " + String.join(", ", names())
                    + " (each also as ef:NAME for error feedback)");
        }
        return f;
    }

    /** Documentation of the options of {@code name}. */
    public static List<OptionDoc> options(String name) {
        return factory(strip(name)).options();
    }

    /**
     * A scheme by scenario name and options.
     *
     * @param name    e.g. {@code int8}, {@code xfl}, {@code octav}, {@code ef:topk}
     * @param layout  the model both ends agree on
     * @param options option name to value as written in the scenario file; null or empty for defaults
     * @throws IllegalArgumentException for an unknown name, or naming an unknown or invalid option,
     *                                  its value and what is allowed
     */
    public static Scheme create(String name, ModelLayout layout, Map<String, String> options) {
        if (name == null) {
            throw new IllegalArgumentException("scheme name must not be null; allowed: " + String.join(", ", names()));
        }
        boolean ef = name.startsWith(ErrorFeedbackScheme.PREFIX);
        String base = strip(name);
        SchemeFactory f = factory(base);
        CodecOptions o = new CodecOptions("scheme '" + name + "'", options);
        Scheme s = f.create(layout, o);
        o.checkAllUsed();
        return ef ? new ErrorFeedbackScheme(s) : s;
    }

    private static String strip(String name) {
        return name.startsWith(ErrorFeedbackScheme.PREFIX) ? name.substring(ErrorFeedbackScheme.PREFIX.length()) : name;
    }
}
