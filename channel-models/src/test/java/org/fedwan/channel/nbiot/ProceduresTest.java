package org.fedwan.channel.nbiot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Channel durations, random access, data blocks and whole reports, against hand computations. */
class ProceduresTest {

    private static final NbiotLinkConfig LINK = NbiotLinkConfig.DEFAULT;
    private static final PowerSavingConfig RAI = PowerSavingConfig.DEFAULT.withRelease(20_000_000L, true);

    @Test
    void preambleDurationsFollowTheFormat() {
        // TS 36.211 10.1.6: 4 symbol groups of CP + 5 x 266.67 us: 5.6 ms (format 0), 6.4 ms (format 1).
        assertEquals(2 * 5_600L, Procedures.preambleUs(LINK, CoverageLevel.CE0));
        assertEquals(32 * 5_600L, Procedures.preambleUs(LINK, CoverageLevel.CE2));
        assertEquals(32 * 6_400L, Procedures.preambleUs(LINK.withNprachFormat(NprachFormat.FORMAT_1), CoverageLevel.CE2));
    }

    @Test
    void rarWindowOffsetGrowsFromSixtyFourRepetitions() {
        // TS 36.321 5.1.4: 3 subframes after the preamble, 41 when repeated >= 64 times.
        assertEquals(3_000L, Procedures.preambleToRarUs(LINK, CoverageLevel.CE2));
        CoverageLevelConfig ce2 = LINK.level(CoverageLevel.CE2).withNprach(64, 640_000L);
        assertEquals(41_000L, Procedures.preambleToRarUs(LINK.withLevel(CoverageLevel.CE2, ce2), CoverageLevel.CE2));
    }

    @Test
    void randomAccessAtCe2ByHand() {
        // NPRACH 32 x 5.6 = 179.2; gap 3; RAR DCI 64, gap 5, RAR 56 bits -> I_TBS 2 N_SF 2 (72 b) x 32 = 64;
        // gap 12; Msg3 88 bits -> I_TBS 1 N_RU 3 x 32 ms x 2 = 192; gap 3; Msg4 DCI 64, gap 5,
        // 160 bits -> N_SF 4 (176 b) x 32 = 128; gap 12; ACK 8 ms x 16 = 128; gap 3 -> 862.2 ms.
        List<Phase> phases = new ArrayList<>();
        Procedures.appendRandomAccess(LINK, CoverageLevel.CE2, phases);
        ProcedurePlan ra = new ProcedurePlan(phases, 0);

        assertEquals(862_200L, ra.durationUs());
        assertEquals(179_200L, ra.durationUs(PhaseKind.NPRACH));
        assertEquals(128_000L, ra.durationUs(PhaseKind.RAR));
        assertEquals(192_000L, ra.durationUs(PhaseKind.MSG3));
        assertEquals(192_000L, ra.durationUs(PhaseKind.MSG4));
        assertEquals(128_000L, ra.durationUs(PhaseKind.HARQ_ACK));
        assertEquals(179_200L + 192_000L + 128_000L, ra.durationUs(PowerState.TX));
        assertEquals(128_000L + 192_000L, ra.durationUs(PowerState.RX));
    }

    @Test
    void uplinkDataIsSplitIntoTheSchedulersBlocks() {
        // 105 B + 32 B overhead = 1096 bits at CE2 (I_TBS 1, up to 10 RUs = 344 bits): 3 full blocks + 64 bits (88-bit block, 3 RUs).
        List<Phase> phases = new ArrayList<>();
        int blocks = Procedures.appendUplinkData(LINK, CoverageLevel.CE2, LINK.linkBytes(105), phases);
        ProcedurePlan data = new ProcedurePlan(phases, 0);

        assertEquals(4, blocks);
        assertEquals(4, data.count(PhaseKind.UPLINK_DATA));
        assertEquals(3 * 10 * 32_000L * 2 + 3 * 32_000L * 2, data.durationUs(PhaseKind.UPLINK_DATA));
        assertEquals(4 * 64_000L, data.durationUs(PhaseKind.UPLINK_GRANT));
    }

    @Test
    void linkBytesAddOverheadPerPacket() {
        assertEquals(32L, LINK.linkBytes(0));
        assertEquals(1472L + 32L, LINK.linkBytes(1472));
        assertEquals(1473L + 64L, LINK.linkBytes(1473));
        assertEquals(6018L + 5 * 32L, LINK.linkBytes(6018));
    }

    @Test
    void reportPhasesInOrder() {
        ProcedurePlan plan = Procedures.report(LINK, CoverageLevel.CE2, RAI, ReportExchange.uplinkOnly(105), true);

        assertEquals(PhaseKind.SYNC, plan.phases().get(0).kind());
        assertEquals(PhaseKind.NPRACH_WAIT, plan.phases().get(1).kind());
        assertEquals(320_000L, plan.phases().get(1).durationUs());
        assertEquals(PhaseKind.NPRACH, plan.phases().get(2).kind());
        assertEquals(PhaseKind.HARQ_ACK, plan.phases().get(plan.phases().size() - 1).kind());
        assertEquals(0L, plan.durationUs(PhaseKind.INACTIVITY));
        // latency: sync 3500 + wait 320 + RA 862.2 + 3 x (64 + 8 + 640 + 3) + (64 + 8 + 192) = 7091.2 ms
        assertEquals(7_091_200L, plan.uplinkDeliveredUs());
    }

    @Test
    void withoutReleaseAssistanceTheInactivityTimerRuns() {
        ProcedurePlan rai = Procedures.report(LINK, CoverageLevel.CE0, RAI, ReportExchange.uplinkOnly(50), false);
        ProcedurePlan tail = Procedures.report(LINK, CoverageLevel.CE0, RAI.withRelease(20_000_000L, false),
                ReportExchange.uplinkOnly(50), false);

        assertEquals(20_000_000L, tail.durationUs() - rai.durationUs());
        assertEquals(20_000_000L, tail.durationUs(PhaseKind.INACTIVITY));
        assertEquals(rai.uplinkDeliveredUs(), tail.uplinkDeliveredUs());
        assertEquals(0L, rai.durationUs(PhaseKind.SYNC));
    }

    @Test
    void answerFollowsTheNetworkResponseTime() {
        ProcedurePlan plan = Procedures.report(LINK, CoverageLevel.CE0, RAI, new ReportExchange(20, 20, 500_000L), true,
                0L);

        assertEquals(500_000L, plan.durationUs(PhaseKind.NETWORK_WAIT));
        // 52 link bytes = 416 bits at CE0 downlink (I_TBS 10, up to 4 SF = 680 bits): N_SF 3 (504 bits)
        assertEquals(3_000L, plan.durationUs(PhaseKind.DOWNLINK_DATA));
        assertEquals(1, plan.count(PhaseKind.DOWNLINK_ASSIGNMENT));
    }

    @Test
    void negativeWaitIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> Procedures.report(LINK, CoverageLevel.CE0, RAI, ReportExchange.uplinkOnly(1), true, -1L));
        assertThrows(IllegalArgumentException.class, () -> new ReportExchange(-1, 0, 0));
    }
}
