package org.fedwan.sim.config;

import java.util.Locale;

/**
 * What the engine's clock can represent, and the bounds on scenario values derived from it.
 * Simulated time is a {@code long} of microseconds ({@code sim.kernel}): at most
 * {@value #MAX_SIM_TIME_US} µs, about 292,000 years. Values that pass their keys' ranges but
 * would push a run past that (a duty cycle of 1e-12, a device of 1e-300 MFLOP/s) are refused when
 * the scenario is read, with this reason, rather than ending in an overflow mid-run.
 */
public final class ClockLimits {

    /** The largest simulated time, µs: {@link Long#MAX_VALUE}. */
    public static final long MAX_SIM_TIME_US = Long.MAX_VALUE;

    /** The clock's range in years (365.25 days), for messages. */
    public static final double MAX_SIM_TIME_YEARS = MAX_SIM_TIME_US / 1e6 / (365.25 * 86_400);

    /**
     * The longest LoRaWAN frame, µs, rounded up: SF12 at 125 kHz, coding rate 4/5, 255-byte PHY
     * payload, explicit header, CRC, low-data-rate optimisation: 275.25 symbols of 32.768 ms =
     * 9.02 s (Semtech AN1200.13 time-on-air formula, as {@code ./fedwan airtime --sf 12 --payload 255}).
     */
    public static final long LONGEST_FRAME_US = 10_000_000;

    /** The most rounds a scenario may ask for (the range of {@code rounds}). */
    public static final long MAX_ROUNDS = 100_000;

    /**
     * Smallest device and gateway duty cycle. After a frame of airtime {@code t} a sub-band stays
     * closed for {@code t (1 - d) / d}; one longest frame per round over {@link #MAX_ROUNDS} rounds
     * needs {@code d >= MAX_ROUNDS x LONGEST_FRAME_US / MAX_SIM_TIME_US} = 1.08e-7 to fit the
     * clock; 1e-6 leaves a factor 9 for several frames per round (and is below every regulated
     * duty cycle: ETSI EN 300 220's smallest is 0.1 %).
     */
    public static final double MIN_DUTY_CYCLE = 1e-6;

    private static final String MIN_DUTY_CYCLE_TEXT = "0.000001";

    /**
     * Share of the clock one client's training over the whole run may take at the median device
     * speed: 1/1024 leaves room for the log-normal speed spread (a device e^6.9 = 1000 times slower
     * than the median still fits), the radio and the waits.
     */
    public static final double TRAINING_SHARE_OF_CLOCK = 1.0 / 1024;

    private ClockLimits() {
    }

    /** What a duty cycle key allows, with the reason. */
    public static String dutyCycleAllowed() {
        return String.format(Locale.ROOT, "allowed: a number >= %s and <= 1 (simulated time is a long of µs, at most "
                + "%.0f years: after the longest frame, %d s, a duty cycle d closes the band for %d s / d, and below %s the "
                + "closures of %d rounds no longer fit)", MIN_DUTY_CYCLE_TEXT, MAX_SIM_TIME_YEARS, LONGEST_FRAME_US / 1_000_000,
                LONGEST_FRAME_US / 1_000_000, MIN_DUTY_CYCLE_TEXT, MAX_ROUNDS);
    }

    /**
     * The refusal of a run whose training alone would overflow the clock, or null when it fits.
     *
     * @param flopsPerRound one client's training work per round, FLOP
     * @param deviceMflops  the median device speed, MFLOP/s (one MFLOP/s is one FLOP per µs)
     * @param rounds        rounds of the run
     */
    public static String trainingProblem(double flopsPerRound, double deviceMflops, int rounds) {
        double limitUs = MAX_SIM_TIME_US * TRAINING_SHARE_OF_CLOCK;
        double totalUs = flopsPerRound / deviceMflops * rounds;
        if (totalUs <= limitUs) {
            return null;
        }
        return String.format(Locale.ROOT, "for %d rounds of %.3g FLOP of training per client: allowed: at least %.3g MFLOP/s "
                + "(simulated time is a long of µs, at most %.0f years; a client's training may take 1/%d of it)", rounds,
                flopsPerRound, flopsPerRound * rounds / limitUs, MAX_SIM_TIME_YEARS, Math.round(1 / TRAINING_SHARE_OF_CLOCK));
    }
}
