package org.fedwan.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.TickUnit;
import org.jfree.chart.axis.TickUnitSource;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PaperStyleTest {

    private Locale savedLocale;

    @BeforeEach
    void useGermanLocale() {
        savedLocale = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
    }

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(savedLocale);
    }

    @Test
    void tickLabelsUseAPointWhateverTheDefaultLocale() {
        TickUnitSource units = PaperStyle.tickUnits(false);

        assertEquals("0.5", units.getCeilingTickUnit(0.4).valueToString(0.5));
        assertEquals("0.02", units.getCeilingTickUnit(0.015).valueToString(0.02));
        assertEquals("1.5", units.getCeilingTickUnit(0.5).valueToString(1.5));
        assertEquals("12,000", units.getCeilingTickUnit(1500).valueToString(12_000));
    }

    @Test
    void tickSizesAreOneTwoFiveTimesAPowerOfTen() {
        TickUnitSource units = PaperStyle.tickUnits(false);

        assertEquals(0.5, units.getCeilingTickUnit(0.3).getSize(), 1e-12);
        assertEquals(2.0, units.getCeilingTickUnit(1.2).getSize(), 1e-12);
        assertEquals(10.0, units.getCeilingTickUnit(5.5).getSize(), 1e-12);
    }

    @Test
    void integerTicksNeverFallBetweenWholeNumbers() {
        TickUnit unit = PaperStyle.tickUnits(true).getCeilingTickUnit(0.2);

        assertEquals(1.0, unit.getSize(), 1e-12);
        assertEquals("3", unit.valueToString(3));
    }

    @Test
    void axesUseTheLocaleIndependentTicks() {
        NumberAxis axis = PaperStyle.axis("x (s)", false);

        assertEquals("0.5", axis.getStandardTickUnits().getCeilingTickUnit(0.4).valueToString(0.5));
        assertEquals(PaperStyle.LABEL_FONT, axis.getLabelFont());
        assertEquals(PaperStyle.TICK_FONT, axis.getTickLabelFont());
    }

    @Test
    void distinctSeriesDifferInColourAndDash() {
        Set<Color> colours = new HashSet<>(PaperStyle.SERIES_COLOURS);
        assertEquals(PaperStyle.MAX_DISTINCT_SERIES, colours.size());
        assertFalse(colours.contains(PaperStyle.BLACK), "black is kept for totals");

        Set<String> dashes = new HashSet<>();
        for (int i = 0; i < PaperStyle.MAX_DISTINCT_SERIES; i++) {
            BasicStroke stroke = (BasicStroke) PaperStyle.seriesStroke(i, PaperStyle.LINE_WIDTH_PT);
            dashes.add(Arrays.toString(stroke.getDashArray()));
            assertEquals(PaperStyle.SERIES_COLOURS.get(i), PaperStyle.seriesPaint(i));
        }
        assertEquals(PaperStyle.MAX_DISTINCT_SERIES, dashes.size());
    }

    @Test
    void neighbouringMarkersDiffer() {
        for (int i = 0; i < 5; i++) {
            assertNotEquals(PaperStyle.seriesShape(i).getBounds2D().toString() + PaperStyle.seriesShape(i).getClass(),
                    PaperStyle.seriesShape(i + 1).getBounds2D().toString() + PaperStyle.seriesShape(i + 1).getClass(),
                    "markers " + i + " and " + (i + 1));
        }
    }

    @Test
    void labelsCarryTheirUnit() {
        assertEquals("Simulated time (h)", PaperStyle.label("Simulated time", "h"));
    }

    @Test
    void longLegendEntriesGetOneColumnShortOnesSeveral() {
        org.jfree.chart.LegendItemCollection longOnes = new org.jfree.chart.LegendItemCollection();
        longOnes.add(new org.jfree.chart.LegendItem("mlp-mnist-qrr / 0.5 / 40 / qrr / bits=8 p=0.1"));
        longOnes.add(new org.jfree.chart.LegendItem("octav / bits=4-2-2-4 rounding=stochastic weighting=none"));
        assertEquals(1, PaperStyle.legendColumnsThatFit(longOnes));
        org.jfree.chart.LegendItemCollection shortOnes = new org.jfree.chart.LegendItemCollection();
        shortOnes.add(new org.jfree.chart.LegendItem("fp32"));
        shortOnes.add(new org.jfree.chart.LegendItem("int8"));
        org.junit.jupiter.api.Assertions.assertTrue(PaperStyle.legendColumnsThatFit(shortOnes) >= 4);
    }

    /** A legend entry wider than a single-column figure wraps at spaces; every line fits; short ones stay. */
    @Test
    void longLegendLabelsWrapToTheFigureWidth() {
        String longLabel = "octav, bits=4-2-2-4 rounding=deterministic weighting=none clipping=mse-optimal";
        double width = PaperStyle.LEGEND_WIDTH_PT - LegendLabels.GRAPHIC_PT;
        String wrapped = LegendLabels.wrap(longLabel, width);
        assertTrue(wrapped.contains("\n"), wrapped);
        assertEquals(longLabel, wrapped.replace('\n', ' '));
        for (String line : wrapped.split("\n")) {
            assertTrue(LegendLabels.widthPt(line) <= width, line);
        }
        assertEquals("fp32", LegendLabels.wrap("fp32", width));
        XYSeriesCollection data = new XYSeriesCollection();
        XYSeries series = new XYSeries(longLabel);
        series.add(1, 1);
        data.addSeries(series);
        XYPlot plot = new XYPlot(data, new NumberAxis(), new NumberAxis(), new XYLineAndShapeRenderer());
        JFreeChart chart = PaperStyle.chart("t", plot, true);
        LegendTitle legend = chart.getLegend();
        assertEquals(wrapped, legend.getSources()[0].getLegendItems().get(0).getLabel());
        assertEquals(longLabel, plot.getLegendItems().get(0).getLabel(), "the plot's own entries are left as they were");
    }
}
