package org.fedwan.channel.nbiot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The model with its default configuration against the published figures of issue 4:
 * TR 45.820 battery life, the nRF9160 PSM-TAU event, the 10 s latency target at 164 dB.
 * Each assertion states the published figure and ours.
 */
class PublishedFiguresTest {

    private static final long S = 1_000_000L;
    private static final NbiotLinkConfig LINK = NbiotLinkConfig.DEFAULT;

    /**
     * TR 45.820-style evaluation: report, immediate release, straight back to deep sleep (no
     * T3324, no RRC tail), periodic TAU not counted; 164 dB coupling loss (CE2); 5 Wh.
     */
    private static final PowerSavingConfig TR_STYLE =
            PowerSavingConfig.DEFAULT.withRelease(0L, true).withPsm(true, 0L, 310L * 3600 * S);

    private static double lifetimeYears(int payloadBytes, long intervalUs) {
        ProcedurePlan plan = Procedures.report(LINK, CoverageLevel.CE2, TR_STYLE, ReportExchange.uplinkOnly(payloadBytes),
                true);
        double e = NbiotEnergy.reportEnergyJ(plan, NbiotPowerProfile.TR_45_820, TR_STYLE, intervalUs);
        return NbiotEnergy.lifetimeS(NbiotEnergy.TR_45_820_BATTERY_J, e, intervalUs) / NbiotEnergy.SECONDS_PER_YEAR;
    }

    @Test
    void tr45820LifetimeTwoHundredBytesEveryTwoHours() {
        // Published (lpwan-facts B4, TR 45.820 power parameters, 5 Wh): 1.7 years. Ours: 1.64 years
        // (2.50 J per report: 2.39 J connection, 0.11 J deep sleep).
        double years = lifetimeYears(200, 2 * 3600 * S);

        assertEquals(1.7, years, 0.10 * 1.7);
    }

    @Test
    void tr45820LifetimeFiftyBytesPerDay() {
        // Published: 18.1 years. Ours: 19.1 years (1.30 J connection + 1.30 J deep sleep per day).
        double years = lifetimeYears(50, 24 * 3600 * S);

        assertEquals(18.1, years, 0.10 * 18.1);
    }

    @Test
    void nrf9160PsmTauEventInGoodCoverage() {
        // Published (nRF9160 PS, Cat-NB1, 23 dBm, UICC included; UL 12 tones MCS 5, 1 RU, 1 repetition;
        // DL MCS 6, 3 subframes, 1 repetition): 550 mJ and 2.7 s.
        // Ours with those link settings at CE0, a 24-byte TAU request, a 24-byte TAU accept arriving
        // 1 s later (network processing: an assumption, the PS does not state it) and the network's
        // release right after it: 2.82 s and 0.547 J. Time is mostly resynchronisation (1.5 s) and the
        // wait for the answer (1 s), both receiving at the nRF9160's RX draw.
        CoverageLevelConfig tester = LINK.level(CoverageLevel.CE0)
                .withUplink(UplinkTones.multiTone(12), 5, 1, 1).withDownlink(6, 3);
        NbiotLinkConfig link = LINK.withLevel(CoverageLevel.CE0, tester);
        PowerSavingConfig released = PowerSavingConfig.DEFAULT.withRelease(0L, true);
        ProcedurePlan tau = Procedures.report(link, CoverageLevel.CE0, released, new ReportExchange(24, 24, 1 * S), true);

        assertEquals(2.7, tau.durationUs() / 1e6, 0.10 * 2.7);
        assertEquals(0.55, tau.energyJ(NbiotPowerProfile.NRF9160_CLASS, released), 0.10 * 0.55);
    }

    @Test
    void reportOf105BytesAt164DbMeetsTheTenSecondTarget() {
        // 3GPP target (lpwan-facts B1): 105-byte report in <= 10 s at 164 dB. Ours from PSM: 7.09 s =
        // resynchronisation 3.5 s + NPRACH wait 0.32 s + random access 0.86 s + 4 uplink blocks 2.41 s.
        // An Ericsson figure quotes about 7 s for a small UDP packet in very poor coverage.
        PowerSavingConfig rai = PowerSavingConfig.DEFAULT.withRelease(0L, true);
        ProcedurePlan fromPsm = Procedures.report(LINK, CoverageLevel.CE2, rai, ReportExchange.uplinkOnly(105), true);
        ProcedurePlan camped = Procedures.report(LINK, CoverageLevel.CE2, rai, ReportExchange.uplinkOnly(105), false);

        assertTrue(fromPsm.uplinkDeliveredUs() <= 10 * S, fromPsm.uplinkDeliveredUs() + " us");
        assertEquals(7_091_200L, fromPsm.uplinkDeliveredUs());
        assertEquals(3_500_000L, fromPsm.uplinkDeliveredUs() - camped.uplinkDeliveredUs());
        // the worst NPRACH alignment (a whole period) still meets the target
        ProcedurePlan worst = Procedures.report(LINK, CoverageLevel.CE2, rai, ReportExchange.uplinkOnly(105), true,
                LINK.level(CoverageLevel.CE2).nprachPeriodUs());
        assertTrue(worst.uplinkDeliveredUs() <= 10 * S, worst.uplinkDeliveredUs() + " us");
    }

    @Test
    void extremeCoverageGoodputIsHundredsOfBitsPerSecond() {
        // lpwan-facts B5: extreme coverage (164 dB) about 250 bit/s [C from U]; ours 344 bits / 715 ms =
        // 481 bit/s per device, 2x that estimate and within the 0.25-1 kbit/s band of the TR 45.820 fit
        // (1.7 years and 18.1 years together imply about 0.7 kbit/s of transmit time).
        double bps = LinkRates.uplinkGoodputBps(LINK, CoverageLevel.CE2);

        assertEquals(344e6 / 715_000, bps, 1e-9);
        assertTrue(bps > 250 && bps < 1000, bps + " bit/s");
    }
}
