package org.fedwan.sim.lorawan;

import java.util.List;
import java.util.Objects;
import org.fedwan.channel.lorawan.Fragmentation;

/**
 * The work of one {@link LorawanDevice}, one job at a time with at most one waiting: a periodic
 * packet, a fragmented message (fragments still missing at the server are resent pass by pass under
 * {@link FragmentLossPolicy#RESEND_MISSING}) or a class A download (empty polls while the server has
 * fragments for the device). It says what each next frame carries ({@link MacCycle#newFrame}) and,
 * when a frame is done, whether the job goes on, ends or is lost.
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

    DeviceJobs(LorawanDevice device, LorawanNetwork net) {
        this.device = device;
        this.net = net;
        this.settings = net.settings();
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
        j.fragments = Fragmentation.split(message, device.maxFrmPayloadBytes(), messageTag);
        j.order = allIndices(j.fragments.size());
        j.pass = 1;
        j.tag = messageTag;
        j.onDone = Objects.requireNonNull(onDelivered, "onDelivered is null");
        enqueue(j, now);
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
            net.server().messageStarted(device, j.tag);
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
        switch (j.kind) {
            case PACKET -> frmBytes = j.packetBytes;
            case MESSAGE -> {
                frm = j.fragments.get(j.order[j.orderPos++]);
                frmBytes = frm.length;
            }
            case POLL -> frmBytes = 0;
        }
        device.mac().newFrame(now, frm, frmBytes, j.kind != Kind.POLL && settings.confirmed());
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
        } else if (j.delivered) {
            finishJob(now);
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
        int[] missing = net.server().missingFragments(device, j.fragments.size());
        if (settings.fragmentLossPolicy() == FragmentLossPolicy.RESEND_MISSING && j.pass < settings.maxMessagePasses()
                && missing.length > 0) {
            j.pass++;
            j.order = missing;
            j.orderPos = 0;
            nextFrame(now);
            return;
        }
        net.stats().messagesLost++;
        net.server().messageEnded(device);
        for (NetworkListener l : net.listeners()) {
            l.onMessageEnded(device, j.tag, now, false, missing.length);
        }
        finishJob(now);
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
