package org.fedwan.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.io.IOException;
import java.nio.file.Path;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunChartsTest {

    @TempDir
    Path dir;

    @Test
    void energyChartDrawsTheGivenDatasetsWithDistinctDeviceStyles() throws IOException {
        RunDatasets.EnergyOverTime data = RunDatasets.energyOverTime(RunTables.read(ResultTablesFixture.write(dir)));

        JFreeChart chart = RunCharts.energyOverTime(data);

        CombinedDomainXYPlot plot = (CombinedDomainXYPlot) chart.getPlot();
        XYPlot total = plot.getSubplots().get(0);
        XYPlot perDevice = plot.getSubplots().get(1);
        assertSame(data.total(), total.getDataset());
        assertSame(data.perDevice(), perDevice.getDataset());
        assertEquals("Simulated time (s)", plot.getDomainAxis().getLabel());
        assertEquals(RunCharts.ENERGY_TITLE, chart.getTitle().getText());
        XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) perDevice.getRenderer();
        for (int i = 1; i < data.perDevice().getSeriesCount(); i++) {
            assertNotEquals(renderer.getSeriesPaint(i - 1), renderer.getSeriesPaint(i));
            assertNotEquals(renderer.getSeriesStroke(i - 1), renderer.getSeriesStroke(i));
        }
    }

    @Test
    void markersOnlyWhileTheyStayApart() throws IOException {
        RunTables few = RunTables.read(ResultTablesFixture.write(dir.resolve("few")));
        RunTables many = RunTables.read(ResultTablesFixture.writeLongRun(dir.resolve("many"),
                PaperStyle.MAX_POINTS_WITH_MARKERS + 1, 60, 1, 1));

        assertTrue(markers(RunCharts.accuracyVsUplinkBytes(RunDatasets.accuracyVsUplinkBytes(few))));
        assertFalse(markers(RunCharts.accuracyVsUplinkBytes(RunDatasets.accuracyVsUplinkBytes(many))));
    }

    @Test
    void axesNameTheChosenUnits() throws IOException {
        RunTables hours = RunTables.read(ResultTablesFixture.writeLongRun(dir, 4, 4 * 3600, 2, 1));

        JFreeChart latency = RunCharts.roundLatency(RunDatasets.roundLatency(hours));
        JFreeChart traffic = RunCharts.accuracyVsUplinkBytes(RunDatasets.accuracyVsUplinkBytes(hours));

        assertEquals("Round latency (h)", latency.getXYPlot().getRangeAxis().getLabel());
        assertEquals(RunCharts.ROUND_LABEL, latency.getXYPlot().getDomainAxis().getLabel());
        assertEquals("Cumulative uplink traffic (B)", traffic.getXYPlot().getDomainAxis().getLabel());
        assertEquals(RunCharts.ACCURACY_LABEL, traffic.getXYPlot().getRangeAxis().getLabel());
    }

    @Test
    void trainingCurvesAreDashedInTheColourOfTheTestCurve() throws IOException {
        RunDatasets.AccuracyAndLoss data = RunDatasets.accuracyPerRound(RunTables.read(ResultTablesFixture.write(dir,
                ResultTablesFixture.ROUNDS_WITH_BLANKS, ResultTablesFixture.TRANSMISSIONS)));

        JFreeChart chart = RunCharts.accuracyPerRound(data);

        CombinedDomainXYPlot plot = (CombinedDomainXYPlot) chart.getPlot();
        for (XYPlot panel : plot.getSubplots()) {
            assertSame(panel.getDataset(1), panel == plot.getSubplots().get(0)
                    ? data.trainAccuracyPercent() : data.trainLoss());
            XYLineAndShapeRenderer test = (XYLineAndShapeRenderer) panel.getRenderer(0);
            XYLineAndShapeRenderer training = (XYLineAndShapeRenderer) panel.getRenderer(1);
            assertEquals(test.getSeriesPaint(0), training.getSeriesPaint(0));
            assertNull(((BasicStroke) test.getSeriesStroke(0)).getDashArray(), "test solid");
            assertNotNull(((BasicStroke) training.getSeriesStroke(0)).getDashArray(), "training dashed");
        }
        assertEquals(RunCharts.TEST_AND_TRAINING_ACCURACY_TITLE, chart.getTitle().getText());
        assertEquals(RunCharts.TEST_AND_TRAINING_ACCURACY_LABEL, plot.getSubplots().get(0).getRangeAxis().getLabel());
        assertEquals(RunCharts.TEST_AND_TRAINING_LOSS_LABEL, plot.getSubplots().get(1).getRangeAxis().getLabel());
        var legend = plot.getLegendItems();
        assertEquals(2, legend.getItemCount());
        assertEquals("Test", legend.get(0).getLabel());
        assertEquals("Training", legend.get(1).getLabel());
        assertNotNull(chart.getLegend());
    }

    @Test
    void withoutTrainingValuesTheAccuracyFigureHasNoLegend() throws IOException {
        JFreeChart chart = RunCharts.accuracyPerRound(RunDatasets.accuracyPerRound(
                RunTables.read(ResultTablesFixture.write(dir))));

        assertEquals(RunCharts.ACCURACY_TITLE, chart.getTitle().getText());
        assertNull(chart.getLegend());
        assertEquals(RunCharts.ACCURACY_LABEL, ((CombinedDomainXYPlot) chart.getPlot()).getSubplots().get(0)
                .getRangeAxis().getLabel());
    }

    private static boolean markers(JFreeChart chart) {
        return ((XYLineAndShapeRenderer) chart.getXYPlot().getRenderer()).getDefaultShapesVisible();
    }
}
