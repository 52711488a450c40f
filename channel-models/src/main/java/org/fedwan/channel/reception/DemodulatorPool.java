package org.fedwan.channel.reception;

import java.util.Arrays;

/**
 * The demodulation paths of one gateway: a frame above sensitivity locks a path from its start
 * to its end; when all paths are busy a new frame is lost ("no demodulator"). An SX1301
 * concentrator has 8 paths (LoRaSim {@code maxBSReceives = 8}; ns-3 {@code GatewayLoraPhy}
 * reception paths; lpwan-facts A7).
 *
 * <p>State that takes the current time as an argument; never reads a clock. Mutable, not
 * thread-safe; no history.
 */
public final class DemodulatorPool {

    /** Paths of an SX1301 gateway concentrator. */
    public static final int SX1301_PATHS = 8;

    private final long[] busyUntilUs;

    /**
     * @param paths number of demodulation paths, at least 1
     */
    public DemodulatorPool(int paths) {
        if (paths < 1) {
            throw new IllegalArgumentException("paths = " + paths + " is not allowed; allowed: >= 1");
        }
        this.busyUntilUs = new long[paths];
        Arrays.fill(busyUntilUs, Long.MIN_VALUE);
    }

    /** @return number of paths */
    public int paths() {
        return busyUntilUs.length;
    }

    /**
     * Locks a free path for a frame, if there is one.
     *
     * @param startUs start of the frame (now), µs
     * @param endUs   end of the frame, µs, at least {@code startUs}
     * @return true if a path was free at {@code startUs} and is now locked until {@code endUs}
     */
    public boolean tryAcquire(long startUs, long endUs) {
        if (endUs < startUs) {
            throw new IllegalArgumentException("endUs = " + endUs + " is before startUs = " + startUs);
        }
        for (int i = 0; i < busyUntilUs.length; i++) {
            if (busyUntilUs[i] <= startUs) {
                busyUntilUs[i] = endUs;
                return true;
            }
        }
        return false;
    }

    /**
     * @param nowUs current time, µs
     * @return number of paths locked at {@code nowUs}
     */
    public int busyPaths(long nowUs) {
        int busy = 0;
        for (long until : busyUntilUs) {
            if (until > nowUs) {
                busy++;
            }
        }
        return busy;
    }
}
