package org.fedwan.channel.nbiot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Resource units of NPUSCH (3GPP TS 36.211 Table 10.1.2.3-1) and carrier lanes. */
class UplinkTonesTest {

    @ParameterizedTest(name = "{0} x {1}: RU {2} us, ACK RU {3} us, {4} lanes")
    @CsvSource({
            // TS 36.211 Table 10.1.2.3-1: format 1 slots per RU 16/16/8/4/2, format 2 always 4 slots;
            // slot 2 ms at 3.75 kHz, 0.5 ms at 15 kHz.
            "KHZ_3_75,  1, 32000, 8000,  1",
            "KHZ_15,    1,  8000, 2000,  4",
            "KHZ_15,    3,  4000, 2000, 12",
            "KHZ_15,    6,  2000, 2000, 24",
            "KHZ_15,   12,  1000, 2000, 48",
    })
    void resourceUnitDurations(SubcarrierSpacing spacing, int tones, long ruUs, long ackRuUs, int lanes) {
        UplinkTones t = new UplinkTones(spacing, tones);

        assertEquals(ruUs, t.resourceUnitUs());
        assertEquals(ackRuUs, t.ackResourceUnitUs());
        assertEquals(lanes, t.lanes());
    }

    @Test
    void twelveTonesFillTheCarrier() {
        assertEquals(UplinkTones.CARRIER_BANDWIDTH_HZ, UplinkTones.multiTone(12).bandwidthHz());
        assertEquals(UplinkTones.CARRIER_LANES, UplinkTones.multiTone(12).lanes());
        assertEquals(3_750, UplinkTones.singleTone3k75().bandwidthHz());
    }

    @Test
    void resourceUnitsHold112Or168ResourceElements() {
        // TS 36.211: 7 SC-FDMA symbols per slot. Single tone: 16 slots x 7 x 1 = 112 REs (both spacings);
        // multi-tone: slots x 7 x tones = 168 REs. In bandwidth x time (3.75 kHz lanes x ms): 32 vs 48.
        for (UplinkTones t : new UplinkTones[] {UplinkTones.singleTone3k75(), UplinkTones.singleTone15k()}) {
            assertEquals(112, t.slotsPerResourceUnit() * 7 * t.tones(), t.toString());
            assertEquals(32_000L, t.lanes() * t.resourceUnitUs(), t.toString());
        }
        for (int tones : new int[] {3, 6, 12}) {
            UplinkTones t = UplinkTones.multiTone(tones);
            assertEquals(168, t.slotsPerResourceUnit() * 7 * tones, t.toString());
            assertEquals(48_000L, t.lanes() * t.resourceUnitUs(), t.toString());
        }
    }

    @Test
    void invalidCombinationsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new UplinkTones(SubcarrierSpacing.KHZ_3_75, 3));
        assertTrue(e.getMessage().contains("1 at KHZ_3_75"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new UplinkTones(SubcarrierSpacing.KHZ_15, 2));
        assertThrows(IllegalArgumentException.class, () -> UplinkTones.multiTone(1));
        assertThrows(NullPointerException.class, () -> new UplinkTones(null, 1));
    }
}
