package org.fedwan.sim.random;

import java.util.random.RandomGenerator;

/**
 * The {@code L64X128MixRandom} algorithm of {@code java.util.random} (an LXM generator: a 64-bit
 * linear congruential generator and a xoroshiro128 generator, their sum mixed by Doug Lea's 64-bit
 * mixer; Steele and Vigna, "LXM: better splittable pseudorandom number generators (and almost as
 * fast)", OOPSLA 2021; JEP 356), seeded from one {@code long} exactly as the JDK's
 * {@code L64X128MixRandom(long)} seeds itself. Only {@link #nextLong()} is defined here: every other
 * draw ({@code nextInt}, {@code nextDouble}, {@code nextGaussian}, bounded draws, streams) is
 * {@link RandomGenerator}'s default, as it is for the JDK's class, so every draw is the JDK's.
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

    private final long a;
    private long s;
    private long x0;
    private long x1;

    /** @param seed the seed, as given to {@code L64X128MixRandom(long)} */
    L64X128MixGenerator(long seed) {
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
