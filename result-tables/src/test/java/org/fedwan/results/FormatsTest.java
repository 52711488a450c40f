package org.fedwan.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The table formats write exactly what {@link String#format} wrote before they were made cheaper. */
class FormatsTest {

    private static String secondsByFormatter(long us) {
        long a = Math.abs(us);
        return (us < 0 ? "-" : "") + (a / 1_000_000) + "." + String.format(Locale.ROOT, "%06d", a % 1_000_000);
    }

    private static String millisByFormatter(long us) {
        long a = Math.abs(us);
        return (us < 0 ? "-" : "") + (a / 1000) + "." + String.format(Locale.ROOT, "%03d", a % 1000);
    }

    @Test
    void secondsAndMillisEqualTheFormatter() {
        long[] edges = {0, 1, 9, 10, 99, 100, 999, 1000, 1001, 999_999, 1_000_000, 1_000_001, -1, -999, -1_000_001,
                Long.MAX_VALUE, Long.MIN_VALUE + 1};
        for (long us : edges) {
            assertEquals(secondsByFormatter(us), Formats.seconds(us), "seconds " + us);
            assertEquals(millisByFormatter(us), Formats.millis(us), "millis " + us);
        }
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < 100_000; i++) {
            long us = r.nextLong(-10_000_000_000L, 10_000_000_000L) >> r.nextInt(40);
            assertEquals(secondsByFormatter(us), Formats.seconds(us), "seconds " + us);
            assertEquals(millisByFormatter(us), Formats.millis(us), "millis " + us);
        }
        assertEquals("12.000500", Formats.seconds(12_000_500));
        assertEquals("-0.005", Formats.millis(-5));
    }
}
