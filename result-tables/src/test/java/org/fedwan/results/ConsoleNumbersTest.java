package org.fedwan.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Console numbers: the digits of {@link String#format} with {@code ,} thousands, in any default locale. */
class ConsoleNumbersTest {

    @Test
    void examplesOfTheIssue() {
        assertEquals("1,294.48 J", ConsoleNumbers.quantity(1294.4801, 2, "J"));
        assertEquals("50,000 B", ConsoleNumbers.bytes(50_000));
        assertEquals("12.62 years", ConsoleNumbers.quantity(12.6249, 2, "years"));
        assertEquals("3,872 frames", ConsoleNumbers.count(3872, "frame", "frames"));
        assertEquals("1 run", ConsoleNumbers.count(1, "run", "runs"));
        assertEquals("96.77%", ConsoleNumbers.percent(0.96771, 2));
        assertEquals("-1,234,567", ConsoleNumbers.grouped(-1_234_567L));
        assertEquals("999", ConsoleNumbers.grouped(999L));
        assertEquals("-999.5", ConsoleNumbers.grouped(-999.5, 1));
        assertEquals("9,223,372,036,854,775,807", ConsoleNumbers.grouped(Long.MAX_VALUE));
        assertEquals("NaN", ConsoleNumbers.grouped(Double.NaN, 2));
    }

    @Test
    void digitsAreTheFormattersWhateverTheDefaultLocale() {
        Locale saved = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            SplittableRandom r = new SplittableRandom(7);
            for (int i = 0; i < 20_000; i++) {
                double v = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(12));
                int decimals = r.nextInt(5);
                String s = ConsoleNumbers.grouped(v, decimals);
                assertEquals(String.format(Locale.ROOT, "%." + decimals + "f", v), s.replace(",", ""), s);
                String integer = s.replaceFirst("^-", "").replaceFirst("\\..*", "");
                assertEquals(true, integer.matches("\\d{1,3}(,\\d{3})*"), s);
            }
        } finally {
            Locale.setDefault(saved);
        }
    }
}
