package org.fedwan.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.fedwan.plots.ComparisonDatasets.SweepMetric;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.YIntervalSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonDatasetsTest {

    @TempDir
    Path dir;

    @Test
    void aRunIsOneMethodNamedByItsCodec() throws IOException {
        RunFolder run = RunFolder.read(RunFolderFixture.write(dir));

        ComparisonDatasets.PerMethod perByte = ComparisonDatasets.accuracyPerByte(ComparisonDatasets.methods(run));
        DefaultCategoryDataset bytes = ComparisonDatasets.bytesPerRound(ComparisonDatasets.methods(run));
        ComparisonDatasets.PerMethod energy = ComparisonDatasets.accuracyVsEnergy(ComparisonDatasets.methods(run));

        XYSeries series = perByte.series().getSeries(0);
        assertEquals("int8", series.getKey());
        // 50 % after 0.4 kB, 80 % after 0.8 kB.
        assertEquals(125.0, series.getY(0).doubleValue(), 1e-9);
        assertEquals(100.0, series.getY(1).doubleValue(), 1e-9);
        // Update: 300 B / 2 clients, 150 B / 1 client; on air: 400 B / 2 selected in both rounds.
        assertEquals(150.0, bytes.getValue(ComparisonDatasets.UPDATE_BYTES, "int8").doubleValue(), 1e-9);
        assertEquals(200.0, bytes.getValue(ComparisonDatasets.PHY_BYTES, "int8").doubleValue(), 1e-9);
        assertEquals(2.4, energy.series().getSeries(0).getX(0).doubleValue(), 1e-9);
        assertEquals(80.0, energy.series().getSeries(0).getY(1).doubleValue(), 1e-9);
    }

    @Test
    void aSweepIsOneMethodPerPointWithRuns() throws IOException {
        SweepFolder sweep = SweepFolder.read(RunFolderFixture.writeSweep(dir));

        List<ComparisonDatasets.Method> methods = ComparisonDatasets.methods(sweep);

        assertEquals(List.of("uplink_codec", "duty_cycle"), sweep.parameters());
        assertEquals(List.of("fp32 / 0.01", "int8 / 0.01"),
                methods.stream().map(ComparisonDatasets.Method::label).toList());
        assertEquals(2, ComparisonDatasets.bytesPerRound(methods).getColumnCount());
    }

    @Test
    void metricAgainstACategoricalParameterHasMeanAndConfidenceInterval() throws IOException {
        SweepFolder sweep = SweepFolder.read(RunFolderFixture.writeSweep(dir));

        ComparisonDatasets.MetricVsParameter data =
                ComparisonDatasets.metricVsParameter(sweep, SweepMetric.FINAL_ACCURACY).orElseThrow();

        assertEquals("uplink_codec", data.parameter());
        assertEquals(List.of("fp32", "int8"), data.categories());
        assertEquals("%", data.unit().symbol());
        assertEquals(List.of("duty_cycle=0.01", "duty_cycle=0.001"),
                List.of(data.series().getSeriesKey(0), data.series().getSeriesKey(1)));
        YIntervalSeries first = data.series().getSeries(0);
        assertEquals(0.0, first.getX(0).doubleValue());
        assertEquals(90.0, first.getYValue(0), 1e-9);
        assertEquals(88.0, first.getYLowValue(0), 1e-9);
        assertEquals(92.0, first.getYHighValue(0), 1e-9);
        assertEquals("kB", ComparisonDatasets.metricVsParameter(sweep, SweepMetric.UPLINK_BYTES).orElseThrow().unit().symbol());
        assertTrue(ComparisonDatasets.metricVsParameter(sweep, SweepMetric.TIME_TO_TARGET_S).isEmpty());
    }

    @Test
    void paretoFrontKeepsTheUndominatedPointsByCost() throws IOException {
        SweepFolder sweep = SweepFolder.read(RunFolderFixture.writeSweep(dir));

        ComparisonDatasets.Pareto data = ComparisonDatasets.pareto(sweep, SweepMetric.UPLINK_BYTES).orElseThrow();

        assertEquals(AxisUnit.KILOBYTES, data.unit());
        assertEquals(4, data.points().getSeries(0).getItemCount());
        assertEquals(4, data.labels().size());
        XYSeries front = data.points().getSeries(1);
        assertEquals(ComparisonDatasets.FRONT, front.getKey());
        assertEquals(2, front.getItemCount());
        assertEquals(2.0, front.getX(0).doubleValue(), 1e-9);
        assertEquals(89.0, front.getY(0).doubleValue(), 1e-9);
        assertEquals(8.0, front.getX(1).doubleValue(), 1e-9);
        assertEquals(90.0, front.getY(1).doubleValue(), 1e-9);
    }

    @Test
    void heatMapHasOneCellPerPointOverTheTwoParameters() throws IOException {
        SweepFolder sweep = SweepFolder.read(RunFolderFixture.writeSweep(dir));

        ComparisonDatasets.HeatMap data = ComparisonDatasets.heatMap(sweep, SweepMetric.FINAL_ACCURACY).orElseThrow();

        assertEquals(List.of("fp32", "int8"), data.xValues());
        assertEquals(List.of("0.01", "0.001"), data.yValues());
        assertEquals(4, data.cells().getItemCount(0));
        // p0003: int8 (x 1), 0.001 (y 1), 89 %.
        assertEquals(1.0, data.cells().getXValue(0, 3));
        assertEquals(1.0, data.cells().getYValue(0, 3));
        assertEquals(89.0, data.cells().getZValue(0, 3), 1e-9);
    }

    @Test
    void coincidentParetoLabelsAreMergedCompactly() {
        assertEquals("int8 / lorawan / 0.01, 0.001", StudyCharts.mergeLabels("int8 / lorawan / 0.01", "int8 / lorawan / 0.001"));
        assertEquals("a / x; b / y", StudyCharts.mergeLabels("a / x", "b / y"));
    }
}
