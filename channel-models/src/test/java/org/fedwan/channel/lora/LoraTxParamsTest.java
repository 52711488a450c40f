package org.fedwan.channel.lora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Validation, factories and copies of {@link LoraTxParams}. */
class LoraTxParamsTest {

    @Test
    void uplinkHasLorawanDefaults() {
        // LoRaWAN uplink: CR 4/5, preamble 8, explicit header, CRC on (lpwan-facts A1).
        LoraTxParams p = LoraTxParams.uplink(9, 125_000L);

        assertEquals(new LoraTxParams(9, 125_000L, 1, 8, true, true, LowDataRateOptimization.AUTO), p);
    }

    @Test
    void downlinkDiffersOnlyInCrc() {
        LoraTxParams up = LoraTxParams.uplink(9, 125_000L);
        LoraTxParams down = LoraTxParams.downlink(9, 125_000L);

        assertFalse(down.crcOn());
        assertEquals(up.withCrcOn(false), down);
    }

    @Test
    void copiesReplaceOneFieldEach() {
        LoraTxParams p = LoraTxParams.uplink(7, 125_000L);

        assertEquals(new LoraTxParams(8, 125_000L, 1, 8, true, true, LowDataRateOptimization.AUTO),
                p.withSpreadingFactor(8));
        assertEquals(new LoraTxParams(7, 500_000L, 1, 8, true, true, LowDataRateOptimization.AUTO),
                p.withBandwidthHz(500_000L));
        assertEquals(new LoraTxParams(7, 125_000L, 4, 8, true, true, LowDataRateOptimization.AUTO),
                p.withCodingRate(4));
        assertEquals(new LoraTxParams(7, 125_000L, 1, 12, true, true, LowDataRateOptimization.AUTO),
                p.withPreambleSymbols(12));
        assertEquals(new LoraTxParams(7, 125_000L, 1, 8, false, true, LowDataRateOptimization.AUTO),
                p.withExplicitHeader(false));
        assertEquals(new LoraTxParams(7, 125_000L, 1, 8, true, false, LowDataRateOptimization.AUTO),
                p.withCrcOn(false));
        assertEquals(new LoraTxParams(7, 125_000L, 1, 8, true, true, LowDataRateOptimization.OFF),
                p.withLowDataRateOptimization(LowDataRateOptimization.OFF));
        assertNotEquals(p, p.withPreambleSymbols(9));
        assertEquals(p.hashCode(), LoraTxParams.uplink(7, 125_000L).hashCode());
    }

    @Test
    void spreadingFactorOutOfRangeIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LoraTxParams.uplink(13, 125_000L));
        assertMessage(e, "spreadingFactor", "13", "6..12");
        assertThrows(IllegalArgumentException.class, () -> LoraTxParams.uplink(5, 125_000L));
    }

    @Test
    void sf6NeedsImplicitHeader() {
        // SX1276 datasheet, "Spreading Factor": SF6 requires implicit header mode.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LoraTxParams.uplink(6, 125_000L));
        assertMessage(e, "spreadingFactor", "6", "implicit");

        LoraTxParams implicit = new LoraTxParams(6, 125_000L, 1, 8, false, true, LowDataRateOptimization.AUTO);
        assertEquals(6, implicit.spreadingFactor());
    }

    @Test
    void unsupportedBandwidthIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LoraTxParams.uplink(7, 62_500L));
        assertMessage(e, "bandwidthHz", "62500", "125000");
    }

    @Test
    void codingRateOutOfRangeIsRejected() {
        LoraTxParams p = LoraTxParams.uplink(7, 125_000L);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.withCodingRate(0));
        assertMessage(e, "codingRate", "0", "1..4");
        assertThrows(IllegalArgumentException.class, () -> p.withCodingRate(5));
    }

    @Test
    void preambleOutOfRangeIsRejected() {
        LoraTxParams p = LoraTxParams.uplink(7, 125_000L);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.withPreambleSymbols(5));
        assertMessage(e, "preambleSymbols", "5", "6..65535");
        assertThrows(IllegalArgumentException.class, () -> p.withPreambleSymbols(65_536));
        assertEquals(65_535, p.withPreambleSymbols(65_535).preambleSymbols());
    }

    @Test
    void nullLowDataRateOptimizationIsRejected() {
        LoraTxParams p = LoraTxParams.uplink(7, 125_000L);

        NullPointerException e = assertThrows(NullPointerException.class,
                () -> p.withLowDataRateOptimization(null));
        assertTrue(e.getMessage().contains("lowDataRateOptimization"), e.getMessage());
    }

    private static void assertMessage(Exception e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + e.getMessage() + "' should contain '" + part + "'");
        }
    }
}
