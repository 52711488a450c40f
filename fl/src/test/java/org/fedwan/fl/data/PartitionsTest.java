package org.fedwan.fl.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

class PartitionsTest {

    /** 6,000 labels, 600 per class, in a scrambled but fixed order. */
    private static final int[] LABELS = new int[6000];

    static {
        for (int i = 0; i < LABELS.length; i++) {
            LABELS[i] = (i * 7) % 10;
        }
    }

    private static void assertEveryIndexOnce(int[][] shares, int size) {
        int[] all = Arrays.stream(shares).flatMapToInt(Arrays::stream).sorted().toArray();
        int[] expected = new int[size];
        Arrays.setAll(expected, i -> i);
        assertArrayEquals(expected, all);
    }

    @Test
    void iidSharesCoverEveryIndexOnceWithSizesWithinOne() {
        int[][] shares = Partitions.iid(103, 10, 5);
        assertEveryIndexOnce(shares, 103);
        for (int[] s : shares) {
            assertEquals(10, s.length, 1);
        }
    }

    @Test
    void sameSeedSamePartitionOtherSeedOther() {
        assertArrayEquals(Partitions.iid(50, 5, 1)[2], Partitions.iid(50, 5, 1)[2]);
        assertFalse(Arrays.equals(Partitions.iid(50, 5, 1)[2], Partitions.iid(50, 5, 2)[2]));
        assertThrows(IllegalArgumentException.class, () -> Partitions.iid(3, 4, 1));
    }

    @Test
    void labelShardsGiveEachClientTwoClassesLikeMcMahan() {
        // 100 clients x 2 shards of 30: each shard lies inside one class (600 = 20 shards per class)
        int[][] shares = Partitions.labelShards(LABELS, 100, 2, 3);
        assertEveryIndexOnce(shares, LABELS.length);
        int[][] counts = Partitions.classCounts(shares, LABELS, 10);
        for (int k = 0; k < 100; k++) {
            assertEquals(60, shares[k].length);
            long classes = Arrays.stream(counts[k]).filter(c -> c > 0).count();
            assertTrue(classes >= 1 && classes <= 2, "client " + k + " has " + classes + " classes");
            for (int c : counts[k]) {
                assertTrue(c == 0 || c == 30 || c == 60, Arrays.toString(counts[k]));
            }
        }
        assertArrayEquals(shares[9], Partitions.labelShards(LABELS, 100, 2, 3)[9]);
        assertThrows(IllegalArgumentException.class, () -> Partitions.labelShards(LABELS, 4000, 2, 3));
    }

    @Test
    void unequalSizesAreLogNormalAndAddUp() {
        int[] equal = Partitions.unequalSizes(1000, 10, 0, 1);
        assertArrayEquals(Partitions.equalSizes(1000, 10), equal);
        int[] sizes = Partitions.unequalSizes(60_000, 100, 1.0, 7);
        assertEquals(60_000, Arrays.stream(sizes).sum());
        int[] sorted = sizes.clone();
        Arrays.sort(sorted);
        assertTrue(sorted[0] >= 1);
        // log-normal with sigma 1: the 90th/10th percentile ratio is exp(2 * 1.2816) = 13 in expectation
        double ratio = (double) sorted[89] / sorted[9];
        assertTrue(ratio > 5 && ratio < 30, "p90/p10 = " + ratio);
        assertArrayEquals(sizes, Partitions.unequalSizes(60_000, 100, 1.0, 7));
        int[][] shares = Partitions.iid(sizes, 3);
        assertEveryIndexOnce(shares, 60_000);
        assertEquals(sizes[42], shares[42].length);
        assertThrows(IllegalArgumentException.class, () -> Partitions.unequalSizes(10, 11, 1, 1));
    }

    /** Mean over clients of the share of the client's most frequent class. */
    private static double meanTopClassShare(int[][] shares) {
        int[][] counts = Partitions.classCounts(shares, LABELS, 10);
        double sum = 0;
        for (int k = 0; k < shares.length; k++) {
            sum += (double) Arrays.stream(counts[k]).max().orElseThrow() / shares[k].length;
        }
        return sum / shares.length;
    }

    @Test
    void dirichletWithTinyAlphaGivesSingleClassClients() {
        int[][] shares = Partitions.dirichlet(LABELS, 10, 100, 1e-4, 11);
        assertEveryIndexOnce(shares, LABELS.length);
        int[][] counts = Partitions.classCounts(shares, LABELS, 10);
        int pure = 0;
        for (int k = 0; k < 100; k++) {
            assertEquals(60, shares[k].length);
            if (Arrays.stream(counts[k]).max().orElseThrow() >= 57) {
                pure++;
            }
        }
        // the first client finds every class full: it is exactly single-class
        assertEquals(60, Arrays.stream(counts[0]).max().orElseThrow());
        // later clients whose class is used up take what is left; most stay (nearly) single-class
        assertTrue(pure >= 70, pure + " of 100 clients are (nearly) single-class");
        double tiny = meanTopClassShare(shares);
        double one = meanTopClassShare(Partitions.dirichlet(LABELS, 10, 100, 1.0, 11));
        double large = meanTopClassShare(Partitions.dirichlet(LABELS, 10, 100, 1e4, 11));
        assertTrue(tiny > 0.85 && tiny > one && one > large && large < 0.2, tiny + " > " + one + " > " + large);
    }

    @Test
    void dirichletWithLargeAlphaIsNearlyIid() {
        int[][] shares = Partitions.dirichlet(LABELS, 10, 10, 1e4, 11);
        assertEveryIndexOnce(shares, LABELS.length);
        int[][] counts = Partitions.classCounts(shares, LABELS, 10);
        for (int[] c : counts) {
            for (int n : c) {
                // 600 samples per client, 60 expected per class; multinomial sd ~ 7.3
                assertTrue(Math.abs(n - 60) < 30, Arrays.toString(c));
            }
        }
        assertArrayEquals(shares[3], Partitions.dirichlet(LABELS, 10, 10, 1e4, 11)[3]);
        assertFalse(Arrays.equals(shares[3], Partitions.dirichlet(LABELS, 10, 10, 1e4, 12)[3]));
    }

    @Test
    void dirichletHonoursUnequalSizes() {
        int[] sizes = Partitions.unequalSizes(LABELS.length, 30, 0.8, 2);
        int[][] shares = Partitions.dirichlet(LABELS, 10, sizes, 0.5, 4);
        assertEveryIndexOnce(shares, LABELS.length);
        for (int k = 0; k < sizes.length; k++) {
            assertEquals(sizes[k], shares[k].length);
        }
        assertThrows(IllegalArgumentException.class, () -> Partitions.dirichlet(LABELS, 10, new int[] {1, 2}, 0.5, 4));
        assertThrows(IllegalArgumentException.class, () -> Partitions.dirichlet(LABELS, 10, 5, 0, 4));
    }

    @Test
    void dirichletDrawsHaveTheRightMeanAndConcentration() {
        // Dir(alpha * p): E[q_c] = p_c, Var[q_c] = p_c (1 - p_c) / (alpha + 1)
        double[] prior = {0.5, 0.3, 0.2};
        double alpha = 2.0;
        Well19937c rng = new Well19937c(5);
        double[] q = new double[3];
        double[] mean = new double[3];
        double var0 = 0;
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            Partitions.dirichletSample(rng, alpha, prior, q);
            assertEquals(1.0, q[0] + q[1] + q[2], 1e-12);
            for (int c = 0; c < 3; c++) {
                mean[c] += q[c] / n;
            }
            var0 += (q[0] - 0.5) * (q[0] - 0.5) / n;
        }
        assertArrayEquals(prior, mean, 0.01);
        assertEquals(0.5 * 0.5 / 3, var0, 0.005);
    }

    @Test
    void subsetsMapBackToDataSetIndices() {
        int[] subset = {10, 20, 30, 40};
        int[][] within = Partitions.within(new int[][] {{3, 0}, {1, 2}}, subset);
        assertArrayEquals(new int[] {40, 10}, within[0]);
        assertArrayEquals(new int[] {20, 30}, within[1]);
        assertArrayEquals(new int[] {0, 0, 0, 0}, Partitions.labelsOf(LABELS, subset));
    }
}
