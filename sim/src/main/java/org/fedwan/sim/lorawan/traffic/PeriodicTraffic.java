package org.fedwan.sim.lorawan.traffic;

import java.util.random.RandomGenerator;
import org.fedwan.sim.background.TrafficArrival;
import org.fedwan.sim.kernel.Event;
import org.fedwan.sim.kernel.Simulation;
import org.fedwan.sim.lorawan.LorawanDevice;

/**
 * One device's packet source: a reused event that offers a packet to its device and schedules
 * itself again until the generation window closes. Draws come from the device's
 * {@code "traffic"} stream (keyed by its entity id). Used by {@code lorawan-net} and by the
 * background sensors of FL runs ({@link LorawanBackground}).
 */
final class PeriodicTraffic extends Event<LorawanDevice> {

    private final LorawanDevice device;
    private final TrafficArrival arrival;
    private final long periodUs;
    private final int payloadBytes;
    private final long endUs;
    private final RandomGenerator rng;
    private long offered;

    PeriodicTraffic(Simulation model, LorawanDevice device, LorawanNetworkConfig config) {
        this(model, device, config.arrival(), config.periodUs(), config.payloadBytes(), config.durationUs());
    }

    /**
     * @param arrival      packet spacing
     * @param periodUs     period (the mean gap under POISSON), µs
     * @param payloadBytes FRMPayload per packet, bytes
     * @param endUs        no packet is generated at or after this time, µs
     */
    PeriodicTraffic(Simulation model, LorawanDevice device, TrafficArrival arrival, long periodUs, int payloadBytes,
            long endUs) {
        super(model, "packet");
        this.device = device;
        this.arrival = arrival;
        this.periodUs = periodUs;
        this.payloadBytes = payloadBytes;
        this.endUs = endUs;
        this.rng = model.streams().of(device.id(), "traffic");
    }

    /** @return packets generated so far */
    long offered() {
        return offered;
    }

    /** Schedules the first packet: a uniform phase (PERIODIC) or one exponential gap (POISSON). */
    void start() {
        long first = arrival.firstGapUs(rng, periodUs);
        if (first < endUs) {
            schedule(device, first);
        }
    }

    @Override
    protected void eventRoutine(LorawanDevice who) {
        offered++;
        who.offerPacket(payloadBytes);
        long gap = arrival.nextGapUs(rng, periodUs);
        long next = simulation().nowUs() + gap;
        if (next < endUs) {
            scheduleAt(who, next);
        }
    }
}
