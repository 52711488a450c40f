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
        return sign + (a / 1_000_000) + "." + String.format(Locale.ROOT, "%06d", a % 1_000_000);
    }

    /** Engine microseconds as milliseconds with exactly three decimals. */
    public static String millis(long us) {
        long a = Math.abs(us);
        return (us < 0 ? "-" : "") + (a / 1000) + "." + String.format(Locale.ROOT, "%03d", a % 1000);
    }

    /** A double with {@code decimals} decimals, '.' as separator; NaN as an empty cell ("not measured"). */
    public static String fixed(double v, int decimals) {
        if (Double.isNaN(v)) {
            return "";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** Seconds of a time that may be absent (negative = absent, written as an empty cell). */
    public static String optionalSeconds(long us) {
        return us < 0 ? "" : seconds(us);
    }
}
