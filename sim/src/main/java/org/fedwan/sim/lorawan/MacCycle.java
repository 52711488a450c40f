package org.fedwan.sim.lorawan;

import java.util.random.RandomGenerator;
import org.fedwan.channel.lorawan.DailyBudget;
import org.fedwan.channel.lorawan.DutyCycleLedger;
import org.fedwan.channel.lorawan.LorawanFrame;
import org.fedwan.channel.lorawan.ReceiveWindows;
import org.fedwan.channel.lorawan.RetransmissionPolicy;
import org.fedwan.sim.kernel.Event;
import org.fedwan.sim.kernel.Simulation;

/**
 * The class A MAC cycle of one {@link LorawanDevice}: the attempts of the frame in progress. An
 * attempt starts on the channel free first under the sub-band duty cycles (ties drawn from the
 * "channel" stream) once the fair-use budget allows, and runs as four reused events: {@code tx-start},
 * {@code tx-end}, then {@code rx-open}/{@code rx-close} for RX1 and, unless RX1 received a frame,
 * for RX2. After the cycle the {@link RetransmissionPolicy} decides: the same frame again (NbTrans
 * repetitions, confirmed retries after RETRANSMIT_TIMEOUT) or the job's next step
 * ({@link DeviceJobs}). Every attempt is charged to the duty cycle.
 */
final class MacCycle {

    private final LorawanDevice device;
    private final LorawanNetwork net;
    private final NetworkSettings settings;
    private final DutyCycleLedger[] ledgers;
    private final DailyBudget fairUse;
    private final RandomGenerator channelRng;
    private final RandomGenerator shadowRng;
    private final RandomGenerator retransmitRng;
    private final double[] rxPowerDbm;
    /** Scratch of {@link #scheduleAttempt}: when each candidate channel's sub-band allows the frame, µs. */
    private final long[] openUs;
    private final TxStart txStart;
    private final TxEnd txEnd;
    private final RxOpen rxOpen;
    private final RxClose rxClose;

    private boolean cycleActive;

    // the frame in progress
    private byte[] frm;
    private int frmBytes;
    private int fOptsBytes;
    private int phyBytes;
    private boolean frameConfirmed;
    private boolean frameRequestsFeedback;
    private int attempts;
    private long frameCounter;
    private int channelSlot;
    private long airtimeUs;
    private boolean downlinkInCycle;
    private long uplinkEndUs;
    private int window;

    private long lastTxStartUs = Long.MIN_VALUE;
    private long lastTxEndUs = Long.MIN_VALUE;

    private long dutyCycleWaitUs;
    private long fairUseWaitUs;
    private long framesSent;
    private long framesDelivered;

    /**
     * @param device the device
     * @param net    its network
     * @param model  the simulation whose scheduler runs the four events
     */
    MacCycle(LorawanDevice device, LorawanNetwork net, Simulation model) {
        this.device = device;
        this.net = net;
        this.settings = net.settings();
        this.ledgers = new DutyCycleLedger[net.subBandSlots()];
        this.fairUse = settings.fairUse() ? new DailyBudget(settings.fairUseUplinkAirtimeUsPerDay()) : null;
        this.channelRng = model.streams().of(device.id(), "channel");
        this.shadowRng = model.streams().of(device.id(), "shadowing");
        this.retransmitRng = model.streams().of(device.id(), "retransmit");
        this.rxPowerDbm = new double[net.gatewayCount()];
        this.openUs = new long[net.channelCount()];
        this.txStart = new TxStart(model);
        this.txEnd = new TxEnd(model);
        this.rxOpen = new RxOpen(model);
        this.rxClose = new RxClose(model);
    }

    /** @return total time the device waited for its duty cycle so far, µs */
    long dutyCycleWaitUs() {
        return dutyCycleWaitUs;
    }

    /** @return total time the device waited for its fair-use budget so far, µs */
    long fairUseWaitUs() {
        return fairUseWaitUs;
    }

    /** @return uplink attempts put on the air */
    long framesSent() {
        return framesSent;
    }

    /** @return uplink attempts delivered to the network server */
    long framesDelivered() {
        return framesDelivered;
    }

    /** @return true from an attempt's TX start to the end of its receive windows */
    boolean isActive() {
        return cycleActive;
    }

    /** @return attempts of the frame in progress put on the air so far */
    int attempts() {
        return attempts;
    }

    /** @return true when the frame in progress waits for its first attempt */
    boolean firstAttemptWaiting() {
        return txStart.isScheduled() && attempts == 0;
    }

    /** @return whether the current cycle received a downlink */
    boolean downlinkInCycle() {
        return downlinkInCycle;
    }

    /** @return when the last uplink ended, µs */
    long uplinkEndUs() {
        return uplinkEndUs;
    }

    /** @return true if the device's own transmission overlapped {@code [startUs, endUs)} */
    boolean transmittedDuring(long startUs, long endUs) {
        return lastTxStartUs < endUs && lastTxEndUs > startUs;
    }

    /** No further attempt starts (a frame on the air and its receive windows finish). */
    void cancelAttempt() {
        txStart.cancel();
    }

    /** The device died: its pending attempt and receive windows are dropped. */
    void stop() {
        txStart.cancel();
        rxOpen.cancel();
        rxClose.cancel();
        cycleActive = false;
    }

    /**
     * Starts a new frame (new frame counter, no attempt yet) and schedules its first attempt.
     *
     * @param nowUs       current time, µs
     * @param frmPayload  the FRMPayload, or null when only its size matters
     * @param frmPayloadBytes FRMPayload size, bytes
     * @param confirmed   whether the frame is a confirmed uplink
     * @param requestsFeedback whether the frame ends an ARQ pass (the server answers with the missing fragments;
     *                    signalled by the FPort, no extra byte)
     */
    void newFrame(long nowUs, byte[] frmPayload, int frmPayloadBytes, boolean confirmed, boolean requestsFeedback) {
        frm = frmPayload;
        frameRequestsFeedback = requestsFeedback;
        frmBytes = frmPayloadBytes;
        frameCounter++;
        attempts = 0;
        frameConfirmed = confirmed;
        device.adr().newFrame(nowUs);
        scheduleAttempt(nowUs);
    }

    /**
     * Applies the retransmission policy after a cycle of the frame in progress.
     *
     * @return true if another attempt of the same frame was scheduled, false if the frame is done
     */
    boolean retransmitIfDue(long nowUs) {
        RetransmissionPolicy policy = settings.retransmission();
        return switch (policy.afterAttempt(frameConfirmed, attempts, downlinkInCycle)) {
            case RETRANSMIT -> {
                scheduleAttempt(nowUs + policy.retransmitDelayUs(frameConfirmed, retransmitRng));
                yield true;
            }
            case DONE -> false;
            case GIVE_UP -> {
                net.stats().confirmedGiveUps++;
                yield false;
            }
        };
    }

    /**
     * The channel free first: the index of the earliest of {@code openUs[0 .. n - 1]}, ties drawn
     * uniformly from {@code rng} (one draw, only when several tie), as devices and bulk sensors pick it.
     *
     * @param openUs when each candidate channel's sub-band allows the frame, µs
     * @param n      candidates, at least 1
     * @param rng    the device's "channel" stream
     * @return the chosen candidate's index
     */
    static int freeFirst(long[] openUs, int n, RandomGenerator rng) {
        long earliest = Long.MAX_VALUE;
        int ties = 0;
        for (int k = 0; k < n; k++) {
            if (openUs[k] < earliest) {
                earliest = openUs[k];
                ties = 1;
            } else if (openUs[k] == earliest) {
                ties++;
            }
        }
        int pick = ties == 1 ? 0 : rng.nextInt(ties);
        for (int k = 0; k < n; k++) {
            if (openUs[k] == earliest && pick-- == 0) {
                return k;
            }
        }
        throw new IllegalStateException("no channel opens at " + earliest + " us");
    }

    private DutyCycleLedger ledger(int subBandSlot) {
        DutyCycleLedger l = ledgers[subBandSlot];
        if (l == null) {
            l = new DutyCycleLedger(net.deviceDutyCycle(subBandSlot));
            ledgers[subBandSlot] = l;
        }
        return l;
    }

    private void scheduleAttempt(long fromUs) {
        int dataRate = device.dataRateIndex();
        int maxFrm = net.maxFrmPayloadBytes(dataRate);
        if (frmBytes > maxFrm) {
            device.jobs().frameRefused(fromUs, RefusalReason.PAYLOAD_TOO_LONG);
            return;
        }
        fOptsBytes = device.adr().fOptsBytes(frmBytes, maxFrm);
        phyBytes = LorawanFrame.phyPayloadBytes(frmBytes, fOptsBytes, settings.frameOverheadBytes());
        airtimeUs = net.uplinkAirtimeUs(dataRate, phyBytes);

        int[] slots = net.channelSlotsFor(dataRate);
        for (int k = 0; k < slots.length; k++) {
            openUs[k] = ledger(net.subBandSlotOfChannel(slots[k])).nextAllowedTxUs(fromUs);
        }
        int chosen = freeFirst(openUs, slots.length, channelRng);
        channelSlot = slots[chosen];
        long earliest = openUs[chosen];
        if (net.dwellTimeLimitUs(channelSlot) > 0 && airtimeUs > net.dwellTimeLimitUs(channelSlot)) {
            device.jobs().frameRefused(fromUs, RefusalReason.DWELL_TIME);
            return;
        }
        long start = earliest;
        dutyCycleWaitUs += start - fromUs;
        if (fairUse != null) {
            long allowed = fairUse.nextAllowedUs(start, airtimeUs);
            if (allowed == Long.MAX_VALUE) {
                device.jobs().frameRefused(fromUs, RefusalReason.FAIR_USE);
                return;
            }
            fairUseWaitUs += allowed - start;
            start = allowed;
        }
        txStart.scheduleAt(device, start);
    }

    private void cycleEnded(long nowUs) {
        cycleActive = false;
        if (device.isDead()) {
            return;
        }
        device.jobs().cycleEnded(nowUs);
    }

    private final class TxStart extends Event<LorawanDevice> {
        TxStart(Simulation model) {
            super(model, "tx-start");
        }

        @Override
        protected void eventRoutine(LorawanDevice who) {
            long now = net.simulation().nowUs();
            DevicePower power = device.power();
            power.advanceMeter(now);
            if (power.isDead()) {
                return;
            }
            int subBand = net.subBandSlotOfChannel(channelSlot);
            ledger(subBand).recordTransmission(now, airtimeUs);
            if (fairUse != null) {
                fairUse.consume(now, airtimeUs);
            }
            cycleActive = true;
            power.startTransmitting(now);
            attempts++;
            framesSent++;
            if (attempts > 1) {
                net.stats().retransmissions++;
            }
            lastTxStartUs = now;
            lastTxEndUs = now + airtimeUs;
            downlinkInCycle = false;
            device.receiver().clearWindows();
            int dataRate = device.dataRateIndex();
            Transmission t = device.tx;
            t.goesOnAir(net, channelSlot, dataRate, now, airtimeUs);
            t.phyPayloadBytes = phyBytes;
            t.frmPayloadBytes = frmBytes;
            t.fOptsBytes = fOptsBytes;
            t.confirmed = frameConfirmed;
            t.requestsFeedback = frameRequestsFeedback;
            t.adrAckRequest = device.adr().ackRequest();
            t.acknowledgesDownlink = device.receiver().takeDownlinkAck();
            t.frameCounter = frameCounter;
            device.adr().attemptSent(fOptsBytes);
            for (int g = 0; g < rxPowerDbm.length; g++) {
                rxPowerDbm[g] = net.uplinkRxPowerDbm(device.index(), g, shadowRng);
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
            DevicePower power = device.power();
            power.stopTransmitting();
            FrameOutcome outcome = net.medium().end(device.tx);
            if (power.transmissionEmptiedBattery(now)) {
                outcome = FrameOutcome.BATTERY_DEPLETED;
            }
            power.updateRadio(now);
            if (outcome.delivered()) {
                framesDelivered++;
            }
            uplinkEndUs = now;
            if (!power.isDead()) {
                window = 1;
                rxOpen.scheduleAt(who, ReceiveWindows.rx1OpenUs(now, settings.receiveDelay1Us()));
            }
            net.server().uplinkEnded(who, device.tx, outcome, frm, attempts);
            power.checkBattery();
        }
    }

    private final class RxOpen extends Event<LorawanDevice> {
        RxOpen(Simulation model) {
            super(model, "rx-open");
        }

        @Override
        protected void eventRoutine(LorawanDevice who) {
            long now = net.simulation().nowUs();
            DevicePower power = device.power();
            if (power.isDead()) {
                return;
            }
            power.setRxWindowOpen(now, true);
            if (power.isDead()) {
                return;
            }
            rxClose.schedule(who, device.receiver().windowUs(window));
        }
    }

    private final class RxClose extends Event<LorawanDevice> {
        RxClose(Simulation model) {
            super(model, "rx-close");
        }

        @Override
        protected void eventRoutine(LorawanDevice who) {
            long now = net.simulation().nowUs();
            DevicePower power = device.power();
            power.setRxWindowOpen(now, false);
            if (power.isDead()) {
                return;
            }
            boolean received = device.receiver().receivedIn(window);
            device.receiver().windowClosed(now, window, received);
            if (!received && device.receiver().heardIn(window)) {
                net.stats().downlinksCollided++;
            }
            if (received) {
                downlinkInCycle = true;
                device.receiver().process(now, window);
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
