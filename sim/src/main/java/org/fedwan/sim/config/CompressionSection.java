package org.fedwan.sim.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fedwan.compression.scheme.Compression;

/**
 * How updates and the global model are coded on the air.
 *
 * @param uplinkCodec   compression scheme of client updates (a name of {@link Compression}, or {@code ef:NAME})
 * @param uplinkOptions the scheme's options
 * @param downlinkCodec codec of the broadcast global model
 */
public record CompressionSection(String uplinkCodec, Map<String, String> uplinkOptions, String downlinkCodec) {

    public static final Section<CompressionSection> SECTION = new Section<>("compression",
            "how updates and the global model are coded", CompressionSection.class, List.of(
            Key.of("uplink_codec", new UplinkName(), "int8",
                    "compression scheme of client updates (see the schemes reference); ef:NAME adds error feedback"),
            new Key<>("uplink_options", Types.options(), Map.of(), "(none)",
                    "the scheme's options: key=value pairs separated by spaces or commas, or a mapping, e.g. "
                            + "\"bits=4-2-2-4 rounding=stochastic\""),
            Key.of("downlink_codec", Types.choice(Compression::downlinkNames), "fp32", "codec of the broadcast global model")));

    public CompressionSection {
        // sorted by key, always: Map.copyOf iterates in an order that changes from one JVM to the next,
        // which made the resolved scenario (its hash, the manifest) differ between runs of one study
        uplinkOptions = Collections.unmodifiableMap(new TreeMap<>(uplinkOptions));
    }

    /** The scheme's options as text, {@code key=value} pairs sorted by key (empty: none). */
    public String uplinkOptionsText() {
        return (String) Types.options().write(new TreeMap<>(uplinkOptions));
    }

    /** A registered scheme name, or {@code ef:NAME} for error feedback over one. */
    private static final class UplinkName implements ValueType<String> {
        @Override
        public String read(Object raw, Path baseDir) {
            String name = String.valueOf(raw);
            String base = name.startsWith(Compression.ERROR_FEEDBACK_PREFIX)
                    ? name.substring(Compression.ERROR_FEEDBACK_PREFIX.length()) : name;
            if (!(raw instanceof String) || !Compression.uplinkNames().contains(base)) {
                throw new IllegalArgumentException("allowed: " + allowed());
            }
            return name;
        }

        @Override
        public Object write(String value) {
            return value;
        }

        @Override
        public String allowed() {
            return "one of " + String.join(", ", Compression.uplinkNames()) + ", or ef:NAME for error feedback over NAME";
        }

        @Override
        public Class<?> javaType() {
            return String.class;
        }

        @Override
        public boolean textual() {
            return true;
        }
    }
}
