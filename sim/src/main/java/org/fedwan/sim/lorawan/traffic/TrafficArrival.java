package org.fedwan.sim.lorawan.traffic;

/** How a device's packets are spaced in time. */
public enum TrafficArrival {
    /**
     * Exactly one period apart, the first at a uniform random phase in {@code [0, period)}
     * (ns-3 {@code PeriodicSender} with a random start).
     */
    PERIODIC,
    /** Exponential gaps with the period as mean, the first after one such gap (LoRaSim {@code expovariate}). */
    POISSON
}
