package org.fedwan.channel.lorawan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.fedwan.channel.lora.LoraPhy;
import org.fedwan.channel.lora.LoraTxParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Regional data-rate tables against LoRaMac-node and the Regional Parameters. */
class RegionTest {

    @ParameterizedTest(name = "EU868 DR{0} = SF{1}/{2} Hz, M/N {3}/{4}, repeater N {5}")
    @CsvSource({
            // lpwan-facts A2 EU868 table; LoRaMac-node RegionEU868.h MaxPayloadOfDatarateEU868 =
            // {51,51,51,115,242,242,242,242} and MaxPayloadOfDatarateRepeaterEU868 =
            // {51,51,51,115,222,222,222,222}; RP 1.0.3revA.
            "0, 12, 125000,  59,  51,  51",
            "1, 11, 125000,  59,  51,  51",
            "2, 10, 125000,  59,  51,  51",
            "3,  9, 125000, 123, 115, 115",
            "4,  8, 125000, 250, 242, 222",
            "5,  7, 125000, 250, 242, 222",
            "6,  7, 250000, 250, 242, 222",
    })
    void eu868Table(int index, int sf, long bandwidthHz, int m, int n, int repeaterN) {
        DataRate dr = Region.EU868.dataRate(index);

        assertEquals(new DataRate(index, sf, bandwidthHz, m, n), dr);
        assertEquals(repeaterN, Region.EU868.repeaterCompatibleMaxFrmPayloadBytes(index));
        assertEquals(LoraTxParams.uplink(sf, bandwidthHz), dr.uplinkParams());
    }

    @ParameterizedTest(name = "US915 DR{0} = SF{1}/{2} Hz, M/N {3}/{4}")
    @CsvSource({
            // lpwan-facts A2 US915 table; LoRaMac-node RegionUS915.h MaxPayloadOfDatarateUS915 =
            // {11,53,125,242,242,...}; the repeater table has the same uplink entries.
            "0, 10, 125000,  19,  11",
            "1,  9, 125000,  61,  53",
            "2,  8, 125000, 133, 125",
            "3,  7, 125000, 250, 242",
            "4,  8, 500000, 250, 242",
    })
    void us915Table(int index, int sf, long bandwidthHz, int m, int n) {
        DataRate dr = Region.US915.dataRate(index);

        assertEquals(new DataRate(index, sf, bandwidthHz, m, n), dr);
        assertEquals(n, Region.US915.repeaterCompatibleMaxFrmPayloadBytes(index));
    }

    @Test
    void regionLimits() {
        // lpwan-facts A3: EU868 default channels in the 1 % sub-band, max EIRP 16 dBm, no dwell
        // limit; US915 no duty cycle, max EIRP 30 dBm, 400 ms dwell time.
        assertEquals(7, Region.EU868.dataRates().size());
        assertEquals(0.01, Region.EU868.defaultDutyCycle());
        assertEquals(16.0, Region.EU868.maxEirpDbm());
        assertTrue(Region.EU868.hasDutyCycle());
        assertFalse(Region.EU868.hasDwellTimeLimit());

        assertEquals(5, Region.US915.dataRates().size());
        assertFalse(Region.US915.hasDutyCycle());
        assertEquals(30.0, Region.US915.maxEirpDbm());
        assertEquals(400_000L, Region.US915.dwellTimeLimitUs());
        assertTrue(Region.US915.hasDwellTimeLimit());
    }

    @Test
    void us915PayloadCapsKeepEveryUplinkUnderTheDwellTime() {
        // lpwan-facts A3: "The payload caps above keep every frame under 400 ms".
        for (DataRate dr : Region.US915.dataRates()) {
            long toaUs = LoraPhy.timeOnAirUs(dr.maxPhyPayloadBytes(), dr.uplinkParams());
            assertTrue(toaUs <= Region.US915.dwellTimeLimitUs(), "DR" + dr.index() + ": " + toaUs + " us");
        }
        // ... and one more byte at DR2 would break it (SF8: PHY 139 B -> 410.112 ms by the A1 formula).
        DataRate dr2 = Region.US915.dataRate(2);
        assertTrue(LoraPhy.timeOnAirUs(dr2.maxPhyPayloadBytes() + 1, dr2.uplinkParams())
                > Region.US915.dwellTimeLimitUs());
    }

    @Test
    void maxPhyPayloadIsNPlus13() {
        assertEquals(64, Region.EU868.dataRate(0).maxPhyPayloadBytes());
        assertEquals(255, Region.EU868.dataRate(5).maxPhyPayloadBytes());
    }

    @Test
    void downlinkParamsHaveNoCrc() {
        assertFalse(Region.EU868.dataRate(0).downlinkParams().crcOn());
    }

    @Test
    void byNameIgnoresCase() {
        assertSame(Region.EU868, Region.byName("eu868"));
        assertSame(Region.US915, Region.byName("Us915"));
    }

    @Test
    void unknownNameListsAllowedNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Region.byName("AS923"));

        assertTrue(e.getMessage().contains("AS923"), e.getMessage());
        assertTrue(e.getMessage().contains("EU868, US915"), e.getMessage());
    }

    @Test
    void unknownDataRateNamesRegionValueAndRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Region.EU868.dataRate(7));

        assertTrue(e.getMessage().contains("EU868"), e.getMessage());
        assertTrue(e.getMessage().contains("= 7"), e.getMessage());
        assertTrue(e.getMessage().contains("0..6"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Region.US915.dataRate(5));
        assertThrows(IllegalArgumentException.class, () -> Region.US915.dataRate(-1));
    }

    @Test
    void dataRateForModulation() {
        assertEquals(3, Region.EU868.dataRateFor(9, 125_000L).index());
        assertEquals(6, Region.EU868.dataRateFor(7, 250_000L).index());
        assertEquals(4, Region.US915.dataRateFor(8, 500_000L).index());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Region.US915.dataRateFor(12, 125_000L));
        assertTrue(e.getMessage().contains("SF12"), e.getMessage());
    }

    @Test
    void defaultSubBandLedger() {
        assertEquals(0.01, Region.EU868.newDefaultSubBandLedger().dutyCycle());
        assertEquals(1.0, Region.US915.newDefaultSubBandLedger().dutyCycle());
    }

    @Test
    void aNewRegionIsOneTable() {
        Region custom = new Region("TEST", List.of(new DataRate(0, 10, 125_000L, 19, 11)), List.of(11),
                0.001, 14.0, 0L);

        assertEquals(11, custom.dataRate(0).maxFrmPayloadBytes());
        assertEquals(custom, new Region("TEST", List.of(new DataRate(0, 10, 125_000L, 19, 11)), List.of(11),
                0.001, 14.0, 0L));
    }

    @Test
    void invalidRegionsAreRejected() {
        List<DataRate> one = List.of(new DataRate(0, 10, 125_000L, 19, 11));
        List<DataRate> gap = List.of(new DataRate(1, 10, 125_000L, 19, 11));

        assertThrows(IllegalArgumentException.class, () -> new Region("X", gap, List.of(11), 0.01, 14, 0));
        assertThrows(IllegalArgumentException.class, () -> new Region("X", one, List.of(11, 11), 0.01, 14, 0));
        assertThrows(IllegalArgumentException.class, () -> new Region("X", one, List.of(12), 0.01, 14, 0));
        assertThrows(IllegalArgumentException.class, () -> new Region("X", one, List.of(11), 1.5, 14, 0));
        assertThrows(IllegalArgumentException.class, () -> new Region("X", one, List.of(11), 0.01, 14, -1));
        assertThrows(IllegalArgumentException.class, () -> new Region(" ", one, List.of(11), 0.01, 14, 0));
        assertThrows(IllegalArgumentException.class, () -> new Region("X", List.of(), List.of(), 0.01, 14, 0));
    }

    @Test
    void invalidDataRatesAreRejected() {
        IllegalArgumentException mMinusN = assertThrows(IllegalArgumentException.class,
                () -> new DataRate(0, 12, 125_000L, 60, 51));
        assertTrue(mMinusN.getMessage().contains("maxMacPayloadBytes = 60"), mMinusN.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new DataRate(0, 6, 125_000L, 59, 51));
        assertThrows(IllegalArgumentException.class, () -> new DataRate(0, 7, 62_500L, 59, 51));
        assertThrows(IllegalArgumentException.class, () -> new DataRate(-1, 7, 125_000L, 59, 51));
        assertThrows(IllegalArgumentException.class, () -> new DataRate(0, 7, 125_000L, 251, 243));
    }
}
