package org.fedwan.compression.scheme;

import java.util.Map;
import org.fedwan.compression.ModelLayout;

/**
 * The former scheme registry, kept only because {@code ScenarioLoader} in {@code scenarios} still
 * calls {@link #create}; it forwards to {@link Compression#uplink} and goes once that call moves.
 *
 * @deprecated use {@link Compression#uplink}
 */
@Deprecated(forRemoval = true)
public final class SchemeRegistry {

    private SchemeRegistry() {
    }

    /** As {@link Compression#uplink}. */
    public static Scheme create(String name, ModelLayout layout, Map<String, String> options) {
        return Compression.uplink(name, layout, options);
    }
}
