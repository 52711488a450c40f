package org.fedwan.channel.nbiot;

import java.util.List;
import java.util.Objects;

/**
 * The phases of one connection in order, with the time at which its uplink data was delivered.
 *
 * @param phases            the phases, in order
 * @param uplinkDeliveredUs time from the start of the first phase to the end of the last uplink
 *                          transport block, µs: the latency of the report
 */
public record ProcedurePlan(List<Phase> phases, long uplinkDeliveredUs) {

    /** Copies the phase list and validates the delivery time. */
    public ProcedurePlan {
        phases = List.copyOf(Objects.requireNonNull(phases, "phases is null"));
        if (uplinkDeliveredUs < 0) {
            throw new IllegalArgumentException("uplinkDeliveredUs = " + uplinkDeliveredUs + " is not allowed; allowed: >= 0");
        }
    }

    /** @return total duration, µs */
    public long durationUs() {
        long sum = 0;
        for (Phase p : phases) {
            sum += p.durationUs();
        }
        return sum;
    }

    /** @return time spent in {@code state}, µs */
    public long durationUs(PowerState state) {
        long sum = 0;
        for (Phase p : phases) {
            if (p.state() == state) {
                sum += p.durationUs();
            }
        }
        return sum;
    }

    /** @return time spent in phases of {@code kind}, µs */
    public long durationUs(PhaseKind kind) {
        long sum = 0;
        for (Phase p : phases) {
            if (p.kind() == kind) {
                sum += p.durationUs();
            }
        }
        return sum;
    }

    /** @return number of phases of {@code kind} */
    public int count(PhaseKind kind) {
        int n = 0;
        for (Phase p : phases) {
            if (p.kind() == kind) {
                n++;
            }
        }
        return n;
    }

    /** @return energy of the plan: sum of draw x duration, J */
    public double energyJ(NbiotPowerProfile profile, PowerSavingConfig ps) {
        return NbiotEnergy.energyJ(phases, profile, ps);
    }
}
