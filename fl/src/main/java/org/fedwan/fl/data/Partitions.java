package org.fedwan.fl.data;

import java.util.SplittableRandom;

/** Seeded partitions of a data set's indices to clients. */
public final class Partitions {

    private Partitions() {
    }

    /**
     * IID equal shares: a seeded Fisher-Yates shuffle of {@code 0 .. size-1}, cut into
     * {@code clients} contiguous shares whose sizes differ by at most one.
     */
    public static int[][] iid(int size, int clients, long seed) {
        if (clients < 1 || clients > size) {
            throw new IllegalArgumentException("cannot split " + size + " samples among " + clients + " clients");
        }
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        shuffle(order, new SplittableRandom(seed));
        int[][] shares = new int[clients][];
        int start = 0;
        for (int c = 0; c < clients; c++) {
            int n = size / clients + (c < size % clients ? 1 : 0);
            shares[c] = java.util.Arrays.copyOfRange(order, start, start + n);
            start += n;
        }
        return shares;
    }

    /** In-place Fisher-Yates shuffle. */
    public static void shuffle(int[] a, SplittableRandom r) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
