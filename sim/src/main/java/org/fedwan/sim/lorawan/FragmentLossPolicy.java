package org.fedwan.sim.lorawan;

/** What a device does when fragments of a message did not reach the network server. */
public enum FragmentLossPolicy {
    /** Each fragment goes out once (with its MAC retransmissions); a missing fragment loses the message. */
    LOSE_MESSAGE,
    /**
     * After the last fragment the device resends the fragments the server lacks, up to
     * {@link NetworkSettings#maxMessagePasses()} passes in all. The device learns which ones are
     * missing without cost: the feedback downlink is idealised.
     */
    RESEND_MISSING
}
