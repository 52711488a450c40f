package org.fedwan.channel.nbiot;

/**
 * Fixed gaps of the NB-IoT scheduling timeline (3GPP TS 36.213 16.4-16.6, TS 36.321 5.1.4), the
 * smallest values the standard allows, which a scheduler in no hurry may enlarge:
 * <ul>
 *   <li>{@code dciToNpuschUs}: end of the uplink grant on NPDCCH to start of NPUSCH,
 *       {@code k0} in {8, 16, 32, 64} ms (TS 36.213 Table 16.5.1-1; OAI {@code scheduling_delay}) [V];</li>
 *   <li>{@code dciToNpdschUs}: end of the downlink assignment to start of NPDSCH, at least
 *       5 subframes (TS 36.213 16.4.1) [V];</li>
 *   <li>{@code npdschToAckUs}: end of NPDSCH to start of its HARQ-ACK, {@code k0 - 1} with
 *       {@code k0} in {13, 15, 17, 18} (TS 36.213 16.4.2; OAI {@code ack_nack_delay}) [V];</li>
 *   <li>{@code uplinkToNextDciUs}: after an NPUSCH transmission a device need not monitor
 *       NPDCCH for 3 ms (TS 36.213 16.6) [V];</li>
 *   <li>{@code rarToMsg3Us}: end of the random access response to Msg3, in {12, 16, 32, 64} ms
 *       (TS 36.213 16.3.3; OAI {@code msg3_scheduling_delay_table}) [V];</li>
 *   <li>{@code preambleToRarUs}: end of the preamble to the start of the RAR window, 3 ms, or
 *       41 ms when the preamble is repeated 64 times or more (TS 36.321 5.1.4) [V].</li>
 * </ul>
 *
 * @param dciToNpuschUs      µs, at least 8000
 * @param dciToNpdschUs      µs, at least 5000
 * @param npdschToAckUs      µs, at least 12000
 * @param uplinkToNextDciUs  µs, at least 3000
 * @param rarToMsg3Us        µs, at least 12000
 * @param preambleToRarUs    µs for fewer than 64 preamble repetitions, at least 3000
 * @param longPreambleToRarUs µs for 64 or more preamble repetitions, at least 41000
 */
public record HarqTiming(long dciToNpuschUs, long dciToNpdschUs, long npdschToAckUs, long uplinkToNextDciUs,
                         long rarToMsg3Us, long preambleToRarUs, long longPreambleToRarUs) {

    /** The standard's minimum gaps. */
    public static final HarqTiming MINIMUM = new HarqTiming(8_000L, 5_000L, 12_000L, 3_000L, 12_000L, 3_000L, 41_000L);

    /** Validates every gap against the minimum of {@link #MINIMUM}. */
    public HarqTiming {
        atLeast("dciToNpuschUs", dciToNpuschUs, 8_000L);
        atLeast("dciToNpdschUs", dciToNpdschUs, 5_000L);
        atLeast("npdschToAckUs", npdschToAckUs, 12_000L);
        atLeast("uplinkToNextDciUs", uplinkToNextDciUs, 3_000L);
        atLeast("rarToMsg3Us", rarToMsg3Us, 12_000L);
        atLeast("preambleToRarUs", preambleToRarUs, 3_000L);
        atLeast("longPreambleToRarUs", longPreambleToRarUs, 41_000L);
    }

    private static void atLeast(String field, long valueUs, long minUs) {
        if (valueUs < minUs) {
            throw new IllegalArgumentException(field + " = " + valueUs + " is not allowed; allowed: >= " + minUs
                    + " µs (TS 36.213 / TS 36.321 minimum)");
        }
    }
}
