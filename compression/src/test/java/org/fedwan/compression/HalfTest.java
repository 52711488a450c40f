package org.fedwan.compression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HalfTest {

    @Test
    void everyFiniteHalfRoundTripsExactly() {
        for (int h = 0; h < 0x10000; h++) {
            if (!Half.isFinite(h)) {
                continue;
            }
            float f = Half.toFloat(h);
            assertEquals(h, Half.fromFloat(f) & 0xFFFF, "half 0x" + Integer.toHexString(h) + " = " + f);
        }
    }

    @Test
    void referenceValues() {
        assertEquals(0x3C00, Half.fromFloat(1f) & 0xFFFF);
        assertEquals(0xC000, Half.fromFloat(-2f) & 0xFFFF);
        assertEquals(0x7BFF, Half.fromFloat(65504f) & 0xFFFF);
        assertEquals(0x0001, Half.fromFloat(0x1p-24f) & 0xFFFF); // smallest subnormal
        assertEquals(0x0000, Half.fromFloat(0x1p-25f) & 0xFFFF); // tie to even: zero
        assertEquals(0x3C00, Half.fromFloat(1f + 0x1p-11f) & 0xFFFF); // tie to even: down
        assertEquals(0x3C02, Half.fromFloat(1f + 3 * 0x1p-11f) & 0xFFFF); // tie to even: up
        assertEquals(0x7BFF, Half.fromFloat(1e6f) & 0xFFFF); // saturates
        assertThrows(IllegalArgumentException.class, () -> Half.fromFloat(Float.NaN));
    }

    @Test
    void directedRoundingBracketsTheValue() {
        float[] xs = {0.1f, -0.1f, 1e-6f, -3.3333f, 1234.567f, 0f};
        for (float x : xs) {
            assertTrue(Half.toFloat(Half.roundDown(x)) <= x);
            assertTrue(Half.toFloat(Half.roundUp(x)) >= x);
        }
    }
}
