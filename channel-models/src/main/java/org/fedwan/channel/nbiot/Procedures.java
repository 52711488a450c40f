package org.fedwan.channel.nbiot;

import java.util.ArrayList;
import java.util.List;

/**
 * Durations and phase sequences of the NB-IoT procedures, as pure functions of the link
 * configuration: channel durations with repetitions, one transport block's scheduling cycle,
 * random access, data transfer, release, and a whole report.
 *
 * <p>Channel durations (3GPP TS 36.211, TS 36.213 16):
 * <pre>
 * NPRACH    = repetitions x preamble repetition (5.6 ms format 0, 6.4 ms format 1)
 * NPDCCH    = R subframes (one DCI repetition per 1 ms subframe)
 * NPDSCH    = N_SF x repetitions subframes
 * NPUSCH    = N_RU x RU duration x repetitions (RU: 32, 8, 4, 2, 1 ms, see UplinkTones)
 * HARQ-ACK  = format-2 RU (8 ms at 3.75 kHz, 2 ms at 15 kHz) x ACK repetitions
 * </pre>
 * Scheduling cycle of one uplink transport block (one HARQ process, Rel-13):
 * {@code NPDCCH + dciToNpusch + NPUSCH + uplinkToNextDci}; of one downlink block with
 * acknowledgement: {@code NPDCCH + dciToNpdsch + NPDSCH + npdschToAck + HARQ-ACK + uplinkToNextDci}
 * ({@link HarqTiming}). With the standard's minimum gaps a Cat-NB1 device at the largest
 * multi-tone block (1000 bits in 4 ms) reaches 1000 bits / 16 ms = 62.5 kbit/s and at the largest
 * downlink block (680 bits in 3 ms) 680 bits / 26 ms = 26.2 kbit/s, the published peak rates
 * (lpwan-facts B1).
 *
 * <p>Random access (TS 36.321 5.1): preamble, RAR window offset, RAR (NPDCCH + NPDSCH), Msg3 after
 * {@code rarToMsg3}, Msg4 (NPDCCH + NPDSCH) and its HARQ-ACK. The device's power state during
 * each gap is {@link PowerState#CONNECTED_IDLE}.
 */
public final class Procedures {

    /** One LTE subframe, µs. */
    public static final long SUBFRAME_US = 1_000L;

    private Procedures() {
    }

    /** @return NPDCCH duration of one DCI at the level, µs */
    public static long npdcchUs(CoverageLevelConfig c) {
        return c.npdcchRepetitions() * SUBFRAME_US;
    }

    /** @return NPDSCH duration of {@code block} with the level's repetitions, µs */
    public static long npdschUs(CoverageLevelConfig c, TransportBlock block) {
        return (long) block.units() * c.npdschRepetitions() * SUBFRAME_US;
    }

    /** @return NPUSCH format 1 duration of {@code block} with the level's tones and repetitions, µs */
    public static long npuschUs(CoverageLevelConfig c, TransportBlock block) {
        return block.units() * c.uplinkTones().resourceUnitUs() * c.npuschRepetitions();
    }

    /** @return NPUSCH format 2 (HARQ-ACK) duration with the level's ACK repetitions, µs */
    public static long harqAckUs(CoverageLevelConfig c) {
        return c.uplinkTones().ackResourceUnitUs() * c.ackRepetitions();
    }

    /** @return NPRACH duration of one attempt (all repetitions), µs */
    public static long preambleUs(NbiotLinkConfig link, CoverageLevel level) {
        return link.level(level).nprachRepetitions() * link.nprachFormat().repetitionUs();
    }

    /** @return gap from the end of the preamble to the RAR window: 41 ms for 64 or more repetitions, else 3 ms (defaults) */
    public static long preambleToRarUs(NbiotLinkConfig link, CoverageLevel level) {
        return link.level(level).nprachRepetitions() >= 64 ? link.timing().longPreambleToRarUs()
                : link.timing().preambleToRarUs();
    }

    /**
     * @param link  link configuration
     * @param level coverage level
     * @param bits  bits still to send, at least 1
     * @return the uplink transport block the scheduler picks for them
     */
    public static TransportBlock uplinkBlock(NbiotLinkConfig link, CoverageLevel level, long bits) {
        CoverageLevelConfig c = link.level(level);
        return TransportBlockSizes.uplinkBlock(c.uplinkTbsIndex(), c.uplinkMaxResourceUnits(),
                (int) Math.min(bits, Integer.MAX_VALUE), link.category());
    }

    /**
     * @param link  link configuration
     * @param level coverage level
     * @param bits  bits still to send, at least 1
     * @return the downlink transport block the scheduler picks for them
     */
    public static TransportBlock downlinkBlock(NbiotLinkConfig link, CoverageLevel level, long bits) {
        CoverageLevelConfig c = link.level(level);
        return TransportBlockSizes.downlinkBlock(c.downlinkTbsIndex(), c.downlinkMaxSubframes(),
                (int) Math.min(bits, Integer.MAX_VALUE), link.category());
    }

    /** @return the largest uplink block of the level */
    public static TransportBlock largestUplinkBlock(NbiotLinkConfig link, CoverageLevel level) {
        return uplinkBlock(link, level, Integer.MAX_VALUE);
    }

    /** @return the largest downlink block of the level */
    public static TransportBlock largestDownlinkBlock(NbiotLinkConfig link, CoverageLevel level) {
        return downlinkBlock(link, level, Integer.MAX_VALUE);
    }

    /** @return {@code NPDCCH + dciToNpusch + NPUSCH + uplinkToNextDci} for {@code block}, µs */
    public static long uplinkCycleUs(NbiotLinkConfig link, CoverageLevel level, TransportBlock block) {
        CoverageLevelConfig c = link.level(level);
        HarqTiming t = link.timing();
        return npdcchUs(c) + t.dciToNpuschUs() + npuschUs(c, block) + t.uplinkToNextDciUs();
    }

    /**
     * @return {@code NPDCCH + dciToNpdsch + NPDSCH}, plus {@code npdschToAck + HARQ-ACK +
     *         uplinkToNextDci} when acknowledged, for {@code block}, µs
     */
    public static long downlinkCycleUs(NbiotLinkConfig link, CoverageLevel level, TransportBlock block,
            boolean acknowledged) {
        CoverageLevelConfig c = link.level(level);
        HarqTiming t = link.timing();
        long us = npdcchUs(c) + t.dciToNpdschUs() + npdschUs(c, block);
        if (acknowledged) {
            us += t.npdschToAckUs() + harqAckUs(c) + t.uplinkToNextDciUs();
        }
        return us;
    }

    /** Appends resynchronisation after PSM (RX for the level's {@code syncUs}). */
    public static void appendSync(NbiotLinkConfig link, CoverageLevel level, List<Phase> out) {
        out.add(new Phase(PhaseKind.SYNC, PowerState.RX, link.level(level).syncUs()));
    }

    /**
     * Appends random access from the start of the preamble to the end of the HARQ-ACK of Msg4
     * and the following no-monitoring gap: NPRACH, RAR, Msg3, Msg4, ACK.
     */
    public static void appendRandomAccess(NbiotLinkConfig link, CoverageLevel level, List<Phase> out) {
        CoverageLevelConfig c = link.level(level);
        HarqTiming t = link.timing();
        SignallingSizes s = link.signalling();
        out.add(new Phase(PhaseKind.NPRACH, PowerState.TX, preambleUs(link, level)));
        out.add(gap(preambleToRarUs(link, level)));
        out.add(new Phase(PhaseKind.RAR, PowerState.RX, npdcchUs(c)));
        out.add(gap(t.dciToNpdschUs()));
        out.add(new Phase(PhaseKind.RAR, PowerState.RX, npdschUs(c, downlinkBlock(link, level, s.rarBits()))));
        out.add(gap(t.rarToMsg3Us()));
        out.add(new Phase(PhaseKind.MSG3, PowerState.TX, npuschUs(c, uplinkBlock(link, level, s.msg3Bits()))));
        out.add(gap(t.uplinkToNextDciUs()));
        out.add(new Phase(PhaseKind.MSG4, PowerState.RX, npdcchUs(c)));
        out.add(gap(t.dciToNpdschUs()));
        out.add(new Phase(PhaseKind.MSG4, PowerState.RX, npdschUs(c, downlinkBlock(link, level, s.msg4Bits()))));
        out.add(gap(t.npdschToAckUs()));
        out.add(new Phase(PhaseKind.HARQ_ACK, PowerState.TX, harqAckUs(c)));
        out.add(gap(t.uplinkToNextDciUs()));
    }

    /** Appends one uplink transport block: grant, gap, NPUSCH, gap. */
    public static void appendUplinkBlock(NbiotLinkConfig link, CoverageLevel level, TransportBlock block,
            List<Phase> out) {
        CoverageLevelConfig c = link.level(level);
        HarqTiming t = link.timing();
        out.add(new Phase(PhaseKind.UPLINK_GRANT, PowerState.RX, npdcchUs(c)));
        out.add(gap(t.dciToNpuschUs()));
        out.add(new Phase(PhaseKind.UPLINK_DATA, PowerState.TX, npuschUs(c, block)));
        out.add(gap(t.uplinkToNextDciUs()));
    }

    /**
     * Appends the transport blocks that carry {@code linkBytes} uplink, each the block the
     * scheduler picks for the bits still to send.
     *
     * @return the number of blocks
     */
    public static int appendUplinkData(NbiotLinkConfig link, CoverageLevel level, long linkBytes, List<Phase> out) {
        long bits = Math.max(1L, 8L * linkBytes);
        int blocks = 0;
        while (bits > 0) {
            TransportBlock b = uplinkBlock(link, level, bits);
            appendUplinkBlock(link, level, b, out);
            bits -= b.tbsBits();
            blocks++;
        }
        return blocks;
    }

    /** Appends one downlink transport block: assignment, gap, NPDSCH and, when acknowledged, gap, HARQ-ACK, gap. */
    public static void appendDownlinkBlock(NbiotLinkConfig link, CoverageLevel level, TransportBlock block,
            boolean acknowledged, PhaseKind kind, List<Phase> out) {
        CoverageLevelConfig c = link.level(level);
        HarqTiming t = link.timing();
        PhaseKind dci = kind == PhaseKind.DOWNLINK_DATA ? PhaseKind.DOWNLINK_ASSIGNMENT : kind;
        out.add(new Phase(dci, PowerState.RX, npdcchUs(c)));
        out.add(gap(t.dciToNpdschUs()));
        out.add(new Phase(kind, PowerState.RX, npdschUs(c, block)));
        if (acknowledged) {
            out.add(gap(t.npdschToAckUs()));
            out.add(new Phase(PhaseKind.HARQ_ACK, PowerState.TX, harqAckUs(c)));
            out.add(gap(t.uplinkToNextDciUs()));
        }
    }

    /**
     * Appends the downlink transport blocks that carry {@code linkBytes}.
     *
     * @return the number of blocks
     */
    public static int appendDownlinkData(NbiotLinkConfig link, CoverageLevel level, long linkBytes,
            boolean acknowledged, List<Phase> out) {
        long bits = Math.max(1L, 8L * linkBytes);
        int blocks = 0;
        while (bits > 0) {
            TransportBlock b = downlinkBlock(link, level, bits);
            appendDownlinkBlock(link, level, b, acknowledged, PhaseKind.DOWNLINK_DATA, out);
            bits -= b.tbsBits();
            blocks++;
        }
        return blocks;
    }

    /** Appends the RRC connection release (assignment, release message, its HARQ-ACK). */
    public static void appendRelease(NbiotLinkConfig link, CoverageLevel level, List<Phase> out) {
        CoverageLevelConfig c = link.level(level);
        HarqTiming t = link.timing();
        out.add(new Phase(PhaseKind.RELEASE, PowerState.RX, npdcchUs(c)));
        out.add(gap(t.dciToNpdschUs()));
        out.add(new Phase(PhaseKind.RELEASE, PowerState.RX,
                npdschUs(c, downlinkBlock(link, level, link.signalling().releaseBits()))));
        out.add(gap(t.npdschToAckUs()));
        out.add(new Phase(PhaseKind.HARQ_ACK, PowerState.TX, harqAckUs(c)));
    }

    /**
     * One connection from wake-up to release, for one report (lpwan-facts B4 {@code E_CP} plus
     * the RRC tail): resynchronisation when waking from PSM, the wait for an NPRACH occasion,
     * random access, the uplink data, the optional answer after the network's response time,
     * the inactivity timer unless release assistance is used, and the release. Idle time
     * (T3324) and PSM follow the plan; see {@link NbiotEnergy}.
     *
     * @param link         link configuration
     * @param level        coverage level of the device
     * @param ps           release behaviour (inactivity timer, release assistance)
     * @param exchange     application bytes both ways
     * @param fromPsm      whether the device wakes from PSM (and must resynchronise)
     * @param nprachWaitUs time from being ready to the NPRACH occasion, µs; half the NPRACH
     *                     period is the mean for a uniformly random start
     * @return the plan
     */
    public static ProcedurePlan report(NbiotLinkConfig link, CoverageLevel level, PowerSavingConfig ps,
            ReportExchange exchange, boolean fromPsm, long nprachWaitUs) {
        return report(link, level, ps, exchange, fromPsm, nprachWaitUs, 0.0);
    }

    /**
     * The mean connection with block errors: as {@link #report(NbiotLinkConfig, CoverageLevel,
     * PowerSavingConfig, ReportExchange, boolean, long)}, with every phase of each uplink and
     * downlink data block's cycle (grant or assignment, NPUSCH or NPDSCH, HARQ-ACK and the gaps)
     * lasting {@link BlockErrorModel#expectedTransmissions} times as long (rounded to the µs):
     * the mean airtime and energy of retransmitting a block until it arrives. With
     * {@code blockErrorRate} 0 the plan is the error-free one.
     *
     * @param blockErrorRate BLER of the device's data blocks, 0 to below 1
     *                       ({@link NbiotLinkConfig#blockErrorRate})
     * @return the plan; its delivery time is the mean end of the last uplink block
     */
    public static ProcedurePlan report(NbiotLinkConfig link, CoverageLevel level, PowerSavingConfig ps,
            ReportExchange exchange, boolean fromPsm, long nprachWaitUs, double blockErrorRate) {
        if (nprachWaitUs < 0) {
            throw new IllegalArgumentException("nprachWaitUs = " + nprachWaitUs + " is not allowed; allowed: >= 0");
        }
        double transmissions = BlockErrorModel.expectedTransmissions(blockErrorRate);
        List<Phase> phases = new ArrayList<>();
        if (fromPsm) {
            appendSync(link, level, phases);
        }
        phases.add(new Phase(PhaseKind.NPRACH_WAIT, PowerState.CONNECTED_IDLE, nprachWaitUs));
        appendRandomAccess(link, level, phases);
        List<Phase> data = new ArrayList<>();
        appendUplinkData(link, level, link.linkBytes(exchange.uplinkBytes()), data);
        appendScaled(data, transmissions, phases);
        long deliveredUs = 0;
        for (Phase p : phases) {
            deliveredUs += p.durationUs();
        }
        // the last uplink block is delivered when its NPUSCH ends, before the trailing gap
        deliveredUs -= phases.get(phases.size() - 1).durationUs();
        if (exchange.downlinkBytes() > 0) {
            phases.add(new Phase(PhaseKind.NETWORK_WAIT, PowerState.CONNECTED_IDLE, exchange.networkResponseUs()));
            data.clear();
            appendDownlinkData(link, level, link.linkBytes(exchange.downlinkBytes()), true, data);
            appendScaled(data, transmissions, phases);
        }
        if (!ps.releaseAssistance()) {
            phases.add(new Phase(PhaseKind.INACTIVITY, PowerState.CONNECTED_IDLE, ps.inactivityTimerUs()));
        }
        appendRelease(link, level, phases);
        return new ProcedurePlan(phases, deliveredUs);
    }

    private static void appendScaled(List<Phase> phases, double factor, List<Phase> out) {
        if (factor == 1.0) {
            out.addAll(phases);
            return;
        }
        for (Phase p : phases) {
            out.add(new Phase(p.kind(), p.state(), Math.round(p.durationUs() * factor)));
        }
    }

    /**
     * {@link #report} with the mean NPRACH wait, half the level's NPRACH period.
     */
    public static ProcedurePlan report(NbiotLinkConfig link, CoverageLevel level, PowerSavingConfig ps,
            ReportExchange exchange, boolean fromPsm) {
        return report(link, level, ps, exchange, fromPsm, link.level(level).nprachPeriodUs() / 2);
    }

    private static Phase gap(long us) {
        return new Phase(PhaseKind.GAP, PowerState.CONNECTED_IDLE, us);
    }
}
