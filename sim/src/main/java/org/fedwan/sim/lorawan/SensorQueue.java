package org.fedwan.sim.lorawan;

/**
 * A binary min-heap of sensor indices keyed by a {@code long}, for {@link SensorField}: at most one
 * entry per sensor, equal keys ordered by sensor index (so the order never depends on the heap's
 * shape). Keys and indices live in primitive arrays; nothing is allocated after construction.
 */
final class SensorQueue {

    /** {@link #topKey()} of an empty queue. */
    static final long EMPTY = Long.MAX_VALUE;

    private final int[] sensor;
    private final long[] key;
    private int size;

    /** @param capacity the largest number of entries (the number of sensors) */
    SensorQueue(int capacity) {
        this.sensor = new int[capacity];
        this.key = new long[capacity];
    }

    /** @return the smallest key, or {@link #EMPTY} */
    long topKey() {
        return size == 0 ? EMPTY : key[0];
    }

    /** @return the sensor with the smallest key (the queue must not be empty) */
    int top() {
        return sensor[0];
    }

    /** Adds sensor {@code s} (not in the queue) with key {@code k}. */
    void push(int s, long k) {
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(k, s, key[parent], sensor[parent])) {
                break;
            }
            sensor[i] = sensor[parent];
            key[i] = key[parent];
            i = parent;
        }
        sensor[i] = s;
        key[i] = k;
    }

    /** Gives the top sensor the key {@code k} (it moves down to its place). */
    void replaceTop(long k) {
        siftDown(sensor[0], k);
    }

    /** Removes the top sensor. */
    void pop() {
        size--;
        if (size > 0) {
            siftDown(sensor[size], key[size]);
        }
    }

    private void siftDown(int s, long k) {
        int i = 0;
        int n = size;
        while (true) {
            int child = 2 * i + 1;
            if (child >= n) {
                break;
            }
            if (child + 1 < n && before(key[child + 1], sensor[child + 1], key[child], sensor[child])) {
                child++;
            }
            if (!before(key[child], sensor[child], k, s)) {
                break;
            }
            sensor[i] = sensor[child];
            key[i] = key[child];
            i = child;
        }
        sensor[i] = s;
        key[i] = k;
    }

    private static boolean before(long ka, int sa, long kb, int sb) {
        return ka < kb || ka == kb && sa < sb;
    }

    /**
     * Sensor indices in the order of their times (ties: the lower index), as this queue would pop
     * them: the fixed order of periodic packets. A bucket pass over the span of the times (uniform
     * phases fall about one to a bucket), then insertion within buckets.
     *
     * @param firstUs every sensor's time
     * @return the sensors in order
     */
    static int[] inOrder(long[] firstUs) {
        int n = firstUs.length;
        int[] order = new int[n];
        if (n == 0) {
            return order;
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (long t : firstUs) {
            min = Math.min(min, t);
            max = Math.max(max, t);
        }
        double perBucket = ((double) max - min + 1) / n;
        int[] start = new int[n + 1];
        int[] bucket = new int[n];
        for (int s = 0; s < n; s++) {
            bucket[s] = Math.min(n - 1, (int) ((firstUs[s] - min) / perBucket));
            start[bucket[s] + 1]++;
        }
        for (int b = 0; b < n; b++) {
            start[b + 1] += start[b];
        }
        for (int s = 0; s < n; s++) {
            order[start[bucket[s]]++] = s; // buckets ascend with time; within one, by index
        }
        for (int i = 1; i < n; i++) {
            int s = order[i];
            int j = i - 1;
            while (j >= 0 && (firstUs[order[j]] > firstUs[s] || firstUs[order[j]] == firstUs[s] && order[j] > s)) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = s;
        }
        return order;
    }
}
