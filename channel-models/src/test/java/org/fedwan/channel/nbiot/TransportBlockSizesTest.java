package org.fedwan.channel.nbiot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** TBS tables against srsRAN's independent Release 13 copy, category limits, block choice. */
class TransportBlockSizesTest {

    private static final int[] UNITS = {1, 2, 3, 4, 5, 6, 8, 10};

    /** srsRAN tbs_tables_nbiot.h, tbs_table_npusch, "3GPP TS 36.213 v13.2.0 table 16.5.1.2-2"; 0 = no entry. */
    private static final int[][] SRSRAN_NPUSCH_REL13 = {
            {16, 32, 56, 88, 120, 152, 208, 256},
            {24, 56, 88, 144, 176, 208, 256, 344},
            {32, 72, 144, 176, 208, 256, 328, 424},
            {40, 104, 176, 208, 256, 328, 440, 568},
            {56, 120, 208, 256, 328, 408, 552, 680},
            {72, 144, 224, 328, 424, 504, 680, 872},
            {88, 176, 256, 392, 504, 600, 808, 1000},
            {104, 224, 328, 472, 584, 712, 1000, 0},
            {120, 256, 392, 536, 680, 808, 0, 0},
            {136, 296, 456, 616, 776, 936, 0, 0},
            {144, 328, 504, 680, 872, 1000, 0, 0},
            {176, 376, 584, 776, 1000, 0, 0, 0},
            {208, 440, 680, 1000, 0, 0, 0, 0},
    };

    /** srsRAN tbs_tables_nbiot.h, tbs_table_nbiot, "3GPP TS 36.213 v13.2.0 table 16.4.1.5.1-1"; 0 = no entry. */
    private static final int[][] SRSRAN_NPDSCH_REL13 = {
            {16, 32, 56, 88, 120, 152, 208, 256},
            {24, 56, 88, 144, 176, 208, 256, 344},
            {32, 72, 144, 176, 208, 256, 328, 424},
            {40, 104, 176, 208, 256, 328, 440, 568},
            {56, 120, 208, 256, 328, 408, 552, 680},
            {72, 144, 224, 328, 424, 504, 680, 0},
            {88, 176, 256, 392, 504, 600, 0, 0},
            {104, 224, 328, 472, 584, 680, 0, 0},
            {120, 256, 392, 536, 680, 0, 0, 0},
            {136, 296, 456, 616, 0, 0, 0, 0},
            {144, 328, 504, 680, 0, 0, 0, 0},
            {176, 376, 584, 0, 0, 0, 0, 0},
            {208, 440, 680, 0, 0, 0, 0, 0},
    };

    @Test
    void catNb1UplinkEqualsTheRelease13Table() {
        for (int i = 0; i < 14; i++) {
            for (int u = 0; u < UNITS.length; u++) {
                int expected = i < SRSRAN_NPUSCH_REL13.length ? SRSRAN_NPUSCH_REL13[i][u] : 0;
                boolean allowed = TransportBlockSizes.npuschAllowed(i, UNITS[u], DeviceCategory.NB1);
                assertEquals(expected != 0, allowed, "I_TBS " + i + " N_RU " + UNITS[u]);
                if (allowed) {
                    assertEquals(expected, TransportBlockSizes.npuschBits(i, UNITS[u], DeviceCategory.NB1),
                            "I_TBS " + i + " N_RU " + UNITS[u]);
                }
            }
        }
    }

    @Test
    void catNb1DownlinkEqualsTheRelease13Table() {
        for (int i = 0; i < 14; i++) {
            for (int u = 0; u < UNITS.length; u++) {
                int expected = i < SRSRAN_NPDSCH_REL13.length ? SRSRAN_NPDSCH_REL13[i][u] : 0;
                boolean allowed = TransportBlockSizes.npdschAllowed(i, UNITS[u], DeviceCategory.NB1);
                assertEquals(expected != 0, allowed, "I_TBS " + i + " N_SF " + UNITS[u]);
                if (allowed) {
                    assertEquals(expected, TransportBlockSizes.npdschBits(i, UNITS[u], DeviceCategory.NB1),
                            "I_TBS " + i + " N_SF " + UNITS[u]);
                }
            }
        }
    }

    @Test
    void categoryLimits() {
        // lpwan-facts B1: Cat-NB1 680 / 1000 bits, Cat-NB2 2536 / 2536 bits.
        assertEquals(1000, TransportBlockSizes.npuschBits(12, 4, DeviceCategory.NB1));
        assertEquals(680, TransportBlockSizes.npdschBits(12, 3, DeviceCategory.NB1));
        assertEquals(2536, TransportBlockSizes.npuschBits(13, 10, DeviceCategory.NB2));
        assertEquals(2536, TransportBlockSizes.npdschBits(13, 10, DeviceCategory.NB2));
        assertFalse(TransportBlockSizes.npuschAllowed(13, 1, DeviceCategory.NB1));
        assertFalse(TransportBlockSizes.npuschAllowed(7, 10, DeviceCategory.NB1));
        assertTrue(TransportBlockSizes.npuschAllowed(7, 10, DeviceCategory.NB2));
        int max = 0;
        for (int i = 0; i <= 13; i++) {
            for (int u : UNITS) {
                if (TransportBlockSizes.npuschAllowed(i, u, DeviceCategory.NB2)) {
                    max = Math.max(max, TransportBlockSizes.npuschBits(i, u, DeviceCategory.NB2));
                }
            }
        }
        assertEquals(DeviceCategory.NB2.maxUplinkTbsBits(), max);
    }

    @Test
    void schedulerPicksTheFewestUnitsThatHoldTheBits() {
        // Row I_TBS 1 (uplink): 24, 56, 88, 144, 176, 208, 256, 344.
        assertEquals(new TransportBlock(88, 3), TransportBlockSizes.uplinkBlock(1, 10, 88, DeviceCategory.NB1));
        assertEquals(new TransportBlock(88, 3), TransportBlockSizes.uplinkBlock(1, 10, 57, DeviceCategory.NB1));
        assertEquals(new TransportBlock(24, 1), TransportBlockSizes.uplinkBlock(1, 10, 1, DeviceCategory.NB1));
        assertEquals(new TransportBlock(344, 10), TransportBlockSizes.uplinkBlock(1, 10, 5000, DeviceCategory.NB1));
        assertEquals(new TransportBlock(176, 5), TransportBlockSizes.uplinkBlock(1, 5, 5000, DeviceCategory.NB1));
        // Row 7 stops at 1000 bits (N_RU 8) for Cat-NB1 although 10 RUs are allowed.
        assertEquals(new TransportBlock(1000, 8), TransportBlockSizes.uplinkBlock(7, 10, 5000, DeviceCategory.NB1));
        assertEquals(new TransportBlock(1224, 10), TransportBlockSizes.uplinkBlock(7, 10, 5000, DeviceCategory.NB2));
        // Downlink row 2: 32, 72, 144, 176, ...
        assertEquals(new TransportBlock(72, 2), TransportBlockSizes.downlinkBlock(2, 10, 56, DeviceCategory.NB1));
    }

    @Test
    void invalidEntriesAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TransportBlockSizes.npuschBits(12, 5, DeviceCategory.NB1));
        assertTrue(e.getMessage().contains("I_TBS = 12, N_RU = 5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TransportBlockSizes.npuschBits(0, 7, DeviceCategory.NB1));
        assertThrows(IllegalArgumentException.class, () -> TransportBlockSizes.uplinkBlock(0, 10, 0, DeviceCategory.NB1));
        assertThrows(IllegalArgumentException.class, () -> TransportBlockSizes.uplinkBlock(13, 10, 8, DeviceCategory.NB1));
        assertThrows(IllegalArgumentException.class, () -> new TransportBlock(16, 7));
    }
}
