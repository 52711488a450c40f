package org.fedwan.channel.lora;

import java.util.List;
import java.util.Objects;

/**
 * Radio settings of one LoRa transmission, validated on construction.
 *
 * <p>Allowed values (Semtech SX1276/77/78/79 datasheet, register {@code RegModemConfig1/2} and
 * {@code RegPreambleMsb/Lsb}):
 * <ul>
 *   <li>{@code spreadingFactor} 6..12; SF6 works only in implicit-header mode (datasheet,
 *       section "Spreading Factor", SF6 special case: the header must be set to implicit
 *       mode), so SF6 with {@code explicitHeader = true} is rejected;</li>
 *   <li>{@code bandwidthHz} one of {@link #SUPPORTED_BANDWIDTHS_HZ} (125, 250, 500 kHz: the only
 *       LoRa bandwidths used by LoRaWAN Regional Parameters 1.0.3revA). The narrow SX1276
 *       bandwidths (7.8 .. 62.5 kHz) are not accepted: their exact values (e.g. 7812.5 Hz) are
 *       not whole hertz and would make symbol times non-integral;</li>
 *   <li>{@code codingRate} 1..4, meaning 4/5 .. 4/8 (the {@code CR} of the time-on-air
 *       formula);</li>
 *   <li>{@code preambleSymbols} 6..65535 programmed preamble symbols ({@code Npre}; the radio
 *       adds 4.25 symbols of sync word and start-of-frame delimiter).</li>
 * </ul>
 *
 * @param spreadingFactor         spreading factor SF, 6..12
 * @param bandwidthHz             LoRa bandwidth in hertz: 125000, 250000 or 500000
 * @param codingRate              coding rate index 1..4 for 4/5..4/8
 * @param preambleSymbols         programmed preamble length in symbols, 6..65535
 * @param explicitHeader          true for explicit header mode ({@code IH = 0})
 * @param crcOn                   true when the payload CRC is sent ({@code CRC = 1})
 * @param lowDataRateOptimization low-data-rate optimisation mode, not null
 */
public record LoraTxParams(
        int spreadingFactor,
        long bandwidthHz,
        int codingRate,
        int preambleSymbols,
        boolean explicitHeader,
        boolean crcOn,
        LowDataRateOptimization lowDataRateOptimization) {

    /** Smallest spreading factor of the SX1276. */
    public static final int MIN_SPREADING_FACTOR = 6;
    /** Largest spreading factor of the SX1276. */
    public static final int MAX_SPREADING_FACTOR = 12;
    /** Bandwidths accepted in hertz (LoRaWAN Regional Parameters 1.0.3revA). */
    public static final List<Long> SUPPORTED_BANDWIDTHS_HZ = List.of(125_000L, 250_000L, 500_000L);
    /** Smallest coding rate index (4/5). */
    public static final int MIN_CODING_RATE = 1;
    /** Largest coding rate index (4/8). */
    public static final int MAX_CODING_RATE = 4;
    /** Smallest programmable preamble length in symbols (SX1276 {@code RegPreambleLsb}). */
    public static final int MIN_PREAMBLE_SYMBOLS = 6;
    /** Largest programmable preamble length in symbols (16-bit register). */
    public static final int MAX_PREAMBLE_SYMBOLS = 65_535;

    /**
     * LoRaWAN preamble length in symbols (LoRaMac-node {@code RegionEU868.c SetTxConfig};
     * LoRaWAN Regional Parameters 1.0.3revA).
     */
    public static final int LORAWAN_PREAMBLE_SYMBOLS = 8;
    /** LoRaWAN coding rate index: 4/5 (LoRaWAN Regional Parameters 1.0.3revA). */
    public static final int LORAWAN_CODING_RATE = 1;

    /** Validates every field; see the class documentation for the allowed values. */
    public LoraTxParams {
        if (spreadingFactor < MIN_SPREADING_FACTOR || spreadingFactor > MAX_SPREADING_FACTOR) {
            throw new IllegalArgumentException("spreadingFactor = " + spreadingFactor
                    + " is not allowed; allowed: " + MIN_SPREADING_FACTOR + ".." + MAX_SPREADING_FACTOR);
        }
        if (!SUPPORTED_BANDWIDTHS_HZ.contains(bandwidthHz)) {
            throw new IllegalArgumentException("bandwidthHz = " + bandwidthHz
                    + " is not allowed; allowed: " + SUPPORTED_BANDWIDTHS_HZ);
        }
        if (codingRate < MIN_CODING_RATE || codingRate > MAX_CODING_RATE) {
            throw new IllegalArgumentException("codingRate = " + codingRate
                    + " is not allowed; allowed: " + MIN_CODING_RATE + ".." + MAX_CODING_RATE
                    + " (meaning 4/5..4/8)");
        }
        if (preambleSymbols < MIN_PREAMBLE_SYMBOLS || preambleSymbols > MAX_PREAMBLE_SYMBOLS) {
            throw new IllegalArgumentException("preambleSymbols = " + preambleSymbols
                    + " is not allowed; allowed: " + MIN_PREAMBLE_SYMBOLS + ".." + MAX_PREAMBLE_SYMBOLS);
        }
        if (spreadingFactor == 6 && explicitHeader) {
            throw new IllegalArgumentException("spreadingFactor = 6 with explicitHeader = true is not allowed;"
                    + " the SX1276 supports SF6 only in implicit-header mode (explicitHeader = false)");
        }
        Objects.requireNonNull(lowDataRateOptimization,
                "lowDataRateOptimization is null; allowed: AUTO, ON, OFF");
    }

    /**
     * LoRaWAN uplink settings: CR 4/5, preamble 8, explicit header, CRC on, low-data-rate
     * optimisation AUTO (LoRaMac-node {@code RegionEU868.c SetTxConfig}; lpwan-facts A1).
     *
     * @param spreadingFactor 7..12 for LoRaWAN (6 is rejected: it needs an implicit header)
     * @param bandwidthHz     125000, 250000 or 500000
     * @return uplink parameters
     */
    public static LoraTxParams uplink(int spreadingFactor, long bandwidthHz) {
        return new LoraTxParams(spreadingFactor, bandwidthHz, LORAWAN_CODING_RATE, LORAWAN_PREAMBLE_SYMBOLS,
                true, true, LowDataRateOptimization.AUTO);
    }

    /**
     * LoRaWAN downlink settings: as {@link #uplink(int, long)} but with the payload CRC off
     * (LoRaWAN 1.0.3 section 3.2 "Downlink Messages": no payload CRC; lpwan-facts A1).
     *
     * @param spreadingFactor 7..12 for LoRaWAN
     * @param bandwidthHz     125000, 250000 or 500000
     * @return downlink parameters
     */
    public static LoraTxParams downlink(int spreadingFactor, long bandwidthHz) {
        return uplink(spreadingFactor, bandwidthHz).withCrcOn(false);
    }

    /** @return a copy with {@code spreadingFactor} replaced */
    public LoraTxParams withSpreadingFactor(int newSpreadingFactor) {
        return new LoraTxParams(newSpreadingFactor, bandwidthHz, codingRate, preambleSymbols, explicitHeader,
                crcOn, lowDataRateOptimization);
    }

    /** @return a copy with {@code bandwidthHz} replaced */
    public LoraTxParams withBandwidthHz(long newBandwidthHz) {
        return new LoraTxParams(spreadingFactor, newBandwidthHz, codingRate, preambleSymbols, explicitHeader,
                crcOn, lowDataRateOptimization);
    }

    /** @return a copy with {@code codingRate} replaced */
    public LoraTxParams withCodingRate(int newCodingRate) {
        return new LoraTxParams(spreadingFactor, bandwidthHz, newCodingRate, preambleSymbols, explicitHeader,
                crcOn, lowDataRateOptimization);
    }

    /** @return a copy with {@code preambleSymbols} replaced */
    public LoraTxParams withPreambleSymbols(int newPreambleSymbols) {
        return new LoraTxParams(spreadingFactor, bandwidthHz, codingRate, newPreambleSymbols, explicitHeader,
                crcOn, lowDataRateOptimization);
    }

    /** @return a copy with {@code explicitHeader} replaced */
    public LoraTxParams withExplicitHeader(boolean newExplicitHeader) {
        return new LoraTxParams(spreadingFactor, bandwidthHz, codingRate, preambleSymbols, newExplicitHeader,
                crcOn, lowDataRateOptimization);
    }

    /** @return a copy with {@code crcOn} replaced */
    public LoraTxParams withCrcOn(boolean newCrcOn) {
        return new LoraTxParams(spreadingFactor, bandwidthHz, codingRate, preambleSymbols, explicitHeader,
                newCrcOn, lowDataRateOptimization);
    }

    /** @return a copy with {@code lowDataRateOptimization} replaced */
    public LoraTxParams withLowDataRateOptimization(LowDataRateOptimization newLowDataRateOptimization) {
        return new LoraTxParams(spreadingFactor, bandwidthHz, codingRate, preambleSymbols, explicitHeader,
                crcOn, newLowDataRateOptimization);
    }
}
