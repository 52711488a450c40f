package org.fedwan.sim.lorawan;

/**
 * What became of one uplink frame: failures are data, never exceptions. When several gateways
 * hear a frame, the outcome is the best one over the gateways in the order of this enum's
 * {@link #rank()}: it was delivered if any gateway decoded it; otherwise the reason at the
 * gateway where it got furthest.
 */
public enum FrameOutcome {
    /** Below every gateway's sensitivity. */
    BELOW_SENSITIVITY("below-sensitivity", 0),
    /** Only heard by gateways that were transmitting (half-duplex). */
    GATEWAY_TRANSMITTING("gateway-transmitting", 1),
    /** Heard, but every demodulation path was busy. */
    NO_DEMODULATOR("no-demodulator", 2),
    /** Demodulated but destroyed by an overlapping frame. */
    COLLISION("collision", 3),
    /** The device's battery emptied while the frame was on the air. */
    BATTERY_DEPLETED("battery-depleted", -1),
    /** Decoded by at least one gateway and passed to the network server. */
    DELIVERED("delivered", 4);

    private final String label;
    private final int rank;

    FrameOutcome(String label, int rank) {
        this.label = label;
        this.rank = rank;
    }

    /** @return the outcome as written in result files, e.g. "below-sensitivity" */
    public String label() {
        return label;
    }

    /** @return the order in which per-gateway outcomes combine (higher wins) */
    public int rank() {
        return rank;
    }

    /** The result tables' outcome of each outcome, by ordinal (the same names; looked up once, not per frame). */
    private static final org.fedwan.results.FrameOutcome[] AS_RESULT = new org.fedwan.results.FrameOutcome[values().length];

    static {
        for (FrameOutcome o : values()) {
            AS_RESULT[o.ordinal()] = org.fedwan.results.FrameOutcome.valueOf(o.name());
        }
    }

    /** @return the same outcome in the result tables' vocabulary */
    public org.fedwan.results.FrameOutcome asResult() {
        return AS_RESULT[ordinal()];
    }

    /** @return true for {@link #DELIVERED} */
    public boolean delivered() {
        return this == DELIVERED;
    }
}
