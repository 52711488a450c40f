package org.fedwan.channel.nbiot;

/**
 * NB-IoT uplink subcarrier spacing (3GPP TS 36.211 10.1.2): 3.75 kHz (single tone only, 2 ms
 * slots) or 15 kHz (1, 3, 6 or 12 tones, 0.5 ms slots, the LTE numerology).
 */
public enum SubcarrierSpacing {
    /** 3.75 kHz: 48 subcarriers per 180 kHz carrier, slot 2 ms. */
    KHZ_3_75(3_750, 2_000L),
    /** 15 kHz: 12 subcarriers per 180 kHz carrier, slot 0.5 ms. */
    KHZ_15(15_000, 500L);

    private final int spacingHz;
    private final long slotUs;

    SubcarrierSpacing(int spacingHz, long slotUs) {
        this.spacingHz = spacingHz;
        this.slotUs = slotUs;
    }

    /** @return subcarrier spacing in Hz */
    public int spacingHz() {
        return spacingHz;
    }

    /** @return NPUSCH slot duration in µs (TS 36.211 10.1.2: 2 ms at 3.75 kHz, 0.5 ms at 15 kHz) */
    public long slotUs() {
        return slotUs;
    }
}
