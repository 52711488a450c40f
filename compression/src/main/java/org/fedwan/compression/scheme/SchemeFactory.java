package org.fedwan.compression.scheme;

import java.util.List;
import org.fedwan.compression.CodecOptions;
import org.fedwan.compression.ModelLayout;

/** Builds a scheme from a layout and options; one per registry entry. */
public interface SchemeFactory {

    /** Scenario name. */
    String name();

    /** One line: what it is and which seed it comes from. */
    String summary();

    /** Options of this scheme (the common {@code quantity} and {@code downlink} included). */
    List<OptionDoc> options();

    /**
     * Builds the scheme, reading its options from {@code options} (the registry checks afterwards
     * that no unknown option was given).
     *
     * @throws IllegalArgumentException naming an invalid option, its value and what is allowed
     */
    Scheme create(ModelLayout layout, CodecOptions options);
}
