package org.fedwan.channel.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fedwan.channel.lorawan.DataRate;
import org.fedwan.channel.lorawan.Region;
import org.junit.jupiter.api.Test;

/** Seed 000's 0.84-2.32 mJ/B for LoRaWAN from payload size, and lpwan-facts A9's TX column. */
class EnergyPerByteTest {

    private static final DataRate SF9 = Region.EU868.dataRate(3);

    @Test
    void seed000RangeIsSf9FromFullFramesToFourteenByteFrames() {
        double full = EnergyPerByte.txMillijoulesPerByte(RadioProfile.SX1276_14DBM, SF9, 115);
        double small = EnergyPerByte.txMillijoulesPerByte(RadioProfile.SX1276_14DBM, SF9, 14);
        // seed 000: "Lower bound (larger payloads) ~0.84 mJ/byte", "Upper bound (small payloads) 2.32 mJ/byte"
        assertEquals(0.84, full, 0.84 * 0.02);
        assertEquals(2.32, small, 2.32 * 0.02);
        // by hand (SX1276 datasheet formula): SF9 BW125 CR4/5, 27-byte PHY payload, 8-symbol preamble:
        // 12.25 + 8 + ceil(224 / 36) x 5 = 55.25 symbols of 4.096 ms = 226.304 ms;
        // 3.3 V x 44 mA x 226.304 ms / 14 B = 2.347 mJ/B
        double airtimeS = (12.25 + 8 + Math.ceil((8.0 * 27 - 4 * 9 + 28 + 16) / (4 * 9)) * 5) * 4.096e-3;
        assertEquals(3.3 * 44e-3 * airtimeS * 1e3 / 14, small, 1e-6);
    }

    @Test
    void fullFramesMatchLpwanFactsA9() {
        // lpwan-facts A9, TX 14 dBm column: SF7 0.240, SF8 0.424, SF9 0.855, SF10 1.99, SF12 7.95 mJ/B
        assertEquals(0.240, EnergyPerByte.txMillijoulesPerByte(RadioProfile.SX1276_14DBM, Region.EU868.dataRate(5), 242), 0.003);
        assertEquals(0.424, EnergyPerByte.txMillijoulesPerByte(RadioProfile.SX1276_14DBM, Region.EU868.dataRate(4), 242), 0.004);
        assertEquals(1.99, EnergyPerByte.txMillijoulesPerByte(RadioProfile.SX1276_14DBM, Region.EU868.dataRate(2), 51), 0.02);
        assertEquals(7.95, EnergyPerByte.txMillijoulesPerByte(RadioProfile.SX1276_14DBM, Region.EU868.dataRate(0), 51), 0.08);
    }

    @Test
    void energyPerByteFallsAsThePayloadGrowsByWholeSymbolBlocks() {
        // payload symbols come in blocks of 5 (CR 4/5) per 4.5 bytes at SF9: one more byte can open a
        // block (a sawtooth), but nine more bytes always lower the energy per byte
        for (int bytes = 1; bytes + 9 <= 115; bytes++) {
            double e = EnergyPerByte.txMillijoulesPerByte(RadioProfile.SX1276_14DBM, SF9, bytes);
            double later = EnergyPerByte.txMillijoulesPerByte(RadioProfile.SX1276_14DBM, SF9, bytes + 9);
            assertTrue(later < e, bytes + " B: " + e + ", " + (bytes + 9) + " B: " + later);
        }
        assertThrows(IllegalArgumentException.class, () -> EnergyPerByte.txMillijoulesPerByte(RadioProfile.SX1276_14DBM, SF9, 116));
        assertThrows(IllegalArgumentException.class, () -> EnergyPerByte.txMillijoulesPerByte(RadioProfile.SX1276_14DBM, SF9, 0));
    }
}
