package org.fedwan.sim.lorawan;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import org.fedwan.channel.lora.LoraDemodulation;
import org.fedwan.channel.lora.LoraPhy;
import org.fedwan.channel.lorawan.Adr;
import org.fedwan.channel.lorawan.DailyBudget;
import org.fedwan.channel.lorawan.DataRate;
import org.fedwan.channel.lorawan.Fragmentation;
import org.fedwan.channel.lorawan.LorawanFrame;
import org.fedwan.channel.lorawan.ReceiveWindows;
import org.fedwan.channel.lorawan.Region;
import org.fedwan.sim.kernel.Event;
import org.fedwan.sim.kernel.ExternalEvent;
import org.fedwan.sim.kernel.Simulation;
import org.fedwan.sim.kernel.Entity;

/**
 * The network server: takes every uplink that some gateway decoded (once, however many
 * gateways heard it), reassembles fragmented messages, runs the ADR, and answers in the
 * device's receive windows when it must (ACK of a confirmed uplink, LinkADRReq, reply to
 * ADRACKReq, next fragment of a class A download, the missing fragments after an ARQ pass:
 * {@link FragmentFeedback}). A downlink goes through the gateway that
 * heard the uplink best among those free to transmit in RX1 (busy radio or duty cycle), else in
 * RX2, else not at all. It also runs class C multicast sessions through every gateway.
 */
public final class NetworkServer extends Entity {

    private static final int LINK_ADR_REQ_BYTES = 5;

    private final LorawanNetwork net;
    private final NetworkSettings settings;
    private final Region region;
    private final long[] lastFrameCounter;
    private final double[] snrHistoryDb;
    private final int[] snrCount;
    private final int[] snrNext;
    private final int[] adrTarget;
    private final DailyBudget[] downlinkQuota;
    private final MessageCollector[] messages;
    /** The message whose ARQ pass the device's last uplink ended, or null: the feedback to send. */
    private final MessageCollector[] feedbackFor;
    private final List<byte[]>[] downloads;
    private final int[] downloadNext;
    private final boolean[] needAck;
    private final boolean[] sendData;
    private final double[] scratchSnr;

    // class C multicast session
    private final MulticastStart multicastStart;
    private final MulticastEnd multicastEnd;
    private List<byte[]> multicastFragments;
    private int multicastNext;
    private byte[] multicastCurrent;
    private int multicastPhyBytes;
    private long multicastAirtimeUs;
    private int multicastSubBand;
    private int multicastDataRate;
    private Runnable multicastDone;

    @SuppressWarnings({"unchecked", "rawtypes"})
    NetworkServer(LorawanNetwork net, int devices) {
        super(net.simulation(), "network-server", LorawanNetwork.SERVER_ID);
        this.net = net;
        this.settings = net.settings();
        this.region = settings.region();
        this.lastFrameCounter = new long[devices];
        Arrays.fill(lastFrameCounter, -1L);
        boolean adr = settings.sfPolicy() == SfPolicy.ADR;
        int history = settings.adr().historyLength();
        this.snrHistoryDb = adr ? new double[devices * history] : new double[0];
        this.snrCount = adr ? new int[devices] : new int[0];
        this.snrNext = adr ? new int[devices] : new int[0];
        this.scratchSnr = new double[history];
        this.adrTarget = new int[devices];
        Arrays.fill(adrTarget, -1);
        this.downlinkQuota = settings.fairUse() ? new DailyBudget[devices] : null;
        this.messages = new MessageCollector[devices];
        this.feedbackFor = new MessageCollector[devices];
        this.downloads = new List[devices];
        this.downloadNext = new int[devices];
        this.needAck = new boolean[devices];
        this.sendData = new boolean[devices];
        this.multicastStart = new MulticastStart(net.simulation());
        this.multicastEnd = new MulticastEnd(net.simulation());
    }

    /** Creates the device's reused downlink-attempt event. */
    void register(LorawanDevice device) {
        device.downlinkAttempt = new DownlinkAttempt(net.simulation());
    }

    // ------------------------------------------------------------------ uplinks

    void uplinkEnded(LorawanDevice d, Transmission tx, FrameOutcome outcome, byte[] frm, int attempt) {
        NetworkStats stats = net.stats();
        stats.outcome(outcome);
        FrameSink sink = net.uplinkSink();
        if (frm != null && sink != null) {
            sink.frameEnded(d, frm, tx.startUs, tx.endUs, tx.phyPayloadBytes, outcome);
        }
        for (NetworkListener l : net.listeners()) {
            l.onUplink(d, tx.startUs, tx.endUs, tx.dataRate, net.channel(tx.channelSlot).index(), tx.phyPayloadBytes,
                    attempt, outcome);
        }
        if (!outcome.delivered() || d.isDead()) {
            return;
        }
        int i = d.index();
        long now = tx.endUs;
        if (tx.frameCounter != lastFrameCounter[i]) {
            lastFrameCounter[i] = tx.frameCounter;
            stats.uniqueFramesDelivered++;
        }
        if (settings.sfPolicy() == SfPolicy.ADR) {
            runAdr(i, tx);
        }
        MessageCollector r = messages[i];
        if (frm != null && r != null && r.accept(frm) && r.isComplete()) {
            d.messageDelivered(now);
        }
        boolean feedback = tx.requestsFeedback && r != null && frm != null && Fragmentation.messageTag(frm) == r.tag();
        feedbackFor[i] = feedback ? r : null;
        boolean data = false;
        if (downloads[i] != null) {
            if (tx.acknowledgesDownlink) {
                downloadNext[i]++;
            }
            data = downloadNext[i] < downloads[i].size();
        }
        needAck[i] = tx.confirmed;
        sendData[i] = data;
        if (tx.confirmed || adrTarget[i] >= 0 || tx.adrAckRequest || data || feedback) {
            d.downlinkWindow = 1;
            d.downlinkAttempt.scheduleAt(d, ReceiveWindows.rx1OpenUs(now, settings.receiveDelay1Us()));
        }
    }

    private void runAdr(int i, Transmission tx) {
        int history = settings.adr().historyLength();
        DataRate dr = region.dataRate(tx.dataRate);
        double snr = LoraDemodulation.snrDb(tx.rssiDbm[tx.bestGateway], dr.bandwidthHz(), settings.noiseFigureDb());
        snrHistoryDb[i * history + snrNext[i]] = snr;
        snrNext[i] = (snrNext[i] + 1) % history;
        snrCount[i] = Math.min(snrCount[i] + 1, history);
        if (snrCount[i] < history) {
            return;
        }
        System.arraycopy(snrHistoryDb, i * history, scratchSnr, 0, history);
        double combined = Adr.combine(scratchSnr, history, settings.adr().combining());
        Adr.Decision decision = Adr.recommend(combined, LoraDemodulation.requiredSnrDb(dr.spreadingFactor()),
                tx.dataRate, net.fastestDataRate(), settings.txPowerDbm(), settings.txPowerDbm(),
                settings.txPowerDbm(), settings.adr());
        adrTarget[i] = decision.dataRateIndex() != tx.dataRate ? decision.dataRateIndex() : -1;
    }

    // ------------------------------------------------------------------ downlinks in receive windows

    private void downlinkAttempt(LorawanDevice d, int window) {
        if (d.isDead()) {
            return;
        }
        long now = net.simulation().nowUs();
        int i = d.index();
        NetworkStats stats = net.stats();
        if (downlinkQuota != null) {
            DailyBudget quota = downlinkQuota[i];
            if (quota == null) {
                quota = new DailyBudget(settings.fairUseDownlinksPerDay());
                downlinkQuota[i] = quota;
            }
            if (!quota.allows(now, 1)) {
                stats.downlinksDeniedFairUse++;
                return;
            }
        }
        int uplinkDr = d.uplinkDataRate();
        int dr = window == 1 ? region.rx1DataRateIndex(uplinkDr, settings.rx1DrOffset()) : settings.effectiveRx2DataRate();
        DataRate ddr = region.downlinkDataRate(dr);
        int adr = adrTarget[i];
        int fOpts = adr >= 0 ? LINK_ADR_REQ_BYTES : 0;
        byte[] data = sendData[i] ? downloads[i].get(downloadNext[i]) : null;
        if (data != null && data.length + fOpts > ddr.maxFrmPayloadBytes()) {
            data = null;
        }
        boolean feedback = false;
        if (data == null && feedbackFor[i] != null) {
            data = feedbackPayload(feedbackFor[i], ddr.maxFrmPayloadBytes() - fOpts);
            feedback = data != null;
        }
        if (data == null && !needAck[i] && adr < 0 && !d.tx.adrAckRequest) {
            nextWindowOrFail(d, window);
            return;
        }
        if (fOpts > ddr.maxFrmPayloadBytes()) {
            nextWindowOrFail(d, window);
            return;
        }
        long frequencyHz = window == 1 ? region.rx1FrequencyHz(net.channel(d.uplinkChannelSlot()))
                : region.rx2FrequencyHz();
        int subBand = net.subBandSlotOf(frequencyHz);
        int phy = LorawanFrame.phyPayloadBytes(data == null ? 0 : data.length, fOpts);
        long airtimeUs = LoraPhy.timeOnAirUs(phy, ddr.downlinkParams());
        Gateway gw = bestFreeGateway(d.tx, now, subBand);
        if (gw == null) {
            stats.downlinkWindowsMissed++;
            nextWindowOrFail(d, window);
            return;
        }
        gw.transmit(now, airtimeUs, subBand);
        if (downlinkQuota != null) {
            downlinkQuota[i].consume(now, 1);
        }
        double rx = net.downlinkRxPowerDbm(i, gw.index(), d.downlinkRng());
        boolean received = rx >= settings.deviceSensitivity().sensitivityDbm(ddr.spreadingFactor(), ddr.bandwidthHz());
        DownlinkMedium.Frame frame = new DownlinkMedium.Frame(d, gw.index(), now, now + airtimeUs, frequencyHz,
                ddr.spreadingFactor(), LoraPhy.symbolTimeUs(ddr.downlinkParams()), rx);
        net.downlinkMedium().start(frame);
        d.downlinkScheduled(window, received, airtimeUs, needAck[i], adr, data, frame);
        if (feedback) {
            d.receiver().feedbackScheduled(window, phy, data.length, d.jobs().arqRound());
        }
        if (window == 1) {
            stats.downlinksRx1++;
        } else {
            stats.downlinksRx2++;
        }
        if (!received) {
            stats.downlinksNotReceived++;
        }
        for (NetworkListener l : net.listeners()) {
            l.onDownlink(d, now, now + airtimeUs, window, dr, phy, received);
        }
    }

    private void nextWindowOrFail(LorawanDevice d, int window) {
        if (window == 1) {
            d.downlinkWindow = 2;
            d.downlinkAttempt.scheduleAt(d, ReceiveWindows.rx2OpenUs(d.uplinkEndUs(), settings.receiveDelay1Us()));
        } else {
            net.stats().downlinksFailed++;
        }
    }

    /** The gateway that decoded the uplink with the strongest signal among those free now. */
    private Gateway bestFreeGateway(Transmission tx, long now, int subBand) {
        Gateway best = null;
        double bestRssi = Double.NEGATIVE_INFINITY;
        for (int g = 0; g < tx.status.length; g++) {
            if (tx.status[g] == Transmission.RECEIVED && tx.rssiDbm[g] > bestRssi) {
                Gateway candidate = net.gateway(g);
                if (candidate.canTransmit(now, subBand)) {
                    best = candidate;
                    bestRssi = tx.rssiDbm[g];
                }
            }
        }
        return best;
    }

    // ------------------------------------------------------------------ messages and downloads

    void messageStarted(LorawanDevice d, MessageCollector collector) {
        messages[d.index()] = collector;
    }

    /** @return fragments the server still needs at least for the device's current message (FEC: the decoder's deficit) */
    int deficit(LorawanDevice d) {
        MessageCollector r = messages[d.index()];
        return r == null ? 1 : r.deficit();
    }

    /** The feedback for an ARQ pass of {@code r}, fitting {@code maxBytes}, or null if none fits or the count is unknown. */
    private static byte[] feedbackPayload(MessageCollector r, int maxBytes) {
        OptionalInt count = r.fragmentCount();
        if (count.isEmpty() || maxBytes < FragmentFeedback.HEADER_BYTES) {
            return null;
        }
        return FragmentFeedback.encode(r.tag(), missingOf(r, count.getAsInt()), maxBytes);
    }

    void messageEnded(LorawanDevice d) {
        messages[d.index()] = null;
    }

    /**
     * The fragments of the device's current message the server lacks (the idealised feedback of
     * {@link FragmentLossPolicy#RESEND_MISSING}).
     */
    int[] missingFragments(LorawanDevice d, int fragmentCount) {
        return missingOf(messages[d.index()], fragmentCount);
    }

    private static int[] missingOf(MessageCollector r, int fragmentCount) {
        int missing = 0;
        for (int k = 0; k < fragmentCount; k++) {
            if (r == null || !r.has(k)) {
                missing++;
            }
        }
        int[] out = new int[missing];
        int n = 0;
        for (int k = 0; k < fragmentCount; k++) {
            if (r == null || !r.has(k)) {
                out[n++] = k;
            }
        }
        return out;
    }

    void downloadStarted(LorawanDevice d, List<byte[]> fragments) {
        downloads[d.index()] = fragments;
        downloadNext[d.index()] = 0;
    }

    void downloadEnded(LorawanDevice d) {
        downloads[d.index()] = null;
    }

    // ------------------------------------------------------------------ class C multicast

    boolean multicastActive() {
        return multicastFragments != null;
    }

    void multicast(byte[] message, int tag, Runnable onSent) {
        if (multicastActive()) {
            throw new IllegalStateException("a multicast session is still running");
        }
        long now = net.simulation().nowUs();
        multicastDataRate = settings.effectiveMulticastDataRate();
        DataRate ddr = region.downlinkDataRate(multicastDataRate);
        multicastFragments = Fragmentation.split(message, LorawanFrame.maxFrmPayloadBytes(ddr, 0), tag);
        multicastNext = 0;
        multicastDone = onSent;
        multicastSubBand = net.subBandSlotOf(region.rx2FrequencyHz());
        for (LorawanDevice d : net.multicastMembers()) {
            d.startListening(now, multicastFragments.size());
        }
        multicastStart.scheduleAt(nextMulticastStartUs(now));
    }

    private long nextMulticastStartUs(long now) {
        long start = now;
        for (Gateway gw : net.gateways()) {
            start = Math.max(start, gw.nextFreeUs(now, multicastSubBand));
        }
        return start;
    }

    private final class MulticastStart extends ExternalEvent {
        MulticastStart(Simulation model) {
            super(model, "multicast-frame-start");
        }

        @Override
        protected void eventRoutine() {
            long now = net.simulation().nowUs();
            long start = nextMulticastStartUs(now);
            if (start > now) {
                scheduleAt(start);
                return;
            }
            multicastCurrent = multicastFragments.get(multicastNext++);
            multicastPhyBytes = LorawanFrame.phyPayloadBytes(multicastCurrent.length, 0);
            multicastAirtimeUs = LoraPhy.timeOnAirUs(multicastPhyBytes,
                    region.downlinkDataRate(multicastDataRate).downlinkParams());
            for (Gateway gw : net.gateways()) {
                gw.transmit(now, multicastAirtimeUs, multicastSubBand);
            }
            net.stats().multicastFrames++;
            multicastEnd.schedule(multicastAirtimeUs);
        }
    }

    private final class MulticastEnd extends ExternalEvent {
        MulticastEnd(Simulation model) {
            super(model, "multicast-frame-end");
        }

        @Override
        protected void eventRoutine() {
            long end = net.simulation().nowUs();
            long start = end - multicastAirtimeUs;
            BroadcastSink sink = net.broadcastSink();
            if (sink != null) {
                sink.broadcastFrameEnded(multicastCurrent, start, end, multicastPhyBytes);
            }
            DataRate ddr = region.downlinkDataRate(multicastDataRate);
            double sensitivity = settings.deviceSensitivity().sensitivityDbm(ddr.spreadingFactor(), ddr.bandwidthHz());
            for (LorawanDevice d : net.multicastMembers()) {
                if (!d.listening()) {
                    continue;
                }
                boolean received = false;
                if (!d.transmittedDuring(start, end)) {
                    for (int g = 0; g < net.gatewayCount() && !received; g++) {
                        received = net.downlinkRxPowerDbm(d.index(), g, d.downlinkRng()) >= sensitivity;
                    }
                }
                if (received) {
                    d.multicastFrameReceived();
                }
                for (NetworkListener l : net.listeners()) {
                    l.onDownlink(d, start, end, 0, multicastDataRate, multicastPhyBytes, received);
                }
            }
            if (multicastNext < multicastFragments.size()) {
                multicastStart.scheduleAt(nextMulticastStartUs(end));
                return;
            }
            for (LorawanDevice d : net.multicastMembers()) {
                d.stopListening(end);
            }
            multicastFragments = null;
            Runnable done = multicastDone;
            multicastDone = null;
            done.run();
        }
    }

    /** The server's decision for one receive window of one device, at the window's opening. */
    private final class DownlinkAttempt extends Event<LorawanDevice> {
        DownlinkAttempt(Simulation model) {
            super(model, "downlink-attempt", -1);
        }

        @Override
        protected void eventRoutine(LorawanDevice who) {
            downlinkAttempt(who, who.downlinkWindow);
        }
    }
}
