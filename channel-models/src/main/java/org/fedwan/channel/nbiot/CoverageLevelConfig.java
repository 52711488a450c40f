package org.fedwan.channel.nbiot;

import java.util.Objects;

/**
 * What a cell configures for one coverage enhancement level: repetition counts per physical
 * channel, the NPRACH resource, and the link adaptation the scheduler uses for that level
 * (tones, TBS index and largest block), plus the time a device needs to resynchronise there.
 *
 * <p>Allowed values follow the 3GPP enumerations (TS 36.331 {@code NPRACH-Parameters-NB},
 * {@code ACK-NACK-NumRepetitions-NB}; TS 36.213 16.4.1.3 and 16.5.1.1; the same sets appear in
 * OpenAirInterface's NB-IoT MAC as {@code rachrepeat}, {@code rachperiod}, {@code rachnumsc},
 * {@code R_dl_table}): [V]. The per-level defaults of {@link #defaults(CoverageLevel)} are
 * operator choices that no standard fixes: [U], each a configurable default. They were chosen so
 * that the uplink of each level delivers its bits at a received Eb/N0 of about 3 dB at the
 * level's MCL (23 dBm device, 3 dB eNB noise figure: C/N0 = 50, 40, 30 dB-Hz at 144, 154,
 * 164 dB), see {@code docs/nbiot.md}.
 *
 * @param syncUs                 time to resynchronise after PSM (NPSS/NSSS, MIB-NB, SIB1-NB and
 *                               SIB2-NB check) in µs, spent receiving; at least 0
 * @param nprachRepetitions      preamble repetitions per attempt: 1, 2, 4, ..., 128
 * @param nprachPeriodUs         NPRACH resource periodicity: 40, 80, 160, 240, 320, 640, 1280 or
 *                               2560 ms, in µs
 * @param nprachSubcarriers      NPRACH subcarriers (preambles) of the level: 12, 24, 36 or 48
 * @param npdcchRepetitions      repetitions of a DCI on NPDCCH: 1, 2, 4, ..., 2048
 * @param npdschRepetitions      NPDSCH repetitions: one of 1, 2, 4, 8, 16, 32, 64, 128, 192, 256,
 *                               384, 512, 768, 1024, 1536, 2048
 * @param npuschRepetitions      NPUSCH format 1 repetitions: 1, 2, 4, ..., 128
 * @param ackRepetitions         NPUSCH format 2 (HARQ-ACK) repetitions: 1, 2, 4, ..., 128
 * @param uplinkTones            tones of data NPUSCH (HARQ-ACK uses one tone of the same spacing)
 * @param uplinkTbsIndex         {@code I_TBS} of data NPUSCH (at most 10 for a single tone)
 * @param uplinkMaxResourceUnits largest {@code N_RU} per uplink transport block
 * @param downlinkTbsIndex       {@code I_TBS} of NPDSCH
 * @param downlinkMaxSubframes   largest {@code N_SF} per downlink transport block
 */
public record CoverageLevelConfig(long syncUs, int nprachRepetitions, long nprachPeriodUs, int nprachSubcarriers,
                                  int npdcchRepetitions, int npdschRepetitions, int npuschRepetitions,
                                  int ackRepetitions, UplinkTones uplinkTones, int uplinkTbsIndex,
                                  int uplinkMaxResourceUnits, int downlinkTbsIndex, int downlinkMaxSubframes) {

    private static final long MS = 1_000L;
    private static final long[] NPRACH_PERIODS_MS = {40, 80, 160, 240, 320, 640, 1280, 2560};
    private static final int[] NPRACH_SUBCARRIERS = {12, 24, 36, 48};
    private static final int[] NPDSCH_REPETITIONS =
            {1, 2, 4, 8, 16, 32, 64, 128, 192, 256, 384, 512, 768, 1024, 1536, 2048};

    /** Validates every field against the 3GPP value sets. */
    public CoverageLevelConfig {
        Objects.requireNonNull(uplinkTones, "uplinkTones is null");
        if (syncUs < 0) {
            throw new IllegalArgumentException("syncUs = " + syncUs + " is not allowed; allowed: >= 0");
        }
        requirePowerOfTwo("nprachRepetitions", nprachRepetitions, 128);
        boolean periodOk = false;
        for (long p : NPRACH_PERIODS_MS) {
            periodOk |= nprachPeriodUs == p * MS;
        }
        if (!periodOk) {
            throw new IllegalArgumentException("nprachPeriodUs = " + nprachPeriodUs
                    + " is not allowed; allowed: 40, 80, 160, 240, 320, 640, 1280 or 2560 ms (in µs)");
        }
        if (!contains(NPRACH_SUBCARRIERS, nprachSubcarriers)) {
            throw new IllegalArgumentException("nprachSubcarriers = " + nprachSubcarriers
                    + " is not allowed; allowed: 12, 24, 36 or 48");
        }
        requirePowerOfTwo("npdcchRepetitions", npdcchRepetitions, 2048);
        if (!contains(NPDSCH_REPETITIONS, npdschRepetitions)) {
            throw new IllegalArgumentException("npdschRepetitions = " + npdschRepetitions
                    + " is not allowed; allowed: 1, 2, 4, 8, 16, 32, 64, 128, 192, 256, 384, 512, 768, 1024, 1536, 2048");
        }
        requirePowerOfTwo("npuschRepetitions", npuschRepetitions, 128);
        requirePowerOfTwo("ackRepetitions", ackRepetitions, 128);
        if (uplinkTbsIndex < 0 || uplinkTbsIndex > 13) {
            throw new IllegalArgumentException("uplinkTbsIndex = " + uplinkTbsIndex + " is not allowed; allowed: 0..13");
        }
        if (uplinkTones.singleTone() && uplinkTbsIndex > TransportBlockSizes.MAX_SINGLE_TONE_TBS_INDEX) {
            throw new IllegalArgumentException("uplinkTbsIndex = " + uplinkTbsIndex + " is not allowed for a single tone;"
                    + " allowed: 0.." + TransportBlockSizes.MAX_SINGLE_TONE_TBS_INDEX + " (TS 36.213 Table 16.5.1.2-1)");
        }
        if (TransportBlockSizes.unitIndex(uplinkMaxResourceUnits) < 0) {
            throw new IllegalArgumentException("uplinkMaxResourceUnits = " + uplinkMaxResourceUnits
                    + " is not allowed; allowed: 1, 2, 3, 4, 5, 6, 8, 10");
        }
        if (downlinkTbsIndex < 0 || downlinkTbsIndex > 13) {
            throw new IllegalArgumentException("downlinkTbsIndex = " + downlinkTbsIndex + " is not allowed; allowed: 0..13");
        }
        if (TransportBlockSizes.unitIndex(downlinkMaxSubframes) < 0) {
            throw new IllegalArgumentException("downlinkMaxSubframes = " + downlinkMaxSubframes
                    + " is not allowed; allowed: 1, 2, 3, 4, 5, 6, 8, 10");
        }
    }

    /**
     * The default configuration of a level, all [U] (operator choices):
     * <pre>
     *                      CE0            CE1            CE2
     * syncUs               1.5 s          2.5 s          3.5 s
     * NPRACH reps/period   2 / 160 ms     8 / 320 ms     32 / 640 ms
     * NPRACH subcarriers   24             12             12
     * NPDCCH reps          2              16             64
     * NPDSCH reps          1              8              32
     * NPUSCH reps          1              1              2
     * HARQ-ACK reps        1              4              16
     * uplink tones         6 x 15 kHz     1 x 15 kHz     1 x 3.75 kHz
     * uplink I_TBS, N_RU   6, 4 (392 b)   2, 10 (424 b)  1, 10 (344 b)
     * downlink I_TBS, N_SF 10, 4 (680 b)  6, 6 (600 b)   2, 10 (424 b)
     * </pre>
     * Synchronisation after PSM: the mean wait for SIB1-NB (period 2.56 s) plus NPSS/NSSS and
     * MIB-NB in good coverage; longer where MIB-NB and SIB1-NB must be combined over several
     * periods.
     *
     * @param level coverage level
     * @return its default configuration
     */
    public static CoverageLevelConfig defaults(CoverageLevel level) {
        return switch (level) {
            case CE0 -> new CoverageLevelConfig(1_500 * MS, 2, 160 * MS, 24, 2, 1, 1, 1,
                    UplinkTones.multiTone(6), 6, 4, 10, 4);
            case CE1 -> new CoverageLevelConfig(2_500 * MS, 8, 320 * MS, 12, 16, 8, 1, 4,
                    UplinkTones.singleTone15k(), 2, 10, 6, 6);
            case CE2 -> new CoverageLevelConfig(3_500 * MS, 32, 640 * MS, 12, 64, 32, 2, 16,
                    UplinkTones.singleTone3k75(), 1, 10, 2, 10);
        };
    }

    /** @return a copy with {@code syncUs} replaced */
    public CoverageLevelConfig withSyncUs(long newSyncUs) {
        return new CoverageLevelConfig(newSyncUs, nprachRepetitions, nprachPeriodUs, nprachSubcarriers,
                npdcchRepetitions, npdschRepetitions, npuschRepetitions, ackRepetitions, uplinkTones, uplinkTbsIndex,
                uplinkMaxResourceUnits, downlinkTbsIndex, downlinkMaxSubframes);
    }

    /** @return a copy with the NPRACH repetitions and period replaced */
    public CoverageLevelConfig withNprach(int newRepetitions, long newPeriodUs) {
        return new CoverageLevelConfig(syncUs, newRepetitions, newPeriodUs, nprachSubcarriers,
                npdcchRepetitions, npdschRepetitions, npuschRepetitions, ackRepetitions, uplinkTones, uplinkTbsIndex,
                uplinkMaxResourceUnits, downlinkTbsIndex, downlinkMaxSubframes);
    }

    /** @return a copy with the downlink repetition counts (NPDCCH, NPDSCH) replaced */
    public CoverageLevelConfig withDownlinkRepetitions(int newNpdcchRepetitions, int newNpdschRepetitions) {
        return new CoverageLevelConfig(syncUs, nprachRepetitions, nprachPeriodUs, nprachSubcarriers,
                newNpdcchRepetitions, newNpdschRepetitions, npuschRepetitions, ackRepetitions, uplinkTones,
                uplinkTbsIndex, uplinkMaxResourceUnits, downlinkTbsIndex, downlinkMaxSubframes);
    }

    /** @return a copy with the uplink link adaptation replaced */
    public CoverageLevelConfig withUplink(UplinkTones newTones, int newTbsIndex, int newMaxResourceUnits,
            int newNpuschRepetitions) {
        return new CoverageLevelConfig(syncUs, nprachRepetitions, nprachPeriodUs, nprachSubcarriers,
                npdcchRepetitions, npdschRepetitions, newNpuschRepetitions, ackRepetitions, newTones, newTbsIndex,
                newMaxResourceUnits, downlinkTbsIndex, downlinkMaxSubframes);
    }

    /** @return a copy with the downlink link adaptation replaced */
    public CoverageLevelConfig withDownlink(int newTbsIndex, int newMaxSubframes) {
        return new CoverageLevelConfig(syncUs, nprachRepetitions, nprachPeriodUs, nprachSubcarriers,
                npdcchRepetitions, npdschRepetitions, npuschRepetitions, ackRepetitions, uplinkTones, uplinkTbsIndex,
                uplinkMaxResourceUnits, newTbsIndex, newMaxSubframes);
    }

    /** @return a copy with {@code ackRepetitions} replaced */
    public CoverageLevelConfig withAckRepetitions(int newAckRepetitions) {
        return new CoverageLevelConfig(syncUs, nprachRepetitions, nprachPeriodUs, nprachSubcarriers,
                npdcchRepetitions, npdschRepetitions, npuschRepetitions, newAckRepetitions, uplinkTones,
                uplinkTbsIndex, uplinkMaxResourceUnits, downlinkTbsIndex, downlinkMaxSubframes);
    }

    private static void requirePowerOfTwo(String field, int value, int max) {
        if (value < 1 || value > max || Integer.bitCount(value) != 1) {
            throw new IllegalArgumentException(field + " = " + value + " is not allowed; allowed: 1, 2, 4, ..., " + max);
        }
    }

    private static boolean contains(int[] values, int v) {
        for (int x : values) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }
}
