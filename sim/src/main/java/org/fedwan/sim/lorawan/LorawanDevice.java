package org.fedwan.sim.lorawan;

import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.fedwan.channel.energy.Battery;
import org.fedwan.channel.energy.Energy;
import org.fedwan.channel.energy.EnergyMeter;
import org.fedwan.channel.energy.RadioProfile;
import org.fedwan.channel.energy.RadioState;
import org.fedwan.channel.lorawan.Adr;
import org.fedwan.channel.lorawan.DailyBudget;
import org.fedwan.channel.lorawan.DataRate;
import org.fedwan.channel.lorawan.DutyCycleLedger;
import org.fedwan.channel.lorawan.Fragmentation;
import org.fedwan.channel.lorawan.LorawanFrame;
import org.fedwan.channel.lorawan.Reassembler;
import org.fedwan.channel.lorawan.ReceiveWindows;
import org.fedwan.channel.lorawan.RetransmissionPolicy;
import org.fedwan.channel.propagation.Position;
import org.fedwan.sim.kernel.Entity;
import org.fedwan.sim.kernel.Event;
import org.fedwan.sim.kernel.Simulation;

/**
 * A class A LoRaWAN end device (with class C listening during multicast sessions).
 *
 * <p>Each uplink attempt is a MAC cycle of four reused events: {@code tx-start} (after the
 * sub-band's duty cycle and the fair-use budget allow it, on a channel drawn among those free
 * first), {@code tx-end}, and the two receive windows ({@code rx-open}/{@code rx-close} for RX1,
 * then RX2 unless RX1 received a frame). After the cycle the {@link RetransmissionPolicy}
 * decides: done, or the same frame again (NbTrans repetitions, confirmed retries after
 * RETRANSMIT_TIMEOUT). Every attempt is charged to the duty cycle. The radio state (sleep, TX,
 * RX) drives an {@link EnergyMeter} and the battery; an empty battery stops the device and is
 * reported with its time.
 *
 * <p>Work comes as jobs, one at a time: a periodic packet ({@link #offerPacket}), a fragmented
 * message ({@link #send}), or a class A unicast download ({@link #download}), which polls with
 * empty uplinks while the server has fragments for it.
 */
public final class LorawanDevice extends Entity {

    private static final int LINK_ADR_ANS_BYTES = 2;
    private static final Runnable NOTHING = () -> { };

    private enum Kind { PACKET, MESSAGE, POLL }

    /** One unit of work: a packet, a message, or a download. */
    static final class Job {
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

    private final LorawanNetwork net;
    private final NetworkSettings settings;
    private final int index;
    private final Position position;
    private final DutyCycleLedger[] ledgers;
    private final DailyBudget fairUse;
    private final EnergyMeter meter;
    private final Battery battery;
    private final RandomGenerator channelRng;
    private final RandomGenerator shadowRng;
    private final RandomGenerator retransmitRng;
    private final RandomGenerator downlinkRng;
    final Transmission tx;
    private final double[] rxPowerDbm;
    private final TxStart txStart;
    private final TxEnd txEnd;
    private final RxOpen rxOpen;
    private final RxClose rxClose;
    Event<LorawanDevice> downlinkAttempt;
    int downlinkWindow;

    private int dataRate;
    private boolean dead;
    private boolean closed;
    private long depletedAtUs = Long.MAX_VALUE;
    private boolean transmitting;
    private boolean rxWindowOpen;
    private boolean classCListening;
    private boolean cycleActive;
    private Job job;
    private Job pendingJob;
    private final Job packetJob = new Job();

    // the frame in progress
    private byte[] frm;
    private int frmBytes;
    private int fOptsBytes;
    private int phyBytes;
    private boolean frameConfirmed;
    private int attempts;
    private long frameCounter;
    private int channelSlot;
    private long airtimeUs;
    private boolean downlinkInCycle;
    private long uplinkEndUs;
    private int window;

    // what the server sent in each window (index 1, 2)
    final boolean[] dlReceived = new boolean[3];
    final long[] dlAirtimeUs = new long[3];
    final boolean[] dlAck = new boolean[3];
    final int[] dlAdrDataRate = new int[3];
    final byte[][] dlData = new byte[3][];

    // device-side ADR
    private int adrAckCount;
    private boolean adrAckRequest;
    private boolean linkAdrAnsPending;

    // class A download
    private Reassembler downloadReassembler;
    private int emptyPolls;
    private boolean acknowledgeDownlink;

    // class C multicast
    private int multicastFramesReceived;
    private int multicastFramesExpected;
    private long lastTxStartUs = Long.MIN_VALUE;
    private long lastTxEndUs = Long.MIN_VALUE;

    private long dutyCycleWaitUs;
    private long fairUseWaitUs;
    private long framesSent;
    private long framesDelivered;

    LorawanDevice(LorawanNetwork net, int index, Position position, int initialDataRate) {
        super(net.simulation(), "dev-" + (net.firstDeviceId() + index), net.firstDeviceId() + index);
        this.net = net;
        this.settings = net.settings();
        this.index = index;
        this.position = position;
        this.dataRate = initialDataRate;
        Simulation model = net.simulation();
        this.ledgers = new DutyCycleLedger[net.subBandSlots()];
        this.fairUse = settings.fairUse() ? new DailyBudget(settings.fairUseUplinkAirtimeUsPerDay()) : null;
        this.battery = Double.isInfinite(settings.batteryCapacityJ()) ? null
                : new Battery(settings.batteryCapacityJ(), model.nowUs());
        this.meter = new EnergyMeter(settings.radio(), settings.mcu(), battery, model.nowUs());
        this.channelRng = model.streams().of(id(), "channel");
        this.shadowRng = model.streams().of(id(), "shadowing");
        this.retransmitRng = model.streams().of(id(), "retransmit");
        this.downlinkRng = model.streams().of(id(), "downlink-shadowing");
        this.tx = new Transmission(this, net.gatewayCount());
        this.rxPowerDbm = new double[net.gatewayCount()];
        this.txStart = new TxStart(model);
        this.txEnd = new TxEnd(model);
        this.rxOpen = new RxOpen(model);
        this.rxClose = new RxClose(model);
    }

    // ------------------------------------------------------------------ public API

    /** @return the device's index in its network (also its entity id) */
    public int index() {
        return index;
    }

    /** @return where the device stands */
    public Position position() {
        return position;
    }

    /** @return the current uplink data rate */
    public DataRate dataRate() {
        return settings.region().dataRate(dataRate);
    }

    /** @return the current uplink data rate index */
    public int dataRateIndex() {
        return dataRate;
    }

    /** @return the radio profile */
    public RadioProfile radio() {
        return settings.radio();
    }

    /** Largest FRMPayload at the current data rate with empty FOpts. */
    public int maxFrmPayloadBytes() {
        return LorawanFrame.maxFrmPayloadBytes(dataRate(), 0);
    }

    /** TX energy of a frame of {@code phyPayloadBytes} at the current data rate: V x I_tx x time on air. */
    public double txEnergyJ(int phyPayloadBytes) {
        return Energy.joules(settings.radio(), RadioState.TX, net.uplinkAirtimeUs(dataRate, phyPayloadBytes));
    }

    /** @return total time this device waited for its duty cycle so far, µs */
    public long dutyCycleWaitUs() {
        return dutyCycleWaitUs;
    }

    /** @return total time this device waited for its fair-use budget so far, µs */
    public long fairUseWaitUs() {
        return fairUseWaitUs;
    }

    /** @return uplink attempts put on the air */
    public long framesSent() {
        return framesSent;
    }

    /** @return uplink attempts delivered to the network server */
    public long framesDelivered() {
        return framesDelivered;
    }

    /** @return true once the battery is empty */
    public boolean isDead() {
        return dead;
    }

    /** @return when the battery emptied, µs, or {@link Long#MAX_VALUE} */
    public long depletedAtUs() {
        return depletedAtUs;
    }

    /**
     * Whether an upload is under way: a frame on the air counts, even after {@link #abort()};
     * a message the server already holds completely does not.
     */
    public boolean isSending() {
        if (transmitting || pendingJob != null) {
            return true;
        }
        return job != null && !job.aborted && !(job.kind == Kind.MESSAGE && job.delivered);
    }

    /** @return true while the device runs a job or has one waiting */
    public boolean isBusy() {
        return job != null || pendingJob != null;
    }

    /**
     * Energy per state up to {@code nowUs} (the meter is advanced to then).
     *
     * @param nowUs current time, µs
     * @return a snapshot
     */
    public DeviceEnergy energy(long nowUs) {
        advanceMeter(nowUs);
        return DeviceEnergy.of(meter, depletedAtUs);
    }

    /**
     * Marks the MCU busy (local training) or idle from now on; charged at the MCU's active current.
     *
     * @param nowUs current time, µs
     * @param busy  whether the application keeps the MCU active
     */
    public void setComputing(long nowUs, boolean busy) {
        if (dead) {
            return;
        }
        meter.setMcuBusy(nowUs, busy);
        checkBattery();
    }

    /**
     * Offers one periodic packet of {@code frmPayloadBytes}: it is sent if the device is idle,
     * dropped (and reported) if it is busy or dead.
     *
     * @param frmPayloadBytes application payload in bytes, at least 0
     * @return true if the packet was accepted
     */
    public boolean offerPacket(int frmPayloadBytes) {
        long now = net.simulation().nowUs();
        if (closed) {
            return false;
        }
        net.stats().packetsOffered++;
        if (dead) {
            refuse(now, RefusalReason.DEAD);
            return false;
        }
        if (job != null || pendingJob != null) {
            refuse(now, RefusalReason.BUSY);
            return false;
        }
        packetJob.packet(frmPayloadBytes);
        enqueue(packetJob, now);
        return true;
    }

    /**
     * Starts uploading {@code message} as fragments (3-byte header each, {@link Fragmentation})
     * sized for the current data rate, now or as soon as the current MAC cycle and the duty cycle
     * allow. {@code onDelivered} runs when the network server holds the whole message, at the end
     * of the frame that completed it; if the message is lost it never runs (see
     * {@link NetworkListener#onMessageEnded}).
     *
     * @param message     the bytes to send
     * @param messageTag  tag written into every fragment, 0..255
     * @param onDelivered run once on delivery
     * @throws IllegalStateException if an upload is still under way
     */
    public void send(byte[] message, int messageTag, Runnable onDelivered) {
        Objects.requireNonNull(message, "message is null");
        if (isSending()) {
            throw new IllegalStateException(name() + " is still sending its previous message");
        }
        long now = net.simulation().nowUs();
        if (dead) {
            refuse(now, RefusalReason.DEAD);
            return;
        }
        Job j = new Job();
        j.kind = Kind.MESSAGE;
        j.fragments = Fragmentation.split(message, maxFrmPayloadBytes(), messageTag);
        j.order = allIndices(j.fragments.size());
        j.pass = 1;
        j.tag = messageTag;
        j.onDone = Objects.requireNonNull(onDelivered, "onDelivered is null");
        enqueue(j, now);
    }

    /**
     * Receives {@code message} from the network server by class A unicast: the device sends
     * empty uplinks and the server answers each with the next fragment in RX1 (or RX2), as the
     * gateway's duty cycle allows; a fragment is acknowledged by the next uplink. Fragments are
     * sized for the RX1 data rate. {@code onReceived} runs when the device holds the whole
     * message; after {@link NetworkSettings#maxEmptyPolls()} polls in a row without a downlink the
     * download fails (counted in {@link NetworkStats#downloadsFailed()}).
     *
     * @param message    the bytes the server sends
     * @param messageTag tag of the fragments, 0..255
     * @param onReceived run once when the device holds the message
     */
    public void download(byte[] message, int messageTag, Runnable onReceived) {
        Objects.requireNonNull(message, "message is null");
        if (isBusy()) {
            throw new IllegalStateException(name() + " is busy; a download needs an idle device");
        }
        long now = net.simulation().nowUs();
        if (dead) {
            refuse(now, RefusalReason.DEAD);
            return;
        }
        int rx1Dr = settings.region().rx1DataRateIndex(dataRate, settings.rx1DrOffset());
        int maxFrm = settings.region().downlinkDataRate(rx1Dr).maxFrmPayloadBytes();
        List<byte[]> fragments = Fragmentation.split(message, maxFrm, messageTag);
        net.server().downloadStarted(this, fragments);
        downloadReassembler = new Reassembler(messageTag);
        emptyPolls = 0;
        acknowledgeDownlink = false;
        Job j = new Job();
        j.kind = Kind.POLL;
        j.tag = messageTag;
        j.onDone = Objects.requireNonNull(onReceived, "onReceived is null");
        enqueue(j, now);
    }

    /**
     * Stops an upload or download: no further frame starts. A frame already on the air finishes
     * (a radio cannot take back a transmission) and is still reported; its receive windows still
     * open. The callback of the stopped job never runs.
     */
    public void abort() {
        pendingJob = null;
        if (job == null) {
            return;
        }
        job.aborted = true;
        job.onDone = NOTHING;
        if (job.kind == Kind.MESSAGE) {
            net.server().messageEnded(this);
        } else if (job.kind == Kind.POLL) {
            net.server().downloadEnded(this);
        }
        txStart.cancel();
        if (!cycleActive && !transmitting) {
            job = null;
        }
    }

    /**
     * End of a run's generation window: no new attempt starts from now on; a frame on the air and
     * its receive windows finish.
     *
     * @return packets or messages that never went on the air (waiting for a duty cycle, the
     *         fair-use budget, or queued behind the current job)
     */
    int close() {
        closed = true;
        int unsent = 0;
        if (pendingJob != null) {
            unsent++;
            pendingJob = null;
        }
        if (job != null) {
            if (attempts == 0 && !transmitting) {
                unsent++;
            }
            txStart.cancel();
            job.aborted = true;
            job.onDone = NOTHING;
            if (!cycleActive && !transmitting) {
                job = null;
            }
        }
        return unsent;
    }

    /** @return class C multicast frames received in the last (or current) session */
    public int multicastFramesReceived() {
        return multicastFramesReceived;
    }

    /** @return true when the device received every frame of the last multicast session */
    public boolean lastMulticastComplete() {
        return multicastFramesExpected > 0 && multicastFramesReceived == multicastFramesExpected;
    }

    // ------------------------------------------------------------------ jobs

    private void enqueue(Job j, long now) {
        if (j.kind == Kind.MESSAGE) {
            net.server().messageStarted(this, j.tag);
        }
        if (job != null || cycleActive || transmitting) {
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
        if (j != null && !dead) {
            pendingJob = null;
            begin(j, now);
        }
    }

    private void finishJob(long now) {
        job = null;
        startPending(now);
    }

    /** Prepares the job's next frame (new frame counter) and schedules its first attempt. */
    private void nextFrame(long now) {
        Job j = job;
        switch (j.kind) {
            case PACKET -> {
                frm = null;
                frmBytes = j.packetBytes;
            }
            case MESSAGE -> {
                frm = j.fragments.get(j.order[j.orderPos++]);
                frmBytes = frm.length;
            }
            case POLL -> {
                frm = null;
                frmBytes = 0;
            }
        }
        frameCounter++;
        attempts = 0;
        frameConfirmed = j.kind != Kind.POLL && settings.confirmed();
        if (settings.sfPolicy() == SfPolicy.ADR) {
            adrAckCount++;
            if (Adr.deviceShouldStepDown(adrAckCount, ReceiveWindows.ADR_ACK_LIMIT, ReceiveWindows.ADR_ACK_DELAY)
                    && dataRate > net.slowestDataRate()) {
                setDataRate(now, net.nextSlowerDataRate(dataRate));
            }
            adrAckRequest = Adr.deviceRequestsAck(adrAckCount, ReceiveWindows.ADR_ACK_LIMIT);
        }
        scheduleAttempt(now);
    }

    private void scheduleAttempt(long fromUs) {
        int maxFrm = net.maxFrmPayloadBytes(dataRate);
        if (frmBytes > maxFrm) {
            frameRefused(fromUs, RefusalReason.PAYLOAD_TOO_LONG);
            return;
        }
        fOptsBytes = linkAdrAnsPending && frmBytes + LINK_ADR_ANS_BYTES <= maxFrm ? LINK_ADR_ANS_BYTES : 0;
        phyBytes = LorawanFrame.phyPayloadBytes(frmBytes, fOptsBytes);
        airtimeUs = net.uplinkAirtimeUs(dataRate, phyBytes);

        int[] slots = net.channelSlotsFor(dataRate);
        long earliest = Long.MAX_VALUE;
        int ties = 0;
        for (int slot : slots) {
            long t = ledger(net.subBandSlotOfChannel(slot)).nextAllowedTxUs(fromUs);
            if (t < earliest) {
                earliest = t;
                ties = 1;
            } else if (t == earliest) {
                ties++;
            }
        }
        int pick = ties == 1 ? 0 : channelRng.nextInt(ties);
        for (int slot : slots) {
            if (ledger(net.subBandSlotOfChannel(slot)).nextAllowedTxUs(fromUs) == earliest && pick-- == 0) {
                channelSlot = slot;
                break;
            }
        }
        if (net.dwellTimeLimitUs(channelSlot) > 0 && airtimeUs > net.dwellTimeLimitUs(channelSlot)) {
            frameRefused(fromUs, RefusalReason.DWELL_TIME);
            return;
        }
        long start = earliest;
        dutyCycleWaitUs += start - fromUs;
        if (fairUse != null) {
            long allowed = fairUse.nextAllowedUs(start, airtimeUs);
            if (allowed == Long.MAX_VALUE) {
                frameRefused(fromUs, RefusalReason.FAIR_USE);
                return;
            }
            fairUseWaitUs += allowed - start;
            start = allowed;
        }
        txStart.scheduleAt(this, start);
    }

    private void frameRefused(long now, RefusalReason reason) {
        refuse(now, reason);
        Job j = job;
        if (j.kind == Kind.MESSAGE) {
            // the fragment cannot go out at this data rate: the message is lost
            j.orderPos = j.order.length;
            j.pass = settings.maxMessagePasses();
            messagePassEnded(now);
        } else if (j.kind == Kind.POLL) {
            net.stats().downloadsFailed++;
            net.server().downloadEnded(this);
            finishJob(now);
        } else {
            finishJob(now);
        }
    }

    private void refuse(long now, RefusalReason reason) {
        net.stats().countRefusal(reason);
        for (NetworkListener l : net.listeners()) {
            l.onRefused(this, now, reason);
        }
    }

    private void cycleEnded(long now) {
        cycleActive = false;
        if (dead) {
            return;
        }
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
        RetransmissionPolicy policy = settings.retransmission();
        switch (policy.afterAttempt(frameConfirmed, attempts, downlinkInCycle)) {
            case RETRANSMIT -> scheduleAttempt(now + policy.retransmitDelayUs(frameConfirmed, retransmitRng));
            case DONE -> frameDone(now);
            case GIVE_UP -> {
                net.stats().confirmedGiveUps++;
                frameDone(now);
            }
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
        int[] missing = net.server().missingFragments(this, j.fragments.size());
        if (settings.fragmentLossPolicy() == FragmentLossPolicy.RESEND_MISSING && j.pass < settings.maxMessagePasses()
                && missing.length > 0) {
            j.pass++;
            j.order = missing;
            j.orderPos = 0;
            nextFrame(now);
            return;
        }
        net.stats().messagesLost++;
        net.server().messageEnded(this);
        for (NetworkListener l : net.listeners()) {
            l.onMessageEnded(this, j.tag, now, false, missing.length);
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
            l.onMessageEnded(this, j.tag, now, true, 0);
        }
        Runnable done = j.onDone;
        j.onDone = NOTHING;
        done.run();
    }

    private void pollCycleEnded(long now) {
        Job j = job;
        if (downloadReassembler.isComplete()) {
            net.stats().downloadsCompleted++;
            net.server().downloadEnded(this);
            Runnable done = j.onDone;
            finishJob(now);
            done.run();
            return;
        }
        if (!downlinkInCycle) {
            emptyPolls++;
        }
        if (emptyPolls >= settings.maxEmptyPolls()) {
            net.stats().downloadsFailed++;
            net.server().downloadEnded(this);
            finishJob(now);
            return;
        }
        nextFrame(now);
    }

    // ------------------------------------------------------------------ radio and energy

    private DutyCycleLedger ledger(int subBandSlot) {
        DutyCycleLedger l = ledgers[subBandSlot];
        if (l == null) {
            l = new DutyCycleLedger(net.deviceDutyCycle(subBandSlot));
            ledgers[subBandSlot] = l;
        }
        return l;
    }

    private void updateRadio(long now) {
        if (dead) {
            return;
        }
        RadioState state = transmitting ? RadioState.TX
                : (rxWindowOpen || classCListening) ? RadioState.RX : RadioState.SLEEP;
        if (state != meter.state()) {
            meter.enter(now, state);
            checkBattery();
        }
    }

    private void advanceMeter(long now) {
        if (!dead && now >= meter.updatedAtUs()) {
            meter.advance(now);
            checkBattery();
        }
    }

    private void checkBattery() {
        if (battery != null && battery.isDepleted() && !dead && !transmitting) {
            die(battery.depletedAtUs());
        }
    }

    private void die(long atUs) {
        dead = true;
        depletedAtUs = atUs;
        if (txStart.isScheduled() && attempts == 0) {
            // the frame waited for its duty cycle and never went out
            refuse(atUs, RefusalReason.DEAD);
        }
        txStart.cancel();
        rxOpen.cancel();
        rxClose.cancel();
        if (downlinkAttempt != null) {
            downlinkAttempt.cancel();
        }
        rxWindowOpen = false;
        classCListening = false;
        cycleActive = false;
        if (job != null && !job.aborted) {
            if (job.kind == Kind.MESSAGE) {
                net.server().messageEnded(this);
            } else if (job.kind == Kind.POLL) {
                net.server().downloadEnded(this);
            }
            job.aborted = true;
            job.onDone = NOTHING;
        }
        job = null;
        pendingJob = null;
        net.stats().devicesDepleted++;
        for (NetworkListener l : net.listeners()) {
            l.onBatteryDepleted(this, atUs);
        }
    }

    private void setDataRate(long now, int newDataRate) {
        if (newDataRate == dataRate) {
            return;
        }
        int old = dataRate;
        dataRate = newDataRate;
        net.stats().dataRateChanges++;
        for (NetworkListener l : net.listeners()) {
            l.onDataRateChanged(this, now, old, newDataRate);
        }
    }

    // ------------------------------------------------------------------ hooks for the network

    /** The server's downlink for window {@code w} of the current cycle (set before the window opens). */
    void downlinkScheduled(int w, boolean received, long airtime, boolean ack, int adrDataRate, byte[] data) {
        dlReceived[w] = received;
        dlAirtimeUs[w] = airtime;
        dlAck[w] = ack;
        dlAdrDataRate[w] = adrDataRate;
        dlData[w] = data;
    }

    private void processDownlink(long now, int w) {
        downlinkInCycle = true;
        adrAckCount = 0;
        adrAckRequest = false;
        if (dlAdrDataRate[w] >= 0) {
            setDataRate(now, dlAdrDataRate[w]);
            linkAdrAnsPending = true;
        }
        byte[] data = dlData[w];
        if (data != null && downloadReassembler != null) {
            downloadReassembler.accept(data);
            acknowledgeDownlink = true;
            emptyPolls = 0;
        }
    }

    void startListening(long now, int expectedFrames) {
        multicastFramesReceived = 0;
        multicastFramesExpected = expectedFrames;
        if (dead) {
            return;
        }
        classCListening = true;
        updateRadio(now);
    }

    void stopListening(long now) {
        classCListening = false;
        updateRadio(now);
    }

    boolean listening() {
        return classCListening && !dead;
    }

    /** @return true if the device's own transmission overlapped {@code [startUs, endUs)} */
    boolean transmittedDuring(long startUs, long endUs) {
        return lastTxStartUs < endUs && lastTxEndUs > startUs;
    }

    void multicastFrameReceived() {
        multicastFramesReceived++;
    }

    long uplinkEndUs() {
        return uplinkEndUs;
    }

    int uplinkDataRate() {
        return tx.dataRate;
    }

    int uplinkChannelSlot() {
        return tx.channelSlot;
    }

    RandomGenerator downlinkRng() {
        return downlinkRng;
    }

    /** End of the run: close the energy interval at {@code now}. */
    void finish(long now) {
        advanceMeter(now);
    }

    private static int[] allIndices(int count) {
        int[] all = new int[count];
        for (int i = 0; i < count; i++) {
            all[i] = i;
        }
        return all;
    }

    // ------------------------------------------------------------------ events

    private final class TxStart extends Event<LorawanDevice> {
        TxStart(Simulation model) {
            super(model, "tx-start");
        }

        @Override
        protected void eventRoutine(LorawanDevice who) {
            long now = net.simulation().nowUs();
            advanceMeter(now);
            if (dead) {
                return;
            }
            int subBand = net.subBandSlotOfChannel(channelSlot);
            ledger(subBand).recordTransmission(now, airtimeUs);
            if (fairUse != null) {
                fairUse.consume(now, airtimeUs);
            }
            cycleActive = true;
            transmitting = true;
            updateRadio(now);
            attempts++;
            framesSent++;
            if (attempts > 1) {
                net.stats().retransmissions++;
            }
            lastTxStartUs = now;
            lastTxEndUs = now + airtimeUs;
            downlinkInCycle = false;
            for (int w = 1; w <= 2; w++) {
                dlReceived[w] = false;
                dlData[w] = null;
                dlAdrDataRate[w] = -1;
            }
            Transmission t = tx;
            t.channelSlot = channelSlot;
            t.dataRate = dataRate;
            t.spreadingFactor = net.spreadingFactor(dataRate);
            t.startUs = now;
            t.endUs = now + airtimeUs;
            t.symbolUs = net.symbolTimeUs(dataRate);
            t.phyPayloadBytes = phyBytes;
            t.frmPayloadBytes = frmBytes;
            t.fOptsBytes = fOptsBytes;
            t.confirmed = frameConfirmed;
            t.adrAckRequest = adrAckRequest;
            t.acknowledgesDownlink = acknowledgeDownlink;
            t.frameCounter = frameCounter;
            acknowledgeDownlink = false;
            if (fOptsBytes > 0) {
                linkAdrAnsPending = false;
            }
            for (int g = 0; g < rxPowerDbm.length; g++) {
                rxPowerDbm[g] = net.uplinkRxPowerDbm(index, g, shadowRng);
            }
            net.medium().start(t, rxPowerDbm);
            net.stats().frameSent(dataRate, airtimeUs);
            txEnd.schedule(who, airtimeUs);
        }
    }

    private final class TxEnd extends Event<LorawanDevice> {
        TxEnd(Simulation model) {
            super(model, "tx-end", -2);
        }

        @Override
        protected void eventRoutine(LorawanDevice who) {
            long now = net.simulation().nowUs();
            transmitting = false;
            FrameOutcome outcome = net.medium().end(tx);
            if (battery != null && !dead) {
                meter.enter(now, RadioState.SLEEP);
                if (battery.isDepleted()) {
                    outcome = FrameOutcome.BATTERY_DEPLETED;
                }
            }
            updateRadio(now);
            if (outcome.delivered()) {
                framesDelivered++;
            }
            uplinkEndUs = now;
            if (!dead) {
                window = 1;
                rxOpen.scheduleAt(who, ReceiveWindows.rx1OpenUs(now, settings.receiveDelay1Us()));
            }
            net.server().uplinkEnded(who, tx, outcome, frm, attempts);
            checkBattery();
        }
    }

    private final class RxOpen extends Event<LorawanDevice> {
        RxOpen(Simulation model) {
            super(model, "rx-open");
        }

        @Override
        protected void eventRoutine(LorawanDevice who) {
            long now = net.simulation().nowUs();
            if (dead) {
                return;
            }
            rxWindowOpen = true;
            updateRadio(now);
            if (dead) {
                return;
            }
            long durationUs = dlReceived[window] ? dlAirtimeUs[window]
                    : window == 1 ? net.emptyRx1Us(tx.dataRate) : net.emptyRx2Us();
            rxClose.schedule(who, durationUs);
        }
    }

    private final class RxClose extends Event<LorawanDevice> {
        RxClose(Simulation model) {
            super(model, "rx-close");
        }

        @Override
        protected void eventRoutine(LorawanDevice who) {
            long now = net.simulation().nowUs();
            rxWindowOpen = false;
            updateRadio(now);
            if (dead) {
                return;
            }
            if (dlReceived[window]) {
                processDownlink(now, window);
                cycleEnded(now);
            } else if (window == 1) {
                window = 2;
                rxOpen.scheduleAt(who, ReceiveWindows.rx2OpenUs(uplinkEndUs, settings.receiveDelay1Us()));
            } else {
                cycleEnded(now);
            }
        }
    }
}
