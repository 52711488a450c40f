package org.fedwan.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AxisUnitTest {

    @Test
    void durationUnitFollowsTheSpan() {
        assertEquals(AxisUnit.SECONDS, AxisUnit.forDurationS(0));
        assertEquals(AxisUnit.SECONDS, AxisUnit.forDurationS(600));
        assertEquals(AxisUnit.MINUTES, AxisUnit.forDurationS(601));
        assertEquals(AxisUnit.MINUTES, AxisUnit.forDurationS(3 * 3600));
        assertEquals(AxisUnit.HOURS, AxisUnit.forDurationS(3 * 3600 + 1));
        assertEquals(AxisUnit.HOURS, AxisUnit.forDurationS(3 * 86_400));
        assertEquals(AxisUnit.DAYS, AxisUnit.forDurationS(3 * 86_400 + 1));
    }

    @Test
    void byteUnitIsTheLargestDecimalUnitReached() {
        assertEquals(AxisUnit.BYTES, AxisUnit.forBytes(999));
        assertEquals(AxisUnit.KILOBYTES, AxisUnit.forBytes(1000));
        assertEquals(AxisUnit.KILOBYTES, AxisUnit.forBytes(999_999));
        assertEquals(AxisUnit.MEGABYTES, AxisUnit.forBytes(1e6));
        assertEquals(AxisUnit.GIGABYTES, AxisUnit.forBytes(2.5e9));
    }

    @Test
    void convertsFromBaseUnits() {
        assertEquals(2.5, AxisUnit.HOURS.of(9000), 1e-12);
        assertEquals(1.5, AxisUnit.KILOBYTES.of(1500), 1e-12);
        assertEquals(1.5, AxisUnit.DAYS.of(129_600), 1e-12);
    }

    @Test
    void rejectsBlankSymbolAndNonPositiveSize() {
        assertThrows(IllegalArgumentException.class, () -> new AxisUnit(" ", 1));
        assertThrows(IllegalArgumentException.class, () -> new AxisUnit("x", 0));
        assertThrows(IllegalArgumentException.class, () -> new AxisUnit("x", Double.NaN));
    }

    @Test
    void equalUnitsAreEqualValues() {
        assertEquals(AxisUnit.HOURS, new AxisUnit("h", 3600));
        assertEquals(AxisUnit.HOURS.hashCode(), new AxisUnit("h", 3600).hashCode());
    }
}
