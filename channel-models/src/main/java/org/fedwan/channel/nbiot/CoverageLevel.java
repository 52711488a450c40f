package org.fedwan.channel.nbiot;

/**
 * NB-IoT coverage enhancement level (3GPP TS 36.321 5.1.1, TS 36.331 {@code nprach-ParametersList}):
 * the cell configures one set of repetition counts per level and a device uses the set of its
 * level. The levels correspond to the maximum coupling loss (MCL) targets 144, 154 and 164 dB of
 * 3GPP TR 45.820 (lpwan-facts B1); {@link CoverageThresholds} maps a coupling loss to a level.
 */
public enum CoverageLevel {
    /** Normal coverage, coupling loss up to 144 dB by default (GPRS-like). */
    CE0,
    /** Robust coverage, up to 154 dB by default (+10 dB). */
    CE1,
    /** Extreme coverage, up to 164 dB by default (+20 dB, the NB-IoT design target). */
    CE2
}
