package org.fedwan.sim.lorawan.traffic;

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
}
