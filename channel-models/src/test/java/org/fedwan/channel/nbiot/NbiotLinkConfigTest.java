package org.fedwan.channel.nbiot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Validation of the per-level and link configuration against the 3GPP value sets. */
class NbiotLinkConfigTest {

    private static final CoverageLevelConfig CE0 = CoverageLevelConfig.defaults(CoverageLevel.CE0);

    @Test
    void defaultsPerLevel() {
        CoverageLevelConfig ce2 = CoverageLevelConfig.defaults(CoverageLevel.CE2);

        assertEquals(32, ce2.nprachRepetitions());
        assertEquals(640_000L, ce2.nprachPeriodUs());
        assertEquals(64, ce2.npdcchRepetitions());
        assertEquals(32, ce2.npdschRepetitions());
        assertEquals(2, ce2.npuschRepetitions());
        assertEquals(UplinkTones.singleTone3k75(), ce2.uplinkTones());
        assertEquals(CE0, NbiotLinkConfig.DEFAULT.level(CoverageLevel.CE0));
    }

    @Test
    void valuesOutsideThe3gppSetsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CE0.withNprach(3, 160_000L));
        assertTrue(e.getMessage().contains("nprachRepetitions = 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CE0.withNprach(2, 100_000L));
        assertThrows(IllegalArgumentException.class, () -> CE0.withNprach(256, 2_560_000L));
        assertThrows(IllegalArgumentException.class, () -> CE0.withDownlinkRepetitions(3, 1));
        assertThrows(IllegalArgumentException.class, () -> CE0.withDownlinkRepetitions(4096, 1));
        assertThrows(IllegalArgumentException.class, () -> CE0.withDownlinkRepetitions(2, 3));
        assertEquals(192, CE0.withDownlinkRepetitions(2, 192).npdschRepetitions());
        assertThrows(IllegalArgumentException.class, () -> CE0.withUplink(UplinkTones.singleTone15k(), 11, 10, 1));
        assertThrows(IllegalArgumentException.class, () -> CE0.withUplink(UplinkTones.multiTone(12), 6, 7, 1));
        assertThrows(IllegalArgumentException.class, () -> CE0.withAckRepetitions(256));
        assertThrows(IllegalArgumentException.class, () -> CE0.withSyncUs(-1L));
    }

    @Test
    void linkChecksCategoryAndPreambleFit() {
        NbiotLinkConfig d = NbiotLinkConfig.DEFAULT;
        CoverageLevelConfig nb2Only = CE0.withUplink(UplinkTones.multiTone(12), 13, 10, 1);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> d.withLevel(CoverageLevel.CE0, nb2Only));
        assertTrue(e.getMessage().contains("CE0: uplinkTbsIndex = 13"), e.getMessage());
        assertEquals(13, d.withCategory(DeviceCategory.NB2).withLevel(CoverageLevel.CE0, nb2Only).ce0().uplinkTbsIndex());
        // 128 x 5.6 ms = 716.8 ms does not fit into a 640 ms period
        IllegalArgumentException fit = assertThrows(IllegalArgumentException.class,
                () -> d.withLevel(CoverageLevel.CE2, d.ce2().withNprach(128, 640_000L)));
        assertTrue(fit.getMessage().contains("repetitions x preamble <= period"), fit.getMessage());
        assertThrows(IllegalArgumentException.class, () -> d.withPackets(-1, 100));
        assertThrows(IllegalArgumentException.class, () -> d.withPackets(28, 1573));
        assertEquals(1572, d.withPackets(28, 1572).maxPacketPayloadBytes());
    }
}
