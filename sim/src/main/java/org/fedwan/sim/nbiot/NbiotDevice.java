package org.fedwan.sim.nbiot;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.fedwan.channel.energy.Battery;
import org.fedwan.channel.nbiot.CoverageLevel;
import org.fedwan.channel.nbiot.CoverageLevelConfig;
import org.fedwan.channel.nbiot.NbiotLinkConfig;
import org.fedwan.channel.nbiot.Phase;
import org.fedwan.channel.nbiot.PhaseKind;
import org.fedwan.channel.nbiot.PowerSavingConfig;
import org.fedwan.channel.nbiot.PowerState;
import org.fedwan.channel.nbiot.Procedures;
import org.fedwan.sim.kernel.Entity;
import org.fedwan.sim.kernel.Simulation;
import org.fedwan.sim.nbiot.SegmentProgram.Step;

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
 *
 * <p>This class is the device's identity, public face and RRC state machine; its parts are
 * package-private: {@link SegmentProgram} (the program and its event), {@link NbiotTransfers}
 * (message, TAU and downlink blocks), {@link NbiotIdleTimer} (T3324, T3412, paging) and
 * {@link NbiotDeviceEnergy} (power state, energy, battery).
 */
public final class NbiotDevice extends Entity {

    private final NbiotCell cell;
    private final NbiotLinkConfig link;
    private final double couplingLossDb;
    private final CoverageLevel level;
    private final CoverageLevelConfig ce;
    private final NbiotDeviceSettings settings;
    private final PowerSavingConfig ps;
    private final NbiotListener listener;
    private final RandomGenerator randomAccess;

    private final NbiotDeviceEnergy energy;
    private final SegmentProgram program;
    private final NbiotTransfers transfers;
    private final NbiotIdleTimer idleTimer;
    private final List<Phase> scratch = new ArrayList<>();

    private NbiotDeviceState state = NbiotDeviceState.PSM;
    private boolean tauOnlyConnection;
    private int raAttempts;
    private boolean raCollided;

    /**
     * Creates a device in PSM at the current time; its periodic TAU is due T3412 later.
     *
     * @param model          the model
     * @param id             stable id (selects the random streams "nbiot-ra", "nbiot-paging" and, with
     *                       block errors, "nbiot-harq")
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
        double[] drawW = settings.profile().drawsW(ps);
        Battery battery = Double.isInfinite(settings.batteryJ()) ? null : new Battery(settings.batteryJ(), model.nowUs());
        this.listener = Objects.requireNonNull(listener, "listener is null");
        this.randomAccess = model.streams().of(id, "nbiot-ra");
        this.energy = new NbiotDeviceEnergy(this, drawW, battery, listener, model.nowUs());
        this.program = new SegmentProgram(this, model);
        double bler = level == null ? 0.0 : link.blockErrorRate(couplingLossDb);
        this.transfers = new NbiotTransfers(this, cell, level, ce, listener, bler,
                bler > 0 ? model.streams().of(id, "nbiot-harq") : null);
        this.idleTimer = new NbiotIdleTimer(this, model, ps);
        if (level != null) {
            idleTimer.scheduleFirstTau();
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
        return energy.state();
    }

    /** @return the settings given at construction */
    public NbiotDeviceSettings settings() {
        return settings;
    }

    /** @return energy spent up to the last accounted time, J */
    public double energyJ() {
        return energy.energyJ();
    }

    /** @return energy spent in {@code s} up to the last accounted time, J */
    public double energyJ(PowerState s) {
        return energy.energyJ(s);
    }

    /** @return messages delivered so far */
    public long messagesDelivered() {
        return transfers.messagesDelivered();
    }

    /** @return uplink transport-block bits sent so far (messages, TAU, with overhead and padding) */
    public long uplinkBits() {
        return transfers.uplinkBits();
    }

    /** @return the battery, or null when unlimited */
    public Battery battery() {
        return energy.battery();
    }

    /** @return time spent in power state {@code s} up to the last accounted time, µs */
    public long timeUs(PowerState s) {
        return energy.timeUs(s);
    }

    /**
     * Drains {@code energyJ} spent outside the module's power states (the host MCU, local
     * training) from the battery now; the device dies if that empties it.
     *
     * @param nowUs   current time, µs
     * @param energyJ energy, J, at least 0
     */
    public void drainBattery(long nowUs, double energyJ) {
        Battery b = energy.battery();
        if (b != null && !isDead() && b.drain(nowUs, energyJ)) {
            die(b.depletedAtUs());
        }
    }

    /**
     * Charges the current power state up to {@code nowUs} (e.g. at the end of a run) without
     * changing state.
     *
     * @param nowUs current time, µs
     */
    public void accountEnergyUntil(long nowUs) {
        if (state != NbiotDeviceState.DEAD) {
            energy.closeInterval(nowUs);
        }
    }

    /** @return whether an upload is under way (a granted or ongoing block counts, even after {@link #abort()}) */
    public boolean isSending() {
        return transfers.isSending();
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
        transfers.startMessage(message.length, messageTag, nowUs, onSent);
        tauOnlyConnection = false;
        workArrived(nowUs);
    }

    /**
     * Gives up on the message being sent: no further block of it starts and {@code onSent} will
     * not run. A block already granted or on the air finishes.
     */
    public void abort() {
        transfers.abort();
    }

    /** Downlink data for this device (see {@link NbiotCell#unicast}). */
    void enqueueDownlink(long messageBytes, Runnable onReceived) {
        long nowUs = simulation().nowUs();
        if (state == NbiotDeviceState.DEAD || level == null) {
            listener.onFailure(this, NbiotFailure.DOWNLINK_LOST, nowUs);
            return;
        }
        transfers.queueDownlink(messageBytes, onReceived, nowUs);
        tauOnlyConnection = false;
        if (state == NbiotDeviceState.IDLE) {
            idleTimer.scheduleIdle(nowUs, transfers.hasDownlink());
        } else if (state == NbiotDeviceState.CONNECTED && program.after() == Step.INACTIVITY_DONE) {
            program.interrupt();
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
        energy.chargeBroadcastRx(startUs, endUs, rxUs);
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

    // ---------------------------------------------------------------- the parts

    /** @return true once the battery is empty */
    boolean isDead() {
        return state == NbiotDeviceState.DEAD;
    }

    NbiotDeviceEnergy energy() {
        return energy;
    }

    SegmentProgram program() {
        return program;
    }

    NbiotTransfers transfers() {
        return transfers;
    }

    // ---------------------------------------------------------------- state machine

    private void workArrived(long nowUs) {
        switch (state) {
            case PSM -> {
                idleTimer.cancel();
                wake(nowUs);
            }
            case IDLE -> {
                idleTimer.cancel();
                startRandomAccess(nowUs);
            }
            case CONNECTED -> {
                if (program.after() == Step.INACTIVITY_DONE) {
                    program.interrupt();
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
        program.begin(nowUs);
        program.add(PhaseKind.SYNC, PowerState.RX, ce.syncUs());
        program.run(Step.SYNC_DONE, nowUs);
    }

    /** Random access from now: the next NPRACH occasion of the level, a preamble, then RAR to Msg4. */
    void startRandomAccess(long nowUs) {
        setState(NbiotDeviceState.RANDOM_ACCESS, nowUs);
        long occasionUs = cell.nextNprachOccasionUs(level, nowUs);
        raAttempts++;
        raCollided = false;
        cell.registerPreamble(level, occasionUs, randomAccess.nextInt(ce.nprachSubcarriers()), this);
        program.begin(nowUs);
        program.add(PhaseKind.NPRACH_WAIT, PowerState.CONNECTED_IDLE, occasionUs - nowUs);
        scratch.clear();
        Procedures.appendRandomAccess(link, level, scratch);
        program.addAll(scratch);
        program.run(Step.RANDOM_ACCESS_DONE, nowUs);
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
            transfers.randomAccessFailed(nowUs);
            enterIdle(nowUs, false);
            return;
        }
        long backoffUs = settings.backoffUs() == 0 ? 0 : randomAccess.nextLong(settings.backoffUs());
        program.begin(nowUs);
        program.add(PhaseKind.BACKOFF, PowerState.CONNECTED_IDLE, backoffUs);
        program.run(Step.BACKOFF_DONE, nowUs);
    }

    private void nextTransfer(long nowUs) {
        if (transfers.startNextBlock(nowUs)) {
            return;
        }
        if (ps.releaseAssistance() || tauOnlyConnection || ps.inactivityTimerUs() == 0) {
            startRelease(nowUs);
        } else {
            program.begin(nowUs);
            program.add(PhaseKind.INACTIVITY, PowerState.CONNECTED_IDLE, ps.inactivityTimerUs());
            program.run(Step.INACTIVITY_DONE, nowUs);
        }
    }

    private void startRelease(long nowUs) {
        program.begin(nowUs);
        scratch.clear();
        Procedures.appendRelease(link, level, scratch);
        program.addAll(scratch);
        program.run(Step.RELEASE_DONE, nowUs);
    }

    private void enterIdle(long nowUs, boolean connectionEnded) {
        if (connectionEnded) {
            idleTimer.connectionEnded(nowUs);
            tauOnlyConnection = false;
        }
        setState(NbiotDeviceState.IDLE, nowUs);
        energy.switchTo(ps.idleState(), nowUs);
        if (state == NbiotDeviceState.DEAD) {
            return;
        }
        if (transfers.hasUplink() || transfers.hasTau()) {
            startRandomAccess(nowUs);
            return;
        }
        idleTimer.scheduleIdle(nowUs, transfers.hasDownlink());
    }

    /** T3324 expired: the device sleeps in PSM. */
    void enterPsm(long nowUs) {
        setState(NbiotDeviceState.PSM, nowUs);
        energy.switchTo(PowerState.PSM, nowUs);
    }

    /** T3412 expired: the periodic TAU is sent, from PSM after a wake-up. */
    void periodicTauDue(long nowUs) {
        transfers.startTau(settings.tauBytes());
        tauOnlyConnection = !transfers.hasUplink() && !transfers.downlinkQueued();
        if (state == NbiotDeviceState.PSM) {
            wake(nowUs);
        } else {
            startRandomAccess(nowUs);
        }
    }

    /** A program finished: the device goes on with {@code step}. */
    void programDone(Step step, long nowUs) {
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

    /** The battery emptied at {@code atUs}: everything stops, the message and downlinks are lost. */
    void die(long atUs) {
        NbiotDeviceState from = state;
        state = NbiotDeviceState.DEAD;
        program.stop();
        idleTimer.cancel();
        listener.onStateChange(this, from, NbiotDeviceState.DEAD, atUs);
        listener.onFailure(this, NbiotFailure.BATTERY_DEPLETED, atUs);
        transfers.dropAll(atUs);
    }

    private void setState(NbiotDeviceState next, long nowUs) {
        if (next != state && state != NbiotDeviceState.DEAD) {
            NbiotDeviceState from = state;
            state = next;
            listener.onStateChange(this, from, next, nowUs);
        }
    }
}
