package org.fedwan.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fedwan.results.RoundsTable;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.Range;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The study charts: {@link ComparisonCharts}, {@link EnergyCharts}, {@link SweepCharts}, and their axes. */
class StudyChartsTest {

    @TempDir
    Path dir;

    @Test
    void sweepTrainingCurvesAreDashedInTheColourOfTheirPoint() throws IOException {
        RunFolderFixture.writeSweep(dir);
        ComparisonDatasets.AccuracyPerRound data =
                ComparisonDatasets.accuracyPerRound(ComparisonDatasets.methods(SweepFolder.read(dir)));

        JFreeChart chart = ComparisonCharts.accuracyPerRound(data);

        CombinedDomainXYPlot plot = (CombinedDomainXYPlot) chart.getPlot();
        for (XYPlot panel : plot.getSubplots()) {
            XYLineAndShapeRenderer test = (XYLineAndShapeRenderer) panel.getRenderer(0);
            XYLineAndShapeRenderer training = (XYLineAndShapeRenderer) panel.getRenderer(1);
            for (int s = 0; s < 2; s++) {
                assertEquals(test.getSeriesPaint(s), training.getSeriesPaint(s), "colour of point " + s);
                assertNull(((BasicStroke) test.getSeriesStroke(s)).getDashArray(), "test solid");
                assertNotNull(((BasicStroke) training.getSeriesStroke(s)).getDashArray(), "training dashed");
            }
            assertNotEquals(test.getSeriesPaint(0), test.getSeriesPaint(1));
            assertNotEquals(test.getSeriesShape(0), test.getSeriesShape(1));
        }
        assertEquals(List.of("fp32, duty_cycle=0.01", "int8, duty_cycle=0.01", "Test", "Training"), labels(plot.getLegendItems()));
        assertEquals(RunCharts.TEST_AND_TRAINING_ACCURACY_LABEL, plot.getSubplots().get(0).getRangeAxis().getLabel());
    }

    @Test
    void accuracyAgainstUplinkBytesHasTheBandOfEachPointAtItsMeanBytes() throws IOException {
        RunFolderFixture.writeSweep(dir);
        // p0000 round 1: 2,000 B on average, accuracy 0.5 +- 0.1; round 2 without a half-width
        RunFolderFixture.put(dir, "sweep-rounds.csv", "point,uplink_codec,duty_cycle,round,runs,accuracy_mean,accuracy_std,"
                + "accuracy_ci95,cumulative_energy_j_mean,cumulative_energy_j_std,cumulative_energy_j_ci95,"
                + "cumulative_uplink_bytes_mean,cumulative_uplink_bytes_std,cumulative_uplink_bytes_ci95\n"
                + "p0000,fp32,0.01,1,3,0.500000,0.040000,0.100000,1,0,0,2000,0,0\n"
                + "p0000,fp32,0.01,2,3,0.800000,,,2,0,0,4000,0,0\n"
                + "p0001,int8,0.01,2,3,0.700000,0.010000,0.025000,2,0,0,1000,0,0\n");
        SweepFolder sweep = SweepFolder.read(dir);

        JFreeChart chart = Figures.sweep().stream().filter(f -> f.name().equals("sweep-accuracy-vs-uplink-bytes"))
                .findFirst().orElseThrow().chart().apply(sweep).orElseThrow();

        XYPlot plot = chart.getXYPlot();
        YIntervalSeriesCollection band = assertInstanceOf(YIntervalSeriesCollection.class, plot.getDataset(1));
        assertEquals(2, band.getSeriesCount());
        assertEquals(1, band.getItemCount(0));
        double scale = ComparisonDatasets.accuracyVsUplinkBytes(ComparisonDatasets.methods(sweep)).unit().of(2000);
        assertEquals(scale, band.getXValue(0, 0), 1e-9);
        assertEquals(40.0, band.getStartYValue(0, 0), 1e-9);
        assertEquals(60.0, band.getEndYValue(0, 0), 1e-9);
        assertInstanceOf(DeviationRenderer.class, plot.getRenderer(1));
        assertEquals(RunCharts.ACCURACY_VS_UPLINK_TITLE + " (95 % CI)", chart.getTitle().getText());
    }

    @Test
    void replicationsGiveEachPointAnAccuracyBandFromSweepRounds() throws IOException {
        RunFolderFixture.writeSweep(dir);
        // p0000: round 1 mean 0.5 +- 0.1, round 2 without a half-width (one run evaluated it); p0001: round 2 only
        RunFolderFixture.put(dir, "sweep-rounds.csv", "point,uplink_codec,duty_cycle,round,runs,accuracy_mean,accuracy_std,"
                + "accuracy_ci95,cumulative_energy_j_mean,cumulative_energy_j_std,cumulative_energy_j_ci95\n"
                + "p0000,fp32,0.01,1,3,0.500000,0.040000,0.100000,1,0,0\n"
                + "p0000,fp32,0.01,2,3,0.800000,,,2,0,0\n"
                + "p0001,int8,0.01,2,3,0.700000,0.010000,0.025000,2,0,0\n");
        SweepFolder sweep = SweepFolder.read(dir);
        ComparisonDatasets.AccuracyPerRound data = ComparisonDatasets.accuracyPerRound(ComparisonDatasets.methods(sweep))
                .withAccuracyBand(ComparisonDatasets.accuracyBand(sweep));

        JFreeChart chart = ComparisonCharts.accuracyPerRound(data);

        XYPlot accuracy = ((CombinedDomainXYPlot) chart.getPlot()).getSubplots().get(0);
        YIntervalSeriesCollection band = assertInstanceOf(YIntervalSeriesCollection.class, accuracy.getDataset(2));
        assertEquals(2, band.getSeriesCount());
        assertEquals(1, band.getItemCount(0));
        assertEquals(1.0, band.getXValue(0, 0));
        assertEquals(50.0, band.getYValue(0, 0), 1e-9);
        assertEquals(40.0, band.getStartYValue(0, 0), 1e-9);
        assertEquals(60.0, band.getEndYValue(0, 0), 1e-9);
        assertEquals(2.0, band.getXValue(1, 0));
        assertEquals(67.5, band.getStartYValue(1, 0), 1e-9);
        DeviationRenderer renderer = assertInstanceOf(DeviationRenderer.class, accuracy.getRenderer(2));
        XYLineAndShapeRenderer curves = (XYLineAndShapeRenderer) accuracy.getRenderer(0);
        assertEquals(curves.getSeriesPaint(1), renderer.getSeriesFillPaint(1));
        // the legend is unchanged: one entry per point, then what solid and dashed mean
        assertEquals(List.of("fp32, duty_cycle=0.01", "int8, duty_cycle=0.01", "Test", "Training"), labels(chart.getXYPlot().getLegendItems()));
    }

    @Test
    void withoutSweepRoundsThereIsNoBand() throws IOException {
        RunFolderFixture.writeSweep(dir);
        SweepFolder sweep = SweepFolder.read(dir);
        ComparisonDatasets.AccuracyPerRound data = ComparisonDatasets.accuracyPerRound(ComparisonDatasets.methods(sweep))
                .withAccuracyBand(ComparisonDatasets.accuracyBand(sweep));
        assertTrue(!data.hasBands());
        JFreeChart chart = ComparisonCharts.accuracyPerRound(data);
        assertNull(((CombinedDomainXYPlot) chart.getPlot()).getSubplots().get(0).getDataset(2));
    }

    @Test
    void withoutTrainingValuesEveryPointHasItsOwnDash() throws IOException {
        RunFolderFixture.writeSweep(dir);
        for (String run : List.of("runs/p0000/r0", "runs/p0001/r0")) {
            RunFolderFixture.put(dir.resolve(run), RoundsTable.TABLE.file(), RunFolderFixture.ROUNDS_WITHOUT_TRAINING);
        }
        ComparisonDatasets.AccuracyPerRound data =
                ComparisonDatasets.accuracyPerRound(ComparisonDatasets.methods(SweepFolder.read(dir)));

        JFreeChart chart = ComparisonCharts.accuracyPerRound(data);

        CombinedDomainXYPlot plot = (CombinedDomainXYPlot) chart.getPlot();
        XYLineAndShapeRenderer test = (XYLineAndShapeRenderer) plot.getSubplots().get(0).getRenderer(0);
        assertNotNull(((BasicStroke) test.getSeriesStroke(1)).getDashArray());
        assertNull(plot.getSubplots().get(0).getDataset(1));
        assertEquals(List.of("fp32, duty_cycle=0.01", "int8, duty_cycle=0.01"), labels(plot.getLegendItems()));
        assertEquals(RunCharts.ACCURACY_TITLE, chart.getTitle().getText());
    }

    @Test
    void uplinkTrafficIsLogarithmicBeyondADecade() {
        JFreeChart wide = ComparisonCharts.accuracyVsUplinkBytes(traffic(2, 40));
        JFreeChart narrow = ComparisonCharts.accuracyVsUplinkBytes(traffic(20, 40));

        assertInstanceOf(PaperLogAxis.class, wide.getXYPlot().getDomainAxis());
        assertInstanceOf(NumberAxis.class, narrow.getXYPlot().getDomainAxis());
        // the data's own range decides, not JFreeChart's default interval of 1 unit around each x
        assertInstanceOf(PaperLogAxis.class, ComparisonCharts.accuracyVsUplinkBytes(traffic(0.3, 40)).getXYPlot().getDomainAxis());
        assertEquals("Cumulative uplink traffic (kB)", wide.getXYPlot().getDomainAxis().getLabel());
        assertEquals(RunCharts.ACCURACY_LABEL, wide.getXYPlot().getRangeAxis().getLabel());
        assertNotNull(wide.getLegend(), "two points, two lines");
    }

    private static ComparisonDatasets.PerMethod traffic(double firstKb, double lastKb) {
        XYSeriesCollection series = new XYSeriesCollection();
        for (String method : List.of("fp32", "int4")) {
            XYSeries line = new XYSeries(method, false, true);
            line.add(firstKb, 50);
            line.add(lastKb, 80);
            series.addSeries(line);
        }
        return new ComparisonDatasets.PerMethod(AxisUnit.KILOBYTES, series);
    }

    @Test
    void logAxesLabelOneTwoFiveUpToTwoAndAHalfDecadesThenDecades() {
        PaperLogAxis narrow = new PaperLogAxis("x (kB)", new Range(30, 700));
        PaperLogAxis wide = new PaperLogAxis("x (kB)", new Range(0.003, 70));

        // 30 to 700 kB with 7 % of room in the logarithm at each end: about 24 to 870.
        assertEquals(30 / Math.pow(700 / 30.0, PaperStyle.AXIS_MARGIN), narrow.getLowerBound(), 1e-9);
        assertEquals(List.of("50", "100", "200", "500"), tickLabels(narrow, TickType.MAJOR));
        assertEquals(List.of(30.0, 40.0, 60.0, 70.0, 80.0, 90.0, 300.0, 400.0, 600.0, 700.0, 800.0),
                tickValues(narrow, TickType.MINOR));
        assertEquals(List.of("0.01", "0.1", "1", "10", "100"), tickLabels(wide, TickType.MAJOR));
        assertTrue(ComparisonCharts.spansMoreThanADecade(new Range(2, 21)));
        assertTrue(!ComparisonCharts.spansMoreThanADecade(new Range(2, 20)));
        assertTrue(!ComparisonCharts.spansMoreThanADecade(new Range(0, 5)));
    }

    private static List<ValueTick> ticks(PaperLogAxis axis) {
        BufferedImage image = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        try {
            List<ValueTick> ticks = new ArrayList<>();
            for (Object tick : axis.refreshTicks(g2, new AxisState(), new Rectangle2D.Double(0, 0, 200, 100),
                    RectangleEdge.BOTTOM)) {
                ticks.add((ValueTick) tick);
            }
            return ticks;
        } finally {
            g2.dispose();
        }
    }

    private static List<String> tickLabels(PaperLogAxis axis, TickType type) {
        return ticks(axis).stream().filter(t -> t.getTickType() == type).map(ValueTick::getText).toList();
    }

    private static List<Double> tickValues(PaperLogAxis axis, TickType type) {
        return ticks(axis).stream().filter(t -> t.getTickType() == type).map(ValueTick::getValue).toList();
    }

    @Test
    void trainingFigureHasALogarithmicGradientNormBeyondADecade() throws IOException {
        RunFolderFixture.writeSweep(dir);
        ComparisonDatasets.TrainingPerRound data = ComparisonDatasets.trainingPerRound(
                ComparisonDatasets.methods(SweepFolder.read(dir))).orElseThrow();

        JFreeChart chart = ComparisonCharts.trainingPerRound(data);

        CombinedDomainXYPlot plot = (CombinedDomainXYPlot) chart.getPlot();
        assertEquals(ComparisonCharts.TRAIN_LOSS_LABEL, plot.getSubplots().get(0).getRangeAxis().getLabel());
        // Gradient norms 2.5 and 0.25: a decade exactly, so still linear; ten times further apart, logarithmic.
        assertInstanceOf(NumberAxis.class, plot.getSubplots().get(1).getRangeAxis());
        data.gradientNorm().getSeries(0).updateByIndex(1, 0.025);
        CombinedDomainXYPlot log = (CombinedDomainXYPlot) ComparisonCharts.trainingPerRound(data).getPlot();
        assertInstanceOf(PaperLogAxis.class, log.getSubplots().get(1).getRangeAxis());
        assertEquals(ComparisonCharts.GRADIENT_NORM_LABEL, log.getSubplots().get(1).getRangeAxis().getLabel());
        assertEquals(List.of("fp32, duty_cycle=0.01", "int8, duty_cycle=0.01"), labels(plot.getLegendItems()));
    }

    @Test
    void smallMultiplesShareTheirAxesAndOneLegend() throws Exception {
        EnergyDatasets.DeviceEnergies data =
                EnergyDatasets.deviceEnergies(RunFolder.read(RunFolderFixture.write(dir))).orElseThrow();

        JFreeChart chart = EnergyCharts.energySmallMultiples(data);

        SmallMultiplesPlot plot = (SmallMultiplesPlot) chart.getPlot();
        assertEquals(2, plot.panels().size());
        assertEquals(2, plot.columns());
        assertEquals(1, plot.rows());
        for (XYPlot panel : plot.panels()) {
            assertEquals(new Range(0, 200), panel.getDomainAxis().getRange());
            // The largest device total, 6.6 J, with the axis margin.
            assertEquals(new Range(0, 6.6 * (1 + PaperStyle.AXIS_MARGIN)), panel.getRangeAxis().getRange());
        }
        // The states the devices spent energy in: all but listen.
        assertEquals(data.states(), labels(plot.getLegendItems()));
        assertEquals(EnergyDatasets.STATES.size() - 1, data.states().size());
        assertEquals(List.of(), noteTexts(chart));
        Path svg = FigureWriter.writeSvg(chart, FigureWidth.SINGLE.size(2), dir.resolve("multiples.svg"));
        List<String> texts = FigureFiles.texts(FigureFiles.readSvg(svg));
        assertTrue(texts.containsAll(List.of("Energy by state per device", "dev-0", "dev-1", "Simulated time (s)",
                "Cumulative energy (J)", "TX", "Standby and idle", "MCU training")), texts.toString());
    }

    @Test
    void smallMultiplesOfManyDevicesSayWhichAreShown() throws IOException {
        EnergyDatasets.DeviceEnergies data =
                EnergyDatasets.deviceEnergies(RunFolder.read(RunFolderFixture.writeLongRun(dir, 2, 40))).orElseThrow();

        JFreeChart chart = EnergyCharts.energySmallMultiples(data);

        SmallMultiplesPlot plot = (SmallMultiplesPlot) chart.getPlot();
        assertEquals(16, plot.panels().size());
        assertEquals(4, plot.columns());
        assertEquals(4, plot.rows());
        assertEquals(List.of("16 of 40 devices, evenly spaced in device order"), noteTexts(chart));
    }

    @Test
    void panelTickLabelsAtTheEndsOfTheTimeAxisHangInside() {
        SmallMultiplesPlot.PanelAxis axis = PaperStyle.style(new SmallMultiplesPlot.PanelAxis(), false);
        axis.setRange(0, 100);
        BufferedImage image = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        List<?> ticks;
        try {
            ticks = axis.refreshTicks(g2, new AxisState(), new Rectangle2D.Double(0, 0, 60, 60), RectangleEdge.BOTTOM);
        } finally {
            g2.dispose();
        }

        List<String> anchors = new ArrayList<>();
        for (Object tick : ticks) {
            anchors.add(((ValueTick) tick).getText() + " " + ((ValueTick) tick).getTextAnchor());
        }
        assertEquals(List.of("0 TextAnchor.TOP_LEFT", "50 TextAnchor.TOP_CENTER", "100 TextAnchor.TOP_RIGHT"), anchors);
    }

    @Test
    void coincidentParetoLabelsAreMergedCompactly() {
        assertEquals("int8, lorawan, duty_cycle=0.01 | 0.001",
                SweepCharts.mergeLabels("int8, lorawan, duty_cycle=0.01", "int8, lorawan, duty_cycle=0.001"));
        assertEquals("a, x; b, y", SweepCharts.mergeLabels("a, x", "b, y"));
    }

    private static List<String> labels(LegendItemCollection items) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < items.getItemCount(); i++) {
            labels.add(items.get(i).getLabel());
        }
        return labels;
    }

    private static List<String> noteTexts(JFreeChart chart) {
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof TextTitle title) {
                notes.add(title.getText());
            }
        }
        return notes;
    }
}
