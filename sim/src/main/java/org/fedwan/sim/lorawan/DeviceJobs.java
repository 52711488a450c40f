package org.fedwan.sim.lorawan;

import java.util.List;
import java.util.Objects;
import org.fedwan.channel.fragmentation.FecEncoder;
import org.fedwan.channel.fragmentation.FecLayout;
import org.fedwan.channel.lorawan.Fragmentation;

/**
 * The work of one {@link LorawanDevice}, one job at a time with at most one waiting: a periodic
 * packet, a fragmented message (fragments still missing at the server are resent pass by pass under
 * {@link FragmentLossPolicy#RESEND_MISSING}) or a class A download (empty polls while the server has
 * fragments for the device). It says what each next frame carries ({@link MacCycle#newFrame}) and,
 * when a frame is done, whether the job goes on, ends or is lost.
 *
 * <p>Fragment recovery ({@link RecoverySettings}) changes a message job. Under {@link FragmentRecovery#FEC}
 * the message is {@link FecEncoder}'s fragments, all sent once: the device cannot know when the server
 * has decoded, so it stops early only when the next message waits (the next round started). Under
 * {@link FragmentRecovery#ARQ} the last frame of each pass asks for feedback; the server answers in its
 * RX1 (else RX2) window with the missing fragments ({@link FragmentFeedback}) and the next pass resends
 * them. A pass whose windows bring no feedback (its last frame lost, the gateway busy or out of duty
 * cycle, the downlink lost) is answered by the timeout rule: the device resends the pass's last fragment
 * as soon as its duty cycle allows, which asks again. Every such round counts; after
 * {@link RecoverySettings#arqMaxRounds()} rounds the message is lost unless the server holds it. A
 * feedback saying "complete" ends the job; a delivered message whose next message waits ends at once.
 */
final class DeviceJobs {

    private static final Runnable NOTHING = () -> { };

    private enum Kind { PACKET, MESSAGE, POLL }

    /** One unit of work: a packet, a message, or a download. */
    private static final class Job {
        Kind kind;
        int packetBytes;
        List<byte[]> fragments;
        int[] order;
        int orderPos;
        int pass;
        int tag;
        /** The FEC layout of a message under {@link FragmentRecovery#FEC}, else null. */
        FecLayout layout;
        /** ARQ rounds begun after the first pass. */
        int arqRounds;
        /** The ARQ feedback received in the current cycle, or null. */
        byte[] feedback;
        Runnable onDone = NOTHING;
        boolean delivered;
        boolean aborted;

        void packet(int bytes) {
            kind = Kind.PACKET;
            packetBytes = bytes;
            fragments = null;
            order = null;
            aborted = false;
            delivered = false;
            onDone = NOTHING;
        }
    }

    private final LorawanDevice device;
    private final LorawanNetwork net;
    private final NetworkSettings settings;

    private boolean closed;
    private Job job;
    private Job pendingJob;
    private final Job packetJob = new Job();
    private final FragmentRecovery recovery;

    DeviceJobs(LorawanDevice device, LorawanNetwork net) {
        this.device = device;
        this.net = net;
        this.settings = net.settings();
        this.recovery = settings.recovery().recovery();
    }

    /** See {@link LorawanDevice#isSending()}. */
    boolean isSending() {
        if (device.power().isTransmitting() || pendingJob != null) {
            return true;
        }
        return job != null && !job.aborted && !(job.kind == Kind.MESSAGE && job.delivered);
    }

    /** @return true while a job runs or waits */
    boolean isBusy() {
        return job != null || pendingJob != null;
    }

    /** See {@link LorawanDevice#offerPacket(int)}. */
    boolean offerPacket(int frmPayloadBytes) {
        long now = net.simulation().nowUs();
        if (closed) {
            return false;
        }
        net.stats().packetsOffered++;
        if (device.isDead()) {
            device.refuse(now, RefusalReason.DEAD);
            return false;
        }
        if (job != null || pendingJob != null) {
            device.refuse(now, RefusalReason.BUSY);
            return false;
        }
        packetJob.packet(frmPayloadBytes);
        enqueue(packetJob, now);
        return true;
    }

    /** See {@link LorawanDevice#send(byte[], int, Runnable)}. */
    void send(byte[] message, int messageTag, Runnable onDelivered) {
        Objects.requireNonNull(message, "message is null");
        if (isSending()) {
            throw new IllegalStateException(device.name() + " is still sending its previous message");
        }
        long now = net.simulation().nowUs();
        if (device.isDead()) {
            device.refuse(now, RefusalReason.DEAD);
            return;
        }
        Job j = new Job();
        j.kind = Kind.MESSAGE;
        j.layout = fecLayout(message.length);
        if (j.layout != null) {
            j.fragments = FecEncoder.encode(message, j.layout, messageTag);
        } else {
            j.fragments = Fragmentation.split(message, device.maxFrmPayloadBytes(), messageTag);
        }
        j.order = allIndices(j.fragments.size());
        j.pass = 1;
        j.tag = messageTag;
        j.onDone = Objects.requireNonNull(onDelivered, "onDelivered is null");
        enqueue(j, now);
    }

    /**
     * @return the FEC layout a message of {@code messageBytes} gets now (at the current data rate), or null
     *         unless the recovery is {@link FragmentRecovery#FEC}
     */
    FecLayout fecLayout(int messageBytes) {
        return recovery != FragmentRecovery.FEC ? null
                : FecLayout.of(messageBytes, device.maxFrmPayloadBytes(), settings.recovery().fecRedundancy());
    }

    /** @return whether the job in progress is an ARQ message, which takes feedback from the downlinks */
    boolean awaitsFeedback() {
        return recovery == FragmentRecovery.ARQ && job != null && job.kind == Kind.MESSAGE && !job.aborted;
    }

    /** @return the ARQ round the next feedback answers: 1 after the first pass */
    int arqRound() {
        return job == null ? 0 : job.arqRounds + 1;
    }

    /** An ARQ feedback arrived in a receive window of the current cycle. */
    void feedbackReceived(byte[] payload) {
        if (awaitsFeedback() && FragmentFeedback.tag(payload) == job.tag) {
            job.feedback = payload;
        }
    }

    /** See {@link LorawanDevice#download(byte[], int, Runnable)}. */
    void download(byte[] message, int messageTag, Runnable onReceived) {
        Objects.requireNonNull(message, "message is null");
        if (isBusy()) {
            throw new IllegalStateException(device.name() + " is busy; a download needs an idle device");
        }
        long now = net.simulation().nowUs();
        if (device.isDead()) {
            device.refuse(now, RefusalReason.DEAD);
            return;
        }
        int rx1Dr = settings.region().rx1DataRateIndex(device.dataRateIndex(), settings.rx1DrOffset());
        int maxFrm = settings.region().downlinkDataRate(rx1Dr).maxFrmPayloadBytes();
        List<byte[]> fragments = Fragmentation.split(message, maxFrm, messageTag);
        net.server().downloadStarted(device, fragments);
        device.receiver().startDownload(messageTag);
        Job j = new Job();
        j.kind = Kind.POLL;
        j.tag = messageTag;
        j.onDone = Objects.requireNonNull(onReceived, "onReceived is null");
        enqueue(j, now);
    }

    /** See {@link LorawanDevice#abort()}. */
    void abort() {
        pendingJob = null;
        if (job == null) {
            return;
        }
        job.aborted = true;
        job.onDone = NOTHING;
        if (job.kind == Kind.MESSAGE) {
            net.server().messageEnded(device);
        } else if (job.kind == Kind.POLL) {
            net.server().downloadEnded(device);
        }
        device.mac().cancelAttempt();
        if (!device.mac().isActive() && !device.power().isTransmitting()) {
            job = null;
        }
    }

    /** See {@link LorawanDevice#close()}. */
    int close() {
        closed = true;
        int unsent = 0;
        if (pendingJob != null) {
            unsent++;
            pendingJob = null;
        }
        if (job != null) {
            if (device.mac().attempts() == 0 && !device.power().isTransmitting()) {
                unsent++;
            }
            device.mac().cancelAttempt();
            job.aborted = true;
            job.onDone = NOTHING;
            if (!device.mac().isActive() && !device.power().isTransmitting()) {
                job = null;
            }
        }
        return unsent;
    }

    /** The battery emptied: the job in progress is lost (its callback never runs) and none waits. */
    void depleted() {
        if (job != null && !job.aborted) {
            if (job.kind == Kind.MESSAGE) {
                net.server().messageEnded(device);
            } else if (job.kind == Kind.POLL) {
                net.server().downloadEnded(device);
            }
            job.aborted = true;
            job.onDone = NOTHING;
        }
        job = null;
        pendingJob = null;
    }

    private void enqueue(Job j, long now) {
        if (j.kind == Kind.MESSAGE) {
            net.server().messageStarted(device, j.layout != null ? MessageCollector.fec(j.layout, j.tag)
                    : MessageCollector.plain(j.tag));
        }
        if (job != null || device.mac().isActive() || device.power().isTransmitting()) {
            pendingJob = j;
        } else {
            begin(j, now);
        }
    }

    private void begin(Job j, long now) {
        job = j;
        j.orderPos = 0;
        nextFrame(now);
    }

    private void startPending(long now) {
        Job j = pendingJob;
        if (j != null && !device.isDead()) {
            pendingJob = null;
            begin(j, now);
        }
    }

    private void finishJob(long now) {
        job = null;
        startPending(now);
    }

    /** Hands the job's next frame to the MAC cycle. */
    private void nextFrame(long now) {
        Job j = job;
        byte[] frm = null;
        int frmBytes = 0;
        boolean requestFeedback = false;
        switch (j.kind) {
            case PACKET -> frmBytes = j.packetBytes;
            case MESSAGE -> {
                frm = j.fragments.get(j.order[j.orderPos++]);
                frmBytes = frm.length;
                requestFeedback = recovery == FragmentRecovery.ARQ && j.orderPos == j.order.length;
            }
            case POLL -> frmBytes = 0;
        }
        device.mac().newFrame(now, frm, frmBytes, j.kind != Kind.POLL && settings.confirmed(), requestFeedback);
    }

    /** The frame in progress cannot go out ({@code reason}): a message is lost, a download fails. */
    void frameRefused(long now, RefusalReason reason) {
        device.refuse(now, reason);
        Job j = job;
        if (j.kind == Kind.MESSAGE) {
            // the fragment cannot go out at this data rate: the message is lost
            j.orderPos = j.order.length;
            j.pass = settings.maxMessagePasses();
            messagePassEnded(now);
        } else if (j.kind == Kind.POLL) {
            net.stats().downloadsFailed++;
            net.server().downloadEnded(device);
            finishJob(now);
        } else {
            finishJob(now);
        }
    }

    /** A MAC cycle of a living device ended: the same frame again, the next frame, or the job's end. */
    void cycleEnded(long now) {
        Job j = job;
        if (j == null || j.aborted) {
            job = null;
            startPending(now);
            return;
        }
        if (j.kind == Kind.POLL) {
            pollCycleEnded(now);
            return;
        }
        if (!device.mac().retransmitIfDue(now)) {
            frameDone(now);
        }
    }

    private void frameDone(long now) {
        Job j = job;
        if (j.kind == Kind.PACKET) {
            finishJob(now);
        } else if (j.delivered && (recovery == FragmentRecovery.NONE || pendingJob != null)) {
            finishJob(now);
        } else if (recovery == FragmentRecovery.ARQ && j.orderPos == j.order.length) {
            arqPassEnded(now);
        } else if (j.orderPos < j.order.length) {
            nextFrame(now);
        } else {
            messagePassEnded(now);
        }
    }

    private void messagePassEnded(long now) {
        Job j = job;
        if (j.delivered) {
            finishJob(now);
            return;
        }
        if (recovery == FragmentRecovery.FEC) {
            messageLost(now, net.server().deficit(device));
            return;
        }
        int[] missing = net.server().missingFragments(device, j.fragments.size());
        if (settings.fragmentLossPolicy() == FragmentLossPolicy.RESEND_MISSING && j.pass < settings.maxMessagePasses()
                && missing.length > 0) {
            j.pass++;
            j.order = missing;
            j.orderPos = 0;
            nextFrame(now);
            return;
        }
        messageLost(now, missing.length);
    }

    private void messageLost(long now, int fragmentsMissing) {
        Job j = job;
        net.stats().messagesLost++;
        net.server().messageEnded(device);
        for (NetworkListener l : net.listeners()) {
            l.onMessageEnded(device, j.tag, now, false, fragmentsMissing);
        }
        finishJob(now);
    }

    /** The last frame of an ARQ pass and its receive windows are done: act on the feedback or its absence. */
    private void arqPassEnded(long now) {
        Job j = job;
        byte[] feedback = j.feedback;
        j.feedback = null;
        int[] resend = feedback == null ? null : FragmentFeedback.missing(feedback);
        if (resend != null && resend.length == 0) {
            finishJob(now);
            return;
        }
        if (j.arqRounds >= settings.recovery().arqMaxRounds()) {
            if (j.delivered) {
                finishJob(now);
            } else {
                messageLost(now, net.server().missingFragments(device, j.fragments.size()).length);
            }
            return;
        }
        j.arqRounds++;
        j.order = resend != null ? resend : new int[] {j.order[j.order.length - 1]};
        j.orderPos = 0;
        nextFrame(now);
    }

    /** Called by the server at the end of the frame that completed the message. */
    void messageDelivered(long now) {
        Job j = job;
        if (j == null || j.kind != Kind.MESSAGE || j.delivered || j.aborted) {
            return;
        }
        j.delivered = true;
        net.stats().messagesDelivered++;
        for (NetworkListener l : net.listeners()) {
            l.onMessageEnded(device, j.tag, now, true, 0);
        }
        Runnable done = j.onDone;
        j.onDone = NOTHING;
        done.run();
    }

    private void pollCycleEnded(long now) {
        Job j = job;
        if (device.receiver().downloadComplete()) {
            net.stats().downloadsCompleted++;
            net.server().downloadEnded(device);
            Runnable done = j.onDone;
            finishJob(now);
            done.run();
            return;
        }
        if (device.receiver().pollsExhausted(device.mac().downlinkInCycle())) {
            net.stats().downloadsFailed++;
            net.server().downloadEnded(device);
            finishJob(now);
            return;
        }
        nextFrame(now);
    }

    private static int[] allIndices(int count) {
        int[] all = new int[count];
        for (int i = 0; i < count; i++) {
            all[i] = i;
        }
        return all;
    }
}
