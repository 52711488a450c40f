package org.fedwan.sim.nbiot;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.fedwan.channel.nbiot.CoverageLevel;
import org.fedwan.channel.nbiot.CoverageLevelConfig;
import org.fedwan.channel.nbiot.NbiotLinkConfig;
import org.fedwan.channel.nbiot.Procedures;
import org.fedwan.channel.nbiot.TransportBlock;
import org.fedwan.channel.nbiot.UplinkTones;
import org.fedwan.sim.kernel.Entity;
import org.fedwan.sim.kernel.ExternalEvent;
import org.fedwan.sim.kernel.Simulation;

/**
 * One NB-IoT cell: one 180 kHz carrier each way, shared by all its devices.
 *
 * <p><b>Uplink scheduler.</b> The carrier is {@value UplinkTones#CARRIER_LANES} lanes of
 * 3.75 kHz; a transport block occupies {@code tones.lanes()} of them for its NPUSCH duration
 * (12 tones: all 48; one 15 kHz tone: 4; one 3.75 kHz tone: 1). A device asks for one block at a
 * time and asks again only after that block and its 3 ms gap, so the devices with data take turns
 * (round robin in order of readiness); each request gets the lanes that free up first and the
 * earliest start at which they are all free, no earlier than the device's grant on NPDCCH plus
 * {@code k0} allows. Many simultaneous uploads therefore queue and share the carrier: this, not
 * a fixed per-device rate, makes large FL uploads slow. Not modelled: contiguity of multi-tone
 * allocations, NPRACH resources carved out of the uplink, the capacity of NPDCCH search spaces,
 * and backfilling of gaps left by earlier reservations.
 *
 * <p><b>Downlink.</b> A single server: each block occupies the carrier for its NPDCCH plus NPDSCH
 * time, in order of request. Unicast goes to one device with HARQ-ACK
 * ({@link #unicast}); single-cell point-to-multipoint (SC-PTM, Rel-14) sends the message once
 * without acknowledgement at the repetitions of the deepest coverage level among its receivers
 * ({@link #broadcast}).
 *
 * <p><b>Random access.</b> NPRACH occasions of each level recur every {@code nprachPeriodUs}
 * (from time 0). Devices pick one of the level's {@code nprachSubcarriers} preambles at random;
 * at the occasion, every preamble chosen by more than one device collides and all those devices
 * fail their attempt (no capture).
 */
public final class NbiotCell extends Entity {

    private final NbiotLinkConfig link;
    private final long[] laneBusyUntilUs = new long[UplinkTones.CARRIER_LANES];
    private final int[] laneOrder = new int[UplinkTones.CARRIER_LANES];
    private long downlinkBusyUntilUs;
    private long reservedLaneUs;
    private long downlinkBusyUs;

    private final NprachOccasion[] occasions = new NprachOccasion[CoverageLevel.values().length];
    private final int[] preambleCount = new int[48];
    private long preambles;
    private long collidedPreambles;

    private final BroadcastBlockEnd broadcastBlockEnd;
    private final List<NbiotDevice> broadcastReceivers = new ArrayList<>();
    private CoverageLevel broadcastLevel;
    private long broadcastBitsLeft;
    private long broadcastBytes;
    private long broadcastRequestedUs;
    private long broadcastBlockStartUs;
    private int broadcastBlockBits;
    private Runnable broadcastDone;

    /**
     * @param model the model
     * @param link  the cell's link configuration
     */
    public NbiotCell(Simulation model, NbiotLinkConfig link) {
        super(model, "nbiot-cell", -1);
        this.link = Objects.requireNonNull(link, "link is null");
        for (CoverageLevel level : CoverageLevel.values()) {
            occasions[level.ordinal()] = new NprachOccasion(model, level);
        }
        this.broadcastBlockEnd = new BroadcastBlockEnd(model);
    }

    /** @return the cell's link configuration */
    public NbiotLinkConfig link() {
        return link;
    }

    /**
     * @param level coverage level
     * @param nowUs current time, µs
     * @return the first NPRACH occasion of the level strictly after {@code nowUs}, µs
     */
    public long nextNprachOccasionUs(CoverageLevel level, long nowUs) {
        long period = link.level(level).nprachPeriodUs();
        return Math.floorDiv(nowUs, period) * period + period;
    }

    /**
     * Registers a preamble for the level's next occasion (which must be
     * {@link #nextNprachOccasionUs} of the registration time).
     */
    void registerPreamble(CoverageLevel level, long occasionUs, int subcarrier, NbiotDevice device) {
        NprachOccasion o = occasions[level.ordinal()];
        if (!o.isScheduled()) {
            o.scheduleAt(occasionUs);
        } else if (o.scheduledTimeUs() != occasionUs) {
            throw new IllegalStateException("preamble of " + device + " for occasion " + occasionUs
                    + " us while the occasion at " + o.scheduledTimeUs() + " us is open");
        }
        o.devices.add(device);
        o.subcarriers.add(subcarrier);
    }

    /**
     * Reserves uplink lanes for one NPUSCH transmission.
     *
     * @param lanes           3.75 kHz lanes needed, 1..48
     * @param earliestStartUs earliest start, µs
     * @param durationUs      NPUSCH duration, µs
     * @return the start of the transmission, µs, at or after {@code earliestStartUs}
     */
    long reserveUplink(int lanes, long earliestStartUs, long durationUs) {
        int n = laneBusyUntilUs.length;
        for (int i = 0; i < n; i++) {
            laneOrder[i] = i;
        }
        // insertion sort of the lane indices by busy-until time, ties by index (deterministic)
        for (int i = 1; i < n; i++) {
            int lane = laneOrder[i];
            long key = laneBusyUntilUs[lane];
            int j = i - 1;
            while (j >= 0 && laneBusyUntilUs[laneOrder[j]] > key) {
                laneOrder[j + 1] = laneOrder[j];
                j--;
            }
            laneOrder[j + 1] = lane;
        }
        long startUs = Math.max(earliestStartUs, laneBusyUntilUs[laneOrder[lanes - 1]]);
        for (int i = 0; i < lanes; i++) {
            laneBusyUntilUs[laneOrder[i]] = startUs + durationUs;
        }
        reservedLaneUs += lanes * durationUs;
        return startUs;
    }

    /**
     * Reserves the downlink carrier for one block.
     *
     * @param earliestStartUs earliest start of the block's NPDCCH, µs
     * @param occupancyUs     NPDCCH plus NPDSCH time, µs
     * @return the start of the block's NPDCCH, µs
     */
    long reserveDownlink(long earliestStartUs, long occupancyUs) {
        long startUs = Math.max(earliestStartUs, downlinkBusyUntilUs);
        downlinkBusyUntilUs = startUs + occupancyUs;
        downlinkBusyUs += occupancyUs;
        return startUs;
    }

    /**
     * Sends {@code messageBytes} to one device with acknowledgement. A device in PSM gets it after
     * its next own connection (message or periodic TAU); a device in idle is paged at its next
     * paging occasion; a dead or out-of-coverage device never gets it
     * ({@link NbiotFailure#DOWNLINK_LOST}).
     *
     * @param target       the device
     * @param messageBytes application bytes
     * @param onReceived   called once the whole message has arrived
     */
    public void unicast(NbiotDevice target, long messageBytes, Runnable onReceived) {
        target.enqueueDownlink(messageBytes, Objects.requireNonNull(onReceived, "onReceived is null"));
    }

    /**
     * Broadcasts {@code messageBytes} once (SC-PTM, no HARQ) at the repetitions and link
     * adaptation of the deepest coverage level among the reachable receivers; receivers in PSM,
     * dead or out of coverage miss it ({@link NbiotFailure#BROADCAST_MISSED}). Each reachable
     * receiver is charged RX for every block's NPDCCH and NPDSCH, on top of whatever it is doing.
     *
     * @param receivers    the devices meant to receive it
     * @param messageBytes application bytes
     * @param onDone       called when the last block has ended
     * @throws IllegalStateException if a broadcast is still running
     */
    public void broadcast(List<NbiotDevice> receivers, long messageBytes, Runnable onDone) {
        if (broadcastBlockEnd.isScheduled()) {
            throw new IllegalStateException("the cell is still broadcasting");
        }
        long nowUs = simulation().nowUs();
        broadcastReceivers.clear();
        CoverageLevel deepest = CoverageLevel.CE0;
        for (NbiotDevice d : receivers) {
            if (d.reachableForBroadcast()) {
                broadcastReceivers.add(d);
                if (d.level().ordinal() > deepest.ordinal()) {
                    deepest = d.level();
                }
            } else {
                d.missedBroadcast(nowUs);
            }
        }
        broadcastLevel = deepest;
        broadcastBytes = messageBytes;
        broadcastBitsLeft = Math.max(1L, 8L * link.linkBytes(messageBytes));
        broadcastRequestedUs = nowUs;
        broadcastDone = Objects.requireNonNull(onDone, "onDone is null");
        startBroadcastBlock(nowUs);
    }

    private void startBroadcastBlock(long nowUs) {
        CoverageLevelConfig c = link.level(broadcastLevel);
        TransportBlock b = Procedures.downlinkBlock(link, broadcastLevel, broadcastBitsLeft);
        long npdcchUs = Procedures.npdcchUs(c);
        long npdschUs = Procedures.npdschUs(c, b);
        broadcastBlockStartUs = reserveDownlink(nowUs, npdcchUs + npdschUs);
        broadcastBlockBits = b.tbsBits();
        broadcastBlockEnd.scheduleAt(broadcastBlockStartUs + npdcchUs + link.timing().dciToNpdschUs() + npdschUs);
    }

    /** @return uplink lane time reserved so far, lane-µs (divide by 48 x elapsed time for utilisation) */
    public long reservedLaneUs() {
        return reservedLaneUs;
    }

    /** @return downlink carrier time reserved so far, µs */
    public long downlinkBusyUs() {
        return downlinkBusyUs;
    }

    /** @return preambles sent so far */
    public long preambles() {
        return preambles;
    }

    /** @return preambles that collided so far */
    public long collidedPreambles() {
        return collidedPreambles;
    }

    /**
     * The NPRACH occasion of one level: resolves collisions among the preambles registered for it.
     * Priority -1, so that at its time it fires before any device event and a device acting then
     * already registers for the next occasion.
     */
    private final class NprachOccasion extends ExternalEvent {
        private final List<NbiotDevice> devices = new ArrayList<>();
        private final List<Integer> subcarriers = new ArrayList<>();

        NprachOccasion(Simulation model, CoverageLevel level) {
            super(model, "nprach-" + level, -1);
        }

        @Override
        protected void eventRoutine() {
            int n = devices.size();
            for (int i = 0; i < n; i++) {
                preambleCount[subcarriers.get(i)]++;
            }
            preambles += n;
            for (int i = 0; i < n; i++) {
                if (preambleCount[subcarriers.get(i)] > 1) {
                    devices.get(i).preambleCollided();
                    collidedPreambles++;
                }
            }
            for (int i = 0; i < n; i++) {
                preambleCount[subcarriers.get(i)] = 0;
            }
            devices.clear();
            subcarriers.clear();
        }
    }

    private final class BroadcastBlockEnd extends ExternalEvent {
        BroadcastBlockEnd(Simulation model) {
            super(model, "broadcast-block-end");
        }

        @Override
        protected void eventRoutine() {
            long nowUs = simulation().nowUs();
            CoverageLevelConfig c = link.level(broadcastLevel);
            long rxUs = Procedures.npdcchUs(c) + (nowUs - broadcastBlockStartUs - Procedures.npdcchUs(c)
                    - link.timing().dciToNpdschUs());
            for (NbiotDevice d : broadcastReceivers) {
                d.receiveBroadcastBlock(broadcastBlockStartUs, nowUs, rxUs);
            }
            broadcastBitsLeft -= broadcastBlockBits;
            if (broadcastBitsLeft > 0) {
                startBroadcastBlock(nowUs);
                return;
            }
            for (NbiotDevice d : broadcastReceivers) {
                d.broadcastDelivered(broadcastBytes, broadcastRequestedUs, nowUs);
            }
            broadcastReceivers.clear();
            Runnable done = broadcastDone;
            broadcastDone = null;
            done.run();
        }
    }
}
