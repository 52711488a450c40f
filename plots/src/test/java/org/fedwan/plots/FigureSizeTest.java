package org.fedwan.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FigureSizeTest {

    @Test
    void singleColumnIsThreeAndAHalfInchesAnd1050PixelsAt300Dpi() {
        FigureSize size = FigureWidth.SINGLE.size(1);

        assertEquals(3.5, size.widthIn(), 1e-12);
        assertEquals(252, size.widthPt(), 1e-9);
        assertEquals(1050, size.widthPx(300));
    }

    @Test
    void doubleColumnIsSevenInches() {
        assertEquals(2100, FigureWidth.DOUBLE.size(1).widthPx(300));
    }

    @Test
    void stackedPanelsAddHeight() {
        FigureSize one = FigureWidth.SINGLE.size(1);
        FigureSize two = FigureWidth.SINGLE.size(2);

        assertEquals(one.widthIn(), two.widthIn(), 1e-12);
        assertTrue(two.heightIn() > one.heightIn());
        assertEquals(Math.round(two.heightIn() * 300), two.heightPx(300));
    }

    @Test
    void rejectsImpossibleSizes() {
        assertThrows(IllegalArgumentException.class, () -> FigureWidth.SINGLE.size(0));
        assertThrows(IllegalArgumentException.class, () -> new FigureSize(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new FigureSize(1, Double.POSITIVE_INFINITY));
    }

    @Test
    void equalSizesAreEqualValues() {
        assertEquals(new FigureSize(3.5, 2.6), FigureWidth.SINGLE.size(1));
        assertEquals(new FigureSize(3.5, 2.6).hashCode(), FigureWidth.SINGLE.size(1).hashCode());
    }
}
