package org.fedwan.channel.nbiot;

/**
 * Block errors of NPUSCH and NPDSCH data blocks and the HARQ retransmissions they cost.
 *
 * <p>Each coverage level is operated so that a device at the level's upper coupling-loss bound
 * (its maximum coupling loss, MCL) sees the block error rate {@code blerAtEdge}; with margin
 * below the bound the rate falls by a decade every {@code decadeDb}:
 * <pre>
 * BLER(L) = blerAtEdge * 10^(-(L_max(level) - L) / decadeDb)
 * </pre>
 * A 10 % BLER at the MCL is the operating point at which 3GPP's coverage evaluations state the
 * MCL of data channels (TR 45.820 coverage methodology, TR 36.888) [U: recalled, not checked
 * against the text]. The slope, 2 dB per decade by default, is [U]: turbo-coded blocks with many
 * repetitions fall about a decade per dB in AWGN and more slowly in fading.
 *
 * <p>A block in error is sent again in a new scheduling cycle (HARQ, then RLC acknowledged mode)
 * until it arrives, so blocks are never lost; each block needs on average
 * {@code 1 / (1 - BLER)} transmissions, each costing the whole cycle's airtime and energy.
 * Random-access messages (RAR, Msg3, Msg4) and HARQ-ACKs are taken as error-free.
 *
 * @param blerAtEdge block error rate at the level's upper bound, 0 (no errors) to 0.5
 * @param decadeDb   coupling-loss margin per decade of BLER, dB, finite and greater than 0
 */
public record BlockErrorModel(double blerAtEdge, double decadeDb) {

    /** No block errors: the repetitions are taken as sufficient (the default of FL runs). */
    public static final BlockErrorModel NONE = new BlockErrorModel(0.0, 2.0);

    /** 10 % BLER at each level's MCL, a decade per 2 dB of margin. */
    public static final BlockErrorModel EDGE_10_PERCENT = new BlockErrorModel(0.10, 2.0);

    /** Validates both fields. */
    public BlockErrorModel {
        if (!(blerAtEdge >= 0.0 && blerAtEdge <= 0.5)) {
            throw new IllegalArgumentException("blerAtEdge = " + blerAtEdge + " is not allowed; allowed: 0..0.5");
        }
        if (!(decadeDb > 0.0) || !Double.isFinite(decadeDb)) {
            throw new IllegalArgumentException("decadeDb = " + decadeDb + " is not allowed; allowed: finite and > 0");
        }
    }

    /**
     * @param coverage       the cell's coverage thresholds
     * @param couplingLossDb the device's coupling loss, dB
     * @return the BLER of its data blocks; 0 without errors or out of coverage
     */
    public double bler(CoverageThresholds coverage, double couplingLossDb) {
        if (blerAtEdge == 0.0) {
            return 0.0;
        }
        return coverage.levelOf(couplingLossDb)
                .map(level -> blerAtEdge * Math.pow(10.0, -(coverage.maxCouplingLossDb(level) - couplingLossDb) / decadeDb))
                .orElse(0.0);
    }

    /**
     * @param bler block error rate, 0 to below 1
     * @return mean transmissions per block with retransmission until success, {@code 1 / (1 - bler)}
     */
    public static double expectedTransmissions(double bler) {
        if (!(bler >= 0.0 && bler < 1.0)) {
            throw new IllegalArgumentException("bler = " + bler + " is not allowed; allowed: 0 <= bler < 1");
        }
        return 1.0 / (1.0 - bler);
    }
}
