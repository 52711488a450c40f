package org.fedwan.sim.lorawan.traffic;

import java.util.random.RandomGenerator;
import org.fedwan.sim.kernel.Event;
import org.fedwan.sim.kernel.Simulation;
import org.fedwan.sim.lorawan.LorawanDevice;

/**
 * One device's packet source: a reused event that offers a packet to its device and schedules
 * itself again until the generation window closes. Draws come from the device's
 * {@code "traffic"} stream.
 */
final class PeriodicTraffic extends Event<LorawanDevice> {

    private final LorawanDevice device;
    private final TrafficArrival arrival;
    private final long periodUs;
    private final int payloadBytes;
    private final long endUs;
    private final RandomGenerator rng;

    PeriodicTraffic(Simulation model, LorawanDevice device, LorawanNetworkConfig config) {
        super(model, "packet");
        this.device = device;
        this.arrival = config.arrival();
        this.periodUs = config.periodUs();
        this.payloadBytes = config.payloadBytes();
        this.endUs = config.durationUs();
        this.rng = model.streams().of(device.index(), "traffic");
    }

    /** Schedules the first packet: a uniform phase (PERIODIC) or one exponential gap (POISSON). */
    void start() {
        long first = arrival == TrafficArrival.PERIODIC ? rng.nextLong(periodUs) : exponentialUs();
        if (first < endUs) {
            schedule(device, first);
        }
    }

    @Override
    protected void eventRoutine(LorawanDevice who) {
        who.offerPacket(payloadBytes);
        long gap = arrival == TrafficArrival.PERIODIC ? periodUs : exponentialUs();
        long next = simulation().nowUs() + gap;
        if (next < endUs) {
            scheduleAt(who, next);
        }
    }

    private long exponentialUs() {
        return Math.max(1L, Math.round(-Math.log(1.0 - rng.nextDouble()) * periodUs));
    }
}
