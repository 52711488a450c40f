package org.fedwan.channel.lorawan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Data rate names against the regional tables of lpwan-facts A2 (LoRaWAN Regional Parameters
 * 1.0.3revA): EU868 DR0..DR5 = SF12..SF7/125, DR6 = SF7/250; US915 DR0..DR3 = SF10..SF7/125,
 * DR4 = SF8/500.
 */
class DataRateNameTest {

    @ParameterizedTest(name = "{0} {1} = DR{2}")
    @CsvSource({
            "EU868, SF12,      0",
            "EU868, sf10,      2",
            "EU868, SF9/125,   3",
            "EU868, SF7,       5",
            "EU868, SF7BW125,  5",
            "EU868, sf7bw250,  6",
            "EU868, SF7/250,   6",
            "EU868, SF 7 / 250 kHz, 6",
            "EU868, 4,         4",
            "US915, SF10,      0",
            "US915, SF7,       3",
            "US915, SF8,       2",
            "US915, SF8/500,   4",
            "US915, SF8BW500,  4",
    })
    void namesResolveToTheRegionsIndex(String region, String name, int index) {
        assertEquals(index, DataRateName.index(Region.byName(region), name));
    }

    @Test
    void aCombinationTheRegionLacksListsTheRegionsDataRates() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DataRateName.index(Region.EU868, "SF7/500"));
        assertEquals("SF7/500 is not a data rate of EU868; allowed: EU868: SF12/125 (DR0), SF11/125 (DR1), "
                + "SF10/125 (DR2), SF9/125 (DR3), SF8/125 (DR4), SF7/125 (DR5), SF7/250 (DR6); written as the index "
                + "(0 to 6) or as " + DataRateName.FORMS, e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DataRateName.index(Region.US915, "SF12"));
        assertEquals("SF12 is not a data rate of US915; allowed: US915: SF10/125 (DR0), SF9/125 (DR1), SF8/125 (DR2), "
                + "SF7/125 (DR3), SF8/500 (DR4); written as the index (0 to 4) or as " + DataRateName.FORMS, e.getMessage());
    }

    @Test
    void fskAndIndicesOutOfRangeAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DataRateName.index(Region.EU868, "fsk"));
        assertEquals("FSK is not a data rate of EU868 in FedWAN (FSK is not modelled); allowed: "
                + DataRateName.allowed(Region.EU868), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DataRateName.index(Region.US915, "5"));
        assertEquals("allowed: " + DataRateName.allowed(Region.US915), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DataRateName.index(Region.EU868, "fast"));
        assertEquals("'fast' is not a data rate; allowed: " + DataRateName.FORMS + ", or FSK", e.getMessage());
    }
}
