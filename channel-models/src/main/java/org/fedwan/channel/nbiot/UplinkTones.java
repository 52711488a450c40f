package org.fedwan.channel.nbiot;

import java.util.Objects;

/**
 * The subcarriers one NPUSCH transmission occupies: a subcarrier spacing and a number of tones
 * (3GPP TS 36.211 10.1.2.3, Table 10.1.2.3-1).
 *
 * <p>Resource unit (RU) of NPUSCH format 1 (data), slots per RU times the slot length:
 * <pre>
 * 3.75 kHz, 1 tone : 16 slots x 2 ms   = 32 ms
 * 15 kHz,   1 tone : 16 slots x 0.5 ms =  8 ms
 * 15 kHz,   3 tones:  8 slots          =  4 ms
 * 15 kHz,   6 tones:  4 slots          =  2 ms
 * 15 kHz,  12 tones:  2 slots          =  1 ms
 * </pre>
 * NPUSCH format 2 (HARQ-ACK) is always one tone and 4 slots: 8 ms at 3.75 kHz, 2 ms at 15 kHz.
 * A single-tone RU holds 16 slots x 7 symbols = 112 resource elements, a multi-tone RU 168; the
 * TBS table is the same for both (TS 36.213 Table 16.5.1.2-2), so a single-tone block has the
 * higher code rate, which is why single tone stops at {@code I_TBS} 10.
 *
 * <p>For sharing the carrier the occupied bandwidth is counted in 3.75 kHz {@link #lanes()}: a
 * 180 kHz carrier has {@value #CARRIER_LANES}; a 15 kHz tone takes four.
 *
 * @param spacing subcarrier spacing
 * @param tones   subcarriers used: 1 at 3.75 kHz; 1, 3, 6 or 12 at 15 kHz
 */
public record UplinkTones(SubcarrierSpacing spacing, int tones) {

    /** Bandwidth of an NB-IoT carrier (one LTE PRB), Hz. */
    public static final int CARRIER_BANDWIDTH_HZ = 180_000;
    /** 3.75 kHz lanes in one carrier: 180 kHz / 3.75 kHz. */
    public static final int CARRIER_LANES = 48;

    /** Validates the spacing/tone combination against TS 36.211 Table 10.1.2.3-1. */
    public UplinkTones {
        Objects.requireNonNull(spacing, "spacing is null");
        boolean allowed = spacing == SubcarrierSpacing.KHZ_3_75
                ? tones == 1
                : tones == 1 || tones == 3 || tones == 6 || tones == 12;
        if (!allowed) {
            throw new IllegalArgumentException("uplink tones = " + tones + " at " + spacing
                    + " is not allowed; allowed: 1 at KHZ_3_75; 1, 3, 6 or 12 at KHZ_15");
        }
    }

    /** @return one 3.75 kHz tone */
    public static UplinkTones singleTone3k75() {
        return new UplinkTones(SubcarrierSpacing.KHZ_3_75, 1);
    }

    /** @return one 15 kHz tone */
    public static UplinkTones singleTone15k() {
        return new UplinkTones(SubcarrierSpacing.KHZ_15, 1);
    }

    /**
     * @param tones 3, 6 or 12
     * @return a multi-tone 15 kHz allocation
     */
    public static UplinkTones multiTone(int tones) {
        if (tones == 1) {
            throw new IllegalArgumentException("tones = 1 is not multi-tone; allowed: 3, 6 or 12");
        }
        return new UplinkTones(SubcarrierSpacing.KHZ_15, tones);
    }

    /** @return true for a single-tone allocation (either spacing) */
    public boolean singleTone() {
        return tones == 1;
    }

    /** @return NPUSCH slots per resource unit of format 1 (Table 10.1.2.3-1) */
    public int slotsPerResourceUnit() {
        return switch (tones) {
            case 1 -> 16;
            case 3 -> 8;
            case 6 -> 4;
            default -> 2;
        };
    }

    /** @return duration of one NPUSCH format 1 resource unit in µs */
    public long resourceUnitUs() {
        return slotsPerResourceUnit() * spacing.slotUs();
    }

    /** @return duration of one NPUSCH format 2 (HARQ-ACK) resource unit in µs: 4 slots */
    public long ackResourceUnitUs() {
        return 4L * spacing.slotUs();
    }

    /** @return occupied bandwidth in Hz */
    public int bandwidthHz() {
        return tones * spacing.spacingHz();
    }

    /** @return occupied bandwidth in 3.75 kHz lanes, 1..{@value #CARRIER_LANES} */
    public int lanes() {
        return bandwidthHz() / SubcarrierSpacing.KHZ_3_75.spacingHz();
    }

    @Override
    public String toString() {
        return tones + (tones == 1 ? " tone" : " tones") + " at " + (spacing == SubcarrierSpacing.KHZ_15 ? "15" : "3.75")
                + " kHz";
    }
}
