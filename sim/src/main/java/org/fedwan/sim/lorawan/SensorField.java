package org.fedwan.sim.lorawan;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.random.RandomGenerator;
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
 * from queues of its own (the sensors' next MAC steps in a small heap; their packets in the fixed
 * order of their phases under periodic arrivals, in a heap under Poisson ones) and hands each frame
 * to the shared {@link RadioMedium} in time order: the medium calls {@link #advanceTo} before a
 * client's frame starts or ends and before a gateway transmits, so every sensor frame that starts
 * earlier is on the air by then, and interference, demodulation paths and half-duplex losses come
 * out as if the sensors were scheduled events. Receive windows only cost energy (no downlink ever
 * comes), so they are added to the sensor's RX time, and its energy is charged from its TX, RX and
 * sleep time at the end.
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
    /** More data rates than any region has (RP002-1.0.3: at most 16 indices, DR0-DR15). */
    private static final int MAX_DATA_RATES = 16;

    private final LorawanNetwork net;
    private final NetworkSettings settings;
    private final NetworkStats stats;
    private final RetransmissionPolicy retransmission;
    private final int count;
    private final TrafficArrival arrival;
    private final long periodUs;
    private final int payloadBytes;

    /** Every sensor's state, one object each (its fields share cache lines: a packet touches one sensor). */
    private final Sensor[] sensors;
    /** PHY payload of every sensor frame (one payload for all), bytes. */
    private final int phyBytes;
    private final int subBandSlots;
    /**
     * Per sub-band slot and data rate ({@code slot * MAX_DATA_RATES + dr}): the off time after one of
     * the sensors' frames, µs (all have the same payload), for the rates sensors use.
     */
    private final long[] offTimeUs;
    /** Per data rate the sensors use: whether their payload is too long for it. */
    private final boolean[] payloadTooLong = new boolean[MAX_DATA_RATES];
    /** Per data rate the sensors use: whether a channel of the rate has a dwell-time limit their frame exceeds. */
    private final boolean[] dwellTimeExceeded = new boolean[MAX_DATA_RATES];
    /** Per candidate channel, scratch of {@link #planAttempt}: when its sub-band allows the frame, µs. */
    private final long[] channelOpenUs;
    /** Per data rate: the sub-band slot all its channels share, or -1 if they span several. */
    private final int[] subBandOfAll;
    /** Frames off the air, for reuse (a few sensors are on the air at once). */
    private final ArrayDeque<Transmission> spareFrames = new ArrayDeque<>();
    private final double[] rxPowerDbm;

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
    /** PERIODIC: the time of the next packet of the sensor at each place of {@link #periodicOrder}, µs; else null. */
    private final long[] periodicArrivalUs;
    private boolean advancing;
    /** The smallest key of both queues when {@link #advanceTo} last returned (only it changes them). */
    private long nextKey = Long.MIN_VALUE;
    /** When the sensors were created: their meters start then, µs. */
    private final long startUs;

    /** One sensor: its streams, its ledgers, its packet and MAC step, its radio time. */
    private static final class Sensor {
        /** Network device index (path losses). */
        final int device;
        final int dataRate;
        final long airtimeUs;
        /** Its traffic stream under POISSON; null under PERIODIC, whose one draw (the phase) is made at set-up. */
        final RandomGenerator traffic;
        final RandomGenerator channel;
        final RandomGenerator shadow;
        RandomGenerator retransmit;
        /** When the sub-band of its rate's channels opens again (DutyCycleLedger), µs, where they share one. */
        long openUs;
        /** Otherwise per sub-band slot: when the sub-band opens again, µs; null where they share one. */
        final long[] subBandOpenUs;
        final DailyBudget fairUse;
        long nextArrivalUs;
        long macAtUs = NONE;
        byte macStep = IDLE;
        int channelSlot;
        int attempts;
        long frameCounter;
        boolean frameDelivered;
        /** End of its last attempt, µs (its receive windows follow; none yet: far in the past). */
        long lastEndUs = Long.MIN_VALUE;
        /** Whether the windows of the last attempt still have to be added to {@link #rxUs}. */
        boolean windowsPending;
        /** Time transmitting and receiving in finished frames and receive windows, µs. */
        long txUs;
        long rxUs;
        long offered;
        /** The frame on the air, or null. */
        Transmission frame;

        Sensor(int device, int dataRate, long airtimeUs, RandomGenerator traffic, RandomGenerator channel,
                RandomGenerator shadow, int subBandSlots, boolean oneSubBand, DailyBudget fairUse) {
            this.device = device;
            this.dataRate = dataRate;
            this.airtimeUs = airtimeUs;
            this.traffic = traffic;
            this.channel = channel;
            this.shadow = shadow;
            // 0: open from the start (simulated time is never negative)
            this.subBandOpenUs = oneSubBand ? null : new long[subBandSlots];
            this.fairUse = fairUse;
        }
    }

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
        this.count = dataRates.length;
        this.arrival = section.backgroundArrival();
        this.periodUs = section.periodUs();
        this.payloadBytes = section.backgroundPayload();
        Simulation model = net.simulation();
        int n = count;
        this.subBandSlots = net.subBandSlots();
        this.offTimeUs = new long[subBandSlots * MAX_DATA_RATES];
        this.channelOpenUs = new long[net.channelCount()];
        this.subBandOfAll = new int[MAX_DATA_RATES];
        for (int dr = 0; dr < MAX_DATA_RATES; dr++) {
            subBandOfAll[dr] = dr < settings.region().dataRates().size() ? commonSubBand(net.channelSlotsFor(dr)) : -1;
        }
        this.startUs = model.nowUs();
        this.rxPowerDbm = new double[net.gatewayCount()];
        this.mac = new SensorQueue(n);
        this.sensors = new Sensor[n];
        long nowUs = model.nowUs();
        // every sensor sends the same payload: one PHY size, one airtime per data rate
        this.phyBytes = LorawanFrame.phyPayloadBytes(payloadBytes, 0, settings.frameOverheadBytes());
        long[] airtimeByRate = new long[MAX_DATA_RATES];
        Arrays.fill(airtimeByRate, -1L);
        long[] firstArrivalUs = new long[n];
        RandomGenerator[] traffic = new RandomGenerator[n];
        RandomGenerator firstOnly = null;
        for (int s = 0; s < n; s++) {
            long id = net.firstDeviceId() + firstIndex + s;
            if (arrival == TrafficArrival.PERIODIC) {
                // the stream's one draw is the phase (TrafficArrival.nextGapUs draws nothing): one generator for all
                firstOnly = model.streams().reuse(firstOnly, id, "traffic");
                firstArrivalUs[s] = nowUs + arrival.firstGapUs(firstOnly, periodUs);
            } else {
                traffic[s] = model.streams().of(id, "traffic");
                firstArrivalUs[s] = nowUs + arrival.firstGapUs(traffic[s], periodUs);
            }
        }
        // every sensor's packets are one period apart (PERIODIC), so the order within each period is the first one's
        this.periodicOrder = arrival == TrafficArrival.PERIODIC ? SensorQueue.inOrder(firstArrivalUs) : null;
        // created in that order, a sensor's state lies next to the one whose packet comes before it in memory
        for (int k = 0; k < n; k++) {
            int s = periodicOrder != null ? periodicOrder[k] : k;
            long id = net.firstDeviceId() + firstIndex + s;
            int dr = dataRates[s];
            if (airtimeByRate[dr] < 0) {
                airtimeByRate[dr] = net.uplinkAirtimeUs(dr, phyBytes);
                describeRate(dr, airtimeByRate[dr]);
            }
            Sensor x = new Sensor(firstIndex + s, dr, airtimeByRate[dr], traffic[s], model.streams().of(id, "channel"),
                    model.streams().of(id, "shadowing"), subBandSlots, subBandOfAll[dr] >= 0,
                    settings.fairUse() ? new DailyBudget(settings.fairUseUplinkAirtimeUsPerDay()) : null);
            x.nextArrivalUs = firstArrivalUs[s];
            sensors[s] = x;
        }
        if (periodicOrder != null) {
            this.arrivals = null;
            this.periodicArrivalUs = new long[n];
            for (int k = 0; k < n; k++) {
                periodicArrivalUs[k] = firstArrivalUs[periodicOrder[k]];
            }
        } else {
            this.periodicArrivalUs = null;
            this.arrivals = new SensorQueue(n);
            for (int s = 0; s < n; s++) {
                arrivals.push(s, firstArrivalUs[s]);
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
        long limit = (nowUs << 2) | 3;
        if (advancing || count == 0 || nextKey > limit) {
            return; // most calls: no sensor acts before the device does
        }
        advancing = true;
        while (true) {
            long macTop = mac.topKey();
            // the next packet's time from a dense array or the heap's key: its sensor is touched only when it arrives
            long arrivalTop = ((arrivals != null ? arrivals.topKey() : periodicArrivalUs[periodicNext]) << 2) | 2;
            if (Math.min(macTop, arrivalTop) > limit) {
                nextKey = Math.min(macTop, arrivalTop);
                break;
            }
            if (macTop < arrivalTop) {
                Sensor x = sensors[mac.top()];
                if (x.macStep == TX_START) {
                    txStart(x, x.macAtUs);
                } else {
                    txEnd(x, x.macAtUs);
                }
                if (x.macStep == IDLE) {
                    mac.pop();
                } else {
                    mac.replaceTop(macKey(x));
                }
            } else {
                int next = nextArrival();
                Sensor arriving = sensors[next];
                boolean idle = arriving.macStep == IDLE;
                long arrivalUs = arriving.nextArrivalUs;
                arrive(arriving, arrivalUs);
                if (arrivals != null) {
                    arrivals.replaceTop(arriving.nextArrivalUs);
                } else {
                    periodicArrivalUs[periodicNext] = arriving.nextArrivalUs;
                    periodicNext = periodicNext + 1 == count ? 0 : periodicNext + 1;
                }
                if (idle && arriving.macStep != IDLE) {
                    if (arriving.macAtUs == arrivalUs) {
                        // on the air at once: its start (t, 1) is now the smallest key, so it goes next anyway
                        txStart(arriving, arrivalUs);
                    }
                    mac.push(next, macKey(arriving));
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
        // sensors with the same radio times have the same energy: each pair is charged once (an open-addressing table)
        int capacity = Integer.highestOneBit(Math.max(8, count) * 2 - 1) << 1;
        long[] knownTxUs = new long[capacity];
        long[] knownRxUs = new long[capacity];
        double[] knownJ = new double[capacity];
        boolean[] known = new boolean[capacity];
        for (Sensor x : sensors) {
            offeredTotal += x.offered;
            long tx = txUs(x, nowUs);
            long rx = rxUs(x, nowUs);
            long h = (tx * 0x9E3779B97F4A7C15L ^ rx) * 0xBF58476D1CE4E5B9L; // Fibonacci and SplitMix64 multipliers
            int slot = (int) (h >>> 40) & (capacity - 1);
            while (known[slot] && (knownTxUs[slot] != tx || knownRxUs[slot] != rx)) {
                slot = (slot + 1) & (capacity - 1);
            }
            if (!known[slot]) {
                known[slot] = true;
                knownTxUs[slot] = tx;
                knownRxUs[slot] = rx;
                knownJ[slot] = energyJ(tx, rx, nowUs);
            }
            energyJ += knownJ[slot];
        }
        Map<LossCause, Long> causes = new EnumMap<>(LossCause.class);
        for (LossCause c : LossCause.values()) {
            if (lost[c.ordinal()] > 0) {
                causes.put(c, lost[c.ordinal()]);
            }
        }
        return new BackgroundReport(count, offeredTotal, packetsDelivered, energyJ, causes);
    }

    /** Sensor {@code x}'s time transmitting since the start (a frame still on the air counts up to now), µs. */
    private static long txUs(Sensor x, long nowUs) {
        return x.macStep == TX_END ? x.txUs + nowUs - x.frame.startUs : x.txUs;
    }

    /** Sensor {@code x}'s time receiving since the start (windows clipped to now), µs. */
    private long rxUs(Sensor x, long nowUs) {
        long rx = x.rxUs;
        if (x.windowsPending) {
            rx += Math.max(0, Math.min(nowUs, rx1CloseUs(x)) - rx1OpenUs(x))
                    + Math.max(0, Math.min(nowUs, rx2CloseUs(x)) - rx2OpenUs(x));
        }
        return rx;
    }

    /**
     * The energy of a sensor with these radio times from the start to {@code nowUs}, asleep otherwise,
     * charged by an {@link EnergyMeter} as the event engine's meter charges it (the meter keeps whole
     * microseconds per state, so the order of the intervals does not change a bit of the result).
     */
    private double energyJ(long txUs, long rxUs, long nowUs) {
        long sleep = nowUs - startUs - txUs - rxUs;
        EnergyMeter m = new EnergyMeter(settings.radio(), settings.mcu(), null, startUs);
        m.enter(startUs + sleep, RadioState.TX);
        m.enter(startUs + sleep + txUs, RadioState.RX);
        m.enter(nowUs, RadioState.SLEEP);
        return DeviceEnergy.of(m, Long.MAX_VALUE).totalJ();
    }

    // ------------------------------------------------------------------ one sensor's steps

    /** A packet arrives: refused while the last one is still in its cycle, else its first attempt is planned. */
    private void arrive(Sensor x, long nowUs) {
        x.offered++;
        stats.packetsOffered++;
        if (x.macStep != IDLE || nowUs <= rx2CloseUs(x)) {
            // the kernel fires the arrival before the RX2 close of the same instant (scheduled a period earlier)
            stats.countRefusal(RefusalReason.BUSY);
        } else {
            x.frameCounter++;
            x.attempts = 0;
            x.frameDelivered = false;
            planAttempt(x, nowUs);
        }
        x.nextArrivalUs = nowUs + arrival.nextGapUs(x.traffic, periodUs);
    }

    /** @return the sensor whose packet comes next (ties: the lower index) */
    private int nextArrival() {
        return arrivals != null ? arrivals.top() : periodicOrder[periodicNext];
    }

    /** {@link MacCycle}'s attempt planning for a packet: the channel free first, dwell time, fair use. */
    private void planAttempt(Sensor x, long fromUs) {
        int dr = x.dataRate;
        if (payloadTooLong[dr]) {
            refuse(RefusalReason.PAYLOAD_TOO_LONG);
            return;
        }
        int[] slots = net.channelSlotsFor(dr);
        long earliest;
        int chosen = slots[0];
        int commonSubBand = subBandOfAll[dr];
        if (commonSubBand >= 0) {
            // every channel of the rate in one sub-band: all open together, all tie
            earliest = Math.max(fromUs, x.openUs);
            if (slots.length > 1) {
                chosen = slots[x.channel.nextInt(slots.length)];
            }
        } else {
            for (int k = 0; k < slots.length; k++) {
                // DutyCycleLedger.nextAllowedTxUs
                channelOpenUs[k] = Math.max(fromUs, x.subBandOpenUs[net.subBandSlotOfChannel(slots[k])]);
            }
            int k = MacCycle.freeFirst(channelOpenUs, slots.length, x.channel);
            chosen = slots[k];
            earliest = channelOpenUs[k];
        }
        long airtime = x.airtimeUs;
        if (dwellTimeExceeded[dr] && net.dwellTimeLimitUs(chosen) > 0 && airtime > net.dwellTimeLimitUs(chosen)) {
            refuse(RefusalReason.DWELL_TIME);
            return;
        }
        long start = earliest;
        if (x.fairUse != null) {
            long allowed = x.fairUse.nextAllowedUs(start, airtime);
            if (allowed == Long.MAX_VALUE) {
                refuse(RefusalReason.FAIR_USE);
                return;
            }
            start = allowed;
        }
        x.channelSlot = chosen;
        x.macStep = TX_START;
        x.macAtUs = start;
    }

    private void refuse(RefusalReason reason) {
        stats.countRefusal(reason);
    }

    private void txStart(Sensor x, long nowUs) {
        chargeWindows(x);
        long airtime = x.airtimeUs;
        int c = x.channelSlot;
        int dr = x.dataRate;
        // DutyCycleLedger.recordTransmission: closed for the frame and its off time
        int subBand = net.subBandSlotOfChannel(c);
        long openAgainUs = nowUs + airtime + offTimeUs[subBand * MAX_DATA_RATES + dr];
        if (x.subBandOpenUs == null) {
            x.openUs = openAgainUs;
        } else {
            x.subBandOpenUs[subBand] = openAgainUs;
        }
        if (x.fairUse != null) {
            x.fairUse.consume(nowUs, airtime);
        }
        x.attempts++;
        if (x.attempts > 1) {
            stats.retransmissions++;
        }
        Transmission t = spareFrames.isEmpty() ? new Transmission(null, net.gatewayCount()) : spareFrames.pop();
        x.frame = t;
        t.goesOnAir(net, c, dr, nowUs, airtime);
        t.phyPayloadBytes = phyBytes;
        t.frmPayloadBytes = payloadBytes;
        t.frameCounter = x.frameCounter;
        for (int g = 0; g < rxPowerDbm.length; g++) {
            rxPowerDbm[g] = net.uplinkRxPowerDbm(x.device, g, x.shadow);
        }
        net.medium().add(t, rxPowerDbm);
        stats.frameSent(dr, airtime);
        x.macStep = TX_END;
        x.macAtUs = t.endUs;
    }

    private void txEnd(Sensor x, long nowUs) {
        Transmission t = x.frame;
        x.frame = null;
        FrameOutcome outcome = net.medium().remove(t);
        x.txUs += nowUs - t.startUs;
        stats.outcome(outcome);
        if (outcome.delivered()) {
            if (!x.frameDelivered) {
                x.frameDelivered = true;
                packetsDelivered++;
                stats.uniqueFramesDelivered++;
            }
        } else {
            LossCause cause = LossCause.of(outcome.asResult());
            if (cause != null) {
                lost[cause.ordinal()]++;
            }
        }
        x.lastEndUs = nowUs; // its windows open now; until RX2 closes it refuses packets
        x.windowsPending = true;
        spareFrames.push(t);
        x.macStep = IDLE;
        x.macAtUs = NONE;
        if (retransmission.afterAttempt(false, x.attempts, false) == RetransmissionPolicy.Next.RETRANSMIT) {
            if (x.retransmit == null) {
                x.retransmit = net.simulation().streams().of(net.firstDeviceId() + x.device, "retransmit");
            }
            planAttempt(x, rx2CloseUs(x) + retransmission.retransmitDelayUs(false, x.retransmit));
        }
    }

    /** Adds the receive windows of the sensor's last attempt (over by its next frame) to its RX time. */
    private void chargeWindows(Sensor x) {
        if (x.windowsPending) {
            x.rxUs += rx1CloseUs(x) - rx1OpenUs(x) + rx2CloseUs(x) - rx2OpenUs(x);
            x.windowsPending = false;
        }
    }

    /** The receive windows after sensor {@code x}'s last attempt (none ever carries a downlink), µs. */
    private long rx1OpenUs(Sensor x) {
        return ReceiveWindows.rx1OpenUs(x.lastEndUs, settings.receiveDelay1Us());
    }

    private long rx1CloseUs(Sensor x) {
        return rx1OpenUs(x) + net.emptyRx1Us(x.dataRate);
    }

    private long rx2OpenUs(Sensor x) {
        return ReceiveWindows.rx2OpenUs(x.lastEndUs, settings.receiveDelay1Us());
    }

    private long rx2CloseUs(Sensor x) {
        return rx2OpenUs(x) + net.emptyRx2Us();
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

    /** Fills the tables of data rate {@code dr}, the first time a sensor uses it: off times, payload and dwell-time checks. */
    private void describeRate(int dr, long airtimeUs) {
        for (int slot = 0; slot < subBandSlots; slot++) {
            offTimeUs[slot * MAX_DATA_RATES + dr] = DutyCycleLedger.offTimeUs(airtimeUs, net.deviceDutyCycle(slot));
        }
        payloadTooLong[dr] = payloadBytes > net.maxFrmPayloadBytes(dr);
        for (int c : net.channelSlotsFor(dr)) {
            dwellTimeExceeded[dr] |= net.dwellTimeLimitUs(c) > 0 && airtimeUs > net.dwellTimeLimitUs(c);
        }
    }

    // ------------------------------------------------------------------ the queue

    /** Keys order by time, then a frame's end (0) before a MAC start (1) before a packet's arrival (2). */
    private static long macKey(Sensor x) {
        return (x.macAtUs << 2) | (x.macStep == TX_END ? 0 : 1);
    }
}
