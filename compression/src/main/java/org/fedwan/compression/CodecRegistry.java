package org.fedwan.compression;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Maps scenario names to stateless, deterministic per-layer codecs. Adding a codec is one class
 * and one entry here. Stateful, layer-wise and stochastic schemes are in
 * {@link org.fedwan.compression.scheme.SchemeRegistry}, which also offers every codec listed here.
 */
public final class CodecRegistry {

    private static final Map<String, Function<CodecOptions, LayerCodec>> CODECS = new TreeMap<>();

    static {
        CODECS.put(Fp32Codec.NAME, o -> new Fp32Codec());
        CODECS.put(Fp16Codec.NAME, o -> new Fp16Codec());
        CODECS.put(Int8AffineCodec.NAME, o -> new Int8AffineCodec());
        CODECS.put(Int4AffineCodec.NAME, o -> new Int4AffineCodec());
        CODECS.put(ScaledSignCodec.NAME, o -> new ScaledSignCodec());
        CODECS.put(TopKCodec.NAME, TopKCodec::fromOptions);
    }

    private CodecRegistry() {
    }

    /** Names accepted by {@link #create}, sorted. */
    public static List<String> names() {
        return List.copyOf(CODECS.keySet());
    }

    /**
     * A codec by its scenario name, with default options.
     *
     * @throws IllegalArgumentException naming the value and the allowed names
     */
    public static LayerCodec create(String name) {
        return create(name, Map.of());
    }

    /**
     * A codec by its scenario name and options (only {@code topk} has any: {@code fraction},
     * {@code index}).
     *
     * @throws IllegalArgumentException naming the unknown name or the invalid option, its value and what is allowed
     */
    public static LayerCodec create(String name, Map<String, String> options) {
        CodecOptions o = new CodecOptions("codec '" + name + "'", options);
        LayerCodec c = create(name, o);
        o.checkAllUsed();
        return c;
    }

    /** As {@link #create(String, Map)} without the unknown-option check (the caller checks). */
    public static LayerCodec create(String name, CodecOptions options) {
        Function<CodecOptions, LayerCodec> f = CODECS.get(name);
        if (f == null) {
            throw new IllegalArgumentException("unknown codec '" + name + "'; allowed: " + String.join(", ", names()));
        }
        return f.apply(options);
    }
}
