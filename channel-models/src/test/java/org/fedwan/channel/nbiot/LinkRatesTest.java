package org.fedwan.channel.nbiot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rates per coverage level follow from the repetition counts; peak rates against published figures. */
class LinkRatesTest {

    private static final NbiotLinkConfig LINK = NbiotLinkConfig.DEFAULT;

    @ParameterizedTest(name = "{0}: {1} bits per {2} us uplink, {3} bits per {4} us downlink")
    @CsvSource({
            // Cycles by hand from the default repetitions (NPDCCH R x 1 ms; NPUSCH N_RU x RU x reps;
            // NPDSCH N_SF x reps x 1 ms; ACK RU x reps) and the minimum gaps 8/3 ms (UL), 5/12/3 ms (DL):
            // CE0: 2 + 8 + 4 x 2 ms x 1 + 3 = 21 ms;        2 + 5 + 4 x 1 + 12 + 2 x 1 + 3 = 28 ms
            // CE1: 16 + 8 + 10 x 8 ms x 1 + 3 = 107 ms;     16 + 5 + 6 x 8 + 12 + 2 x 4 + 3 = 92 ms
            // CE2: 64 + 8 + 10 x 32 ms x 2 + 3 = 715 ms;    64 + 5 + 10 x 32 + 12 + 8 x 16 + 3 = 532 ms
            "CE0, 392,  21000, 680,  28000",
            "CE1, 424, 107000, 600,  92000",
            "CE2, 344, 715000, 424, 532000",
    })
    void goodputIsTheLargestBlockOverItsCycle(CoverageLevel level, int ulBits, long ulCycleUs, int dlBits,
            long dlCycleUs) {
        assertEquals(ulBits * 1e6 / ulCycleUs, LinkRates.uplinkGoodputBps(LINK, level), 1e-9);
        assertEquals(dlBits * 1e6 / dlCycleUs, LinkRates.downlinkGoodputBps(LINK, level), 1e-9);
    }

    @Test
    void airtimeRateIsInverselyProportionalToNpuschRepetitions() {
        CoverageLevelConfig ce2 = LINK.level(CoverageLevel.CE2);
        double oneRep = LinkRates.uplinkAirtimeRateBps(
                LINK.withLevel(CoverageLevel.CE2, ce2.withUplink(ce2.uplinkTones(), 1, 10, 1)), CoverageLevel.CE2);
        for (int reps = 1; reps <= 128; reps *= 2) {
            NbiotLinkConfig link = LINK.withLevel(CoverageLevel.CE2, ce2.withUplink(ce2.uplinkTones(), 1, 10, reps));
            assertEquals(oneRep / reps, LinkRates.uplinkAirtimeRateBps(link, CoverageLevel.CE2), 1e-9, "reps " + reps);
            // 344 bits over 10 RUs of 32 ms, repeated
            assertEquals(344 * 1e6 / (10 * 32_000.0 * reps), LinkRates.uplinkAirtimeRateBps(link, CoverageLevel.CE2),
                    1e-9);
        }
    }

    @Test
    void moreRepetitionsNeverSpeedUpAndEachLevelIsSlowerThanTheOneBefore() {
        double ce0 = LinkRates.uplinkGoodputBps(LINK, CoverageLevel.CE0);
        double ce1 = LinkRates.uplinkGoodputBps(LINK, CoverageLevel.CE1);
        double ce2 = LinkRates.uplinkGoodputBps(LINK, CoverageLevel.CE2);
        assertTrue(ce0 > ce1 && ce1 > ce2, ce0 + " > " + ce1 + " > " + ce2);
        double dce0 = LinkRates.downlinkGoodputBps(LINK, CoverageLevel.CE0);
        double dce1 = LinkRates.downlinkGoodputBps(LINK, CoverageLevel.CE1);
        double dce2 = LinkRates.downlinkGoodputBps(LINK, CoverageLevel.CE2);
        assertTrue(dce0 > dce1 && dce1 > dce2, dce0 + " > " + dce1 + " > " + dce2);
        CoverageLevelConfig ce1Config = LINK.level(CoverageLevel.CE1);
        double previous = Double.POSITIVE_INFINITY;
        for (int r = 1; r <= 2048; r *= 2) {
            NbiotLinkConfig link = LINK.withLevel(CoverageLevel.CE1, ce1Config.withDownlinkRepetitions(r, 8));
            double rate = LinkRates.downlinkGoodputBps(link, CoverageLevel.CE1);
            assertTrue(rate < previous, "NPDCCH R = " + r);
            previous = rate;
        }
    }

    @Test
    void catNb1PeakRatesMatchPublishedFigures() {
        // lpwan-facts B1: Cat-NB1 UL ~62.5 kbit/s multi-tone, DL ~26 kbit/s.
        // UL: 12 tones, I_TBS 12, 4 RUs of 1 ms = 1000 bits; 1 + 8 + 4 + 3 = 16 ms -> 62.5 kbit/s exactly.
        // DL: I_TBS 12, 3 subframes = 680 bits; 1 + 5 + 3 + 12 + 2 + 3 = 26 ms -> 26.15 kbit/s.
        CoverageLevelConfig peak = LINK.level(CoverageLevel.CE0).withDownlinkRepetitions(1, 1)
                .withUplink(UplinkTones.multiTone(12), 12, 4, 1).withDownlink(12, 3).withAckRepetitions(1);
        NbiotLinkConfig link = LINK.withLevel(CoverageLevel.CE0, peak);

        assertEquals(62_500.0, LinkRates.uplinkGoodputBps(link, CoverageLevel.CE0), 1e-9);
        assertEquals(680e6 / 26_000, LinkRates.downlinkGoodputBps(link, CoverageLevel.CE0), 1e-9);
        assertEquals(26_000.0, LinkRates.downlinkGoodputBps(link, CoverageLevel.CE0), 0.01 * 26_000.0);
    }

    @Test
    void catNb2PeakRatesAreWithinTenPercentOfPublishedFigures() {
        // lpwan-facts B1 (secondary sources): Cat-NB2 one HARQ process ~105 kbit/s UL, ~80 kbit/s DL.
        // Ours: 2536 bits in 10 x 1 ms: 1 + 8 + 10 + 3 = 22 ms -> 115.3 kbit/s; DL 2536 bits in 10 subframes:
        // 1 + 5 + 10 + 12 + 2 + 3 = 33 ms -> 76.8 kbit/s.
        CoverageLevelConfig peak = LINK.level(CoverageLevel.CE0).withDownlinkRepetitions(1, 1)
                .withUplink(UplinkTones.multiTone(12), 13, 10, 1).withDownlink(13, 10).withAckRepetitions(1);
        NbiotLinkConfig link = LINK.withCategory(DeviceCategory.NB2).withLevel(CoverageLevel.CE0, peak);

        assertEquals(2536e6 / 22_000, LinkRates.uplinkGoodputBps(link, CoverageLevel.CE0), 1e-9);
        assertEquals(105_000.0, LinkRates.uplinkGoodputBps(link, CoverageLevel.CE0), 0.10 * 105_000.0);
        assertEquals(80_000.0, LinkRates.downlinkGoodputBps(link, CoverageLevel.CE0), 0.10 * 80_000.0);
    }

    @Test
    void goodCoverageGoodputIsAboutTwentyKilobits() {
        // lpwan-facts B5: good coverage (CE0) goodput 20 kbit/s [C from U]; ours 392 bits / 21 ms = 18.7 kbit/s.
        assertEquals(20_000.0, LinkRates.uplinkGoodputBps(LINK, CoverageLevel.CE0), 0.10 * 20_000.0);
    }

    @Test
    void transferTimeAddsTheBlockCycles() {
        // 1000 bytes at CE0: 1032 link bytes = 8256 bits = 21 blocks of 392 bits + 24 bits (one RU: 88 bits).
        // 21 x 21 ms + (2 + 8 + 2 + 3) ms = 456 ms.
        assertEquals(21 * 21_000L + 15_000L, LinkRates.uplinkTransferUs(LINK, CoverageLevel.CE0, 1000));
    }

    @Test
    void broadcastSkipsTheAcknowledgement() {
        // CE2: 64 + 5 + 320 = 389 ms per 424-bit block.
        assertEquals(424e6 / 389_000, LinkRates.broadcastRateBps(LINK, CoverageLevel.CE2), 1e-9);
    }
}
