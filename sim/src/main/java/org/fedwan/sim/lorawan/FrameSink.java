package org.fedwan.sim.lorawan;

/** Receives every uplink frame that carried application bytes when it ends, with its outcome. */
@FunctionalInterface
public interface FrameSink {

    /**
     * A frame ended.
     *
     * @param sender          the device that sent it
     * @param frmPayload      the frame's application payload (fragment header + data)
     * @param startUs         start of the transmission
     * @param endUs           end of the transmission
     * @param phyPayloadBytes bytes on the air
     * @param outcome         delivered, or why not
     */
    void frameEnded(LorawanDevice sender, byte[] frmPayload, long startUs, long endUs, int phyPayloadBytes,
                    FrameOutcome outcome);
}
