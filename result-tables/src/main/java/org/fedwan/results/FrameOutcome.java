package org.fedwan.results;

/**
 * What became of one radio frame, as written in {@code transmissions.csv}. Failures are data:
 * every frame that did not deliver says why.
 */
public enum FrameOutcome implements Labeled {
    /** An uplink frame the network received while its message was still wanted. */
    DELIVERED("delivered"),
    /** An uplink frame that ended after its message stopped being wanted (the round closed, the upload was aborted). */
    LATE("late"),
    /** A downlink (broadcast) frame at a receiving device. */
    RECEIVED("received"),
    /** Below every gateway's sensitivity. */
    BELOW_SENSITIVITY("below-sensitivity"),
    /** Only heard by gateways that were transmitting (half duplex). */
    GATEWAY_TRANSMITTING("gateway-transmitting"),
    /** Heard, but every demodulation path was busy. */
    NO_DEMODULATOR("no-demodulator"),
    /** Destroyed by an overlapping frame. */
    COLLISION("collision"),
    /** The device's battery emptied while the frame was on the air. */
    BATTERY_DEPLETED("battery-depleted");

    private final String label;

    FrameOutcome(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
