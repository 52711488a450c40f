/**
 * NB-IoT link physics as pure functions over small immutable records: coverage enhancement
 * levels from the coupling loss ({@link org.fedwan.channel.nbiot.CoverageThresholds}, 144 / 154 /
 * 164 dB), repetition counts and link adaptation per level
 * ({@link org.fedwan.channel.nbiot.CoverageLevelConfig}), uplink tones and resource units
 * ({@link org.fedwan.channel.nbiot.UplinkTones}), Cat-NB1/NB2 transport block sizes
 * ({@link org.fedwan.channel.nbiot.TransportBlockSizes}, TS 36.213), the durations and phase
 * sequences of random access, data transfer and release
 * ({@link org.fedwan.channel.nbiot.Procedures}), per-level rates
 * ({@link org.fedwan.channel.nbiot.LinkRates}), DRX/eDRX/PSM timers
 * ({@link org.fedwan.channel.nbiot.PowerSavingConfig}), module power profiles
 * ({@link org.fedwan.channel.nbiot.NbiotPowerProfile}) and energy per report and lifetime
 * ({@link org.fedwan.channel.nbiot.NbiotEnergy}).
 *
 * <p>Nothing here reads a clock or keeps state. The coupling loss is an input: the caller
 * computes it from the same path-loss models and link budget as LoRaWAN. Values tagged [V] in the
 * Javadoc were checked against 3GPP text or public stack code (srsRAN, OpenAirInterface, ns-3
 * LENA-NB); values tagged [U] are configurable defaults, never constants in the logic. Sources
 * and defaults are collected in {@code docs/nbiot.md}.
 */
package org.fedwan.channel.nbiot;
