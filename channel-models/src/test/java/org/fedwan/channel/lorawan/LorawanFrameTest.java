package org.fedwan.channel.lorawan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Frame overhead per lpwan-facts A2 and LoRaWAN 1.0.3 section 4. */
class LorawanFrameTest {

    @Test
    void overheadIsThirteenBytes() {
        // lpwan-facts A2: MHDR 1 + FHDR 7 + FPort 1 + MIC 4 = 13 (TTN: "at least 13 bytes").
        assertEquals(13, LorawanFrame.OVERHEAD_BYTES);
    }

    @Test
    void phyPayloadIsFrmPlus13PlusFOpts() {
        assertEquals(64, LorawanFrame.phyPayloadBytes(51, 0));
        assertEquals(255, LorawanFrame.phyPayloadBytes(242, 0));
        assertEquals(69, LorawanFrame.phyPayloadBytes(51, 5));
    }

    @Test
    void emptyFrmPayloadHasNoFPort() {
        // LoRaWAN 1.0.3 section 4.3.2: FPort is present only when FRMPayload is not empty.
        assertEquals(12, LorawanFrame.phyPayloadBytes(0, 0));
        assertEquals(27, LorawanFrame.phyPayloadBytes(0, 15));
    }

    @Test
    void fOptsReduceTheFrmPayloadCap() {
        // lpwan-facts A2: with FOpts, FRMPayload <= N - FOptsLen.
        assertEquals(239, LorawanFrame.maxFrmPayloadBytes(Region.EU868.dataRate(5), 3));
        assertEquals(51, LorawanFrame.maxFrmPayloadBytes(Region.EU868.dataRate(0), 0));
        assertEquals(0, LorawanFrame.maxFrmPayloadBytes(Region.US915.dataRate(0), 11));
    }

    @Test
    void fOptsThatDoNotFitAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LorawanFrame.maxFrmPayloadBytes(Region.US915.dataRate(0), 12));

        assertTrue(e.getMessage().contains("fOptsBytes = 12"), e.getMessage());
        assertTrue(e.getMessage().contains("DR0"), e.getMessage());
    }

    @Test
    void outOfRangeArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> LorawanFrame.phyPayloadBytes(10, 16));
        assertThrows(IllegalArgumentException.class, () -> LorawanFrame.phyPayloadBytes(10, -1));
        assertThrows(IllegalArgumentException.class, () -> LorawanFrame.phyPayloadBytes(-1, 0));
        assertThrows(IllegalArgumentException.class,
                () -> LorawanFrame.maxFrmPayloadBytes(Region.EU868.dataRate(5), 16));
    }

    @Test
    void ns3OverheadHasNoMic() {
        // ns-3 lorawan: LoraFrameHeader 8 bytes + LorawanMacHeader 1 byte, no MIC: 23 B of
        // application payload (complete-network-example) is a 32-byte PHY payload.
        assertEquals(32, LorawanFrame.phyPayloadBytes(23, 0, LorawanFrame.NS3_OVERHEAD_BYTES));
        assertEquals(36, LorawanFrame.phyPayloadBytes(23, 0, LorawanFrame.OVERHEAD_BYTES));
        assertEquals(LorawanFrame.phyPayloadBytes(23, 2), LorawanFrame.phyPayloadBytes(23, 2, 13));
    }
}
