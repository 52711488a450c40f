package org.fedwan.fl.strategy;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Drawing clients (or samples) without replacement, as FedWAN's round controller has always done:
 * the first steps of a Fisher-Yates shuffle (Knuth, TAOCP vol. 2, Algorithm 3.4.2 P), one
 * {@code nextInt} per drawn value, so a seeded stream gives the same draw every run.
 */
public final class Sampling {

    /**
     * Subtracted before rounding up {@code clientsPerRound x overSelection}, so that a product
     * that is an integer up to floating-point error (e.g. {@code 10 x 1.1 = 11.000000000000002})
     * is not rounded up to the next integer.
     */
    static final double CEIL_TOLERANCE = 1e-9;

    private Sampling() {
    }

    /**
     * {@code min(k, candidates.length)} distinct values of {@code candidates}, ascending: step
     * {@code i} swaps position {@code i} with {@code j = i + rng.nextInt(n - i)} in a copy of
     * {@code candidates}, and the first {@code k} positions are kept. {@code candidates} is not
     * modified.
     *
     * @throws IllegalArgumentException if {@code k} is negative
     */
    public static int[] sample(int[] candidates, int k, RandomGenerator rng) {
        if (k < 0) {
            throw new IllegalArgumentException("cannot draw " + k + " values");
        }
        int[] pool = candidates.clone();
        int n = pool.length;
        int m = Math.min(n, k);
        for (int i = 0; i < m; i++) {
            int j = i + rng.nextInt(n - i);
            int t = pool[i];
            pool[i] = pool[j];
            pool[j] = t;
        }
        int[] out = Arrays.copyOf(pool, m);
        Arrays.sort(out);
        return out;
    }

    /**
     * The clients that train this round: {@code k = min(n, ceil(clientsPerRound x overSelection))}
     * of the {@code n} {@code available} ones (FedScale's over-commitment when
     * {@code overSelection > 1}), drawn by {@link #sample}; {@code available} itself, with no draw,
     * when {@code k = n}.
     *
     * @throws IllegalArgumentException if {@code clientsPerRound < 1} or {@code overSelection} is not
     *                                  a finite number {@code > 0}
     */
    public static int[] select(int[] available, int clientsPerRound, double overSelection, RandomGenerator rng) {
        if (clientsPerRound < 1) {
            throw new IllegalArgumentException("clients per round must be >= 1, got " + clientsPerRound);
        }
        if (!(overSelection > 0) || !Double.isFinite(overSelection)) {
            throw new IllegalArgumentException("over-selection must be a finite number > 0, got " + overSelection);
        }
        int n = available.length;
        int k = (int) Math.min(n, Math.ceil(clientsPerRound * overSelection - CEIL_TOLERANCE));
        return k == n ? available : sample(available, k, rng);
    }
}
