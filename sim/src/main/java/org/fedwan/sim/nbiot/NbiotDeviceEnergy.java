package org.fedwan.sim.nbiot;

import org.fedwan.channel.energy.Battery;
import org.fedwan.channel.nbiot.PowerState;

/**
 * The energy bookkeeping of one {@link NbiotDevice}: its current power state, each interval in a
 * state charged at the profile's draw for that state (the idle draw depends on the DRX or eDRX
 * cycle), reported to the listener and drained from the battery. When the battery empties the
 * device dies at the exact depletion time, noticed at the end of the interval in which it happens.
 */
final class NbiotDeviceEnergy {

    private final NbiotDevice device;
    private final double[] drawW;
    private final Battery battery;
    private final NbiotListener listener;

    private PowerState power = PowerState.PSM;
    private long powerSinceUs;
    private double energyJ;
    private final double[] energyByStateJ = new double[PowerState.values().length];
    private final long[] timeByStateUs = new long[PowerState.values().length];

    /**
     * @param device   the device
     * @param drawW    draw per power state (by ordinal), W
     * @param battery  the battery, or null when unlimited
     * @param listener receives every charged interval
     * @param nowUs    start of the first interval (in PSM), µs
     */
    NbiotDeviceEnergy(NbiotDevice device, double[] drawW, Battery battery, NbiotListener listener, long nowUs) {
        this.device = device;
        this.drawW = drawW;
        this.battery = battery;
        this.listener = listener;
        this.powerSinceUs = nowUs;
    }

    /** @return the current power state */
    PowerState state() {
        return power;
    }

    /** @return energy spent up to the last accounted time, J */
    double energyJ() {
        return energyJ;
    }

    /** @return energy spent in {@code s} up to the last accounted time, J */
    double energyJ(PowerState s) {
        return energyByStateJ[s.ordinal()];
    }

    /** @return time spent in {@code s} up to the last accounted time, µs */
    long timeUs(PowerState s) {
        return timeByStateUs[s.ordinal()];
    }

    /** @return the battery, or null when unlimited */
    Battery battery() {
        return battery;
    }

    /** Charges the current state up to {@code nowUs}, then enters {@code next}. */
    void switchTo(PowerState next, long nowUs) {
        closeInterval(nowUs);
        power = next;
    }

    /** Charges the current state up to {@code nowUs} without changing it. */
    void closeInterval(long nowUs) {
        long durationUs = nowUs - powerSinceUs;
        if (durationUs > 0) {
            double e = drawW[power.ordinal()] * durationUs * 1e-6;
            energyJ += e;
            energyByStateJ[power.ordinal()] += e;
            timeByStateUs[power.ordinal()] += durationUs;
            listener.onEnergy(device, power, powerSinceUs, nowUs, e);
            powerSinceUs = nowUs;
            if (battery != null && battery.drain(nowUs, e) && !device.isDead()) {
                device.die(battery.depletedAtUs());
            }
        }
    }

    /**
     * Charges RX for {@code rxUs} of a broadcast block {@code [startUs, endUs]} on top of the current
     * state: the difference between the RX draw and the current state's draw.
     */
    void chargeBroadcastRx(long startUs, long endUs, long rxUs) {
        double extraJ = Math.max(0.0, drawW[PowerState.RX.ordinal()] - drawW[power.ordinal()]) * rxUs * 1e-6;
        if (extraJ > 0.0) {
            energyJ += extraJ;
            energyByStateJ[PowerState.RX.ordinal()] += extraJ;
            listener.onEnergy(device, PowerState.RX, startUs, endUs, extraJ);
            if (battery != null && battery.drain(Math.max(endUs, powerSinceUs), extraJ)) {
                device.die(battery.depletedAtUs());
            }
        }
    }
}
