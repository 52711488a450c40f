package org.fedwan.sim.lorawan;

import java.util.random.RandomGenerator;
import org.fedwan.channel.lorawan.Reassembler;

/**
 * The receive side of one {@link LorawanDevice}: the downlink the network server scheduled for
 * each receive window (RX1, RX2) of the current MAC cycle, what a received downlink carries (a
 * LinkADRReq for {@link DeviceAdr}, a fragment of a class A download), the download being
 * reassembled with its count of empty polls, an ARQ feedback ({@link FragmentFeedback}) for
 * {@link DeviceJobs}, and class C listening during a multicast session.
 */
final class DeviceReceiver {

    private final LorawanDevice device;
    private final LorawanNetwork net;
    private final RandomGenerator downlinkRng;

    // what the server sent in each window (index 1, 2)
    private final boolean[] received = new boolean[3];
    private final long[] airtimeUs = new long[3];
    private final boolean[] ack = new boolean[3];
    private final int[] adrDataRate = new int[3];
    private final byte[][] data = new byte[3][];
    private final DownlinkMedium.Frame[] frames = new DownlinkMedium.Frame[3];
    /** PHY payload of the ARQ feedback sent in each window, 0 for none; its FRMPayload and ARQ round. */
    private final int[] feedbackPhyBytes = new int[3];
    private final int[] feedbackFrmBytes = new int[3];
    private final int[] feedbackRound = new int[3];

    // class A download
    private Reassembler download;
    private int emptyPolls;
    private boolean acknowledgeDownlink;

    // class C multicast
    private int multicastFramesReceived;
    private int multicastFramesExpected;

    /**
     * @param device      the device
     * @param net         its network
     * @param downlinkRng the device's "downlink-shadowing" stream, drawn by the server
     */
    DeviceReceiver(LorawanDevice device, LorawanNetwork net, RandomGenerator downlinkRng) {
        this.device = device;
        this.net = net;
        this.downlinkRng = downlinkRng;
    }

    /** A new attempt goes on the air: nothing is scheduled in its windows yet. */
    void clearWindows() {
        for (int w = 1; w <= 2; w++) {
            received[w] = false;
            data[w] = null;
            frames[w] = null;
            adrDataRate[w] = -1;
            feedbackPhyBytes[w] = 0;
        }
    }

    /** The server's downlink for window {@code w} of the current cycle (set before the window opens). */
    void scheduled(int w, boolean frameReceived, long frameAirtimeUs, boolean frameAck, int frameAdrDataRate,
                   byte[] frameData, DownlinkMedium.Frame frame) {
        received[w] = frameReceived;
        frames[w] = frame;
        airtimeUs[w] = frameAirtimeUs;
        ack[w] = frameAck;
        adrDataRate[w] = frameAdrDataRate;
        data[w] = frameData;
    }

    /** The downlink of window {@code w} is an ARQ feedback of {@code phyBytes} on the air for ARQ round {@code round}. */
    void feedbackScheduled(int w, int phyBytes, int frmBytes, int round) {
        feedbackPhyBytes[w] = phyBytes;
        feedbackFrmBytes[w] = frmBytes;
        feedbackRound[w] = round;
    }

    /** Window {@code w} closed: an ARQ feedback it carried is reported, received or not. */
    void windowClosed(long nowUs, int w, boolean frameReceived) {
        if (feedbackPhyBytes[w] == 0) {
            return;
        }
        DownlinkMedium.Frame f = frames[w];
        for (NetworkListener l : net.listeners()) {
            l.onFragmentFeedback(device, f.startUs, f.endUs, w, feedbackPhyBytes[w], feedbackFrmBytes[w],
                    feedbackRound[w], windowUs(w), frameReceived, heardIn(w));
        }
        feedbackPhyBytes[w] = 0;
    }

    /** @return whether a downlink is received in window {@code w}: above sensitivity and not destroyed by another downlink */
    boolean receivedIn(int w) {
        return received[w] && (frames[w] == null || net.downlinkMedium().survived(frames[w]));
    }

    /** @return whether window {@code w} holds a downlink above sensitivity, interference aside (for its length) */
    boolean heardIn(int w) {
        return received[w];
    }

    /**
     * @param w the window, 1 or 2
     * @return how long window {@code w} stays open: the downlink's time on air, else the time to
     *         detect that no preamble comes at the window's data rate
     */
    long windowUs(int w) {
        return heardIn(w) ? airtimeUs[w] : w == 1 ? net.emptyRx1Us(device.tx.dataRate) : net.emptyRx2Us();
    }

    /** Acts on the downlink received in window {@code w}: its ADR command, then its download fragment. */
    void process(long nowUs, int w) {
        device.adr().downlinkReceived(nowUs, adrDataRate[w]);
        byte[] fragment = data[w];
        if (fragment != null && device.jobs().awaitsFeedback()) {
            device.jobs().feedbackReceived(fragment);
        } else if (fragment != null && download != null) {
            download.accept(fragment);
            acknowledgeDownlink = true;
            emptyPolls = 0;
        }
    }

    /** A class A download of fragments tagged {@code messageTag} starts. */
    void startDownload(int messageTag) {
        download = new Reassembler(messageTag);
        emptyPolls = 0;
        acknowledgeDownlink = false;
    }

    /** @return true when the device holds the whole download */
    boolean downloadComplete() {
        return download.isComplete();
    }

    /**
     * Counts a poll cycle without a downlink.
     *
     * @param downlinkInCycle whether the cycle received a downlink
     * @return true once {@link NetworkSettings#maxEmptyPolls()} polls in a row went unanswered
     */
    boolean pollsExhausted(boolean downlinkInCycle) {
        if (!downlinkInCycle) {
            emptyPolls++;
        }
        return emptyPolls >= net.settings().maxEmptyPolls();
    }

    /** @return whether the next uplink acknowledges a download fragment; the acknowledgement is then sent */
    boolean takeDownlinkAck() {
        boolean acknowledge = acknowledgeDownlink;
        acknowledgeDownlink = false;
        return acknowledge;
    }

    /** @return the stream of downlink shadowing draws */
    RandomGenerator downlinkRng() {
        return downlinkRng;
    }

    /** A multicast session of {@code expectedFrames} starts now: listen unless dead. */
    void startListening(long nowUs, int expectedFrames) {
        multicastFramesReceived = 0;
        multicastFramesExpected = expectedFrames;
        if (device.isDead()) {
            return;
        }
        device.power().setListening(nowUs, true);
    }

    /** The multicast session ended. */
    void stopListening(long nowUs) {
        device.power().setListening(nowUs, false);
    }

    /** @return true while listening for multicast frames */
    boolean listening() {
        return device.power().isListening() && !device.isDead();
    }

    /** One multicast frame was received. */
    void multicastFrameReceived() {
        multicastFramesReceived++;
    }

    /** @return class C multicast frames received in the last (or current) session */
    int multicastFramesReceived() {
        return multicastFramesReceived;
    }

    /** @return true when the device received every frame of the last multicast session */
    boolean lastMulticastComplete() {
        return multicastFramesExpected > 0 && multicastFramesReceived == multicastFramesExpected;
    }
}
