package org.fedwan.channel.nbiot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The BLER at the coverage edge and its fall with margin, worked by hand. */
class BlockErrorModelTest {

    private static final CoverageThresholds TR = CoverageThresholds.TR_45_820;

    @Test
    void tenPercentAtEachLevelsBoundAndADecadePerTwoDbBelowIt() {
        BlockErrorModel m = BlockErrorModel.EDGE_10_PERCENT;

        assertEquals(0.10, m.bler(TR, 164.0), 1e-15);
        assertEquals(0.10, m.bler(TR, 154.0), 1e-15);
        assertEquals(0.10, m.bler(TR, 144.0), 1e-15);
        assertEquals(0.01, m.bler(TR, 162.0), 1e-15);
        assertEquals(0.001, m.bler(TR, 150.0), 1e-15);
        // 144.5 dB is in CE1, 9.5 dB below its bound: 0.1 x 10^-4.75
        assertEquals(0.1 * Math.pow(10, -4.75), m.bler(TR, 144.5), 1e-18);
    }

    @Test
    void noErrorsWithoutTheModelOrOutOfCoverage() {
        assertEquals(0.0, BlockErrorModel.NONE.bler(TR, 164.0));
        assertEquals(0.0, BlockErrorModel.EDGE_10_PERCENT.bler(TR, 170.0));
    }

    @Test
    void meanTransmissionsAreOneOverOneMinusBler() {
        assertEquals(1.0, BlockErrorModel.expectedTransmissions(0.0));
        assertEquals(1.0 / 0.9, BlockErrorModel.expectedTransmissions(0.1), 1e-15);
        assertEquals(2.0, BlockErrorModel.expectedTransmissions(0.5), 1e-15);
    }

    @Test
    void refusesValuesOutsideTheirRanges() {
        assertThrows(IllegalArgumentException.class, () -> new BlockErrorModel(0.6, 2.0));
        assertThrows(IllegalArgumentException.class, () -> new BlockErrorModel(-0.1, 2.0));
        assertThrows(IllegalArgumentException.class, () -> new BlockErrorModel(0.1, 0.0));
        assertThrows(IllegalArgumentException.class, () -> BlockErrorModel.expectedTransmissions(1.0));
    }

    @Test
    void retransmissionsScaleEveryDataBlockCycleButNotRandomAccess() {
        NbiotLinkConfig link = NbiotLinkConfig.DEFAULT.withBlockErrors(BlockErrorModel.EDGE_10_PERCENT);
        PowerSavingConfig rai = PowerSavingConfig.DEFAULT.withRelease(0L, true);
        ReportExchange r = new ReportExchange(200, 50, 1_000_000L);
        ProcedurePlan clean = Procedures.report(link, CoverageLevel.CE2, rai, r, true, 320_000L, 0.0);
        ProcedurePlan errors = Procedures.report(link, CoverageLevel.CE2, rai, r, true, 320_000L,
                link.blockErrorRate(164.0));

        // 200 B + 32 B of headers = 1856 bits: 5 blocks of 344 bits (10 RU x 32 ms x 2 repetitions = 640 ms of
        // NPUSCH) and one of 4 RU for the last 136 bits (256 ms)
        assertEquals(5 * 640_000L + 256_000L, clean.durationUs(PhaseKind.UPLINK_DATA));
        assertEquals(5 * Math.round(640_000L / 0.9) + Math.round(256_000L / 0.9), errors.durationUs(PhaseKind.UPLINK_DATA));
        assertEquals(clean.durationUs(PhaseKind.DOWNLINK_DATA) / 0.9, errors.durationUs(PhaseKind.DOWNLINK_DATA), 2.0);
        for (PhaseKind k : new PhaseKind[] {PhaseKind.SYNC, PhaseKind.NPRACH, PhaseKind.RAR, PhaseKind.MSG3,
            PhaseKind.MSG4, PhaseKind.RELEASE}) {
            assertEquals(clean.durationUs(k), errors.durationUs(k), k.name());
        }
        // the error-free plan is the one report() always gave
        assertEquals(Procedures.report(link, CoverageLevel.CE2, rai, r, true, 320_000L), clean);
    }
}
