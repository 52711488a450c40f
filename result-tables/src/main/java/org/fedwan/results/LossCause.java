package org.fedwan.results;

/** Why an update (or a frame of it) did not reach the server in time. */
public enum LossCause implements Labeled {
    /** A frame was destroyed by an overlapping frame. */
    COLLISION("collision"),
    /** A frame arrived below every gateway's sensitivity. */
    BELOW_SENSITIVITY("below-sensitivity"),
    /** A frame was heard while every demodulation path of the gateway was busy. */
    NO_DEMODULATOR("no-demodulator"),
    /** A frame was only heard by gateways that were transmitting (half duplex). */
    GATEWAY_TRANSMITTING("gateway-transmitting"),
    /** The device's battery emptied. */
    BATTERY_DEPLETED("battery-depleted"),
    /** Every random-access attempt of a connection collided (NB-IoT). */
    RANDOM_ACCESS_FAILED("random-access-failed"),
    /** The device is out of coverage (NB-IoT coupling loss beyond the deepest coverage level). */
    OUT_OF_COVERAGE("out-of-coverage"),
    /** The round closed (its deadline, or enough updates under over-selection) before the update arrived. */
    DEADLINE("deadline"),
    /** The client dropped out of the round ({@code dropout_probability}): it trained and sent nothing. */
    DROPOUT("dropout");

    private final String label;

    LossCause(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** The cause a frame's outcome stands for, or {@code null} for an outcome that is not a loss. */
    public static LossCause of(FrameOutcome outcome) {
        return switch (outcome) {
            case COLLISION -> COLLISION;
            case BELOW_SENSITIVITY -> BELOW_SENSITIVITY;
            case NO_DEMODULATOR -> NO_DEMODULATOR;
            case GATEWAY_TRANSMITTING -> GATEWAY_TRANSMITTING;
            case BATTERY_DEPLETED -> BATTERY_DEPLETED;
            case DELIVERED, LATE, RECEIVED -> null;
        };
    }
}
