package org.fedwan.compression.scheme;

import java.util.random.RandomGenerator;

/** Stochastic rounding shared by the quantizers. */
final class Stochastic {

    private Stochastic() {
    }

    static RandomGenerator require(RandomGenerator random, String who) {
        if (random == null) {
            throw new IllegalArgumentException(who + " rounds stochastically and needs the client's random stream");
        }
        return random;
    }

    /** floor(y) or floor(y) + 1 with probability frac(y): unbiased, E = y. */
    static int round(double y, RandomGenerator random) {
        double f = Math.floor(y);
        return (int) f + (random.nextDouble() < y - f ? 1 : 0);
    }

    /** Width in bits of indices 0..count-1 (0 for count 1). */
    static int widthFor(long count) {
        return count <= 1 ? 0 : 64 - Long.numberOfLeadingZeros(count - 1);
    }
}
