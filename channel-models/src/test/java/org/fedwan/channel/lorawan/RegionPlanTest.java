package org.fedwan.channel.lorawan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.fedwan.channel.lora.LoraPhy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Channel plans, sub-bands and receive-window rules of EU868 and US915. */
class RegionPlanTest {

    @ParameterizedTest(name = "EU868 {0} Hz -> {1} (duty cycle {2})")
    @CsvSource({
            // LoRaMac-node RegionEU868.c VerifyRfFreq and EU868_BAND0..5; lpwan-facts A3.
            "863100000, 863.0-865.0 MHz,  0.001",
            "866000000, 865.0-868.0 MHz,  0.01",
            "868000000, 865.0-868.0 MHz,  0.01",
            "868100000, 868.0-868.6 MHz,  0.01",
            "868500000, 868.0-868.6 MHz,  0.01",
            "868800000, 868.7-869.2 MHz,  0.001",
            "869525000, 869.4-869.65 MHz, 0.1",
            "869850000, 869.7-870.0 MHz,  0.01",
    })
    void eu868SubBands(long frequencyHz, String subBand, double dutyCycle) {
        SubBand b = Region.EU868.subBands().get(Region.EU868.subBandIndexOf(frequencyHz));
        assertEquals(subBand, b.name());
        assertEquals(dutyCycle, b.dutyCycle());
    }

    @Test
    void theThreeDefaultChannelsShareOneSubBand() {
        // lpwan-facts A3: 868.1/868.3/868.5 MHz all lie in 868.0-868.6 MHz, one 1 % budget.
        List<Channel> channels = Region.EU868.defaultChannels();
        assertEquals(List.of(868_100_000L, 868_300_000L, 868_500_000L),
                channels.stream().map(Channel::frequencyHz).toList());
        int band = Region.EU868.subBandIndexOf(channels.get(0).frequencyHz());
        for (Channel c : channels) {
            assertEquals(band, Region.EU868.subBandIndexOf(c.frequencyHz()));
            assertEquals(125_000L, c.bandwidthHz());
        }
        assertEquals(Region.EU868.defaultDutyCycle(), Region.EU868.subBands().get(band).dutyCycle());
        assertEquals(-1, Region.EU868.subBandIndexOf(900_000_000L));
    }

    @Test
    void eu868ReceiveWindows() {
        // lpwan-facts A4: RX1 on the uplink channel at DR - offset (not below DR0); RX2 869.525 MHz DR0.
        assertEquals(869_525_000L, Region.EU868.rx2FrequencyHz());
        assertEquals(0, Region.EU868.rx2DataRateIndex());
        assertEquals(5, Region.EU868.maxRx1DrOffset());
        assertEquals(5, Region.EU868.rx1DataRateIndex(5, 0));
        assertEquals(3, Region.EU868.rx1DataRateIndex(5, 2));
        assertEquals(0, Region.EU868.rx1DataRateIndex(2, 5));
        Channel ch = Region.EU868.defaultChannels().get(1);
        assertEquals(ch.frequencyHz(), Region.EU868.rx1FrequencyHz(ch));
        assertEquals(List.of(0, 1, 2, 3, 4, 5), Region.EU868.channelDataRates());
        assertThrows(IllegalArgumentException.class, () -> Region.EU868.rx1DataRateIndex(5, 6));
    }

    @ParameterizedTest(name = "US915 uplink DR{0} -> RX1 DR {1} {2} {3} {4}")
    @CsvSource({
            // LoRaMac-node RegionUS915.h DatarateOffsetsUS915, offsets 0..3.
            "0, 10,  9,  8,  8",
            "1, 11, 10,  9,  8",
            "2, 12, 11, 10,  9",
            "3, 13, 12, 11, 10",
            "4, 13, 13, 12, 11",
    })
    void us915Rx1DataRates(int uplinkDr, int off0, int off1, int off2, int off3) {
        assertEquals(off0, Region.US915.rx1DataRateIndex(uplinkDr, 0));
        assertEquals(off1, Region.US915.rx1DataRateIndex(uplinkDr, 1));
        assertEquals(off2, Region.US915.rx1DataRateIndex(uplinkDr, 2));
        assertEquals(off3, Region.US915.rx1DataRateIndex(uplinkDr, 3));
    }

    @ParameterizedTest(name = "US915 downlink DR{0}: SF{1}/500 kHz, N = {2}")
    @CsvSource({
            // LoRaMac-node RegionUS915.h DataratesUS915 and MaxPayloadOfDatarateUS915; lpwan-facts A2.
            " 8, 12,  53", " 9, 11, 129", "10, 10, 242", "11,  9, 242", "12,  8, 242", "13,  7, 242",
    })
    void us915DownlinkDataRates(int index, int sf, int n) {
        DataRate dr = Region.US915.downlinkDataRate(index);
        assertEquals(sf, dr.spreadingFactor());
        assertEquals(500_000L, dr.bandwidthHz());
        assertEquals(n, dr.maxFrmPayloadBytes());
        assertEquals(n + 8, dr.maxMacPayloadBytes());
    }

    @Test
    void us915ChannelPlan() {
        // TTN US_902_928_FSB_2: channels 8..15 (903.9..905.3 MHz, 125 kHz) and 65 (904.6 MHz, 500 kHz).
        List<Channel> channels = Region.US915.defaultChannels();
        assertEquals(9, channels.size());
        assertEquals(903_900_000L, channels.get(0).frequencyHz());
        assertEquals(905_300_000L, channels.get(7).frequencyHz());
        Channel wide = channels.get(8);
        assertEquals(65, wide.index());
        assertEquals(904_600_000L, wide.frequencyHz());
        assertTrue(wide.allows(4));
        assertFalse(wide.dwellTimeLimited());
        assertTrue(channels.get(0).dwellTimeLimited());
        assertEquals(8, Region.US915.channelsFor(2).size());
        // RX1: 923.3 + 0.6 (channel mod 8) MHz; RX2 923.3 MHz DR8 (lpwan-facts A4)
        assertEquals(923_300_000L, Region.US915.rx1FrequencyHz(channels.get(0)));
        assertEquals(923_900_000L, Region.US915.rx1FrequencyHz(wide));
        assertEquals(923_300_000L, Region.US915.rx2FrequencyHz());
        assertEquals(8, Region.US915.rx2DataRateIndex());
        assertFalse(Region.US915.subBands().get(0).limited());
        assertEquals(List.of(0, 1, 2, 3, 4), Region.US915.channelDataRates());
    }

    @Test
    void us915DownlinkFramesAt500kHzAreShort() {
        // RX2 at DR8 (SF12/500 kHz) with a 12-byte ACK: Tsym 8.192 ms, ToA = (12.25 + 18) * 8.192 ms.
        DataRate dr8 = Region.US915.downlinkDataRate(8);
        long toaUs = LoraPhy.timeOnAirUs(LorawanFrame.phyPayloadBytes(0, 0), dr8.downlinkParams());
        assertEquals(247_808L, toaUs);
    }

    @Test
    void legacyConstructorBuildsARegionWithoutChannelPlan() {
        Region r = new Region("TEST", List.of(new DataRate(0, 10, 125_000L, 19, 11)), List.of(11), 0.001, 14.0, 0L);
        assertFalse(r.hasChannelPlan());
        assertEquals(1, r.subBands().size());
        assertEquals(0.001, r.subBands().get(0).dutyCycle());
        assertEquals(0, r.rx1DataRateIndex(0, 0));
        assertTrue(Region.EU868.hasChannelPlan());
        assertThrows(IllegalArgumentException.class, () -> Region.EU868.downlinkDataRate(8));
    }

    @Test
    void inconsistentPlansAreRejected() {
        List<DataRate> one = List.of(new DataRate(0, 10, 125_000L, 19, 11));
        List<SubBand> bands = List.of(new SubBand("b", 860_000_000L, 870_000_000L, 0.01));
        // a channel outside every sub-band
        assertThrows(IllegalArgumentException.class, () -> new Region("X", one, List.of(11), 0.01, 14, 0,
                List.of(), bands, List.of(new Channel(0, 900_000_000L, 125_000L, 0, 0, false)),
                List.of(List.of(0)), List.of(), 869_000_000L, 0));
        // a channel of the wrong bandwidth for its data rate
        assertThrows(IllegalArgumentException.class, () -> new Region("X", one, List.of(11), 0.01, 14, 0,
                List.of(), bands, List.of(new Channel(0, 868_100_000L, 500_000L, 0, 0, false)),
                List.of(List.of(0)), List.of(), 869_000_000L, 0));
        // an RX1 table naming an unknown data rate
        assertThrows(IllegalArgumentException.class, () -> new Region("X", one, List.of(11), 0.01, 14, 0,
                List.of(), bands, List.of(), List.of(List.of(3)), List.of(), 869_000_000L, 0));
        assertThrows(IllegalArgumentException.class, () -> new SubBand("x", 10, 5, 0.01));
        assertThrows(IllegalArgumentException.class, () -> new SubBand("x", 5, 10, 0.0));
    }
}
