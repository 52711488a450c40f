package org.fedwan.compression.scheme;

import java.util.List;
import java.util.Map;
import org.fedwan.compression.ModelLayout;

/**
 * The former scheme registry, kept only while callers outside {@code compression} move to
 * {@link Compression}; every method forwards there.
 *
 * @deprecated use {@link Compression#uplink}, {@link Compression#uplinkNames},
 *             {@link Compression#uplinkDoc}
 */
@Deprecated(forRemoval = true)
public final class SchemeRegistry {

    private SchemeRegistry() {
    }

    /** As {@link Compression#uplinkNames()}. */
    public static List<String> names() {
        return Compression.uplinkNames();
    }

    /** The options of {@code name} as {@link Compression#uplinkDoc} lists them. */
    public static List<OptionDoc> options(String name) {
        return Compression.uplinkDoc(name).options();
    }

    /** As {@link Compression#uplink}. */
    public static Scheme create(String name, ModelLayout layout, Map<String, String> options) {
        return Compression.uplink(name, layout, options);
    }
}
