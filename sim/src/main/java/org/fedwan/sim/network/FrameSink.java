package org.fedwan.sim.network;

/** Receives the frames a device or gateway has finished sending. */
public interface FrameSink {

    /**
     * A frame ended.
     *
     * @param sender          the device that sent it (for broadcasts: the gateway's receivers get one call each)
     * @param frmPayload      the frame's application payload (fragment header + data)
     * @param startUs         start of the transmission
     * @param endUs           end of the transmission
     * @param phyPayloadBytes bytes on the air
     */
    void frameEnded(LorawanDevice sender, byte[] frmPayload, long startUs, long endUs, int phyPayloadBytes);
}
