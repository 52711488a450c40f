package org.fedwan.channel.lora;

/**
 * Low-data-rate optimisation ({@code LowDataRateOptimize} bit of the SX1276
 * {@code RegModemConfig3}); when on, the payload symbol formula uses {@code DE = 1}.
 *
 * <p>{@link #AUTO} switches it on exactly when the symbol time is at least 16 ms, as the SX1276
 * datasheet recommends and as LoRaMac-node {@code SX1276SetTxConfig} does: SF11 and SF12 at
 * 125 kHz, and SF12 at 250 kHz.
 */
public enum LowDataRateOptimization {
    /** On when the symbol time is at least 16 ms ({@link LoraPhy#LDRO_THRESHOLD_US}). */
    AUTO,
    /** Always on ({@code DE = 1}). */
    ON,
    /** Always off ({@code DE = 0}). */
    OFF
}
