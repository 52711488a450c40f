package org.fedwan.compression.scheme;
import java.util.Locale;

/** What a scheme compresses: the values a client hands to {@link ClientEncoder#encode}. */
public enum Quantity {
    /** Model weights after local training (seed 000 Algorithm 1, seed 002 Algorithm 1). */
    WEIGHTS,
    /** Model update: local weights minus the global weights the round started from (seed 001 eq. 2). */
    UPDATE,
    /** Gradient of the local loss (seed 003 eq. 11-16, seed 004 eq. 2, 13). */
    GRADIENT;

    /** Lower-case name used in options, e.g. {@code update}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
