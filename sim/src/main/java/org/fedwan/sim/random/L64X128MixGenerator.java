package org.fedwan.sim.random;

import java.util.random.RandomGenerator;

/**
 * The {@code L64X128MixRandom} algorithm of {@code java.util.random} (an LXM generator: a 64-bit
 * linear congruential generator and a xoroshiro128 generator, their sum mixed by Doug Lea's 64-bit
 * mixer; Steele and Vigna, "LXM: better splittable pseudorandom number generators (and almost as
 * fast)", OOPSLA 2021; JEP 356), seeded from one {@code long} exactly as the JDK's
 * {@code L64X128MixRandom(long)} seeds itself. {@link #nextLong()} is the algorithm; the draws the
 * simulation makes per frame ({@code nextInt}, {@code nextInt(bound)}, {@code nextLong(bound)},
 * {@code nextDouble}) are defined here as {@link RandomGenerator}'s defaults define them (the
 * {@code java.util.random} package documentation; the high bits of {@code nextLong}, rejection of
 * the over-represented remainders for bounds that are not powers of two), so that they compile
 * against this class alone instead of through the interface's shared call sites; every other draw
 * ({@code nextGaussian}, {@code nextExponential}, streams) is the interface's default, as it is for
 * the JDK's class. So every draw is the JDK's.
 *
 * <p>It exists because the JDK's class is not exported (module {@code jdk.random} in Java 17) and
 * {@code RandomGeneratorFactory.create(long)} builds each generator reflectively, about 80 ns a
 * stream, which a run with thousands of devices pays four times per device.
 * {@code RandomStreamsTest} holds it equal to the factory's generator, draw for draw.
 */
final class L64X128MixGenerator implements RandomGenerator {

    /** The LCG multiplier of the L64 generators (Steele and Vigna 2021, table 1). */
    private static final long M = 0xd1342543de82ef95L;
    /** 2^64 / phi, the golden-ratio increment. */
    private static final long GOLDEN_RATIO_64 = 0x9e3779b97f4a7c15L;
    /** 2^64 / (1 + sqrt 2), the silver-ratio constant the JDK's seeding mixes in. */
    private static final long SILVER_RATIO_64 = 0x6A09E667F3BCC909L;

    private long a;
    private long s;
    private long x0;
    private long x1;

    /** @param seed the seed, as given to {@code L64X128MixRandom(long)} */
    L64X128MixGenerator(long seed) {
        reseed(seed);
    }

    /** Starts over as {@code new L64X128MixGenerator(seed)} would (one object for many one-shot streams). */
    void reseed(long seed) {
        long z = seed ^ SILVER_RATIO_64;
        this.a = murmur64(z) | 1;
        this.s = 1;
        long first = RandomStreams.mix64(z);
        long second = RandomStreams.mix64(z + GOLDEN_RATIO_64);
        if ((first | second) == 0) {
            // the xoroshiro state must not be all zero: derived from s as the JDK does
            first = RandomStreams.mix64(s + GOLDEN_RATIO_64);
            second = RandomStreams.mix64(s + 2 * GOLDEN_RATIO_64);
        }
        this.x0 = first;
        this.x1 = second;
    }

    @Override
    public long nextLong() {
        long result = lea64(s + x0);
        s = M * s + a;
        long q0 = x0;
        long q1 = x1 ^ q0;
        // xoroshiro128 v1.0 step (Blackman and Vigna): rotations 24 and 37, shift 16
        q0 = Long.rotateLeft(q0, 24) ^ q1 ^ (q1 << 16);
        q1 = Long.rotateLeft(q1, 37);
        x0 = q0;
        x1 = q1;
        return result;
    }

    @Override
    public int nextInt() {
        return (int) (nextLong() >>> 32);
    }

    @Override
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive");
        }
        int r = nextInt();
        int m = bound - 1;
        if ((bound & m) == 0) {
            return r & m; // a power of two: the low bits of the high half
        }
        // a candidate u (31 bits) is over-represented when u - u % bound + m overflows: draw again
        int u = r >>> 1;
        while (u + m - (r = remainder(u, bound)) < 0) {
            u = nextInt() >>> 1;
        }
        return r;
    }

    /** Bounds up to this use {@link #RECIPROCALS} (channels of a region, data rates, small choices). */
    private static final int SMALL_BOUNDS = 64;
    /** 1.0 / d for d = 0 ... {@link #SMALL_BOUNDS} (entry 0 unused). */
    private static final double[] RECIPROCALS = new double[SMALL_BOUNDS + 1];

    static {
        for (int d = 1; d <= SMALL_BOUNDS; d++) {
            RECIPROCALS[d] = 1.0 / d;
        }
    }

    /**
     * {@code u % d} for {@code u >= 0} and {@code d > 0}, without an integer division when {@code d}
     * is small: u (below 2^31) is exact in a double and the product with the rounded reciprocal
     * is within 2^-21 of u / d, so its truncation is the quotient or one off, which the remainder's
     * range check corrects. The same number as {@code %}; only faster.
     */
    static int remainder(int u, int d) {
        if (d > SMALL_BOUNDS) {
            return u % d;
        }
        int r = u - (int) (u * RECIPROCALS[d]) * d;
        if (r < 0) {
            return r + d;
        }
        return r >= d ? r - d : r;
    }

    /** Bounds from this on use {@link #remainder(long, long)}'s floating-point quotient (periods in µs, for one). */
    private static final long LARGE_BOUNDS = 1L << 20;

    /**
     * {@code u % d} for {@code u >= 0} and {@code d > 0}, without a 64-bit integer division when
     * {@code d} is at least 2^20: the double quotient of the rounded operands is within
     * 3 * 2^-53 of u / d relatively, so below 2^63 / d * 2^-51 &lt; 2^-8 off, and its truncation is
     * the quotient or one off; {@code u - q * d} is then exact (the true value lies in [-d, 2d), and
     * long arithmetic wraps consistently) and the range check corrects it. The same number as
     * {@code %}; only faster.
     */
    static long remainder(long u, long d) {
        if (d < LARGE_BOUNDS) {
            return u % d;
        }
        long r = u - (long) ((double) u / (double) d) * d;
        if (r < 0) {
            return r + d;
        }
        return r >= d ? r - d : r;
    }

    @Override
    public long nextLong(long bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive");
        }
        long r = nextLong();
        long m = bound - 1;
        if ((bound & m) == 0L) {
            return r & m;
        }
        long u = r >>> 1;
        while (u + m - (r = remainder(u, bound)) < 0L) {
            u = nextLong() >>> 1;
        }
        return r;
    }

    @Override
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53; // the high 53 bits, scaled to [0, 1)
    }

    /** MurmurHash3's 64-bit finaliser (Appleby). */
    private static long murmur64(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    /** Doug Lea's 64-bit mixer, the output function of the LXM generators. */
    private static long lea64(long z) {
        z = (z ^ (z >>> 32)) * 0xdaba0b6eb09322e3L;
        z = (z ^ (z >>> 32)) * 0xdaba0b6eb09322e3L;
        return z ^ (z >>> 32);
    }
}
