package org.fedwan.sim.lorawan;

/** Why a device did not put an application packet or frame on the air. */
public enum RefusalReason {
    /** A packet arrived while the device was still busy with the previous one (LoRaMac-node: busy). */
    BUSY("busy"),
    /** The device's battery is empty. */
    DEAD("battery-depleted"),
    /** FRMPayload plus FOpts exceed the data rate's maximum. */
    PAYLOAD_TOO_LONG("payload-too-long"),
    /** The frame's airtime exceeds the region's dwell-time limit on that channel. */
    DWELL_TIME("dwell-time"),
    /** The frame's airtime exceeds a whole day's fair-use allowance. */
    FAIR_USE("fair-use");

    private final String label;

    RefusalReason(String label) {
        this.label = label;
    }

    /** @return the reason as written in result files */
    public String label() {
        return label;
    }
}
