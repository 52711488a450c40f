package org.fedwan.channel.fragmentation;

/**
 * The parity-check matrix of TS004's fragmentation FEC (LoRa Alliance TS004-1.0.0, "LoRaWAN
 * Fragmented Data Block Transport Specification", §3 "Fragmentation FEC" and the appendix
 * "Parity check matrix line generator"): coded fragment {@code n} (1, 2, ...) of a message of
 * {@code M} uncoded fragments is the XOR of the uncoded fragments whose bit is set in
 * {@code matrix_line(n, M)}.
 *
 * <p>The generator, as the specification gives it: {@code x = 1 + 1001 n}; {@code m = 1} when
 * {@code M} is a power of two, else 0; {@code M/2} (integer division) times, draw
 * {@code x = prbs23(x)} and {@code r = x mod (M + m)} until {@code r < M}, then set bit {@code r}.
 * A bit drawn twice stays set, so a line has between 1 and {@code M/2} ones (and none when
 * {@code M = 1}: a one-fragment message gains nothing from coded fragments). {@code prbs23} is the
 * 23-bit linear-feedback shift register {@code (x >> 1) | ((x0 XOR x5) << 22)}. Semtech's
 * LoRaMac-node {@code FragDecoder.c} implements the same generator.
 */
public final class Ts004Parity {

    /** Seed step of the generator: {@code x = 1 + 1001 n} (TS004 appendix). */
    private static final int SEED_STEP = 1001;

    private Ts004Parity() {
    }

    /**
     * One step of TS004's PRBS23.
     *
     * @param x the register, 0 .. 2^31 - 1
     * @return {@code (x >> 1) + ((bit0 XOR bit5) << 22)}
     */
    public static int prbs23(int x) {
        int b0 = x & 1;
        int b1 = (x >>> 5) & 1;
        return (x >>> 1) + ((b0 ^ b1) << 22);
    }

    /**
     * @param uncoded number of uncoded fragments M, at least 1
     * @return 64-bit words of a bit-packed matrix line: {@code ceil(M / 64)}
     */
    public static int words(int uncoded) {
        return (uncoded + 63) >>> 6;
    }

    /**
     * TS004's {@code matrix_line(n, M)}, bit-packed: bit {@code j} (uncoded fragment {@code j},
     * 0-based) is bit {@code j & 63} of word {@code j >>> 6}.
     *
     * @param row     coded fragment number n, 1-based as in the specification, 1 .. 32767
     * @param uncoded number of uncoded fragments M, 1 .. 32768
     * @return a new array of {@link #words(int)} words
     */
    public static long[] matrixLine(int row, int uncoded) {
        if (row < 1 || row > Short.MAX_VALUE) {
            throw new IllegalArgumentException("row = " + row + " is not allowed; allowed: 1.." + Short.MAX_VALUE);
        }
        if (uncoded < 1 || uncoded > 1 << 15) {
            throw new IllegalArgumentException("uncoded = " + uncoded + " is not allowed; allowed: 1.." + (1 << 15));
        }
        long[] line = new long[words(uncoded)];
        int modulus = uncoded + (Integer.bitCount(uncoded) == 1 ? 1 : 0);
        int x = 1 + SEED_STEP * row;
        for (int coefficients = 0; coefficients < uncoded >>> 1; coefficients++) {
            int r;
            do {
                x = prbs23(x);
                r = x % modulus;
            } while (r >= uncoded);
            line[r >>> 6] |= 1L << r;
        }
        return line;
    }
}
