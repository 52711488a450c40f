package org.fedwan.sim.lorawan;

/** Receives each class C multicast frame once, when it ends. */
@FunctionalInterface
public interface BroadcastSink {

    /**
     * @param frmPayload      the frame's application payload (fragment header + data)
     * @param startUs         start of the transmission
     * @param endUs           end of the transmission
     * @param phyPayloadBytes bytes on the air
     */
    void broadcastFrameEnded(byte[] frmPayload, long startUs, long endUs, int phyPayloadBytes);
}
