package org.fedwan.sim.network;

import java.util.List;
import org.fedwan.channel.energy.Energy;
import org.fedwan.channel.energy.RadioProfile;
import org.fedwan.channel.energy.RadioState;
import org.fedwan.channel.lora.LoraPhy;
import org.fedwan.channel.lora.LoraTxParams;
import org.fedwan.channel.lorawan.DataRate;
import org.fedwan.channel.lorawan.DutyCycleLedger;
import org.fedwan.channel.lorawan.Fragmentation;
import org.fedwan.channel.lorawan.LorawanFrame;
import org.fedwan.sim.kernel.Event;
import org.fedwan.sim.kernel.Model;
import org.fedwan.sim.kernel.Entity;

/**
 * A class A LoRaWAN end device that uploads messages as fragments (3-byte application header
 * each, {@link Fragmentation}), one unconfirmed uplink per fragment, at a fixed data rate. Between
 * frames it waits as long as its duty-cycle ledger demands; that wait is an event too. The device
 * reuses its two event objects for every frame.
 */
public final class LorawanDevice extends Entity {

    private final DataRate dataRate;
    private final LoraTxParams txParams;
    private final RadioProfile radio;
    private final DutyCycleLedger ledger;
    private final FrameSink sink;
    private final FrameStart frameStart;
    private final FrameEnd frameEnd;

    private static final Runnable NOTHING = () -> { };

    private List<byte[]> fragments = List.of();
    private int next;
    private boolean aborted;
    private byte[] currentFragment;
    private long currentStartUs;
    private int currentPhyBytes;
    private long dutyCycleWaitUs;
    private Runnable onMessageSent = NOTHING;

    public LorawanDevice(Model model, long id, DataRate dataRate, RadioProfile radio, double dutyCycle, FrameSink sink) {
        super(model, "dev-" + id, id);
        this.dataRate = dataRate;
        this.txParams = dataRate.uplinkParams();
        this.radio = radio;
        this.ledger = new DutyCycleLedger(dutyCycle);
        this.sink = sink;
        this.frameStart = new FrameStart(model);
        this.frameEnd = new FrameEnd(model);
    }

    public DataRate dataRate() {
        return dataRate;
    }

    public RadioProfile radio() {
        return radio;
    }

    /** Largest fragment (FRMPayload) this device sends: the data rate's maximum with empty FOpts. */
    public int maxFrmPayloadBytes() {
        return LorawanFrame.maxFrmPayloadBytes(dataRate, 0);
    }

    /** TX energy of a frame of {@code phyPayloadBytes}: V x I_tx x time on air. */
    public double txEnergyJ(int phyPayloadBytes) {
        return Energy.joules(radio.supplyVoltageV(), radio.currentA(RadioState.TX),
                LoraPhy.timeOnAirUs(phyPayloadBytes, txParams));
    }

    /** Total time this device has waited for its duty cycle so far. */
    public long dutyCycleWaitUs() {
        return dutyCycleWaitUs;
    }

    /** Whether an upload is under way (a frame on the air counts, even after {@link #abort()}). */
    public boolean isSending() {
        return frameEnd.isScheduled() || (!aborted && next < fragments.size());
    }

    /**
     * Starts uploading {@code message} now (or as soon as the duty cycle allows); calls
     * {@code onSent} after the last fragment's frame ended.
     */
    public void send(byte[] message, int messageTag, Runnable onSent) {
        if (isSending()) {
            throw new IllegalStateException(name() + " is still sending its previous message");
        }
        this.fragments = Fragmentation.split(message, maxFrmPayloadBytes(), messageTag);
        this.next = 0;
        this.aborted = false;
        this.onMessageSent = onSent;
        scheduleNextFrame(model().nowUs());
    }

    /**
     * Stops an upload: no further frame starts. A frame already on the air finishes (a radio
     * cannot take back a transmission) and is still reported.
     */
    public void abort() {
        frameStart.cancel();
        aborted = true;
        onMessageSent = NOTHING;
    }

    private void scheduleNextFrame(long nowUs) {
        long at = ledger.nextAllowedTxUs(nowUs);
        dutyCycleWaitUs += at - nowUs;
        frameStart.scheduleAt(this, at);
    }

    private final class FrameStart extends Event<LorawanDevice> {
        FrameStart(Model model) {
            super(model, "frame-start");
        }

        @Override
        protected void eventRoutine(LorawanDevice who) {
            currentFragment = fragments.get(next++);
            currentPhyBytes = LorawanFrame.phyPayloadBytes(currentFragment.length, 0);
            currentStartUs = who.model().nowUs();
            long airtimeUs = LoraPhy.timeOnAirUs(currentPhyBytes, txParams);
            ledger.recordTransmission(currentStartUs, airtimeUs);
            frameEnd.schedule(who, airtimeUs);
        }
    }

    private final class FrameEnd extends Event<LorawanDevice> {
        FrameEnd(Model model) {
            super(model, "frame-end");
        }

        @Override
        protected void eventRoutine(LorawanDevice who) {
            long nowUs = who.model().nowUs();
            sink.frameEnded(who, currentFragment, currentStartUs, nowUs, currentPhyBytes);
            if (aborted) {
                return;
            }
            if (next < fragments.size()) {
                scheduleNextFrame(nowUs);
            } else {
                Runnable done = onMessageSent;
                onMessageSent = NOTHING;
                done.run();
            }
        }
    }
}
