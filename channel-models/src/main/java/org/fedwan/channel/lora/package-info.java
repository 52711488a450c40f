/**
 * LoRa physical layer: transmission parameters, time on air, demodulation floors and receiver
 * sensitivity.
 *
 * <p>{@link org.fedwan.channel.lora.LoraTxParams} is a small immutable record of the radio
 * settings of one transmission (spreading factor, bandwidth, coding rate, preamble, header,
 * CRC, low-data-rate optimisation). {@link org.fedwan.channel.lora.LoraPhy} holds pure static
 * functions over it: symbol time, payload symbol count and time on air, following the Semtech
 * SX1276/77/78/79 datasheet (section "LoRa Packet Structure", time-on-air formula), Semtech
 * AN1200.13 and ns-3 {@code lorawan} {@code LoraPhy::GetOnAirTime}.
 * {@link org.fedwan.channel.lora.LoraDemodulation} gives the SNR floor per spreading factor and
 * the noise floor; {@link org.fedwan.channel.lora.SensitivityTable} the sensitivity per
 * spreading factor and bandwidth (ns-3 SX1301 gateway, ns-3 SX1272 device, Bor et al. measured,
 * Semtech formula; lpwan-facts A6).
 *
 * <p>Nothing here reads a clock or holds state. Engine-facing durations are {@code long}
 * microseconds; the supported bandwidths (125, 250, 500 kHz) make every symbol time and every
 * time on air an exact integer number of microseconds.
 */
package org.fedwan.channel.lora;
