package org.fedwan.sim.lorawan;

import org.fedwan.results.Labeled;

/** How much of the LoRaWAN channel an FL run models. */
public enum ChannelModel implements Labeled {
    /** The network only delays: devices within 100 m of one gateway, free-space loss, no shadowing, no interference. */
    IDEAL("ideal"),
    /** Bor log-distance path loss with 3.57 dB shadowing, collisions with capture, 8-path gateways in a disc. */
    REALISTIC("realistic");

    private final String label;

    ChannelModel(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
