package org.fedwan.sim.lorawan;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.fedwan.channel.energy.EnergyMeter;
import org.fedwan.channel.energy.RadioState;
import org.fedwan.channel.lorawan.DailyBudget;
import org.fedwan.channel.lorawan.DutyCycleLedger;
import org.fedwan.channel.lorawan.LorawanFrame;
import org.fedwan.channel.lorawan.ReceiveWindows;
import org.fedwan.channel.lorawan.RetransmissionPolicy;
import org.fedwan.results.LossCause;
import org.fedwan.sim.background.BackgroundSection;
import org.fedwan.sim.background.TrafficArrival;
import org.fedwan.sim.kernel.Simulation;
import org.fedwan.sim.link.BackgroundReport;

/**
 * Background sensors of an FL run simulated in bulk, outside the scheduler ({@link SensorEngine#BULK}).
 *
 * <p>A sensor whose uplinks are unconfirmed, whose data rate is fixed (no ADR) and whose battery is
 * infinite gets no downlink and never changes course: when each of its packets arrives, which
 * channel it takes, when it goes on the air and when its receive windows open depend only on its
 * own random streams and its own duty-cycle ledgers, exactly as {@link MacCycle} and
 * {@link DeviceJobs} decide them for a packet job. This class replays that behaviour for every sensor
 * from a queue of its own (one entry per sensor: the earlier of its next packet and its next MAC
 * step) and hands each frame to the shared {@link RadioMedium} in time order: the medium calls
 * {@link #advanceTo} before a client's frame starts or ends and before a gateway transmits, so every
 * sensor frame that starts earlier is on the air by then, and interference, demodulation paths and
 * half-duplex losses come out as if the sensors were scheduled events. Receive windows only cost
 * energy (no downlink ever comes), so they are charged to the sensor's meter when its next step or
 * the report passes them.
 *
 * <p>The event-driven sensors ({@link SensorEngine#EVENTS}: {@link LorawanDevice}s driven by periodic
 * sources) remain the reference: {@code SensorEnginesAgreeTest} runs both on the same set-ups and
 * requires the same report, the same client frames and the same energy, to the bit. What differs is
 * the order of sensor and client actions that fall on the same microsecond (a sensor's frame start
 * is taken before a client's action at that instant; the kernel would order them by when they were
 * scheduled), and that these frames are not passed to {@link NetworkListener}s (the sensors are not
 * {@link LorawanDevice}s).
 */
final class SensorField {

    private static final long NONE = Long.MAX_VALUE;
    private static final byte IDLE = 0;
    private static final byte TX_START = 1;
    private static final byte TX_END = 2;
    private static final int WINDOW_EDGES = 4;
    /** More data rates than any region has (RP002-1.0.3: at most 16 indices, DR0-DR15). */
    private static final int MAX_DATA_RATES = 16;

    private final LorawanNetwork net;
    private final NetworkSettings settings;
    private final NetworkStats stats;
    private final RetransmissionPolicy retransmission;
    private final int firstIndex;
    private final int count;
    private final TrafficArrival arrival;
    private final long periodUs;
    private final int payloadBytes;

    private final int[] dataRate;
    private final int[] phyBytes;
    private final long[] airtimeUs;
    private final RandomGenerator[] trafficRng;
    private final RandomGenerator[] channelRng;
    private final RandomGenerator[] shadowRng;
    private final RandomGenerator[] retransmitRng;
    /** Per sensor and sub-band slot ({@code s * subBandSlots + slot}): when the sub-band opens again, µs. */
    private final long[] subBandOpenUs;
    private final int subBandSlots;
    /** Per sub-band slot: the off time after one of the sensors' frames, µs (all have the same payload). */
    private final long[][] offTimeUs;
    /** Per channel slot, scratch of {@link #freeFirst}: when the channel's sub-band allows the frame. */
    private final long[] channelOpenUs;
    /** Per data rate: the sub-band slot all its channels share, or -1 if they span several. */
    private final int[] subBandOfAll;
    private final DailyBudget[] fairUse;
    /** Per sensor: time transmitting and receiving in finished frames and receive windows, µs. */
    private final long[] txUs;
    private final long[] rxUs;
    /** Per sensor: its frame on the air, or null. */
    private final Transmission[] frames;
    /** Frames off the air, for reuse (a few sensors are on the air at once). */
    private final ArrayDeque<Transmission> spareFrames = new ArrayDeque<>();
    private final double[] rxPowerDbm;

    private final long[] nextArrivalUs;
    private final long[] macAtUs;
    private final byte[] macStep;
    private final int[] channelSlot;
    private final int[] attempts;
    private final long[] frameCounter;
    private final boolean[] frameDelivered;
    /** End of the current packet's last receive window: the sensor refuses packets up to then. */
    private final long[] busyUntilUs;
    /** Per sensor: RX1 open, RX1 close, RX2 open, RX2 close of its last attempt, µs. */
    private final long[] windowUs;
    /** Per sensor: whether the windows of its last attempt still have to be added to {@link #rxUs}. */
    private final boolean[] windowsPending;

    private final long[] offered;
    private long packetsDelivered;
    /** Lost attempts by {@link LossCause} ordinal. */
    private final long[] lost = new long[LossCause.values().length];

    /** Sensors with a frame planned or on the air, by {@link #macKey}. */
    private final SensorQueue mac;
    /** POISSON: every sensor by the time of its next packet; null under PERIODIC. */
    private final SensorQueue arrivals;
    /** PERIODIC: the sensors in the order of their packets within every period (by phase, then index); else null. */
    private final int[] periodicOrder;
    /** PERIODIC: the next sensor in {@link #periodicOrder} to get a packet. */
    private int periodicNext;
    private boolean advancing;
    /** When the sensors were created: their meters start then, µs. */
    private final long startUs;

    /**
     * @param net        the network (its medium, gateways, path losses and stats)
     * @param firstIndex the network device index of sensor 0 (the number of clients): its path losses, and
     *                   {@code net.firstDeviceId() + firstIndex} is its entity id and stream key
     * @param dataRates  each sensor's data rate, as the network's SF policy assigned it
     * @param section    period, payload and arrival of the sensors' packets
     */
    SensorField(LorawanNetwork net, int firstIndex, int[] dataRates, BackgroundSection section) {
        this.net = net;
        this.settings = net.settings();
        this.stats = net.stats();
        this.retransmission = settings.retransmission();
        this.firstIndex = firstIndex;
        this.count = dataRates.length;
        this.arrival = section.backgroundArrival();
        this.periodUs = section.periodUs();
        this.payloadBytes = section.backgroundPayload();
        Simulation model = net.simulation();
        int n = count;
        this.dataRate = dataRates.clone();
        this.phyBytes = new int[n];
        this.airtimeUs = new long[n];
        this.trafficRng = new RandomGenerator[n];
        this.channelRng = new RandomGenerator[n];
        this.shadowRng = new RandomGenerator[n];
        this.retransmitRng = new RandomGenerator[n];
        this.subBandSlots = net.subBandSlots();
        this.subBandOpenUs = new long[n * subBandSlots];
        Arrays.fill(subBandOpenUs, Long.MIN_VALUE);
        this.offTimeUs = new long[subBandSlots][];
        this.channelOpenUs = new long[net.channelCount()];
        this.subBandOfAll = new int[MAX_DATA_RATES];
        for (int dr = 0; dr < MAX_DATA_RATES; dr++) {
            subBandOfAll[dr] = dr < settings.region().dataRates().size() ? commonSubBand(net.channelSlotsFor(dr)) : -1;
        }
        this.fairUse = settings.fairUse() ? new DailyBudget[n] : null;
        this.txUs = new long[n];
        this.rxUs = new long[n];
        this.startUs = model.nowUs();
        this.frames = new Transmission[n];
        this.rxPowerDbm = new double[net.gatewayCount()];
        this.nextArrivalUs = new long[n];
        this.macAtUs = new long[n];
        this.macStep = new byte[n];
        this.channelSlot = new int[n];
        this.attempts = new int[n];
        this.frameCounter = new long[n];
        this.frameDelivered = new boolean[n];
        this.busyUntilUs = new long[n];
        this.windowUs = new long[n * WINDOW_EDGES];
        this.windowsPending = new boolean[n];
        this.offered = new long[n];
        this.mac = new SensorQueue(n);
        long nowUs = model.nowUs();
        // every sensor sends the same payload: one PHY size, one airtime per data rate
        int phy = LorawanFrame.phyPayloadBytes(payloadBytes, 0, settings.frameOverheadBytes());
        long[] airtimeByRate = new long[MAX_DATA_RATES];
        Arrays.fill(airtimeByRate, -1L);
        for (int s = 0; s < n; s++) {
            long id = net.firstDeviceId() + firstIndex + s;
            phyBytes[s] = phy;
            if (airtimeByRate[dataRate[s]] < 0) {
                airtimeByRate[dataRate[s]] = net.uplinkAirtimeUs(dataRate[s], phy);
            }
            airtimeUs[s] = airtimeByRate[dataRate[s]];
            trafficRng[s] = model.streams().of(id, "traffic");
            channelRng[s] = model.streams().of(id, "channel");
            shadowRng[s] = model.streams().of(id, "shadowing");
            if (fairUse != null) {
                fairUse[s] = new DailyBudget(settings.fairUseUplinkAirtimeUsPerDay());
            }
            busyUntilUs[s] = Long.MIN_VALUE;
            macAtUs[s] = NONE;
            nextArrivalUs[s] = nowUs + arrival.firstGapUs(trafficRng[s], periodUs);
        }
        if (arrival == TrafficArrival.PERIODIC) {
            // every sensor's packets are one period apart, so the order within each period is the first one's
            this.arrivals = null;
            this.periodicOrder = byFirstArrival(nextArrivalUs);
        } else {
            this.periodicOrder = null;
            this.arrivals = new SensorQueue(n);
            for (int s = 0; s < n; s++) {
                arrivals.push(s, nextArrivalUs[s]);
            }
        }
    }

    /**
     * Whether sensors of networks with these settings can be simulated in bulk: their frames are
     * unconfirmed, their data rate does not adapt and their battery never empties, so nothing the
     * network does reaches them.
     *
     * @param settings the network's settings
     * @return true when {@link SensorEngine#BULK} applies
     */
    static boolean supports(NetworkSettings settings) {
        return !settings.confirmed() && settings.sfPolicy() != SfPolicy.ADR
                && Double.isInfinite(settings.batteryCapacityJ());
    }

    /** @return the number of sensors */
    int count() {
        return count;
    }

    /**
     * Plays every sensor action up to {@code nowUs}, in time order (at the same microsecond a frame's
     * end comes first, as the kernel orders {@code tx-end} before other events).
     *
     * @param nowUs the time the network reached, µs
     */
    void advanceTo(long nowUs) {
        if (advancing || count == 0) {
            return;
        }
        advancing = true;
        long limit = (nowUs << 2) | 3;
        while (true) {
            long macTop = mac.topKey();
            int next = nextArrival();
            long arrivalTop = (nextArrivalUs[next] << 2) | 2;
            if (Math.min(macTop, arrivalTop) > limit) {
                break;
            }
            if (macTop < arrivalTop) {
                int s = mac.top();
                if (macStep[s] == TX_START) {
                    txStart(s, macAtUs[s]);
                } else {
                    txEnd(s, macAtUs[s]);
                }
                if (macStep[s] == IDLE) {
                    mac.pop();
                } else {
                    mac.replaceTop(macKey(s));
                }
            } else {
                boolean idle = macStep[next] == IDLE;
                arrive(next, nextArrivalUs[next]);
                if (arrivals != null) {
                    arrivals.replaceTop(nextArrivalUs[next]);
                } else {
                    periodicNext = periodicNext + 1 == count ? 0 : periodicNext + 1;
                }
                if (idle && macStep[next] != IDLE) {
                    mac.push(next, macKey(next));
                }
            }
        }
        advancing = false;
    }

    /**
     * The sensors' packets, losses and energy up to {@code nowUs}: every action up to then is played
     * and every meter advanced to then.
     *
     * @param nowUs the end of the run, µs
     * @return the report
     */
    BackgroundReport report(long nowUs) {
        advanceTo(nowUs);
        long offeredTotal = 0;
        double energyJ = 0;
        for (int s = 0; s < count; s++) {
            offeredTotal += offered[s];
            energyJ += energyJ(s, nowUs);
        }
        Map<LossCause, Long> causes = new EnumMap<>(LossCause.class);
        for (LossCause c : LossCause.values()) {
            if (lost[c.ordinal()] > 0) {
                causes.put(c, lost[c.ordinal()]);
            }
        }
        return new BackgroundReport(count, offeredTotal, packetsDelivered, energyJ, causes);
    }

    /**
     * Sensor {@code s}'s energy from the start to {@code nowUs}: its time in TX (a frame still on the air
     * counts up to now), RX (windows clipped to now) and asleep, charged by an {@link EnergyMeter} as
     * the event engine's meter charges them (the meter keeps whole microseconds per state, so the
     * order of the intervals does not change a bit of the result).
     */
    private double energyJ(int s, long nowUs) {
        long tx = txUs[s];
        if (macStep[s] == TX_END) {
            tx += nowUs - frames[s].startUs;
        }
        long rx = rxUs[s];
        if (windowsPending[s]) {
            int w = s * WINDOW_EDGES;
            rx += Math.max(0, Math.min(nowUs, windowUs[w + 1]) - windowUs[w])
                    + Math.max(0, Math.min(nowUs, windowUs[w + 3]) - windowUs[w + 2]);
        }
        long sleep = nowUs - startUs - tx - rx;
        EnergyMeter m = new EnergyMeter(settings.radio(), settings.mcu(), null, startUs);
        m.enter(startUs + sleep, RadioState.TX);
        m.enter(startUs + sleep + tx, RadioState.RX);
        m.enter(nowUs, RadioState.SLEEP);
        return DeviceEnergy.of(m, Long.MAX_VALUE).totalJ();
    }

    /** The sensors in the order of their first packets (ties: the lower index). */
    private static int[] byFirstArrival(long[] firstUs) {
        int n = firstUs.length;
        int bits = 64 - Long.numberOfLeadingZeros(Math.max(1, n - 1));
        long max = 0;
        for (long t : firstUs) {
            max = Math.max(max, t);
        }
        int[] order = new int[n];
        if (max >= 0 && max < 1L << (62 - bits)) {
            long[] keys = new long[n];
            for (int s = 0; s < n; s++) {
                keys[s] = firstUs[s] << bits | s;
            }
            Arrays.sort(keys);
            long mask = (1L << bits) - 1;
            for (int i = 0; i < n; i++) {
                order[i] = (int) (keys[i] & mask);
            }
            return order;
        }
        return IntStream.range(0, n).boxed().sorted(Comparator.<Integer>comparingLong(x -> firstUs[x])
                .thenComparingInt(x -> x)).mapToInt(Integer::intValue).toArray();
    }

    // ------------------------------------------------------------------ one sensor's steps

    /** A packet arrives: refused while the last one is still in its cycle, else its first attempt is planned. */
    private void arrive(int s, long nowUs) {
        offered[s]++;
        stats.packetsOffered++;
        if (macStep[s] != IDLE || nowUs <= busyUntilUs[s]) {
            // the kernel fires the arrival before the RX2 close of the same instant (scheduled a period earlier)
            stats.countRefusal(RefusalReason.BUSY);
        } else {
            frameCounter[s]++;
            attempts[s] = 0;
            frameDelivered[s] = false;
            planAttempt(s, nowUs);
        }
        nextArrivalUs[s] = nowUs + arrival.nextGapUs(trafficRng[s], periodUs);
    }

    /** @return the sensor whose packet comes next (ties: the lower index) */
    private int nextArrival() {
        return arrivals != null ? arrivals.top() : periodicOrder[periodicNext];
    }

    /** {@link MacCycle}'s attempt planning for a packet: the channel free first, dwell time, fair use. */
    private void planAttempt(int s, long fromUs) {
        int dr = dataRate[s];
        if (payloadBytes > net.maxFrmPayloadBytes(dr)) {
            refuse(RefusalReason.PAYLOAD_TOO_LONG);
            return;
        }
        int[] slots = net.channelSlotsFor(dr);
        long earliest;
        int chosen = slots[0];
        int commonSubBand = subBandOfAll[dr];
        if (commonSubBand >= 0) {
            // every channel of the rate in one sub-band: all open together, all tie
            earliest = Math.max(fromUs, subBandOpenUs[s * subBandSlots + commonSubBand]);
            if (slots.length > 1) {
                chosen = slots[channelRng[s].nextInt(slots.length)];
            }
        } else {
            chosen = freeFirst(s, slots, fromUs);
            earliest = channelOpenUs[chosen];
        }
        long airtime = airtimeUs[s];
        if (net.dwellTimeLimitUs(chosen) > 0 && airtime > net.dwellTimeLimitUs(chosen)) {
            refuse(RefusalReason.DWELL_TIME);
            return;
        }
        long start = earliest;
        if (fairUse != null) {
            long allowed = fairUse[s].nextAllowedUs(start, airtime);
            if (allowed == Long.MAX_VALUE) {
                refuse(RefusalReason.FAIR_USE);
                return;
            }
            start = allowed;
        }
        channelSlot[s] = chosen;
        macStep[s] = TX_START;
        macAtUs[s] = start;
    }

    /** The channel whose sub-band opens first (ties drawn from the sensor's channel stream), as {@link MacCycle} picks it. */
    private int freeFirst(int s, int[] slots, long fromUs) {
        long earliest = Long.MAX_VALUE;
        int ties = 0;
        for (int c : slots) {
            // DutyCycleLedger.nextAllowedTxUs
            long t = Math.max(fromUs, subBandOpenUs[s * subBandSlots + net.subBandSlotOfChannel(c)]);
            channelOpenUs[c] = t;
            if (t < earliest) {
                earliest = t;
                ties = 1;
            } else if (t == earliest) {
                ties++;
            }
        }
        int pick = ties == 1 ? 0 : channelRng[s].nextInt(ties);
        for (int c : slots) {
            if (channelOpenUs[c] == earliest && pick-- == 0) {
                return c;
            }
        }
        throw new IllegalStateException("no channel opens at " + earliest + " us");
    }

    private void refuse(RefusalReason reason) {
        stats.countRefusal(reason);
    }

    private void txStart(int s, long nowUs) {
        chargeWindows(s);
        long airtime = airtimeUs[s];
        int c = channelSlot[s];
        // DutyCycleLedger.recordTransmission: closed for the frame and its off time
        int subBand = net.subBandSlotOfChannel(c);
        subBandOpenUs[s * subBandSlots + subBand] = nowUs + airtime + offTimeUs(subBand, dataRate[s], airtime);
        if (fairUse != null) {
            fairUse[s].consume(nowUs, airtime);
        }
        attempts[s]++;
        if (attempts[s] > 1) {
            stats.retransmissions++;
        }
        int dr = dataRate[s];
        Transmission t = spareFrames.isEmpty() ? new Transmission(null, net.gatewayCount()) : spareFrames.pop();
        frames[s] = t;
        t.channelSlot = c;
        t.dataRate = dr;
        t.spreadingFactor = net.spreadingFactor(dr);
        t.startUs = nowUs;
        t.endUs = nowUs + airtime;
        t.symbolUs = net.symbolTimeUs(dr);
        t.phyPayloadBytes = phyBytes[s];
        t.frmPayloadBytes = payloadBytes;
        t.frameCounter = frameCounter[s];
        int device = firstIndex + s;
        for (int g = 0; g < rxPowerDbm.length; g++) {
            rxPowerDbm[g] = net.uplinkRxPowerDbm(device, g, shadowRng[s]);
        }
        net.medium().add(t, rxPowerDbm);
        stats.frameSent(dr, airtime);
        macStep[s] = TX_END;
        macAtUs[s] = t.endUs;
    }

    private void txEnd(int s, long nowUs) {
        Transmission t = frames[s];
        frames[s] = null;
        FrameOutcome outcome = net.medium().remove(t);
        txUs[s] += nowUs - t.startUs;
        stats.outcome(outcome);
        if (outcome.delivered()) {
            if (!frameDelivered[s]) {
                frameDelivered[s] = true;
                packetsDelivered++;
                stats.uniqueFramesDelivered++;
            }
        } else {
            LossCause cause = LossCause.of(outcome.asResult());
            if (cause != null) {
                lost[cause.ordinal()]++;
            }
        }
        int w = s * WINDOW_EDGES;
        long rx1 = ReceiveWindows.rx1OpenUs(nowUs, settings.receiveDelay1Us());
        long rx2 = ReceiveWindows.rx2OpenUs(nowUs, settings.receiveDelay1Us());
        windowUs[w] = rx1;
        windowUs[w + 1] = rx1 + net.emptyRx1Us(t.dataRate);
        windowUs[w + 2] = rx2;
        windowUs[w + 3] = rx2 + net.emptyRx2Us();
        windowsPending[s] = true;
        spareFrames.push(t);
        long cycleEndUs = windowUs[w + 3];
        busyUntilUs[s] = cycleEndUs;
        macStep[s] = IDLE;
        macAtUs[s] = NONE;
        if (retransmission.afterAttempt(false, attempts[s], false) == RetransmissionPolicy.Next.RETRANSMIT) {
            if (retransmitRng[s] == null) {
                retransmitRng[s] = net.simulation().streams().of(net.firstDeviceId() + firstIndex + s, "retransmit");
            }
            planAttempt(s, cycleEndUs + retransmission.retransmitDelayUs(false, retransmitRng[s]));
        }
    }

    /** Adds the receive windows of the sensor's last attempt (over by its next frame) to its RX time. */
    private void chargeWindows(int s) {
        if (windowsPending[s]) {
            int w = s * WINDOW_EDGES;
            rxUs[s] += windowUs[w + 1] - windowUs[w] + windowUs[w + 3] - windowUs[w + 2];
            windowsPending[s] = false;
        }
    }

    /** @return the sub-band slot of every channel in {@code slots}, or -1 if they are not all in one */
    private int commonSubBand(int[] slots) {
        if (slots.length == 0) {
            return -1;
        }
        int first = net.subBandSlotOfChannel(slots[0]);
        for (int c : slots) {
            if (net.subBandSlotOfChannel(c) != first) {
                return -1;
            }
        }
        return first;
    }

    /** The off time after a frame of {@code airtimeUs} at {@code dataRate} in a sub-band, computed once per pair. */
    private long offTimeUs(int subBandSlot, int dataRate, long airtimeUs) {
        long[] byRate = offTimeUs[subBandSlot];
        if (byRate == null) {
            byRate = new long[MAX_DATA_RATES];
            Arrays.fill(byRate, -1L);
            offTimeUs[subBandSlot] = byRate;
        }
        if (byRate[dataRate] < 0) {
            byRate[dataRate] = DutyCycleLedger.offTimeUs(airtimeUs, net.deviceDutyCycle(subBandSlot));
        }
        return byRate[dataRate];
    }

    // ------------------------------------------------------------------ the queue

    /** Keys order by time, then a frame's end (0) before a MAC start (1) before a packet's arrival (2). */
    private long macKey(int s) {
        return (macAtUs[s] << 2) | (macStep[s] == TX_END ? 0 : 1);
    }
}
