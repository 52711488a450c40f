package org.fedwan.compression;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/** Maps scenario names to codecs. Adding a codec is one class and one entry here. */
public final class CodecRegistry {

    private static final Map<String, Supplier<LayerCodec>> CODECS = new TreeMap<>();

    static {
        CODECS.put(Fp32Codec.NAME, Fp32Codec::new);
        CODECS.put(Int8AffineCodec.NAME, Int8AffineCodec::new);
    }

    private CodecRegistry() {
    }

    /** Names accepted by {@link #create}, sorted. */
    public static List<String> names() {
        return List.copyOf(CODECS.keySet());
    }

    /**
     * A codec by its scenario name.
     *
     * @throws IllegalArgumentException naming the value and the allowed names
     */
    public static LayerCodec create(String name) {
        Supplier<LayerCodec> s = CODECS.get(name);
        if (s == null) {
            throw new IllegalArgumentException("unknown codec '" + name + "'; allowed: " + String.join(", ", names()));
        }
        return s.get();
    }
}
