package org.fedwan.channel.nbiot;

/**
 * NB-IoT transport block size tables (3GPP TS 36.213 v14, Table 16.5.1.2-2 for NPUSCH and
 * Table 16.4.1.5.1-1 for NPDSCH), indexed by the TBS index {@code I_TBS} and the number of
 * resource units {@code N_RU} (uplink) or subframes {@code N_SF} (downlink), both taken from
 * {1, 2, 3, 4, 5, 6, 8, 10}.
 *
 * <p>Values as in OpenAirInterface's NB-IoT MAC ({@code UL_TBS_Table}, {@code MAC_TBStable_NB_IoT},
 * "TS 36.213 v14.2"), with two transcription slips of that copy corrected from srsRAN's
 * Release 13 tables ({@code tbs_tables_nbiot.h}, "TS 36.213 v13.2.0"): NPUSCH row 0 column 2 is
 * 32, NPDSCH row 5 column 3 is 224. A Cat-NB1 device uses the entries with {@code I_TBS <= 12}
 * and at most 1000 bits uplink / 680 bits downlink; those are exactly srsRAN's Release 13
 * tables (a unit test checks it).
 */
public final class TransportBlockSizes {

    /** {@code N_RU} / {@code N_SF} for the resource-unit / subframe index 0..7 (TS 36.213 Tables 16.5.1.1-2, 16.4.1.3-1). */
    private static final int[] UNITS = {1, 2, 3, 4, 5, 6, 8, 10};

    private static final int[][] NPUSCH = {
            {16, 32, 56, 88, 120, 152, 208, 256},
            {24, 56, 88, 144, 176, 208, 256, 344},
            {32, 72, 144, 176, 208, 256, 328, 424},
            {40, 104, 176, 208, 256, 328, 440, 568},
            {56, 120, 208, 256, 328, 408, 552, 680},
            {72, 144, 224, 328, 424, 504, 680, 872},
            {88, 176, 256, 392, 504, 600, 808, 1000},
            {104, 224, 328, 472, 584, 712, 1000, 1224},
            {120, 256, 392, 536, 680, 808, 1096, 1384},
            {136, 296, 456, 616, 776, 936, 1256, 1544},
            {144, 328, 504, 680, 872, 1000, 1384, 1736},
            {176, 376, 584, 776, 1000, 1192, 1608, 2024},
            {208, 440, 680, 1000, 1128, 1352, 1800, 2280},
            {224, 488, 744, 1128, 1256, 1544, 2024, 2536},
    };

    private static final int[][] NPDSCH = {
            {16, 32, 56, 88, 120, 152, 208, 256},
            {24, 56, 88, 144, 176, 208, 256, 344},
            {32, 72, 144, 176, 208, 256, 328, 424},
            {40, 104, 176, 208, 256, 328, 440, 568},
            {56, 120, 208, 256, 328, 408, 552, 680},
            {72, 144, 224, 328, 424, 504, 680, 872},
            {88, 176, 256, 392, 504, 600, 808, 1032},
            {104, 224, 328, 472, 584, 680, 968, 1224},
            {120, 256, 392, 536, 680, 808, 1096, 1352},
            {136, 296, 456, 616, 776, 936, 1256, 1544},
            {144, 328, 504, 680, 872, 1032, 1384, 1736},
            {176, 376, 584, 776, 1000, 1192, 1608, 2024},
            {208, 440, 680, 904, 1128, 1352, 1800, 2280},
            {224, 488, 744, 1128, 1256, 1544, 2024, 2536},
    };

    /** Largest single-tone NPUSCH TBS index: {@code I_MCS} 0..10 map to {@code I_TBS} 0..10 (TS 36.213 Table 16.5.1.2-1). */
    public static final int MAX_SINGLE_TONE_TBS_INDEX = 10;

    private TransportBlockSizes() {
    }

    /**
     * @param units a resource-unit or subframe count
     * @return its index 0..7 in {1, 2, 3, 4, 5, 6, 8, 10}, or -1 if it is not one of them
     */
    public static int unitIndex(int units) {
        for (int i = 0; i < UNITS.length; i++) {
            if (UNITS[i] == units) {
                return i;
            }
        }
        return -1;
    }

    /**
     * @param tbsIndex      {@code I_TBS}
     * @param resourceUnits {@code N_RU}
     * @param category      device category
     * @return whether the NPUSCH table holds the entry for the category
     */
    public static boolean npuschAllowed(int tbsIndex, int resourceUnits, DeviceCategory category) {
        return allowed(NPUSCH, tbsIndex, resourceUnits, category.maxTbsIndex(), category.maxUplinkTbsBits());
    }

    /**
     * @param tbsIndex  {@code I_TBS}
     * @param subframes {@code N_SF}
     * @param category  device category
     * @return whether the NPDSCH table holds the entry for the category
     */
    public static boolean npdschAllowed(int tbsIndex, int subframes, DeviceCategory category) {
        return allowed(NPDSCH, tbsIndex, subframes, category.maxTbsIndex(), category.maxDownlinkTbsBits());
    }

    /**
     * NPUSCH transport block size (TS 36.213 Table 16.5.1.2-2).
     *
     * @param tbsIndex      {@code I_TBS}, 0..12 (Cat-NB1) or 0..13 (Cat-NB2)
     * @param resourceUnits {@code N_RU}, one of 1, 2, 3, 4, 5, 6, 8, 10
     * @param category      device category
     * @return TBS in bits
     * @throws IllegalArgumentException if the entry does not exist for the category
     */
    public static int npuschBits(int tbsIndex, int resourceUnits, DeviceCategory category) {
        if (!npuschAllowed(tbsIndex, resourceUnits, category)) {
            throw new IllegalArgumentException("NPUSCH I_TBS = " + tbsIndex + ", N_RU = " + resourceUnits
                    + " is not allowed for " + category + "; allowed: I_TBS 0.." + category.maxTbsIndex()
                    + ", N_RU in {1,2,3,4,5,6,8,10}, TBS <= " + category.maxUplinkTbsBits() + " bits");
        }
        return NPUSCH[tbsIndex][unitIndex(resourceUnits)];
    }

    /**
     * NPDSCH transport block size (TS 36.213 Table 16.4.1.5.1-1, not SIB1-NB).
     *
     * @param tbsIndex  {@code I_TBS}, 0..12 (Cat-NB1) or 0..13 (Cat-NB2)
     * @param subframes {@code N_SF}, one of 1, 2, 3, 4, 5, 6, 8, 10
     * @param category  device category
     * @return TBS in bits
     * @throws IllegalArgumentException if the entry does not exist for the category
     */
    public static int npdschBits(int tbsIndex, int subframes, DeviceCategory category) {
        if (!npdschAllowed(tbsIndex, subframes, category)) {
            throw new IllegalArgumentException("NPDSCH I_TBS = " + tbsIndex + ", N_SF = " + subframes
                    + " is not allowed for " + category + "; allowed: I_TBS 0.." + category.maxTbsIndex()
                    + ", N_SF in {1,2,3,4,5,6,8,10}, TBS <= " + category.maxDownlinkTbsBits() + " bits");
        }
        return NPDSCH[tbsIndex][unitIndex(subframes)];
    }

    /**
     * The uplink transport block a scheduler picks for {@code bits} still to send: the fewest
     * resource units (at most {@code maxResourceUnits}, within the category) whose TBS holds all
     * of them, or the largest allowed block if none does.
     *
     * @param tbsIndex         {@code I_TBS}
     * @param maxResourceUnits largest {@code N_RU} the scheduler uses
     * @param bits             bits to send, at least 1
     * @param category         device category
     * @return the block
     */
    public static TransportBlock uplinkBlock(int tbsIndex, int maxResourceUnits, int bits, DeviceCategory category) {
        return pick(NPUSCH, tbsIndex, maxResourceUnits, bits, category.maxTbsIndex(), category.maxUplinkTbsBits(),
                "uplink");
    }

    /**
     * The downlink transport block for {@code bits} still to send (see
     * {@link #uplinkBlock(int, int, int, DeviceCategory)}).
     *
     * @param tbsIndex     {@code I_TBS}
     * @param maxSubframes largest {@code N_SF} the scheduler uses
     * @param bits         bits to send, at least 1
     * @param category     device category
     * @return the block
     */
    public static TransportBlock downlinkBlock(int tbsIndex, int maxSubframes, int bits, DeviceCategory category) {
        return pick(NPDSCH, tbsIndex, maxSubframes, bits, category.maxTbsIndex(), category.maxDownlinkTbsBits(),
                "downlink");
    }

    private static TransportBlock pick(int[][] table, int tbsIndex, int maxUnits, int bits, int maxIndex,
            int maxBits, String direction) {
        if (bits < 1) {
            throw new IllegalArgumentException("bits = " + bits + " is not allowed; allowed: >= 1");
        }
        if (unitIndex(maxUnits) < 0) {
            throw new IllegalArgumentException("max units = " + maxUnits + " is not allowed; allowed: 1, 2, 3, 4, 5, 6, 8, 10");
        }
        int chosen = -1;
        for (int u = 0; u < UNITS.length && UNITS[u] <= maxUnits; u++) {
            if (!allowed(table, tbsIndex, UNITS[u], maxIndex, maxBits)) {
                continue;
            }
            chosen = u;
            if (table[tbsIndex][u] >= bits) {
                break;
            }
        }
        if (chosen < 0) {
            throw new IllegalArgumentException(direction + " I_TBS = " + tbsIndex + " with at most " + maxUnits
                    + " units has no transport block; allowed: I_TBS 0.." + maxIndex + ", TBS <= " + maxBits + " bits");
        }
        return new TransportBlock(table[tbsIndex][chosen], UNITS[chosen]);
    }

    private static boolean allowed(int[][] table, int tbsIndex, int units, int maxIndex, int maxBits) {
        int u = unitIndex(units);
        return tbsIndex >= 0 && tbsIndex <= maxIndex && tbsIndex < table.length && u >= 0
                && table[tbsIndex][u] <= maxBits;
    }
}
