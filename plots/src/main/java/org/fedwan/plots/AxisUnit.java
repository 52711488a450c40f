package org.fedwan.plots;

import java.util.Objects;

/**
 * The unit an axis is drawn in, as a multiple of the table's base unit (seconds or bytes).
 *
 * <p>Figures pick the unit from the span of the data so that tick labels stay short: a run of a
 * few minutes is drawn in seconds, a run of days in hours or days. Byte units are decimal (SI):
 * 1 kB = 1000 B.
 *
 * @param symbol the symbol printed in the axis label, e.g. {@code h} or {@code kB}
 * @param baseUnits how many base units (s or B) one of this unit holds
 */
public record AxisUnit(String symbol, double baseUnits) {

    public static final AxisUnit SECONDS = new AxisUnit("s", 1);
    public static final AxisUnit MINUTES = new AxisUnit("min", 60);
    public static final AxisUnit HOURS = new AxisUnit("h", 3_600);
    public static final AxisUnit DAYS = new AxisUnit("d", 86_400);

    public static final AxisUnit BYTES = new AxisUnit("B", 1);
    public static final AxisUnit KILOBYTES = new AxisUnit("kB", 1e3);
    public static final AxisUnit MEGABYTES = new AxisUnit("MB", 1e6);
    public static final AxisUnit GIGABYTES = new AxisUnit("GB", 1e9);

    /** Longest span, in seconds, still drawn in seconds (10 min). */
    static final double MAX_SPAN_IN_SECONDS_S = 600;
    /** Longest span, in seconds, still drawn in minutes (3 h). */
    static final double MAX_SPAN_IN_MINUTES_S = 3 * 3_600;
    /** Longest span, in seconds, still drawn in hours (3 d). */
    static final double MAX_SPAN_IN_HOURS_S = 3 * 86_400;

    /** @throws IllegalArgumentException if the symbol is blank or the size is not positive */
    public AxisUnit {
        Objects.requireNonNull(symbol, "symbol");
        if (symbol.isBlank()) {
            throw new IllegalArgumentException("symbol must not be blank");
        }
        if (!(baseUnits > 0) || Double.isInfinite(baseUnits)) {
            throw new IllegalArgumentException("baseUnits must be finite and > 0, got " + baseUnits);
        }
    }

    /**
     * Converts a value in base units into this unit.
     *
     * @param baseValue value in s or B
     * @return the value in this unit
     */
    public double of(double baseValue) {
        return baseValue / baseUnits;
    }

    /**
     * The time unit for an axis spanning {@code spanS} seconds: s up to 10 min, min up to 3 h,
     * h up to 3 days, d beyond.
     *
     * @param spanS the largest value on the axis, s
     * @return the unit to draw the axis in
     */
    public static AxisUnit forDurationS(double spanS) {
        if (spanS <= MAX_SPAN_IN_SECONDS_S) {
            return SECONDS;
        }
        if (spanS <= MAX_SPAN_IN_MINUTES_S) {
            return MINUTES;
        }
        if (spanS <= MAX_SPAN_IN_HOURS_S) {
            return HOURS;
        }
        return DAYS;
    }

    /**
     * The byte unit for an axis reaching {@code maxBytes}: the largest of B, kB, MB, GB that the
     * value reaches at least once.
     *
     * @param maxBytes the largest value on the axis, B
     * @return the unit to draw the axis in
     */
    public static AxisUnit forBytes(double maxBytes) {
        if (maxBytes >= GIGABYTES.baseUnits) {
            return GIGABYTES;
        }
        if (maxBytes >= MEGABYTES.baseUnits) {
            return MEGABYTES;
        }
        if (maxBytes >= KILOBYTES.baseUnits) {
            return KILOBYTES;
        }
        return BYTES;
    }
}
