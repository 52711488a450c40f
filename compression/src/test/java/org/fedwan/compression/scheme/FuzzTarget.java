package org.fedwan.compression.scheme;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.fedwan.compression.ModelLayout;
import org.fedwan.compression.TestLayouts;

/**
 * One decoder under fuzzing: an uplink scheme with options (its {@link ServerDecoder}) or a
 * downlink codec ({@link DownlinkCodec#decode}), on {@link TestLayouts#small()} (a 4-D kernel, a
 * matrix, vectors, odd sizes; 132 parameters). The list holds every registered uplink scheme with
 * its defaults, every downlink codec, and every option value that changes the message format:
 * each xfl codec, OCTAV bit widths, scope, levels and MSE field, top-k index coding, QSGD and
 * QuantFL level counts and boundary widths, LAQ and QRR bit widths and ranks, and error feedback
 * ({@code ef:}) over three inner schemes.
 *
 * @param id       name of the target, also the folder of its regression inputs under
 *                 {@code src/test/resources/fuzz/}
 * @param scheme   uplink scheme name as in {@link Compression#uplink}, or the downlink codec name
 * @param options  uplink options (empty for downlink codecs)
 * @param downlink whether this is a downlink codec
 */
record FuzzTarget(String id, String scheme, Map<String, String> options, boolean downlink) {

    /** The layout every target is fuzzed on. */
    static final ModelLayout LAYOUT = TestLayouts.small();

    private static final Map<String, FuzzTarget> ALL = build();
    /** Schemes hold no state (their encoders and decoders do): one instance per target serves every case. */
    private static final Map<String, Scheme> SCHEMES = new ConcurrentHashMap<>();

    FuzzTarget {
        options = Map.copyOf(options);
    }

    private static Map<String, FuzzTarget> build() {
        List<FuzzTarget> t = new ArrayList<>();
        for (String name : Compression.uplinkNames()) {
            t.add(uplink(name, name, Map.of()));
        }
        for (String codec : StatelessKinds.names()) {
            if (!codec.equals("fp32")) { // xfl's default codec: the target "xfl"
                t.add(uplink("xfl-" + codec, "xfl", Map.of("codec", codec)));
            }
        }
        t.add(uplink("octav-b1", "octav", Map.of("bits", "1")));
        t.add(uplink("octav-b16-layer-midpoint", "octav", Map.of("bits", "16", "scope", "layer", "levels", "midpoint")));
        t.add(uplink("octav-b4-2-8-nomse", "octav", Map.of("bits", "4-2-8", "rounding", "deterministic", "weighting", "none")));
        t.add(uplink("topk-bitmap", "topk", Map.of("fraction", "0.2", "index", "bitmap")));
        t.add(uplink("topk-all", "topk", Map.of("fraction", "1")));
        t.add(uplink("qsgd-k2", "qsgd", Map.of("levels", "2")));
        t.add(uplink("qsgd-k5", "qsgd", Map.of("levels", "5")));
        t.add(uplink("qsgd-k65536", "qsgd", Map.of("levels", "65536")));
        t.add(uplink("flq-kbit-b1", "flq-kbit", Map.of("bits", "1")));
        t.add(uplink("flq-kbit-b16", "flq-kbit", Map.of("bits", "16", "rounding", "deterministic")));
        t.add(uplink("flq-weights-b3", "flq-weights", Map.of("bits", "3")));
        t.add(uplink("quantfl-bu-k5-half", "quantfl-bu", Map.of("levels", "5", "boundaryBits", "16", "refresh", "2")));
        t.add(uplink("quantfl-bq-k2-half", "quantfl-bq", Map.of("levels", "2", "boundaryBits", "16", "refresh", "3")));
        t.add(uplink("quantfl-bq-k128", "quantfl-bq", Map.of("levels", "128")));
        t.add(uplink("laq-b1", "laq", Map.of("bits", "1")));
        t.add(uplink("laq-b16", "laq", Map.of("bits", "16")));
        t.add(uplink("slaq-skipping", "slaq", Map.of("maxSkip", "3", "alpha", "1")));
        t.add(uplink("qrr-p0.5-b4", "qrr", Map.of("p", "0.5", "bits", "4")));
        t.add(uplink("qrr-p1-b16", "qrr", Map.of("p", "1", "bits", "16")));
        t.add(uplink("ef-topk", "ef:topk", Map.of("fraction", "0.1")));
        t.add(uplink("ef-quantfl-bu", "ef:quantfl-bu", Map.of("refresh", "2")));
        t.add(uplink("ef-xfl-int4", "ef:xfl", Map.of("codec", "int4", "quantity", "update")));
        for (String codec : Compression.downlinkNames()) {
            t.add(new FuzzTarget("downlink-" + codec, codec, Map.of(), true));
        }
        Map<String, FuzzTarget> byId = new LinkedHashMap<>();
        for (FuzzTarget f : t) {
            if (byId.put(f.id(), f) != null) {
                throw new IllegalStateException("fuzz target '" + f.id() + "' listed twice");
            }
        }
        return byId;
    }

    private static FuzzTarget uplink(String id, String scheme, Map<String, String> options) {
        return new FuzzTarget(id, scheme, options, false);
    }

    /** Every target, uplink schemes first, in a fixed order. */
    static List<FuzzTarget> all() {
        return List.copyOf(ALL.values());
    }

    /**
     * The target named {@code id}.
     *
     * @throws IllegalArgumentException naming the known ids
     */
    static FuzzTarget byId(String id) {
        FuzzTarget t = ALL.get(id);
        if (t == null) {
            throw new IllegalArgumentException("unknown fuzz target '" + id + "'; known: " + String.join(", ", ALL.keySet()));
        }
        return t;
    }

    /**
     * Runs one fuzz input against this decoder ({@link UplinkFuzzCase} or {@link DownlinkFuzzCase}).
     *
     * @throws AssertionError naming the broken property
     */
    void run(byte[] input) {
        if (downlink) {
            DownlinkFuzzCase.run(this, input);
        } else {
            UplinkFuzzCase.run(this, input);
        }
    }

    /** The uplink scheme (built once per target). */
    Scheme uplinkScheme() {
        return SCHEMES.computeIfAbsent(id, k -> Compression.uplink(scheme, LAYOUT, options));
    }

    /** A new instance of the downlink codec. */
    DownlinkCodec downlinkCodec() {
        return Compression.downlink(scheme, LAYOUT);
    }

    /**
     * The stateless codec every layer (or xfl's selected layer) goes through, or null for
     * schemes that are not per-layer codecs.
     */
    String layerCodec() {
        if (downlink) {
            return scheme;
        }
        String bare = scheme.startsWith(Compression.ERROR_FEEDBACK_PREFIX)
                ? scheme.substring(Compression.ERROR_FEEDBACK_PREFIX.length()) : scheme;
        if (bare.equals(XflScheme.NAME)) {
            return options.getOrDefault("codec", "fp32");
        }
        return StatelessKinds.names().contains(bare) ? bare : null;
    }

    /**
     * Whether accepted messages may decode to non-finite values: fp32 carries raw IEEE 754 floats,
     * NaN and infinities included, and its decoder checks nothing but the length.
     */
    boolean carriesRawFloats() {
        return "fp32".equals(layerCodec());
    }

    @Override
    public String toString() {
        return id + " (" + (downlink ? "downlink " : "") + scheme + (options.isEmpty() ? "" : " " + new TreeMap<>(options)) + ")";
    }
}
