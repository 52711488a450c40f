package org.fedwan.channel.nbiot;

/**
 * NPRACH preamble format (3GPP TS 36.211 10.1.6.1, Table 10.1.6.1-1). One preamble repetition is
 * four symbol groups, each a cyclic prefix plus five symbols of 8192 Ts = 266.67 µs on one
 * 3.75 kHz subcarrier (frequency hopping between groups). Durations are rounded to whole
 * microseconds; the same arithmetic is in ns-3 LENA-NB ({@code NbIotRrcSap}, preamble symbol
 * time 8192 Ts, group = CP + 5 symbols, repetition = 4 groups).
 */
public enum NprachFormat {
    /** Cyclic prefix 66.67 µs (cells up to about 10 km): 4 x (66.67 + 5 x 266.67) µs = 5.6 ms per repetition. */
    FORMAT_0(5_600L),
    /** Cyclic prefix 266.67 µs (cells up to about 40 km): 4 x (266.67 + 5 x 266.67) µs = 6.4 ms per repetition. */
    FORMAT_1(6_400L);

    private final long repetitionUs;

    NprachFormat(long repetitionUs) {
        this.repetitionUs = repetitionUs;
    }

    /** @return duration of one preamble repetition (four symbol groups) in µs */
    public long repetitionUs() {
        return repetitionUs;
    }
}
