package org.fedwan.scenarios.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.fedwan.sim.config.ClockLimits;

/**
 * The caps of the command line (docs/cli.md, "Limits"): counts and sizes checked before anything
 * is allocated, each refused with one line naming the option and what is allowed (exit code 2).
 */
final class CliLimits {

    /**
     * Most trainer threads ({@code run --threads}) and runs at once ({@code sweep --workers}):
     * each holds its own model and ND4J buffers, and results are the same for any count, so more
     * than a large server's cores only costs memory.
     */
    static final int MAX_THREADS = 256;

    /**
     * Most devices of a network-only run: measured, one million LoRaWAN devices take 2.2 GB of
     * resident memory under the launcher's 2 GB heap (and 29 s to set up); ten million do not fit.
     */
    static final int MAX_NET_DEVICES = 1_000_000;

    /**
     * Most frames (or reports) a network-only run may generate, devices x duration / period:
     * about 12 minutes at the 290,000 frames/s measured for 10,000 LoRaWAN devices
     * (docs/lorawan.md, "Speed"); a run far beyond any study is refused, not started.
     */
    static final double MAX_NET_FRAMES = 2e8;

    /** Shortest period between a device's frames, s: the engine's clock counts whole µs. */
    static final double MIN_PERIOD_S = 1e-6;

    private CliLimits() {
    }

    /** {@code n}, or the number of cores when null, checked against 1..{@value #MAX_THREADS}. */
    static int threads(String option, Integer n) {
        int v = n == null ? Runtime.getRuntime().availableProcessors() : n;
        if (v < 1 || v > MAX_THREADS) {
            throw new IllegalArgumentException(option + " " + v + ": allowed: 1 to " + MAX_THREADS
                    + " (results are the same for any value)");
        }
        return v;
    }

    /** {@code dir} as a result folder: it may be missing (it is created) but must not be a file. */
    static Path resultFolder(String option, Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException((option == null ? "result folder " : option + " ") + dir
                    + ": a file, not a folder; allowed: a folder (created if missing)");
        }
        return dir;
    }

    /**
     * Checks a network-only run's size before it is built.
     *
     * @param devices   devices
     * @param periodS   seconds between a device's frames
     * @param durationH simulated hours
     * @param names     the options of devices, period and duration, for messages, e.g.
     *                  {@code "--devices"}, {@code "--period-s"}, {@code "--duration-h"}
     */
    static void network(long devices, double periodS, double durationH, String... names) {
        if (devices > MAX_NET_DEVICES) {
            throw new IllegalArgumentException(names[0] + " " + devices + ": allowed: at most " + MAX_NET_DEVICES
                    + " (a million devices take about 2 GB of memory)");
        }
        if (!(periodS >= MIN_PERIOD_S) || !Double.isFinite(periodS)) {
            throw new IllegalArgumentException(names[1] + " " + periodS + ": allowed: a finite number >= " + MIN_PERIOD_S
                    + " s (the engine's clock counts whole µs)");
        }
        if (!(durationH > 0) || durationH * 3.6e9 > ClockLimits.MAX_SIM_TIME_US) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s %s: allowed: a number > 0 and <= %.3g h "
                    + "(simulated time is a long of µs)", names[2], durationH, ClockLimits.MAX_SIM_TIME_US / 3.6e9));
        }
        double frames = devices * (durationH * 3600 / periodS);
        if (frames > MAX_NET_FRAMES) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s %d x %s %s h / %s %s s = %.3g frames; "
                    + "allowed: at most %.0f frames in one run (about 12 minutes of wall time): fewer devices, a shorter "
                    + "duration or a longer period", names[0], devices, names[2], durationH, names[1], periodS, frames,
                    MAX_NET_FRAMES));
        }
    }
}
