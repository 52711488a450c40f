package org.fedwan.channel.energy;

/**
 * A device battery of fixed capacity. {@link #drain(long, double)} takes the current time and
 * the energy drawn since the previous call, assumed drawn at constant power over that interval,
 * so the moment the battery empties is interpolated inside the interval.
 *
 * <p>Capacity from charge: {@code E = Q[Ah] * 3600 * V} ({@link #ofMilliampHours}); Casals et
 * al. (Sensors 2017) model a 2400 mAh battery (lpwan-facts A9). An ideal battery: no
 * rate-capacity effect, no self-discharge, no voltage sag. Never reads a clock; mutable, not
 * thread-safe.
 */
public final class Battery {

    private final double capacityJ;
    private double usedJ;
    private long lastDrainUs;
    private long depletedAtUs = Long.MAX_VALUE;

    /**
     * @param capacityJ capacity in joules, greater than 0 ({@code +Infinity} for no limit)
     * @param startUs   time the battery starts being drained, µs
     */
    public Battery(double capacityJ, long startUs) {
        if (!(capacityJ > 0.0) || Double.isNaN(capacityJ)) {
            throw new IllegalArgumentException("capacityJ = " + capacityJ
                    + " is not allowed; allowed: > 0 or +Infinity");
        }
        this.capacityJ = capacityJ;
        this.lastDrainUs = startUs;
    }

    /**
     * @param milliampHours charge in mAh, greater than 0
     * @param voltageV      nominal voltage in volts, greater than 0
     * @return capacity in joules: {@code mAh / 1000 * 3600 * V}
     */
    public static double joulesOfMilliampHours(double milliampHours, double voltageV) {
        if (!(milliampHours > 0.0) || !(voltageV > 0.0)) {
            throw new IllegalArgumentException("milliampHours = " + milliampHours + ", voltageV = " + voltageV
                    + " are not allowed; allowed: > 0");
        }
        return milliampHours / 1000.0 * 3600.0 * voltageV;
    }

    /**
     * @param milliampHours charge in mAh
     * @param voltageV      nominal voltage in volts
     * @param startUs       start time, µs
     * @return a battery of {@code joulesOfMilliampHours(milliampHours, voltageV)}
     */
    public static Battery ofMilliampHours(double milliampHours, double voltageV, long startUs) {
        return new Battery(joulesOfMilliampHours(milliampHours, voltageV), startUs);
    }

    /**
     * Records energy drawn uniformly over {@code [previous call, nowUs]}.
     *
     * @param nowUs   current time, µs, not before the previous call
     * @param energyJ energy drawn over the interval, J, at least 0
     * @return true if the battery is empty after this call
     */
    public boolean drain(long nowUs, double energyJ) {
        if (nowUs < lastDrainUs) {
            throw new IllegalArgumentException("nowUs = " + nowUs + " is before the previous drain at "
                    + lastDrainUs + " us");
        }
        if (!(energyJ >= 0.0) || !Double.isFinite(energyJ)) {
            throw new IllegalArgumentException("energyJ = " + energyJ + " is not allowed; allowed: finite and >= 0");
        }
        double remaining = capacityJ - usedJ;
        if (depletedAtUs == Long.MAX_VALUE && energyJ > 0.0 && energyJ >= remaining) {
            double fraction = remaining / energyJ;
            depletedAtUs = lastDrainUs + (long) Math.ceil(fraction * (nowUs - lastDrainUs));
        }
        usedJ += energyJ;
        lastDrainUs = nowUs;
        return isDepleted();
    }

    /** @return capacity in joules */
    public double capacityJ() {
        return capacityJ;
    }

    /** @return energy drawn so far in joules (may exceed the capacity by the last interval) */
    public double usedJ() {
        return usedJ;
    }

    /** @return energy left in joules, never below 0 */
    public double remainingJ() {
        return Math.max(0.0, capacityJ - usedJ);
    }

    /** @return true once the battery is empty */
    public boolean isDepleted() {
        return depletedAtUs != Long.MAX_VALUE;
    }

    /** @return the time the battery emptied, µs, or {@link Long#MAX_VALUE} while it has not */
    public long depletedAtUs() {
        return depletedAtUs;
    }
}
