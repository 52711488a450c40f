package org.fedwan.channel.nbiot;

import java.util.Objects;

/**
 * One step of an NB-IoT procedure: what it is, the power state the device is in, and how long.
 *
 * @param kind       what the step is for
 * @param state      power state during the step
 * @param durationUs duration in µs, at least 0
 */
public record Phase(PhaseKind kind, PowerState state, long durationUs) {

    /** Validates the fields. */
    public Phase {
        Objects.requireNonNull(kind, "kind is null");
        Objects.requireNonNull(state, "state is null");
        if (durationUs < 0) {
            throw new IllegalArgumentException("durationUs = " + durationUs + " is not allowed; allowed: >= 0");
        }
    }
}
