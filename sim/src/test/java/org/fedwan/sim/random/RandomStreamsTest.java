package org.fedwan.sim.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;

class RandomStreamsTest {

    /**
     * deriveSeed(42, 0, 17, "compute"), as given by this implementation and reproduced by an
     * independent re-implementation of the documented derivation (SplitMix64 finaliser and
     * FNV-1a 64) outside the JVM.
     */
    private static final long GOLDEN_SEED = 3119468718118385210L;
    /** The first three nextLong() draws of L64X128MixRandom seeded with {@link #GOLDEN_SEED}. */
    private static final long[] GOLDEN_DRAWS = {
        2380902400766772685L, -6844233279650166319L, 907689071321335873L};

    private static long[] firstLongs(RandomGenerator generator, int n) {
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            values[i] = generator.nextLong();
        }
        return values;
    }

    @Test
    void sameArgumentsGiveTheSameSequenceFromAFreshGeneratorEachCall() {
        RandomStreams streams = new RandomStreams(42, 0);

        RandomGenerator first = streams.of(17, "compute");
        RandomGenerator second = streams.of(17, "compute");

        assertNotSame(first, second);
        assertArrayEquals(firstLongs(first, 100), firstLongs(second, 100));
        assertArrayEquals(firstLongs(new RandomStreams(42, 0).of(17, "compute"), 100),
                firstLongs(streams.of(17, "compute"), 100));
    }

    @Test
    void anyDifferentComponentGivesADifferentSequence() {
        long[] base = firstLongs(new RandomStreams(42, 0).of(17, "compute"), 4);

        assertFalse(java.util.Arrays.equals(base, firstLongs(new RandomStreams(42, 0).of(17, "channel"), 4)));
        assertFalse(java.util.Arrays.equals(base, firstLongs(new RandomStreams(42, 0).of(18, "compute"), 4)));
        assertFalse(java.util.Arrays.equals(base, firstLongs(new RandomStreams(42, 1).of(17, "compute"), 4)));
        assertFalse(java.util.Arrays.equals(base, firstLongs(new RandomStreams(43, 0).of(17, "compute"), 4)));
    }

    @Test
    void componentsAreNotInterchangeable() {
        assertNotEquals(RandomStreams.deriveSeed(1, 2, 3, "x"), RandomStreams.deriveSeed(1, 3, 2, "x"));
        assertNotEquals(RandomStreams.deriveSeed(1, 2, 3, "x"), RandomStreams.deriveSeed(2, 1, 3, "x"));
        assertNotEquals(RandomStreams.deriveSeed(0, 0, 0, "ab"), RandomStreams.deriveSeed(0, 0, 0, "ba"));
    }

    @Test
    void seedsOfManyEntitiesAreDistinct() {
        Set<Long> seeds = new HashSet<>();
        for (long id = 0; id < 10_000; id++) {
            seeds.add(RandomStreams.deriveSeed(42, 0, id, "compute"));
            seeds.add(RandomStreams.deriveSeed(42, 1, id, "compute"));
            seeds.add(RandomStreams.deriveSeed(42, 0, id, "channel"));
        }

        assertEquals(30_000, seeds.size());
    }

    /** A replication's streams start from its precomputed part of the hash: still deriveSeed, for every component. */
    @Test
    void seedIsTheDerivedSeedOfTheReplication() {
        RandomStreams streams = new RandomStreams(42, 3);

        assertEquals(RandomStreams.deriveSeed(42, 3, 17, "compute"), streams.seed(17, "compute"));
        for (long master : new long[] {0, 42, -1, Long.MIN_VALUE}) {
            for (int replication : new int[] {0, 1, 7, Integer.MAX_VALUE}) {
                RandomStreams r = new RandomStreams(master, replication);
                for (long id = -2; id < 300; id += 7) {
                    for (String purpose : new String[] {"compute", "channel", "traffic", "zähler", ""}) {
                        assertEquals(RandomStreams.deriveSeed(master, replication, id, purpose), r.seed(id, purpose),
                                master + "/" + replication + "/" + id + "/" + purpose);
                    }
                }
            }
        }
    }

    /** Pins the derivation: a change here silently changes every published result. */
    @Test
    void goldenSeed() {
        assertEquals(GOLDEN_SEED, RandomStreams.deriveSeed(42, 0, 17, "compute"));
    }

    /** Pins the generator algorithm and its seeding, as shipped by the JDK. */
    @Test
    void goldenDraws() {
        RandomGenerator generator = new RandomStreams(42, 0).of(17, "compute");

        assertArrayEquals(GOLDEN_DRAWS, firstLongs(generator, 3));
    }

    @Test
    void purposeIsHashedAsUtf8() {
        assertEquals(RandomStreams.fnv1a64("zähler".getBytes(StandardCharsets.UTF_8)),
                RandomStreams.fnv1a64(new byte[] {'z', (byte) 0xC3, (byte) 0xA4, 'h', 'l', 'e', 'r'}));
    }

    /**
     * The streams' generator is the JDK's {@code L64X128MixRandom}, draw for draw: 2,000 seeds (the
     * edge values and random ones), each compared over every kind of draw the code makes.
     */
    @Test
    void streamsDrawWhatTheJdksL64X128MixRandomDraws() {
        RandomGeneratorFactory<RandomGenerator> jdk = RandomGeneratorFactory.of(RandomStreams.ALGORITHM);
        SplittableRandom seeds = new SplittableRandom(2026);
        long[] edges = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, 0x6A09E667F3BCC909L, 0x9e3779b97f4a7c15L};
        for (int i = 0; i < 2_000; i++) {
            long seed = i < edges.length ? edges[i] : seeds.nextLong();
            RandomGenerator expected = jdk.create(seed);
            RandomGenerator actual = new L64X128MixGenerator(seed);
            for (int k = 0; k < 40; k++) {
                String at = "seed " + seed + " draw " + k;
                assertEquals(expected.nextLong(), actual.nextLong(), at);
                assertEquals(expected.nextInt(), actual.nextInt(), at);
                assertEquals(expected.nextInt(3 + k), actual.nextInt(3 + k), at);
                // powers of two, and bounds where a third of the candidates are rejected and drawn again
                assertEquals(expected.nextInt(1 << (k % 31)), actual.nextInt(1 << (k % 31)), at);
                assertEquals(expected.nextInt(1_500_000_000 + k), actual.nextInt(1_500_000_000 + k), at);
                assertEquals(expected.nextLong(1L << (k % 63)), actual.nextLong(1L << (k % 63)), at);
                assertEquals(expected.nextLong(6_000_000_000_000_000_000L + k), actual.nextLong(6_000_000_000_000_000_000L + k), at);
                assertEquals(expected.nextLong(600_000_000L + k), actual.nextLong(600_000_000L + k), at);
                assertEquals(expected.nextDouble(), actual.nextDouble(), at);
                assertEquals(expected.nextGaussian(), actual.nextGaussian(), at);
                assertEquals(expected.nextBoolean(), actual.nextBoolean(), at);
                assertEquals(expected.nextFloat(), actual.nextFloat(), at);
                assertEquals(expected.nextExponential(), actual.nextExponential(), at);
            }
            assertArrayEquals(expected.ints(5, 0, 10).toArray(), actual.ints(5, 0, 10).toArray());
        }
        RandomStreams streams = new RandomStreams(42, 3);
        assertEquals(jdk.create(streams.seed(17, "compute")).nextLong(), streams.of(17, "compute").nextLong());
    }

    /** The division-free remainder is {@code %}: at and around multiples of every bound, at the top of the range and at random. */
    @Test
    void remainderIsTheIntegerRemainder() {
        SplittableRandom random = new SplittableRandom(17);
        for (int d = 1; d <= 80; d++) {
            for (int k : new int[] {0, 1, 2, 1_000, Integer.MAX_VALUE / d - 1, Integer.MAX_VALUE / d}) {
                for (long u = (long) k * d - 1; u <= (long) k * d + 1; u++) {
                    if (u >= 0 && u <= Integer.MAX_VALUE) {
                        assertEquals((int) u % d, L64X128MixGenerator.remainder((int) u, d), u + " % " + d);
                    }
                }
            }
            assertEquals(Integer.MAX_VALUE % d, L64X128MixGenerator.remainder(Integer.MAX_VALUE, d));
            for (int i = 0; i < 20_000; i++) {
                int u = random.nextInt() >>> 1;
                assertEquals(u % d, L64X128MixGenerator.remainder(u, d), u + " % " + d);
            }
        }
    }

    /** The same for 64-bit bounds from 2^20 on (periods in µs): around multiples, at the top of the range, at random. */
    @Test
    void longRemainderIsTheIntegerRemainder() {
        SplittableRandom random = new SplittableRandom(19);
        long[] bounds = {1, 3, (1L << 20) - 1, 1L << 20, (1L << 20) + 1, 600_000_000L, 3_600_000_000L, 86_400_000_000L,
            (1L << 40) + 7, Long.MAX_VALUE / 3, Long.MAX_VALUE / 2 + 1, Long.MAX_VALUE - 1, Long.MAX_VALUE};
        for (long d : bounds) {
            for (long k : new long[] {0, 1, 2, 12_345, Long.MAX_VALUE / d - 1, Long.MAX_VALUE / d}) {
                for (int delta = -2; delta <= 2; delta++) {
                    long u = k * d + delta;
                    if (u >= 0 && Math.multiplyHigh(k, d) == 0 && k * d <= Long.MAX_VALUE - 2) {
                        assertEquals(u % d, L64X128MixGenerator.remainder(u, d), u + " % " + d);
                    }
                }
            }
            assertEquals(Long.MAX_VALUE % d, L64X128MixGenerator.remainder(Long.MAX_VALUE, d));
            for (int i = 0; i < 50_000; i++) {
                long u = random.nextLong() >>> 1;
                assertEquals(u % d, L64X128MixGenerator.remainder(u, d), u + " % " + d);
                long small = u >>> (i % 63);
                assertEquals(small % d, L64X128MixGenerator.remainder(small, d), small + " % " + d);
            }
        }
    }

    /** A reused generator draws what a fresh one of the same stream draws, whatever it drew before. */
    @Test
    void reusedGeneratorsStartTheirNewStream() {
        RandomStreams streams = new RandomStreams(42, 1);
        RandomGenerator reused = streams.reuse(null, 0, "placement");
        assertEquals(streams.of(0, "placement").nextLong(), reused.nextLong());
        for (long id = 1; id < 200; id++) {
            RandomGenerator again = streams.reuse(reused, id, id % 2 == 0 ? "placement" : "traffic");
            assertSame(reused, again);
            RandomGenerator fresh = streams.of(id, id % 2 == 0 ? "placement" : "traffic");
            for (int k = 0; k < (int) (id % 5); k++) {
                assertEquals(fresh.nextLong(), again.nextLong());
                assertEquals(fresh.nextGaussian(), again.nextGaussian());
                assertEquals(fresh.nextLong(600_000_000L), again.nextLong(600_000_000L));
            }
        }
        RandomGenerator foreign = new SplittableRandom(1);
        RandomGenerator replaced = streams.reuse(foreign, 5, "x");
        assertNotSame(foreign, replaced);
        assertEquals(streams.of(5, "x").nextLong(), replaced.nextLong());
    }

    /** A bound that is not positive is refused as the JDK's generator refuses it. */
    @Test
    void nonPositiveBoundsAreRefusedAsByTheJdk() {
        RandomGenerator jdk = RandomGeneratorFactory.of(RandomStreams.ALGORITHM).create(7);
        RandomGenerator ours = new L64X128MixGenerator(7);
        for (int bound : new int[] {0, -1, Integer.MIN_VALUE}) {
            assertEquals(assertThrows(IllegalArgumentException.class, () -> jdk.nextInt(bound)).getMessage(),
                    assertThrows(IllegalArgumentException.class, () -> ours.nextInt(bound)).getMessage());
            assertEquals(assertThrows(IllegalArgumentException.class, () -> jdk.nextLong(bound)).getMessage(),
                    assertThrows(IllegalArgumentException.class, () -> ours.nextLong(bound)).getMessage());
        }
    }

    /** The string form hashes the UTF-8 bytes: ASCII char by char, anything else through the encoder. */
    @Test
    void stringPurposesHashTheirUtf8Bytes() {
        for (String text : new String[] {"", "a", "foobar", "downlink-shadowing", "zähler", "€uro", "\uD83D\uDE00"}) {
            assertEquals(RandomStreams.fnv1a64(text.getBytes(StandardCharsets.UTF_8)), RandomStreams.fnv1a64(text), text);
        }
        assertEquals(0x85944171F73967E8L, RandomStreams.fnv1a64("foobar"));
        // the remembered hash is the hash, for the first and every later call, across colliding slots
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 500; i++) {
                String purpose = "purpose-" + i;
                assertEquals(RandomStreams.fnv1a64(purpose), RandomStreams.purposeHash(purpose).hash(), purpose);
            }
        }
    }

    /** Published FNV-1a 64 test vectors (Fowler, Noll, Vo reference test suite). */
    @Test
    void fnv1a64MatchesReferenceVectors() {
        assertEquals(0xCBF29CE484222325L, RandomStreams.fnv1a64(new byte[0]));
        assertEquals(0xAF63DC4C8601EC8CL, RandomStreams.fnv1a64("a".getBytes(StandardCharsets.UTF_8)));
        assertEquals(0x85944171F73967E8L, RandomStreams.fnv1a64("foobar".getBytes(StandardCharsets.UTF_8)));
    }

    /** The first SplitMix64 output from seed 0 is mix64(golden gamma) = 0xE220A8397B1DCDAF. */
    @Test
    void mix64MatchesSplitMix64ReferenceOutput() {
        assertEquals(0xE220A8397B1DCDAFL, RandomStreams.mix64(0x9E3779B97F4A7C15L));
    }
}
