package org.fedwan.results;

import java.util.Locale;

/**
 * Numbers as the console prints them for people: thousands separated by {@code ,}, {@code .} as
 * the decimal point, on every machine whatever its locale ({@link Locale#ROOT}), with a unit:
 * {@code 1,294.48 J}, {@code 50,000 B}, {@code 3,872 frames}. The digits are exactly those of
 * {@code String.format(Locale.ROOT, "%.Nf", v)}, which the console printed before. Only the console: CSV and JSON files keep plain numbers
 * ({@link Formats}).
 */
public final class ConsoleNumbers {

    private ConsoleNumbers() {
    }

    /** A whole number with thousands separators: {@code 50,000}. */
    public static String grouped(long n) {
        return group(Long.toString(n));
    }

    /** {@code v} with {@code decimals} decimals and thousands separators: {@code 1,294.48}; NaN and infinities as Java writes them. */
    public static String grouped(double v, int decimals) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        return group(String.format(Locale.ROOT, "%." + decimals + "f", v));
    }

    /** A quantity with its unit: {@code quantity(1294.4801, 2, "J")} is {@code 1,294.48 J}. */
    public static String quantity(double v, int decimals, String unit) {
        return grouped(v, decimals) + " " + unit;
    }

    /** Bytes: {@code 50,000 B}. */
    public static String bytes(long n) {
        return grouped(n) + " B";
    }

    /** A count of things: {@code 3,872 frames}, {@code 1 run} (the singular for exactly one). */
    public static String count(long n, String singular, String plural) {
        return grouped(n) + " " + (n == 1 ? singular : plural);
    }

    /** A percentage of a fraction: {@code percent(0.9677, 2)} is {@code 96.77%}. */
    public static String percent(double fraction, int decimals) {
        return grouped(100 * fraction, decimals) + "%";
    }

    /** A plain number as written ({@code -1234.5}, {@code 2465.792}) with a {@code ,} between each group of three integer digits. */
    public static String group(String plain) {
        int start = plain.startsWith("-") ? 1 : 0;
        int point = plain.indexOf('.');
        int end = point < 0 ? plain.length() : point;
        StringBuilder out = new StringBuilder(plain.length() + (end - start) / 3);
        out.append(plain, 0, start);
        for (int i = start; i < end; i++) {
            if (i > start && (end - i) % 3 == 0) {
                out.append(',');
            }
            out.append(plain.charAt(i));
        }
        return out.append(plain, end, plain.length()).toString();
    }
}
