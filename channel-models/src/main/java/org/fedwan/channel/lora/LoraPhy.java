package org.fedwan.channel.lora;

/**
 * LoRa time on air as pure functions of the PHY payload length and {@link LoraTxParams}.
 *
 * <p>Formula (Semtech SX1276/77/78/79 datasheet, section "Time on air"; Semtech AN1200.13;
 * ns-3 {@code lorawan} {@code LoraPhy::GetOnAirTime}, renamed {@code GetTimeOnAir} in newer
 * releases; lpwan-facts A1):
 * <pre>
 * Tsym = 2^SF / BW
 * Tpre = (Npre + 4.25) * Tsym
 * Npay = 8 + max(ceil((8*PL - 4*SF + 28 + 16*CRC - 20*IH) / (4*(SF - 2*DE))) * (CR + 4), 0)
 * ToA  = Tpre + Npay * Tsym
 * </pre>
 * with PL the PHY payload in bytes (for LoRaWAN: MHDR through MIC), CRC = 1 when the payload
 * CRC is on, IH = 1 in implicit-header mode, DE = 1 when low-data-rate optimisation is on and
 * CR = 1..4 for 4/5..4/8.
 *
 * <p>Integer arithmetic throughout: at 125, 250 and 500 kHz {@code Tsym} is 8, 4 and 2 times
 * {@code 2^SF} microseconds, a multiple of 128 µs for SF6..12, so {@code 4.25 * Tsym} and hence
 * the whole time on air is an exact integer number of microseconds.
 */
public final class LoraPhy {

    /**
     * Symbol time from which {@link LowDataRateOptimization#AUTO} switches low-data-rate
     * optimisation on: 16 ms (SX1276 datasheet, {@code LowDataRateOptimize}; LoRaMac-node
     * {@code SX1276SetTxConfig}).
     */
    public static final long LDRO_THRESHOLD_US = 16_000L;

    /** Largest PHY payload of the LoRa modem in bytes (8-bit {@code RegPayloadLength}). */
    public static final int MAX_PHY_PAYLOAD_BYTES = 255;

    private static final long MICROS_PER_SECOND = 1_000_000L;

    private LoraPhy() {
    }

    /**
     * Symbol time {@code Tsym = 2^SF / BW}.
     *
     * <p>Exact: every supported bandwidth divides {@code 2^SF * 10^6} (SF7/125 kHz = 1024 µs,
     * SF12/125 kHz = 32768 µs).
     *
     * @param p transmission parameters
     * @return symbol time in microseconds
     */
    public static long symbolTimeUs(LoraTxParams p) {
        return (MICROS_PER_SECOND << p.spreadingFactor()) / p.bandwidthHz();
    }

    /**
     * Symbol time {@code 2^SF / BW} as a double, for callers that work with non-integral
     * microseconds; equal to {@link #symbolTimeUs(LoraTxParams)} for every supported bandwidth.
     *
     * @param p transmission parameters
     * @return symbol time in microseconds
     */
    public static double symbolTimeUsExact(LoraTxParams p) {
        return (double) (MICROS_PER_SECOND << p.spreadingFactor()) / p.bandwidthHz();
    }

    /**
     * Whether low-data-rate optimisation ({@code DE}) is in effect: forced by
     * {@link LowDataRateOptimization#ON}/{@link LowDataRateOptimization#OFF}, otherwise on when
     * the symbol time is at least {@link #LDRO_THRESHOLD_US} (SF11/SF12 at 125 kHz, SF12 at
     * 250 kHz).
     *
     * @param p transmission parameters
     * @return true when {@code DE = 1}
     */
    public static boolean lowDataRateOptimized(LoraTxParams p) {
        return switch (p.lowDataRateOptimization()) {
            case ON -> true;
            case OFF -> false;
            case AUTO -> symbolTimeUs(p) >= LDRO_THRESHOLD_US;
        };
    }

    /**
     * Number of payload symbols {@code Npay}, including the 8 symbols that always follow the
     * preamble (see the class documentation for the formula).
     *
     * @param phyPayloadBytes PHY payload length {@code PL} in bytes, 0..255
     * @param p               transmission parameters
     * @return payload symbols, at least 8
     */
    public static int payloadSymbols(int phyPayloadBytes, LoraTxParams p) {
        requirePayload(phyPayloadBytes);
        int sf = p.spreadingFactor();
        int crc = p.crcOn() ? 1 : 0;
        int ih = p.explicitHeader() ? 0 : 1;
        int de = lowDataRateOptimized(p) ? 1 : 0;
        int numerator = 8 * phyPayloadBytes - 4 * sf + 28 + 16 * crc - 20 * ih;
        int denominator = 4 * (sf - 2 * de);
        int blocks = -Math.floorDiv(-numerator, denominator); // ceil for any sign
        return 8 + Math.max(blocks * (p.codingRate() + 4), 0);
    }

    /**
     * Time on air in milliseconds (exact value as a double: 41.216 ms for 10 bytes at
     * SF7/125 kHz, the reference value of ns-3 {@code lorawan}'s own test).
     *
     * @param phyPayloadBytes PHY payload length in bytes, 0..255
     * @param p               transmission parameters
     * @return time on air in milliseconds
     */
    public static double timeOnAirMs(int phyPayloadBytes, LoraTxParams p) {
        return timeOnAirQuarterUs(phyPayloadBytes, p) / 4_000.0;
    }

    /**
     * Time on air in microseconds, rounded up to the next microsecond if not integral (it is
     * always integral for the supported bandwidths, see the class documentation).
     *
     * @param phyPayloadBytes PHY payload length in bytes, 0..255
     * @param p               transmission parameters
     * @return time on air in microseconds
     */
    public static long timeOnAirUs(int phyPayloadBytes, LoraTxParams p) {
        return -Math.floorDiv(-timeOnAirQuarterUs(phyPayloadBytes, p), 4L);
    }

    /** {@code 4 * ToA} in microseconds: {@code (4*Npre + 17 + 4*Npay) * Tsym}, exact. */
    private static long timeOnAirQuarterUs(int phyPayloadBytes, LoraTxParams p) {
        long symbols4 = 4L * p.preambleSymbols() + 17L + 4L * payloadSymbols(phyPayloadBytes, p);
        return symbols4 * symbolTimeUs(p);
    }

    private static void requirePayload(int phyPayloadBytes) {
        if (phyPayloadBytes < 0 || phyPayloadBytes > MAX_PHY_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("phyPayloadBytes = " + phyPayloadBytes
                    + " is not allowed; allowed: 0.." + MAX_PHY_PAYLOAD_BYTES);
        }
    }
}
