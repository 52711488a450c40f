package org.fedwan.sim.background;

import java.util.random.RandomGenerator;
import org.fedwan.results.Labeled;

/** How a device's packets are spaced in time. */
public enum TrafficArrival implements Labeled {
    /**
     * Exactly one period apart, the first at a uniform random phase in {@code [0, period)}
     * (ns-3 {@code PeriodicSender} with a random start).
     */
    PERIODIC("periodic"),
    /** Exponential gaps with the period as mean, the first after one such gap (LoRaSim {@code expovariate}). */
    POISSON("poisson");

    private final String label;

    TrafficArrival(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /**
     * The time from the start of the traffic to a device's first packet: a uniform phase in
     * {@code [0, period)} (PERIODIC) or one exponential gap (POISSON).
     *
     * @param rng      the device's traffic stream
     * @param periodUs the period (the mean gap under POISSON), µs, at least 1
     * @return the delay, µs
     */
    public long firstGapUs(RandomGenerator rng, long periodUs) {
        return this == PERIODIC ? rng.nextLong(periodUs) : exponentialUs(rng, periodUs);
    }

    /**
     * The time from one packet to the next: the period (PERIODIC, no draw) or an exponential gap
     * with the period as mean, at least 1 µs (POISSON, inverse transform of one uniform draw).
     *
     * @param rng      the device's traffic stream
     * @param periodUs the period (the mean gap under POISSON), µs
     * @return the gap, µs
     */
    public long nextGapUs(RandomGenerator rng, long periodUs) {
        return this == PERIODIC ? periodUs : exponentialUs(rng, periodUs);
    }

    private static long exponentialUs(RandomGenerator rng, long periodUs) {
        return Math.max(1L, Math.round(-Math.log(1.0 - rng.nextDouble()) * periodUs));
    }
}
