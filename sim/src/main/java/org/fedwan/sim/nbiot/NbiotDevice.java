package org.fedwan.sim.nbiot;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.fedwan.channel.energy.Battery;
import org.fedwan.channel.nbiot.CoverageLevel;
import org.fedwan.channel.nbiot.CoverageLevelConfig;
import org.fedwan.channel.nbiot.HarqTiming;
import org.fedwan.channel.nbiot.NbiotLinkConfig;
import org.fedwan.channel.nbiot.Phase;
import org.fedwan.channel.nbiot.PhaseKind;
import org.fedwan.channel.nbiot.PowerSavingConfig;
import org.fedwan.channel.nbiot.PowerState;
import org.fedwan.channel.nbiot.Procedures;
import org.fedwan.channel.nbiot.TransportBlock;
import org.fedwan.sim.kernel.Entity;
import org.fedwan.sim.kernel.Event;
import org.fedwan.sim.kernel.Simulation;

/**
 * An NB-IoT device of one {@link NbiotCell}: the state machine {@code PSM -> WAKING ->
 * RANDOM_ACCESS -> CONNECTED -> (inactivity | release assistance) -> IDLE (DRX/eDRX, T3324) ->
 * PSM}, with per-state energy and an optional battery.
 *
 * <p>Every step is a segment of a small program (power state, end time) taken from the same pure
 * functions as the analytical model ({@link Procedures}): resynchronisation after PSM, the wait
 * for the level's NPRACH occasion, random access (preamble, RAR, Msg3, Msg4, HARQ-ACK; after a
 * preamble collision a random backoff and a new attempt, up to {@code maxPreambleAttempts}), then
 * one transport block at a time, each granted by the cell's shared-carrier scheduler
 * ({@link PhaseKind#SCHEDULER_WAIT} while others use the carrier), then the inactivity timer or,
 * with release assistance, the release at once. After the release the device idles for T3324
 * (reachable: downlink data is paged at its paging occasion) and then sleeps in PSM until its next
 * message or its periodic TAU (T3412 after its last connection). One reusable event runs the
 * program and one runs the idle/PSM timers; a transport block allocates nothing.
 *
 * <p>Energy: each interval in a power state is charged at the profile's draw for that state (the
 * idle draw depends on the DRX or eDRX cycle), reported to the listener and drained from the
 * battery. When the battery empties the device stops ({@link NbiotDeviceState#DEAD}); the failure
 * is reported with the exact depletion time and any message in progress is lost. Depletion is
 * noticed at the end of the interval in which it happens.
 *
 * <p>A message is carried as IP packets ({@link NbiotLinkConfig#linkBytes}) with RLC
 * acknowledged mode: it arrives complete when its last block's NPUSCH ends. Half duplex and one
 * HARQ process: uplink and downlink blocks of one device never overlap, uplink first.
 */
public final class NbiotDevice extends Entity {

    private static final Runnable NOTHING = () -> { };
    private static final int MAX_SEGMENTS = 32;

    /** What a finished program continues with. */
    private enum Step { NONE, SYNC_DONE, RANDOM_ACCESS_DONE, BACKOFF_DONE, UPLINK_BLOCK_DONE, DOWNLINK_BLOCK_DONE,
        INACTIVITY_DONE, RELEASE_DONE }

    /** What the idle/PSM timer does when it fires. */
    private enum TimerAction { NONE, ENTER_PSM, PERIODIC_TAU, PAGE }

    private record DownlinkJob(long messageBytes, long bits, Runnable onReceived, long requestedUs) {
    }

    private final NbiotCell cell;
    private final NbiotLinkConfig link;
    private final double couplingLossDb;
    private final CoverageLevel level;
    private final CoverageLevelConfig ce;
    private final NbiotDeviceSettings settings;
    private final PowerSavingConfig ps;
    private final double[] drawW;
    private final Battery battery;
    private final NbiotListener listener;
    private final RandomGenerator randomAccess;
    private final long pagingOffsetUs;

    private final SegmentEnd segmentEnd;
    private final Timer timer;
    private final List<Phase> scratch = new ArrayList<>();

    private NbiotDeviceState state = NbiotDeviceState.PSM;
    private PowerState power = PowerState.PSM;
    private long powerSinceUs;
    private double energyJ;
    private final double[] energyByStateJ = new double[PowerState.values().length];

    private final PhaseKind[] segKind = new PhaseKind[MAX_SEGMENTS];
    private final PowerState[] segState = new PowerState[MAX_SEGMENTS];
    private final long[] segEndUs = new long[MAX_SEGMENTS];
    private int segCount;
    private int segIndex;
    private long programCursorUs;
    private long segStartUs;
    private Step afterProgram = Step.NONE;
    private TimerAction timerAction = TimerAction.NONE;

    private long ulBitsLeft;
    private int ulMessageBytes;
    private int ulTag;
    private long ulRequestedUs;
    private Runnable onSent = NOTHING;
    private long tauBitsLeft;
    private boolean tauOnlyConnection;
    private int blockBits;
    private boolean blockForMessage;
    private boolean blockForTau;
    private boolean messageBlockPending;

    private final ArrayDeque<DownlinkJob> downlinks = new ArrayDeque<>();
    private long dlBitsLeft;

    private int raAttempts;
    private boolean raCollided;
    private long lastConnectionEndUs;
    private long messagesDelivered;
    private long uplinkBits;

    /**
     * Creates a device in PSM at the current time; its periodic TAU is due T3412 later.
     *
     * @param model          the model
     * @param id             stable id (selects the random streams "nbiot-ra" and "nbiot-paging")
     * @param cell           the serving cell
     * @param couplingLossDb coupling loss to the eNB, dB (the caller's link budget)
     * @param settings       profile, power saving, battery, random-access retries
     * @param listener       receives energy, blocks, deliveries and failures
     */
    public NbiotDevice(Simulation model, long id, NbiotCell cell, double couplingLossDb, NbiotDeviceSettings settings,
            NbiotListener listener) {
        super(model, "dev-" + id, id);
        this.cell = Objects.requireNonNull(cell, "cell is null");
        this.link = cell.link();
        this.couplingLossDb = couplingLossDb;
        this.level = link.coverage().levelOf(couplingLossDb).orElse(null);
        this.ce = level == null ? null : link.level(level);
        this.settings = Objects.requireNonNull(settings, "settings is null");
        this.ps = settings.powerSaving();
        this.drawW = settings.profile().drawsW(ps);
        this.battery = Double.isInfinite(settings.batteryJ()) ? null : new Battery(settings.batteryJ(), model.nowUs());
        this.listener = Objects.requireNonNull(listener, "listener is null");
        this.randomAccess = model.streams().of(id, "nbiot-ra");
        this.pagingOffsetUs = model.streams().of(id, "nbiot-paging").nextLong(ps.pagingCycleUs());
        this.segmentEnd = new SegmentEnd(model);
        this.timer = new Timer(model);
        this.powerSinceUs = model.nowUs();
        this.lastConnectionEndUs = model.nowUs();
        if (level != null) {
            setTimer(TimerAction.PERIODIC_TAU, lastConnectionEndUs + ps.t3412Us());
        }
    }

    /** @return the coverage level, or null when out of coverage */
    public CoverageLevel level() {
        return level;
    }

    /** @return the coupling loss given at construction, dB */
    public double couplingLossDb() {
        return couplingLossDb;
    }

    /** @return the RRC-level state */
    public NbiotDeviceState state() {
        return state;
    }

    /** @return the current power state */
    public PowerState powerState() {
        return power;
    }

    /** @return the settings given at construction */
    public NbiotDeviceSettings settings() {
        return settings;
    }

    /** @return energy spent up to the last accounted time, J */
    public double energyJ() {
        return energyJ;
    }

    /** @return energy spent in {@code s} up to the last accounted time, J */
    public double energyJ(PowerState s) {
        return energyByStateJ[s.ordinal()];
    }

    /** @return messages delivered so far */
    public long messagesDelivered() {
        return messagesDelivered;
    }

    /** @return uplink transport-block bits sent so far (messages, TAU, with overhead and padding) */
    public long uplinkBits() {
        return uplinkBits;
    }

    /** @return the battery, or null when unlimited */
    public Battery battery() {
        return battery;
    }

    /**
     * Charges the current power state up to {@code nowUs} (e.g. at the end of a run) without
     * changing state.
     *
     * @param nowUs current time, µs
     */
    public void accountEnergyUntil(long nowUs) {
        if (state != NbiotDeviceState.DEAD) {
            closeInterval(nowUs);
        }
    }

    /** @return whether an upload is under way (a granted or ongoing block counts, even after {@link #abort()}) */
    public boolean isSending() {
        return ulBitsLeft > 0 || messageBlockPending;
    }

    /**
     * Starts sending {@code message} now; {@code onSent} runs once its last byte has arrived. A
     * message that cannot be delivered (out of coverage, random access failed, battery empty)
     * never calls it: the failure goes to the listener.
     *
     * @param message    the bytes to send
     * @param messageTag a tag identifying the message (e.g. the round modulo 256)
     * @param onSent     called once when the whole message has been delivered
     * @throws IllegalStateException if the device is still sending its previous message
     */
    public void send(byte[] message, int messageTag, Runnable onSent) {
        Objects.requireNonNull(message, "message is null");
        long nowUs = simulation().nowUs();
        if (state == NbiotDeviceState.DEAD) {
            listener.onFailure(this, NbiotFailure.BATTERY_DEPLETED, nowUs);
            return;
        }
        if (level == null) {
            listener.onFailure(this, NbiotFailure.OUT_OF_COVERAGE, nowUs);
            return;
        }
        if (isSending()) {
            throw new IllegalStateException(name() + " is still sending its previous message");
        }
        ulBitsLeft = 8L * link.linkBytes(message.length);
        ulMessageBytes = message.length;
        ulTag = messageTag;
        ulRequestedUs = nowUs;
        this.onSent = Objects.requireNonNull(onSent, "onSent is null");
        tauOnlyConnection = false;
        workArrived(nowUs);
    }

    /**
     * Gives up on the message being sent: no further block of it starts and {@code onSent} will
     * not run. A block already granted or on the air finishes.
     */
    public void abort() {
        ulBitsLeft = 0;
        onSent = NOTHING;
    }

    /** Downlink data for this device (see {@link NbiotCell#unicast}). */
    void enqueueDownlink(long messageBytes, Runnable onReceived) {
        long nowUs = simulation().nowUs();
        if (state == NbiotDeviceState.DEAD || level == null) {
            listener.onFailure(this, NbiotFailure.DOWNLINK_LOST, nowUs);
            return;
        }
        downlinks.add(new DownlinkJob(messageBytes, Math.max(1L, 8L * link.linkBytes(messageBytes)), onReceived, nowUs));
        tauOnlyConnection = false;
        if (state == NbiotDeviceState.IDLE) {
            scheduleIdleTimer(nowUs);
        } else if (state == NbiotDeviceState.CONNECTED && afterProgram == Step.INACTIVITY_DONE) {
            interruptProgram();
            nextTransfer(nowUs);
        }
    }

    /** @return whether a broadcast can reach the device now (not in PSM, alive, in coverage) */
    boolean reachableForBroadcast() {
        return level != null && state != NbiotDeviceState.DEAD && state != NbiotDeviceState.PSM;
    }

    void missedBroadcast(long nowUs) {
        listener.onFailure(this, NbiotFailure.BROADCAST_MISSED, nowUs);
    }

    /** Charges RX for a broadcast block on top of the current state ({@code rxUs} of {@code [startUs, endUs]}). */
    void receiveBroadcastBlock(long startUs, long endUs, long rxUs) {
        if (state == NbiotDeviceState.DEAD) {
            return;
        }
        double extraJ = Math.max(0.0, drawW[PowerState.RX.ordinal()] - drawW[power.ordinal()]) * rxUs * 1e-6;
        if (extraJ > 0.0) {
            energyJ += extraJ;
            energyByStateJ[PowerState.RX.ordinal()] += extraJ;
            listener.onEnergy(this, PowerState.RX, startUs, endUs, extraJ);
            if (battery != null && battery.drain(Math.max(endUs, powerSinceUs), extraJ)) {
                die(battery.depletedAtUs());
            }
        }
    }

    void broadcastDelivered(long messageBytes, long requestedUs, long nowUs) {
        if (state != NbiotDeviceState.DEAD) {
            listener.onDownlinkDelivered(this, messageBytes, requestedUs, nowUs, true);
        }
    }

    void preambleCollided() {
        raCollided = true;
    }

    /** @return whether the preamble of the current (or last) random-access attempt collided */
    boolean lastPreambleCollided() {
        return raCollided;
    }

    // ---------------------------------------------------------------- state machine

    private void workArrived(long nowUs) {
        switch (state) {
            case PSM -> {
                timer.cancel();
                wake(nowUs);
            }
            case IDLE -> {
                timer.cancel();
                startRandomAccess(nowUs);
            }
            case CONNECTED -> {
                if (afterProgram == Step.INACTIVITY_DONE) {
                    interruptProgram();
                    nextTransfer(nowUs);
                }
            }
            default -> {
                // WAKING or RANDOM_ACCESS: the work is done once connected
            }
        }
    }

    private void wake(long nowUs) {
        setState(NbiotDeviceState.WAKING, nowUs);
        beginProgram(nowUs);
        add(PhaseKind.SYNC, PowerState.RX, ce.syncUs());
        runProgram(Step.SYNC_DONE, nowUs);
    }

    private void startRandomAccess(long nowUs) {
        setState(NbiotDeviceState.RANDOM_ACCESS, nowUs);
        long occasionUs = cell.nextNprachOccasionUs(level, nowUs);
        raAttempts++;
        raCollided = false;
        cell.registerPreamble(level, occasionUs, randomAccess.nextInt(ce.nprachSubcarriers()), this);
        beginProgram(nowUs);
        add(PhaseKind.NPRACH_WAIT, PowerState.CONNECTED_IDLE, occasionUs - nowUs);
        scratch.clear();
        Procedures.appendRandomAccess(link, level, scratch);
        addAll(scratch);
        runProgram(Step.RANDOM_ACCESS_DONE, nowUs);
    }

    private void randomAccessDone(long nowUs) {
        listener.onRandomAccess(this, raAttempts, !raCollided, nowUs);
        if (!raCollided) {
            raAttempts = 0;
            setState(NbiotDeviceState.CONNECTED, nowUs);
            nextTransfer(nowUs);
            return;
        }
        if (raAttempts >= settings.maxPreambleAttempts()) {
            raAttempts = 0;
            if (ulBitsLeft > 0) {
                ulBitsLeft = 0;
                onSent = NOTHING;
                listener.onFailure(this, NbiotFailure.RANDOM_ACCESS_FAILED, nowUs);
            }
            tauBitsLeft = 0;
            enterIdle(nowUs, false);
            return;
        }
        long backoffUs = settings.backoffUs() == 0 ? 0 : randomAccess.nextLong(settings.backoffUs());
        beginProgram(nowUs);
        add(PhaseKind.BACKOFF, PowerState.CONNECTED_IDLE, backoffUs);
        runProgram(Step.BACKOFF_DONE, nowUs);
    }

    private void nextTransfer(long nowUs) {
        if (ulBitsLeft > 0) {
            startUplinkBlock(nowUs, ulBitsLeft, true, false);
        } else if (tauBitsLeft > 0) {
            startUplinkBlock(nowUs, tauBitsLeft, false, true);
        } else if (dlBitsLeft > 0 || !downlinks.isEmpty()) {
            if (dlBitsLeft <= 0) {
                dlBitsLeft = downlinks.peek().bits();
            }
            startDownlinkBlock(nowUs);
        } else if (ps.releaseAssistance() || tauOnlyConnection || ps.inactivityTimerUs() == 0) {
            startRelease(nowUs);
        } else {
            beginProgram(nowUs);
            add(PhaseKind.INACTIVITY, PowerState.CONNECTED_IDLE, ps.inactivityTimerUs());
            runProgram(Step.INACTIVITY_DONE, nowUs);
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
        beginProgram(nowUs);
        add(PhaseKind.SCHEDULER_WAIT, PowerState.CONNECTED_IDLE, startUs - t.dciToNpuschUs() - dciUs - nowUs);
        add(PhaseKind.UPLINK_GRANT, PowerState.RX, dciUs);
        add(PhaseKind.GAP, PowerState.CONNECTED_IDLE, t.dciToNpuschUs());
        add(PhaseKind.UPLINK_DATA, PowerState.TX, airUs);
        add(PhaseKind.GAP, PowerState.CONNECTED_IDLE, t.uplinkToNextDciUs());
        runProgram(Step.UPLINK_BLOCK_DONE, nowUs);
    }

    private void uplinkBlockSent(long startUs, long nowUs) {
        uplinkBits += blockBits;
        listener.onUplinkBlock(this, blockBits, startUs, nowUs);
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
            listener.onMessageDelivered(this, ulTag, ulMessageBytes, ulRequestedUs, nowUs);
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
        beginProgram(nowUs);
        add(PhaseKind.SCHEDULER_WAIT, PowerState.CONNECTED_IDLE, startUs - nowUs);
        add(PhaseKind.DOWNLINK_ASSIGNMENT, PowerState.RX, dciUs);
        add(PhaseKind.GAP, PowerState.CONNECTED_IDLE, t.dciToNpdschUs());
        add(PhaseKind.DOWNLINK_DATA, PowerState.RX, npdschUs);
        add(PhaseKind.GAP, PowerState.CONNECTED_IDLE, t.npdschToAckUs());
        add(PhaseKind.HARQ_ACK, PowerState.TX, Procedures.harqAckUs(ce));
        add(PhaseKind.GAP, PowerState.CONNECTED_IDLE, t.uplinkToNextDciUs());
        runProgram(Step.DOWNLINK_BLOCK_DONE, nowUs);
    }

    private void downlinkBlockReceived(long nowUs) {
        dlBitsLeft -= blockBits;
        if (dlBitsLeft > 0) {
            return;
        }
        dlBitsLeft = 0;
        DownlinkJob job = downlinks.poll();
        listener.onDownlinkDelivered(this, job.messageBytes(), job.requestedUs(), nowUs, false);
        job.onReceived().run();
    }

    private void startRelease(long nowUs) {
        beginProgram(nowUs);
        scratch.clear();
        Procedures.appendRelease(link, level, scratch);
        addAll(scratch);
        runProgram(Step.RELEASE_DONE, nowUs);
    }

    private void enterIdle(long nowUs, boolean connectionEnded) {
        if (connectionEnded) {
            lastConnectionEndUs = nowUs;
            tauOnlyConnection = false;
        }
        setState(NbiotDeviceState.IDLE, nowUs);
        switchPower(ps.idleState(), nowUs);
        if (state == NbiotDeviceState.DEAD) {
            return;
        }
        if (ulBitsLeft > 0 || tauBitsLeft > 0) {
            startRandomAccess(nowUs);
            return;
        }
        scheduleIdleTimer(nowUs);
    }

    private void scheduleIdleTimer(long nowUs) {
        TimerAction action = TimerAction.PERIODIC_TAU;
        long atUs = Math.max(nowUs, lastConnectionEndUs + ps.t3412Us());
        if (ps.psmEnabled()) {
            long psmUs = Math.max(nowUs, lastConnectionEndUs + ps.t3324Us());
            if (psmUs <= atUs) {
                action = TimerAction.ENTER_PSM;
                atUs = psmUs;
            }
        }
        if (dlBitsLeft > 0 || !downlinks.isEmpty()) {
            long cycle = ps.pagingCycleUs();
            long pageUs = pagingOffsetUs + Math.floorDiv(nowUs - pagingOffsetUs + cycle - 1, cycle) * cycle;
            if (pageUs < atUs) {
                action = TimerAction.PAGE;
                atUs = pageUs;
            }
        }
        setTimer(action, atUs);
    }

    private void setTimer(TimerAction action, long atUs) {
        timerAction = action;
        timer.reschedule(this, atUs);
    }

    private void timerFired(long nowUs) {
        TimerAction action = timerAction;
        timerAction = TimerAction.NONE;
        switch (action) {
            case ENTER_PSM -> {
                setState(NbiotDeviceState.PSM, nowUs);
                switchPower(PowerState.PSM, nowUs);
                if (state != NbiotDeviceState.DEAD) {
                    setTimer(TimerAction.PERIODIC_TAU, Math.max(nowUs, lastConnectionEndUs + ps.t3412Us()));
                }
            }
            case PERIODIC_TAU -> {
                tauBitsLeft = 8L * link.linkBytes(settings.tauBytes());
                tauOnlyConnection = ulBitsLeft == 0 && downlinks.isEmpty();
                if (state == NbiotDeviceState.PSM) {
                    wake(nowUs);
                } else {
                    startRandomAccess(nowUs);
                }
            }
            case PAGE -> startRandomAccess(nowUs);
            case NONE -> {
                // cancelled action
            }
        }
    }

    private void programDone(Step step, long nowUs) {
        switch (step) {
            case SYNC_DONE, BACKOFF_DONE -> startRandomAccess(nowUs);
            case RANDOM_ACCESS_DONE -> randomAccessDone(nowUs);
            case UPLINK_BLOCK_DONE, DOWNLINK_BLOCK_DONE -> nextTransfer(nowUs);
            case INACTIVITY_DONE -> startRelease(nowUs);
            case RELEASE_DONE -> enterIdle(nowUs, true);
            case NONE -> {
                // nothing follows
            }
        }
    }

    private void segmentEnded(PhaseKind kind, long startUs, long nowUs) {
        if (kind == PhaseKind.UPLINK_DATA) {
            uplinkBlockSent(startUs, nowUs);
        } else if (kind == PhaseKind.DOWNLINK_DATA) {
            downlinkBlockReceived(nowUs);
        }
    }

    private void die(long atUs) {
        NbiotDeviceState from = state;
        state = NbiotDeviceState.DEAD;
        segmentEnd.cancel();
        timer.cancel();
        segCount = 0;
        afterProgram = Step.NONE;
        listener.onStateChange(this, from, NbiotDeviceState.DEAD, atUs);
        listener.onFailure(this, NbiotFailure.BATTERY_DEPLETED, atUs);
        ulBitsLeft = 0;
        messageBlockPending = false;
        onSent = NOTHING;
        tauBitsLeft = 0;
        dlBitsLeft = 0;
        while (!downlinks.isEmpty()) {
            downlinks.poll();
            listener.onFailure(this, NbiotFailure.DOWNLINK_LOST, atUs);
        }
    }

    private void setState(NbiotDeviceState next, long nowUs) {
        if (next != state && state != NbiotDeviceState.DEAD) {
            NbiotDeviceState from = state;
            state = next;
            listener.onStateChange(this, from, next, nowUs);
        }
    }

    // ---------------------------------------------------------------- energy

    private void switchPower(PowerState next, long nowUs) {
        closeInterval(nowUs);
        power = next;
    }

    private void closeInterval(long nowUs) {
        long durationUs = nowUs - powerSinceUs;
        if (durationUs > 0) {
            double e = drawW[power.ordinal()] * durationUs * 1e-6;
            energyJ += e;
            energyByStateJ[power.ordinal()] += e;
            listener.onEnergy(this, power, powerSinceUs, nowUs, e);
            powerSinceUs = nowUs;
            if (battery != null && battery.drain(nowUs, e) && state != NbiotDeviceState.DEAD) {
                die(battery.depletedAtUs());
            }
        }
    }

    // ---------------------------------------------------------------- segment programs

    private void beginProgram(long nowUs) {
        segCount = 0;
        segIndex = 0;
        programCursorUs = nowUs;
    }

    private void add(PhaseKind kind, PowerState s, long durationUs) {
        if (durationUs <= 0) {
            return;
        }
        if (segCount == MAX_SEGMENTS) {
            throw new IllegalStateException(name() + ": more than " + MAX_SEGMENTS + " segments in one program");
        }
        programCursorUs += durationUs;
        segKind[segCount] = kind;
        segState[segCount] = s;
        segEndUs[segCount] = programCursorUs;
        segCount++;
    }

    private void addAll(List<Phase> phases) {
        for (Phase p : phases) {
            add(p.kind(), p.state(), p.durationUs());
        }
    }

    private void runProgram(Step after, long nowUs) {
        afterProgram = after;
        if (segCount == 0) {
            afterProgram = Step.NONE;
            programDone(after, nowUs);
            return;
        }
        startSegment(nowUs);
    }

    private void startSegment(long nowUs) {
        switchPower(segState[segIndex], nowUs);
        if (state == NbiotDeviceState.DEAD) {
            return;
        }
        segStartUs = nowUs;
        segmentEnd.scheduleAt(this, segEndUs[segIndex]);
    }

    private void interruptProgram() {
        segmentEnd.cancel();
        segCount = 0;
        segIndex = 0;
        afterProgram = Step.NONE;
    }

    private final class SegmentEnd extends Event<NbiotDevice> {
        SegmentEnd(Simulation model) {
            super(model, "nbiot-segment-end");
        }

        @Override
        protected void eventRoutine(NbiotDevice who) {
            long nowUs = simulation().nowUs();
            PhaseKind kind = segKind[segIndex];
            segIndex++;
            closeInterval(nowUs);
            if (state == NbiotDeviceState.DEAD) {
                return;
            }
            segmentEnded(kind, segStartUs, nowUs);
            if (state == NbiotDeviceState.DEAD || segCount == 0) {
                return;
            }
            if (segIndex < segCount) {
                startSegment(nowUs);
            } else {
                Step step = afterProgram;
                afterProgram = Step.NONE;
                segCount = 0;
                programDone(step, nowUs);
            }
        }
    }

    private final class Timer extends Event<NbiotDevice> {
        Timer(Simulation model) {
            super(model, "nbiot-timer");
        }

        @Override
        protected void eventRoutine(NbiotDevice who) {
            timerFired(simulation().nowUs());
        }
    }
}
