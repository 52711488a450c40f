package org.fedwan.sim.stats;

/**
 * Streaming statistics of a series of observations (count, sum, mean, variance, standard
 * deviation, minimum, maximum), after DESMO-J's {@code Tally}. Stores no history.
 *
 * <p>Mean and variance use Welford's update (B. P. Welford, "Note on a method for calculating
 * corrected sums of squares and products", Technometrics 4(3), 1962), numerically stable for
 * long runs; the results agree with Commons Math 3 {@code SummaryStatistics}. The unit is the
 * unit of the observations; name the tally after it (e.g. {@code latencyUs}).
 */
public final class Tally {

    private long count;
    private double sum;
    private double mean;
    private double sumSquaredDeviations;
    private double min;
    private double max;

    /** Creates an empty tally. */
    public Tally() {
        reset();
    }

    /**
     * Adds one observation.
     *
     * @param value the observation
     * @throws IllegalArgumentException if {@code value} is NaN or infinite
     */
    public void add(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("tally observation must be finite but was " + value);
        }
        long n = ++count;
        sum += value;
        double delta = value - mean;
        mean += delta / n;
        sumSquaredDeviations += delta * (value - mean);
        if (value < min) {
            min = value;
        }
        if (value > max) {
            max = value;
        }
    }

    /** Forgets all observations (e.g. at the end of a warm-up period). */
    public void reset() {
        count = 0;
        sum = 0.0;
        mean = 0.0;
        sumSquaredDeviations = 0.0;
        min = Double.POSITIVE_INFINITY;
        max = Double.NEGATIVE_INFINITY;
    }

    /** @return the number of observations */
    public long count() {
        return count;
    }

    /** @return the sum of the observations, 0 if there are none */
    public double sum() {
        return sum;
    }

    /** @return the arithmetic mean, NaN if there are no observations */
    public double mean() {
        return count == 0 ? Double.NaN : mean;
    }

    /**
     * @return the bias-corrected sample variance (divisor n - 1), 0 for one observation, NaN
     *         for none
     */
    public double variance() {
        if (count == 0) {
            return Double.NaN;
        }
        return count == 1 ? 0.0 : sumSquaredDeviations / (count - 1);
    }

    /** @return the population variance (divisor n), NaN if there are no observations */
    public double populationVariance() {
        return count == 0 ? Double.NaN : sumSquaredDeviations / count;
    }

    /** @return the square root of {@link #variance()} */
    public double standardDeviation() {
        return Math.sqrt(variance());
    }

    /** @return the smallest observation, NaN if there are none */
    public double min() {
        return count == 0 ? Double.NaN : min;
    }

    /** @return the largest observation, NaN if there are none */
    public double max() {
        return count == 0 ? Double.NaN : max;
    }

    @Override
    public String toString() {
        return "Tally[n=" + count + ", mean=" + mean() + ", sd=" + standardDeviation()
                + ", min=" + min() + ", max=" + max() + "]";
    }
}
