package org.fedwan.sim.network;

import java.util.List;
import org.fedwan.channel.lora.LoraPhy;
import org.fedwan.channel.lora.LoraTxParams;
import org.fedwan.channel.lorawan.DataRate;
import org.fedwan.channel.lorawan.DutyCycleLedger;
import org.fedwan.channel.lorawan.Fragmentation;
import org.fedwan.channel.lorawan.LorawanFrame;
import org.fedwan.sim.kernel.Entity;
import org.fedwan.sim.kernel.Event;
import org.fedwan.sim.kernel.Model;

/**
 * The network side: broadcasts a message (the global model) to a set of devices as a sequence
 * of downlink frames (CRC off, as LoRaWAN downlinks), class C multicast style, one frame at a
 * time under the gateway's own duty cycle. Every receiving device is charged the frame's time on
 * air at its RX current by the {@link BroadcastSink}.
 */
public final class Gateway extends Entity {

    /** Receives each broadcast frame once, when it ends. */
    public interface BroadcastSink {
        void broadcastFrameEnded(byte[] frmPayload, long startUs, long endUs, int phyPayloadBytes);
    }

    private final DataRate dataRate;
    private final LoraTxParams txParams;
    private final DutyCycleLedger ledger;
    private final BroadcastSink sink;
    private final FrameStart frameStart;
    private final FrameEnd frameEnd;

    private List<byte[]> fragments = List.of();
    private int next;
    private byte[] current;
    private long currentStartUs;
    private int currentPhyBytes;
    private Runnable onSent;

    public Gateway(Model model, DataRate dataRate, double dutyCycle, BroadcastSink sink) {
        super(model, "gateway", -1);
        this.dataRate = dataRate;
        this.txParams = dataRate.downlinkParams();
        this.ledger = new DutyCycleLedger(dutyCycle);
        this.sink = sink;
        this.frameStart = new FrameStart(model);
        this.frameEnd = new FrameEnd(model);
    }

    public DataRate dataRate() {
        return dataRate;
    }

    /** Time on air of a downlink frame of {@code phyPayloadBytes}. */
    public long airtimeUs(int phyPayloadBytes) {
        return LoraPhy.timeOnAirUs(phyPayloadBytes, txParams);
    }

    /** Broadcasts {@code message}; {@code onSent} runs when the last frame ended. */
    public void broadcast(byte[] message, int messageTag, Runnable onSent) {
        if (frameStart.isScheduled() || frameEnd.isScheduled()) {
            throw new IllegalStateException("the gateway is still broadcasting");
        }
        this.fragments = Fragmentation.split(message, LorawanFrame.maxFrmPayloadBytes(dataRate, 0), messageTag);
        this.next = 0;
        this.onSent = onSent;
        frameStart.scheduleAt(this, ledger.nextAllowedTxUs(model().nowUs()));
    }

    private final class FrameStart extends Event<Gateway> {
        FrameStart(Model model) {
            super(model, "broadcast-frame-start");
        }

        @Override
        protected void eventRoutine(Gateway who) {
            current = fragments.get(next++);
            currentPhyBytes = LorawanFrame.phyPayloadBytes(current.length, 0);
            currentStartUs = model().nowUs();
            long airtimeUs = airtimeUs(currentPhyBytes);
            ledger.recordTransmission(currentStartUs, airtimeUs);
            frameEnd.schedule(who, airtimeUs);
        }
    }

    private final class FrameEnd extends Event<Gateway> {
        FrameEnd(Model model) {
            super(model, "broadcast-frame-end");
        }

        @Override
        protected void eventRoutine(Gateway who) {
            long nowUs = model().nowUs();
            sink.broadcastFrameEnded(current, currentStartUs, nowUs, currentPhyBytes);
            if (next < fragments.size()) {
                frameStart.scheduleAt(who, ledger.nextAllowedTxUs(nowUs));
            } else {
                onSent.run();
            }
        }
    }
}
