package org.fedwan.channel.lorawan;

import org.fedwan.channel.lora.LoraPhy;
import org.fedwan.channel.lora.LoraTxParams;

/**
 * Class A receive-window timing and MAC constants (LoRaWAN 1.0.3 section 3.3 and Regional
 * Parameters 1.0.3revA "Default settings"; LoRaMac-node {@code RegionCommon.h}; lpwan-facts A4).
 *
 * <p>RX1 opens {@code RECEIVE_DELAY1} after the end of the uplink, RX2 one second after that.
 * A window that hears no preamble stays open for the LoRaMac-node timeout
 * ({@code RegionCommonComputeRxWindowParameters}):
 * <pre>
 * symbols = max(ceil(((2 * minRxSymbols - 8) * Tsym + 2 * rxError) / Tsym), minRxSymbols)
 * </pre>
 * with {@code minRxSymbols = 6} and {@code rxError = 10 ms}, i.e.
 * {@code max(ceil((4 Tsym + 20 ms) / Tsym), 6)}: SF7 24.6 ms, SF9 36.9 ms, SF12 196.6 ms at
 * 125 kHz (lpwan-facts A4 [C]). A window that receives a frame stays open until the frame ends;
 * the engine charges the downlink's time on air.
 */
public final class ReceiveWindows {

    /** RECEIVE_DELAY1: 1 s after the end of the uplink. */
    public static final long RECEIVE_DELAY1_US = 1_000_000L;
    /** RECEIVE_DELAY2: 2 s after the end of the uplink (RECEIVE_DELAY1 + 1 s). */
    public static final long RECEIVE_DELAY2_US = 2_000_000L;
    /** RX2 opens this long after RX1 (RECEIVE_DELAY2 - RECEIVE_DELAY1). */
    public static final long RX2_AFTER_RX1_US = RECEIVE_DELAY2_US - RECEIVE_DELAY1_US;
    /** JOIN_ACCEPT_DELAY1: 5 s. */
    public static final long JOIN_ACCEPT_DELAY1_US = 5_000_000L;
    /** JOIN_ACCEPT_DELAY2: 6 s. */
    public static final long JOIN_ACCEPT_DELAY2_US = 6_000_000L;
    /** ADR_ACK_LIMIT: uplinks without a downlink before the device sets ADRACKReq. */
    public static final int ADR_ACK_LIMIT = 64;
    /** ADR_ACK_DELAY: further uplinks before the device lowers its data rate. */
    public static final int ADR_ACK_DELAY = 32;
    /** Lower bound of RETRANSMIT_TIMEOUT (2 +/- 1 s). */
    public static final long RETRANSMIT_TIMEOUT_MIN_US = 1_000_000L;
    /** Upper bound of RETRANSMIT_TIMEOUT (2 +/- 1 s). */
    public static final long RETRANSMIT_TIMEOUT_MAX_US = 3_000_000L;
    /** MAX_FCNT_GAP. */
    public static final int MAX_FCNT_GAP = 16_384;
    /** LoRaMac-node default minimum number of symbols to detect a frame. */
    public static final int MIN_RX_SYMBOLS = 6;
    /** LoRaMac-node default system timing error of the receiver, 10 ms. */
    public static final long RX_ERROR_US = 10_000L;

    private ReceiveWindows() {
    }

    /**
     * @param uplinkEndUs      end of the uplink, µs
     * @param receiveDelay1Us  RECEIVE_DELAY1, µs
     * @return the time RX1 opens
     */
    public static long rx1OpenUs(long uplinkEndUs, long receiveDelay1Us) {
        return uplinkEndUs + receiveDelay1Us;
    }

    /**
     * @param uplinkEndUs      end of the uplink, µs
     * @param receiveDelay1Us  RECEIVE_DELAY1, µs
     * @return the time RX2 opens, one second after RX1
     */
    public static long rx2OpenUs(long uplinkEndUs, long receiveDelay1Us) {
        return uplinkEndUs + receiveDelay1Us + RX2_AFTER_RX1_US;
    }

    /**
     * @param symbolTimeUs  symbol time of the window's data rate, µs
     * @param minRxSymbols  minimum symbols to detect a preamble, at least 1
     * @param rxErrorUs     receiver timing error, µs, at least 0
     * @return symbols an empty window stays open
     */
    public static int emptyWindowSymbols(long symbolTimeUs, int minRxSymbols, long rxErrorUs) {
        if (symbolTimeUs <= 0 || minRxSymbols < 1 || rxErrorUs < 0) {
            throw new IllegalArgumentException("symbolTimeUs = " + symbolTimeUs + ", minRxSymbols = " + minRxSymbols
                    + ", rxErrorUs = " + rxErrorUs + " are not allowed; allowed: > 0, >= 1, >= 0");
        }
        long numerator = (2L * minRxSymbols - 8) * symbolTimeUs + 2 * rxErrorUs;
        long symbols = -Math.floorDiv(-numerator, symbolTimeUs);
        return (int) Math.max(symbols, minRxSymbols);
    }

    /**
     * Length of a window that hears nothing, with the LoRaMac-node defaults.
     *
     * @param windowParams radio settings of the window (its data rate)
     * @return duration in µs
     */
    public static long emptyWindowUs(LoraTxParams windowParams) {
        long tSym = LoraPhy.symbolTimeUs(windowParams);
        return emptyWindowSymbols(tSym, MIN_RX_SYMBOLS, RX_ERROR_US) * tSym;
    }
}
