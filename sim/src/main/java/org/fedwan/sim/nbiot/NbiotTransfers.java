package org.fedwan.sim.nbiot;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.fedwan.channel.nbiot.CoverageLevel;
import org.fedwan.channel.nbiot.CoverageLevelConfig;
import org.fedwan.channel.nbiot.HarqTiming;
import org.fedwan.channel.nbiot.NbiotLinkConfig;
import org.fedwan.channel.nbiot.PhaseKind;
import org.fedwan.channel.nbiot.PowerState;
import org.fedwan.channel.nbiot.Procedures;
import org.fedwan.channel.nbiot.TransportBlock;

/**
 * What one connected {@link NbiotDevice} has to move, one transport block at a time: the uplink
 * message in progress (delivered when its last block's NPUSCH ends, RLC acknowledged mode), the
 * periodic TAU, then the queued downlink messages. Each block is a {@link SegmentProgram} granted
 * by the cell's shared-carrier scheduler; half duplex and one HARQ process, so uplink and downlink
 * blocks never overlap, uplink first.
 *
 * <p>With block errors ({@code BlockErrorModel} of the link) each data block is in
 * error with the device's BLER (a draw of its "nbiot-harq" stream at the end of its NPUSCH or
 * NPDSCH); a block in error carries nothing and the same bits go again in the next cycle.
 */
final class NbiotTransfers {

    private static final Runnable NOTHING = () -> { };

    private record DownlinkJob(long messageBytes, long bits, Runnable onReceived, long requestedUs) {
    }

    private final NbiotDevice device;
    private final NbiotCell cell;
    private final NbiotLinkConfig link;
    private final CoverageLevel level;
    private final CoverageLevelConfig ce;
    private final NbiotListener listener;
    private final double blockErrorRate;
    private final RandomGenerator harq;

    private long ulBitsLeft;
    private int ulMessageBytes;
    private int ulTag;
    private long ulRequestedUs;
    private Runnable onSent = NOTHING;
    private long tauBitsLeft;
    private int blockBits;
    private boolean blockForMessage;
    private boolean blockForTau;
    private boolean messageBlockPending;

    private final ArrayDeque<DownlinkJob> downlinks = new ArrayDeque<>();
    private long dlBitsLeft;

    private long messagesDelivered;
    private long uplinkBits;

    /**
     * @param device   the device
     * @param cell     its cell (uplink and downlink scheduler)
     * @param level    its coverage level, or null when out of coverage
     * @param ce       the level's configuration, or null when out of coverage
     * @param listener receives blocks, deliveries and failures
     * @param blockErrorRate BLER of the device's data blocks, 0 for none
     * @param harq     the device's block-error draws, null without block errors
     */
    NbiotTransfers(NbiotDevice device, NbiotCell cell, CoverageLevel level, CoverageLevelConfig ce,
                   NbiotListener listener, double blockErrorRate, RandomGenerator harq) {
        this.device = device;
        this.cell = cell;
        this.link = cell.link();
        this.level = level;
        this.ce = ce;
        this.listener = listener;
        this.blockErrorRate = blockErrorRate;
        this.harq = harq;
        if (blockErrorRate > 0 && harq == null) {
            throw new IllegalArgumentException("blockErrorRate = " + blockErrorRate + " needs a random stream");
        }
    }

    /** @return whether the block that just ended was in error (one draw, only with block errors) */
    private boolean blockInError() {
        return blockErrorRate > 0 && harq.nextDouble() < blockErrorRate;
    }

    /** @return messages delivered so far */
    long messagesDelivered() {
        return messagesDelivered;
    }

    /** @return uplink transport-block bits sent so far (messages, TAU, with overhead and padding) */
    long uplinkBits() {
        return uplinkBits;
    }

    /** See {@link NbiotDevice#isSending()}. */
    boolean isSending() {
        return ulBitsLeft > 0 || messageBlockPending;
    }

    /** @return whether message bits wait to be sent */
    boolean hasUplink() {
        return ulBitsLeft > 0;
    }

    /** @return whether TAU bits wait to be sent */
    boolean hasTau() {
        return tauBitsLeft > 0;
    }

    /** @return whether a downlink message is queued (the one in progress included) */
    boolean downlinkQueued() {
        return !downlinks.isEmpty();
    }

    /** @return whether downlink bits wait to be received */
    boolean hasDownlink() {
        return dlBitsLeft > 0 || !downlinks.isEmpty();
    }

    /** A message of {@code messageBytes} is to be sent from now on; {@code onSentCallback} runs on delivery. */
    void startMessage(int messageBytes, int messageTag, long nowUs, Runnable onSentCallback) {
        ulBitsLeft = 8L * link.linkBytes(messageBytes);
        ulMessageBytes = messageBytes;
        ulTag = messageTag;
        ulRequestedUs = nowUs;
        this.onSent = Objects.requireNonNull(onSentCallback, "onSent is null");
    }

    /** See {@link NbiotDevice#abort()}. */
    void abort() {
        ulBitsLeft = 0;
        onSent = NOTHING;
    }

    /** Queues a downlink message of {@code messageBytes}, requested at {@code nowUs}. */
    void queueDownlink(long messageBytes, Runnable onReceived, long nowUs) {
        downlinks.add(new DownlinkJob(messageBytes, Math.max(1L, 8L * link.linkBytes(messageBytes)), onReceived,
                nowUs));
    }

    /** The periodic TAU is due: its bits are to be sent. */
    void startTau(int tauBytes) {
        tauBitsLeft = 8L * link.linkBytes(tauBytes);
    }

    /** Random access was given up: the message is lost (reported) and the TAU dropped. */
    void randomAccessFailed(long nowUs) {
        if (ulBitsLeft > 0) {
            ulBitsLeft = 0;
            onSent = NOTHING;
            listener.onFailure(device, NbiotFailure.RANDOM_ACCESS_FAILED, nowUs);
        }
        tauBitsLeft = 0;
    }

    /**
     * Starts the next block: message, then TAU, then downlink.
     *
     * @return false when nothing is left to transfer
     */
    boolean startNextBlock(long nowUs) {
        if (ulBitsLeft > 0) {
            startUplinkBlock(nowUs, ulBitsLeft, true, false);
        } else if (tauBitsLeft > 0) {
            startUplinkBlock(nowUs, tauBitsLeft, false, true);
        } else if (dlBitsLeft > 0 || !downlinks.isEmpty()) {
            if (dlBitsLeft <= 0) {
                dlBitsLeft = downlinks.peek().bits();
            }
            startDownlinkBlock(nowUs);
        } else {
            return false;
        }
        return true;
    }

    /** A segment ended: the end of an NPUSCH sends a block, the end of an NPDSCH receives one. */
    void segmentEnded(PhaseKind kind, long startUs, long nowUs) {
        if (kind == PhaseKind.UPLINK_DATA) {
            uplinkBlockSent(startUs, nowUs);
        } else if (kind == PhaseKind.DOWNLINK_DATA) {
            downlinkBlockReceived(startUs, nowUs);
        }
    }

    /** The device died at {@code atUs}: nothing more moves; every queued downlink is lost (reported). */
    void dropAll(long atUs) {
        ulBitsLeft = 0;
        messageBlockPending = false;
        onSent = NOTHING;
        tauBitsLeft = 0;
        dlBitsLeft = 0;
        while (!downlinks.isEmpty()) {
            downlinks.poll();
            listener.onFailure(device, NbiotFailure.DOWNLINK_LOST, atUs);
        }
    }

    private void startUplinkBlock(long nowUs, long bitsLeft, boolean forMessage, boolean forTau) {
        HarqTiming t = link.timing();
        TransportBlock b = Procedures.uplinkBlock(link, level, bitsLeft);
        long dciUs = Procedures.npdcchUs(ce);
        long airUs = Procedures.npuschUs(ce, b);
        long startUs = cell.reserveUplink(ce.uplinkTones().lanes(), nowUs + dciUs + t.dciToNpuschUs(), airUs);
        blockBits = b.tbsBits();
        blockForMessage = forMessage;
        blockForTau = forTau;
        messageBlockPending = forMessage;
        SegmentProgram program = device.program();
        program.begin(nowUs);
        program.add(PhaseKind.SCHEDULER_WAIT, PowerState.CONNECTED_IDLE, startUs - t.dciToNpuschUs() - dciUs - nowUs);
        program.add(PhaseKind.UPLINK_GRANT, PowerState.RX, dciUs);
        program.add(PhaseKind.GAP, PowerState.CONNECTED_IDLE, t.dciToNpuschUs());
        program.add(PhaseKind.UPLINK_DATA, PowerState.TX, airUs);
        program.add(PhaseKind.GAP, PowerState.CONNECTED_IDLE, t.uplinkToNextDciUs());
        program.run(SegmentProgram.Step.UPLINK_BLOCK_DONE, nowUs);
    }

    private void uplinkBlockSent(long startUs, long nowUs) {
        if (blockInError()) {
            listener.onBlockError(device, true, blockBits, startUs, nowUs);
            messageBlockPending = false;
            return;
        }
        uplinkBits += blockBits;
        listener.onUplinkBlock(device, blockBits, startUs, nowUs);
        if (blockForTau) {
            tauBitsLeft = Math.max(0L, tauBitsLeft - blockBits);
        }
        if (!blockForMessage) {
            return;
        }
        messageBlockPending = false;
        if (ulBitsLeft <= 0) {
            return; // aborted while the block was granted
        }
        ulBitsLeft = Math.max(0L, ulBitsLeft - blockBits);
        if (ulBitsLeft == 0) {
            messagesDelivered++;
            listener.onMessageDelivered(device, ulTag, ulMessageBytes, ulRequestedUs, nowUs);
            Runnable done = onSent;
            onSent = NOTHING;
            done.run();
        }
    }

    private void startDownlinkBlock(long nowUs) {
        HarqTiming t = link.timing();
        TransportBlock b = Procedures.downlinkBlock(link, level, dlBitsLeft);
        long dciUs = Procedures.npdcchUs(ce);
        long npdschUs = Procedures.npdschUs(ce, b);
        long startUs = cell.reserveDownlink(nowUs, dciUs + npdschUs);
        blockBits = b.tbsBits();
        blockForMessage = false;
        blockForTau = false;
        SegmentProgram program = device.program();
        program.begin(nowUs);
        program.add(PhaseKind.SCHEDULER_WAIT, PowerState.CONNECTED_IDLE, startUs - nowUs);
        program.add(PhaseKind.DOWNLINK_ASSIGNMENT, PowerState.RX, dciUs);
        program.add(PhaseKind.GAP, PowerState.CONNECTED_IDLE, t.dciToNpdschUs());
        program.add(PhaseKind.DOWNLINK_DATA, PowerState.RX, npdschUs);
        program.add(PhaseKind.GAP, PowerState.CONNECTED_IDLE, t.npdschToAckUs());
        program.add(PhaseKind.HARQ_ACK, PowerState.TX, Procedures.harqAckUs(ce));
        program.add(PhaseKind.GAP, PowerState.CONNECTED_IDLE, t.uplinkToNextDciUs());
        program.run(SegmentProgram.Step.DOWNLINK_BLOCK_DONE, nowUs);
    }

    private void downlinkBlockReceived(long startUs, long nowUs) {
        if (blockInError()) {
            listener.onBlockError(device, false, blockBits, startUs, nowUs);
            return;
        }
        dlBitsLeft -= blockBits;
        if (dlBitsLeft > 0) {
            return;
        }
        dlBitsLeft = 0;
        DownlinkJob job = downlinks.poll();
        listener.onDownlinkDelivered(device, job.messageBytes(), job.requestedUs(), nowUs, false);
        job.onReceived().run();
    }
}
