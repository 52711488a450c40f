package org.fedwan.sim.random;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Named random streams of one replication: {@code streams.of(17, "compute")} is the stream of
 * entity 17 for the purpose "compute".
 *
 * <p>Each stream is an {@code L64X128MixRandom} generator (a named LXM algorithm of
 * {@code java.util.random}, defined in that package's specification rather than left to the JVM
 * vendor; the unit tests pin its first draws, so a change would be caught; built by
 * {@link L64X128MixGenerator}, draw for draw the JDK's, without the factory's reflection), seeded with {@link #deriveSeed(long, int, long, String)}: a hash of the
 * master seed, the replication index, the entity id and the UTF-8 bytes of the purpose. Because
 * a stream depends only on these four values, adding an entity, a purpose or a replication
 * moves no other stream's draws, and two scenarios run with the same master seed share common
 * random numbers wherever their entities and purposes coincide.
 *
 * <p>{@link #of(long, String)} returns a fresh generator on every call, always starting the
 * same sequence; an entity should keep the generator it draws from.
 */
public final class RandomStreams {

    /** The {@code java.util.random} algorithm of every stream. */
    public static final String ALGORITHM = "L64X128MixRandom";

    /** The golden-ratio increment of SplitMix64. */
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static final long FNV64_OFFSET_BASIS = 0xCBF29CE484222325L;
    private static final long FNV64_PRIME = 0x00000100000001B3L;

    private final long masterSeed;
    private final int replication;
    /** {@link #deriveSeed}'s hash after the master seed and the replication, the same for every stream of this replication. */
    private final long replicationHash;

    /**
     * @param masterSeed  the master seed of the experiment
     * @param replication the replication index
     */
    public RandomStreams(long masterSeed, int replication) {
        this.masterSeed = masterSeed;
        this.replication = replication;
        this.replicationHash = mix64(mix64(masterSeed + GOLDEN_GAMMA) ^ mix64(replication + 2 * GOLDEN_GAMMA));
    }

    /**
     * Returns a new generator for the stream of {@code entityId} and {@code purpose}. Every call
     * with the same arguments returns a generator producing the same sequence.
     *
     * @param entityId the id of the entity drawing (use a reserved id, such as -1, for
     *                 model-wide streams)
     * @param purpose  what the draws are for, e.g. "compute", "channel", "jitter"
     * @return a fresh generator positioned at the start of the stream
     */
    public RandomGenerator of(long entityId, String purpose) {
        return new L64X128MixGenerator(seed(entityId, purpose));
    }

    /**
     * The stream of {@code entityId} and {@code purpose} from its start, in {@code reused} when that
     * is a generator of this class ({@link #of}; its own stream is given up), else in a new one:
     * for streams drawn a few times at set-up (a device's position, a sensor's first packet), so
     * that thousands of devices do not leave thousands of generators behind. The draws are those
     * of {@code of(entityId, purpose)}.
     *
     * @param reused   a generator to reposition, or null
     * @param entityId the id of the entity drawing
     * @param purpose  what the draws are for
     * @return {@code reused} repositioned, or a new generator
     */
    public RandomGenerator reuse(RandomGenerator reused, long entityId, String purpose) {
        if (reused instanceof L64X128MixGenerator g) {
            g.reseed(seed(entityId, purpose));
            return g;
        }
        return of(entityId, purpose);
    }

    /**
     * @param entityId the id of the entity drawing
     * @param purpose  what the draws are for
     * @return the seed of that stream in this replication (for generators outside
     *         {@code java.util.random}, e.g. Commons Math distributions)
     */
    public long seed(long entityId, String purpose) {
        Objects.requireNonNull(purpose, "purpose");
        // deriveSeed's last two steps; the first two are this replication's, the purpose's mix is remembered
        return mix64(mix64(replicationHash ^ mix64(entityId + 3 * GOLDEN_GAMMA)) ^ purposeHash(purpose).mixed());
    }

    /** @return the master seed given at construction */
    public long masterSeed() {
        return masterSeed;
    }

    /** @return the replication index given at construction */
    public int replication() {
        return replication;
    }

    /**
     * Derives the seed of one stream. Stable across JVMs, machines and runs: each component is
     * mixed in turn with the SplitMix64 finaliser (Steele, Lea and Flood, "Fast splittable
     * pseudorandom number generators", OOPSLA 2014; constants of Stafford's variant 13), the
     * purpose entering as the 64-bit FNV-1a hash of its UTF-8 bytes. Nothing JVM-dependent
     * (such as {@link String#hashCode()}) is used.
     *
     * @param masterSeed  the master seed of the experiment
     * @param replication the replication index
     * @param entityId    the id of the entity drawing
     * @param purpose     what the draws are for
     * @return the 64-bit seed of the stream
     */
    public static long deriveSeed(long masterSeed, int replication, long entityId, String purpose) {
        Objects.requireNonNull(purpose, "purpose");
        long h = mix64(masterSeed + GOLDEN_GAMMA);
        h = mix64(h ^ mix64(replication + 2 * GOLDEN_GAMMA));
        h = mix64(h ^ mix64(entityId + 3 * GOLDEN_GAMMA));
        h = mix64(h ^ purposeHash(purpose).mixed());
        return h;
    }

    /** The SplitMix64 output finaliser (Stafford variant 13), a bijection on 64-bit values. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Recent purposes and their hashes, by the purpose's {@link String#hashCode()}: a handful of literals in practice. */
    private static final PurposeHash[] PURPOSE_HASHES = new PurposeHash[64];

    /**
     * A purpose, its FNV-1a hash and the hash as {@link #deriveSeed} mixes it in (final fields: safe to
     * share between threads through the racy cache).
     */
    record PurposeHash(String purpose, long hash, long mixed) {
        PurposeHash(String purpose, long hash) {
            this(purpose, hash, mix64(hash + 4 * GOLDEN_GAMMA));
        }
    }

    /** @return {@link #fnv1a64(String)} of {@code purpose}, remembered for the next stream of the same purpose */
    static PurposeHash purposeHash(String purpose) {
        int slot = purpose.hashCode() & (PURPOSE_HASHES.length - 1);
        PurposeHash known = PURPOSE_HASHES[slot];
        if (known != null && known.purpose().equals(purpose)) {
            return known;
        }
        PurposeHash computed = new PurposeHash(purpose, fnv1a64(purpose));
        PURPOSE_HASHES[slot] = computed;
        return computed;
    }

    /**
     * The 64-bit FNV-1a hash of {@code text}'s UTF-8 bytes; an ASCII text (every purpose in the code)
     * is hashed char by char, which are its UTF-8 bytes, without encoding it first.
     */
    static long fnv1a64(String text) {
        long h = FNV64_OFFSET_BASIS;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                return fnv1a64(text.getBytes(StandardCharsets.UTF_8));
            }
            h ^= c;
            h *= FNV64_PRIME;
        }
        return h;
    }

    /** The 64-bit FNV-1a hash (Fowler, Noll, Vo). */
    static long fnv1a64(byte[] bytes) {
        long h = FNV64_OFFSET_BASIS;
        for (byte b : bytes) {
            h ^= b & 0xFF;
            h *= FNV64_PRIME;
        }
        return h;
    }

    @Override
    public String toString() {
        return "RandomStreams[masterSeed=" + masterSeed + ", replication=" + replication + "]";
    }
}
