package org.fedwan.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bounded per-device figures (issue 15): quantile bands above 24 devices, lines of at most 2,000 points. */
class DeviceQuantilesTest {

    private static final double EPS = 1e-9;

    @TempDir
    Path dir;

    @Test
    void quantilesAreNumpysDefault() {
        // numpy.quantile([1, 2, 3, 4], [0.1, 0.5, 0.9]) = [1.3, 2.5, 3.7] (method 'linear', Hyndman and Fan 7)
        double[] sorted = {1, 2, 3, 4};
        assertEquals(1.3, DeviceQuantiles.quantile(sorted, 0.1), EPS);
        assertEquals(2.5, DeviceQuantiles.quantile(sorted, 0.5), EPS);
        assertEquals(3.7, DeviceQuantiles.quantile(sorted, 0.9), EPS);
        assertEquals(7.0, DeviceQuantiles.quantile(new double[] {7}, 0.9), EPS);
    }

    @Test
    void bandsSpanTheDevicesWithTheirMedianAnd10To90PercentQuantiles() {
        // 30 devices, device d at d J from t = 1 s: at the end min 0, max 29, median 14.5, 10 % 2.9, 90 % 26.1
        XYSeriesCollection devices = new XYSeriesCollection();
        for (int d = 0; d < 30; d++) {
            XYSeries s = new XYSeries("dev-" + d, false, true);
            s.add(0, 0);
            s.add(1, 0);
            s.add(1, d);
            s.add(10, d);
            devices.addSeries(s);
        }
        YIntervalSeriesCollection bands = DeviceQuantiles.bands(devices, "span", "inner");
        assertEquals(2, bands.getSeriesCount());
        int last = bands.getItemCount(0) - 1;
        assertEquals(DeviceQuantiles.BAND_GRID_POINTS, last + 1);
        assertEquals(10.0, bands.getXValue(0, last), EPS);
        assertEquals(14.5, bands.getYValue(0, last), EPS);
        assertEquals(0.0, bands.getStartYValue(0, last), EPS);
        assertEquals(29.0, bands.getEndYValue(0, last), EPS);
        assertEquals(2.9, bands.getStartYValue(1, last), EPS);
        assertEquals(26.1, bands.getEndYValue(1, last), EPS);
        assertEquals(0.0, bands.getEndYValue(0, 0), EPS, "before the step every device is at 0");
    }

    @Test
    void longLinesAreDrawnFromTheirValuesOnAGrid() {
        XYSeries staircase = new XYSeries("total", false, true);
        for (int i = 0; i < 10_000; i++) {
            staircase.add(i, i / 2);
        }
        XYSeries drawn = DeviceQuantiles.bounded(staircase);
        assertEquals(DeviceQuantiles.MAX_LINE_POINTS, drawn.getItemCount());
        assertEquals(0.0, drawn.getX(0).doubleValue(), EPS);
        assertEquals(9_999.0, drawn.getX(drawn.getItemCount() - 1).doubleValue(), EPS);
        for (int k = 0; k < drawn.getItemCount(); k++) {
            double x = drawn.getX(k).doubleValue();
            assertEquals(Math.floor(Math.floor(x) / 2), drawn.getY(k).doubleValue(), EPS, "value at x = " + x);
        }
        XYSeries short_ = new XYSeries("short");
        short_.add(1, 1);
        assertSame(short_, DeviceQuantiles.bounded(short_));
    }

    @Test
    void energyOverTimeDrawsBandsAbove24DevicesAndLinesUpTo24() throws Exception {
        RunFolder many = RunFolder.read(RunFolderFixture.writeLongRun(dir.resolve("many"), 2, DeviceQuantiles.MAX_DEVICE_LINES + 1));
        RunFolder few = RunFolder.read(RunFolderFixture.writeLongRun(dir.resolve("few"), 2, DeviceQuantiles.MAX_DEVICE_LINES));

        XYPlot manyDevices = devicePanel(RunFigures.chart("energy-over-time", many).orElseThrow());
        assertTrue(manyDevices.getDataset() instanceof YIntervalSeriesCollection);
        LegendItemCollection legend = manyDevices.getLegendItems();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < legend.getItemCount(); i++) {
            labels.add(legend.get(i).getLabel());
        }
        assertEquals(List.of("median of 25 devices", "10–90 %", "least to most"), labels);

        XYPlot fewDevices = devicePanel(RunFigures.chart("energy-over-time", few).orElseThrow());
        assertEquals(DeviceQuantiles.MAX_DEVICE_LINES, fewDevices.getDataset().getSeriesCount());
    }

    @Test
    void theFrameTimelineIsBoundedHoweverManyFramesARoundHas() throws Exception {
        // 100 devices x 3,000 frames in one round: 16 rows are drawn, each with at most
        // TIMELINE_RESOLUTION / 2 bars per kind (a bar is at least 1/TIMELINE_RESOLUTION of the window wide)
        Path run = ResultTablesFixture.writeLongRun(dir.resolve("frames"), 1, 1_000, 100, 3_000);
        TimingDatasets.Timeline timeline = TimingDatasets.timeline(RunFolder.read(run)).orElseThrow();
        XYIntervalSeriesCollection bars = timeline.frames();
        int drawn = 0;
        for (int s = 0; s < bars.getSeriesCount(); s++) {
            drawn += bars.getItemCount(s);
        }
        assertTrue(drawn <= TimingDatasets.MAX_TIMELINE_DEVICES * TimingDatasets.FRAME_KINDS.size()
                * (TimingDatasets.TIMELINE_RESOLUTION / 2 + 1), drawn + " bars");
        assertTrue(timeline.mergeGapS() > 0, "frames were merged, and the figure says so");
        RunFigures.writeAll(run, Set.of("frame-timeline"), Set.of("svg"));
        long bytes = Files.size(run.resolve("figures/frame-timeline.svg"));
        assertTrue(bytes < 1_000_000, bytes + " bytes");
        assertTrue(FigureFiles.texts(FigureFiles.readSvg(run.resolve("figures/frame-timeline.svg"))).stream()
                .anyMatch(t -> t.startsWith("bars at least ")));
    }

    private static XYPlot devicePanel(JFreeChart chart) {
        return (XYPlot) ((CombinedDomainXYPlot) chart.getPlot()).getSubplots().get(1);
    }
}
