package org.fedwan.sim.lorawan;

/**
 * Typed hooks at the PHY and MAC boundaries of the network engine (CloudSim Plus-style typed
 * listeners). Every method has an empty default; arguments are primitives and entities, so a
 * run without listeners allocates nothing per frame. Entities keep no history: a listener
 * decides what to record.
 */
public interface NetworkListener {

    /**
     * An uplink frame ended.
     *
     * @param device          sender
     * @param startUs         start of the transmission
     * @param endUs           end of the transmission
     * @param dataRate        uplink data rate index
     * @param channelIndex    channel number of the region's plan
     * @param phyPayloadBytes bytes on the air
     * @param attempt         1 for the first transmission of the frame, 2.. for retransmissions
     * @param outcome         delivered, or why not
     */
    default void onUplink(LorawanDevice device, long startUs, long endUs, int dataRate, int channelIndex,
                          int phyPayloadBytes, int attempt, FrameOutcome outcome) {
    }

    /**
     * A gateway sent a downlink to a device in a receive window (window 1 or 2), or a class C
     * multicast frame reached or missed a device (window 0).
     *
     * @param device          receiver
     * @param startUs         start of the transmission
     * @param endUs           end of the transmission
     * @param window          1 = RX1, 2 = RX2, 0 = class C multicast
     * @param dataRate        downlink data rate index
     * @param phyPayloadBytes bytes on the air
     * @param received        whether the device received it
     */
    default void onDownlink(LorawanDevice device, long startUs, long endUs, int window, int dataRate,
                            int phyPayloadBytes, boolean received) {
    }

    /**
     * A packet or frame was not put on the air.
     *
     * @param device the device
     * @param nowUs  when
     * @param reason why
     */
    default void onRefused(LorawanDevice device, long nowUs, RefusalReason reason) {
    }

    /**
     * A device's uplink data rate changed (ADR command or ADR back-off).
     *
     * @param device       the device
     * @param nowUs        when
     * @param fromDataRate old data rate index
     * @param toDataRate   new data rate index
     */
    default void onDataRateChanged(LorawanDevice device, long nowUs, int fromDataRate, int toDataRate) {
    }

    /**
     * A device's battery emptied; the device stops participating.
     *
     * @param device       the device
     * @param depletedAtUs when the battery emptied
     */
    default void onBatteryDepleted(LorawanDevice device, long depletedAtUs) {
    }

    /**
     * A fragmented uplink message ended.
     *
     * @param device           sender
     * @param messageTag       the message's tag
     * @param nowUs            when
     * @param delivered        whether the server holds the whole message
     * @param fragmentsMissing fragments the server lacks (0 when delivered)
     */
    default void onMessageEnded(LorawanDevice device, int messageTag, long nowUs, boolean delivered,
                                int fragmentsMissing) {
    }

    /**
     * An ARQ feedback downlink ({@link FragmentRecovery#ARQ}) to a device ended, received or not.
     *
     * @param device          receiver
     * @param startUs         start of the transmission
     * @param endUs           end of the transmission
     * @param window          1 = RX1, 2 = RX2
     * @param phyPayloadBytes bytes on the air
     * @param frmPayloadBytes the feedback's FRMPayload ({@link FragmentFeedback})
     * @param round           ARQ round the feedback answers (1 = after the first pass)
     * @param listenUs        how long the device's receiver was on for it (the window), µs
     * @param received        whether the device received it
     * @param heard           whether it arrived above the device's sensitivity (if not received: destroyed by another downlink)
     */
    default void onFragmentFeedback(LorawanDevice device, long startUs, long endUs, int window, int phyPayloadBytes,
                                    int frmPayloadBytes, int round, long listenUs, boolean received, boolean heard) {
    }
}
