package org.fedwan.channel.reception;

/**
 * Which of two frames heard by one gateway on the same channel and spreading factor survive
 * their overlap (LoRaSim rule, {@link CaptureRule}). Pure function over primitives, so the
 * engine can call it on its hot path without allocating.
 *
 * <p>For frames A and B (A started no later than B):
 * <ol>
 *   <li>no time overlap ({@code endA <= startB}): both survive;</li>
 *   <li>timing rescue: {@code startB + N * Tsym >= endA}, i.e. only B's first {@code N}
 *       preamble symbols overlap A: both survive (LoRaSim {@code timingCollision} false);</li>
 *   <li>power: {@code |Pa - Pb| < threshold}: both are lost; otherwise the weaker is lost and
 *       the stronger captures the receiver (LoRaSim {@code powerCollision}).</li>
 * </ol>
 * A frame may overlap several others; the engine applies the rule to every pair and a frame
 * survives only if it survives all of them, as LoRaSim's {@code checkcollision} does.
 */
public final class Collisions {

    /** Both frames survive. */
    public static final int NONE_LOST = 0;
    /** The first argument's frame is lost. */
    public static final int FIRST_LOST = 1;
    /** The second argument's frame is lost. */
    public static final int SECOND_LOST = 2;
    /** Both frames are lost. */
    public static final int BOTH_LOST = FIRST_LOST | SECOND_LOST;

    private Collisions() {
    }

    /**
     * @param firstStartUs    start of the first frame, µs
     * @param firstEndUs      end of the first frame, µs
     * @param firstRssiDbm    received power of the first frame at this gateway, dBm
     * @param secondStartUs   start of the second frame, µs
     * @param secondEndUs     end of the second frame, µs
     * @param secondRssiDbm   received power of the second frame, dBm
     * @param symbolTimeUs    symbol time of the (common) spreading factor and bandwidth, µs
     * @param rule            capture threshold and preamble rescue
     * @return a combination of {@link #FIRST_LOST} and {@link #SECOND_LOST}
     */
    public static int resolve(long firstStartUs, long firstEndUs, double firstRssiDbm,
                              long secondStartUs, long secondEndUs, double secondRssiDbm,
                              long symbolTimeUs, CaptureRule rule) {
        if (firstEndUs <= secondStartUs || secondEndUs <= firstStartUs) {
            return NONE_LOST;
        }
        long earlierEndUs;
        long laterStartUs;
        if (firstStartUs <= secondStartUs) {
            earlierEndUs = firstEndUs;
            laterStartUs = secondStartUs;
        } else {
            earlierEndUs = secondEndUs;
            laterStartUs = firstStartUs;
        }
        if (laterStartUs + rule.preambleRescueSymbols() * symbolTimeUs >= earlierEndUs) {
            return NONE_LOST;
        }
        double differenceDb = firstRssiDbm - secondRssiDbm;
        if (Math.abs(differenceDb) < rule.captureThresholdDb()) {
            return BOTH_LOST;
        }
        return differenceDb > 0 ? SECOND_LOST : FIRST_LOST;
    }
}
