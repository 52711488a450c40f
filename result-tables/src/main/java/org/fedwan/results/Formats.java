package org.fedwan.results;

import java.util.Locale;

/**
 * Locale-independent number formats of the result tables, so that files are byte-identical on
 * every machine: engine times (integer µs) are written exactly, without floating-point rounding.
 */
public final class Formats {

    private Formats() {
    }

    /** Engine microseconds as seconds with exactly six decimals. */
    public static String seconds(long us) {
        String sign = us < 0 ? "-" : "";
        long a = Math.abs(us);
        return sign + (a / 1_000_000) + "." + zeroPadded(a % 1_000_000, 6);
    }

    /** Engine microseconds as milliseconds with exactly three decimals. */
    public static String millis(long us) {
        long a = Math.abs(us);
        return (us < 0 ? "-" : "") + (a / 1000) + "." + zeroPadded(a % 1000, 3);
    }

    /** A double with {@code decimals} decimals, '.' as separator; NaN as an empty cell ("not measured"). */
    public static String fixed(double v, int decimals) {
        if (Double.isNaN(v)) {
            return "";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /**
     * {@code v} (0 <= v < 10^digits) with leading zeros to {@code digits} digits: what
     * {@code String.format(Locale.ROOT, "%0<digits>d", v)} gives, without the formatter's cost
     * (the tables write millions of times).
     */
    private static String zeroPadded(long v, int digits) {
        String s = Long.toString(v);
        return s.length() >= digits ? s : "0".repeat(digits - s.length()) + s;
    }

    /** Seconds of a time that may be absent (negative = absent, written as an empty cell). */
    public static String optionalSeconds(long us) {
        return us < 0 ? "" : seconds(us);
    }
}
