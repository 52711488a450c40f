package org.fedwan.sim.stats;

/**
 * Time-weighted average of a piecewise-constant quantity (queue length, radio state power,
 * clients in a round), after DESMO-J's {@code Accumulate}. Stores no history: only the running
 * integral, the current value and the time of the last change.
 *
 * <p>The value holds from each {@link #update(long, double)} until the next. Times are simulation
 * times in microseconds and must not decrease. The {@link #integral(long)} is in value-seconds
 * (e.g. watts integrated give joules); {@link #mean(long)} is the integral divided by the elapsed
 * time since the start.
 */
public final class TimeWeightedAverage {

    private static final double MICROSECONDS_PER_SECOND = 1e6;

    private final long startUs;
    private long lastUs;
    private double current;
    /** Integral from start to {@code lastUs}, in value-microseconds. */
    private double integralValueUs;

    /**
     * @param startUs      the start of the observation period, in microseconds
     * @param initialValue the value from {@code startUs} on
     * @throws IllegalArgumentException if {@code initialValue} is NaN or infinite
     */
    public TimeWeightedAverage(long startUs, double initialValue) {
        checkFinite(initialValue);
        this.startUs = startUs;
        this.lastUs = startUs;
        this.current = initialValue;
    }

    /**
     * Records that the quantity changes to {@code newValue} at {@code nowUs}.
     *
     * @param nowUs    the time of the change in microseconds, not before the last update
     * @param newValue the value from {@code nowUs} on
     * @throws IllegalArgumentException if time goes backwards or {@code newValue} is not finite
     */
    public void update(long nowUs, double newValue) {
        checkFinite(newValue);
        integralValueUs += current * elapsedSinceLastUs(nowUs);
        lastUs = nowUs;
        current = newValue;
    }

    /**
     * @param nowUs the end of the averaging period in microseconds, not before the last update
     * @return the integral from the start to {@code nowUs}, in value-seconds
     * @throws IllegalArgumentException if {@code nowUs} is before the last update
     */
    public double integral(long nowUs) {
        return integralValueUs(nowUs) / MICROSECONDS_PER_SECOND;
    }

    /**
     * @param nowUs the end of the averaging period in microseconds, not before the last update
     * @return the time-weighted mean from the start to {@code nowUs}; over a zero-length period,
     *         the current value (the limit of the mean as the period shrinks, since the value
     *         holds from each update on)
     * @throws IllegalArgumentException if {@code nowUs} is before the last update
     */
    public double mean(long nowUs) {
        double totalValueUs = integralValueUs(nowUs);
        long elapsedUs = nowUs - startUs;
        return elapsedUs == 0 ? current : totalValueUs / elapsedUs;
    }

    /** @return the value set by the last update (or the initial value) */
    public double current() {
        return current;
    }

    /** @return the start of the observation period, in microseconds */
    public long startUs() {
        return startUs;
    }

    /** @return the time of the last update (or the start), in microseconds */
    public long lastUpdateUs() {
        return lastUs;
    }

    private double integralValueUs(long nowUs) {
        return integralValueUs + current * elapsedSinceLastUs(nowUs);
    }

    private long elapsedSinceLastUs(long nowUs) {
        if (nowUs < lastUs) {
            throw new IllegalArgumentException("time went backwards: " + nowUs
                    + " us is before the last update at " + lastUs + " us");
        }
        return nowUs - lastUs;
    }

    private static void checkFinite(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value must be finite but was " + value);
        }
    }

    @Override
    public String toString() {
        return "TimeWeightedAverage[startUs=" + startUs + ", lastUs=" + lastUs
                + ", current=" + current + "]";
    }
}
