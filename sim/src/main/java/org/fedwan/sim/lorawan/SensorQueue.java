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
}
