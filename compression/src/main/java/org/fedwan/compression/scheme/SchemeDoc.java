package org.fedwan.compression.scheme;

import java.util.List;

/**
 * Documentation of one uplink scheme or downlink codec, as {@link Compression} lists it for a
 * generated reference.
 *
 * @param name    scenario name, e.g. {@code octav}
 * @param summary one line: what it is and which seed (paper) it comes from
 * @param options its options with default, allowed values and meaning; empty if it takes none
 */
public record SchemeDoc(String name, String summary, List<OptionDoc> options) {

    public SchemeDoc {
        options = List.copyOf(options);
    }
}
