package org.fedwan.compression.scheme;

import java.util.Map;
import org.fedwan.compression.ModelLayout;

/**
 * What names a scheme instance: its scenario name, the options in force, the layout it is bound
 * to and what it compresses. {@link Scheme}'s accessors read it.
 *
 * @param name     scenario name, e.g. {@code octav} or {@code ef:topk}
 * @param options  the options in force, defaults filled in, sorted by key
 * @param layout   the model layout
 * @param quantity what the scheme compresses
 */
public record SchemeIdentity(String name, Map<String, String> options, ModelLayout layout, Quantity quantity) {
}
