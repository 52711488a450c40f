package org.fedwan.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fedwan.plots.SweepDatasets.SweepMetric;
import org.fedwan.results.SweepColumns;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepDatasetsTest {

    @TempDir
    Path dir;

    @Test
    void metricAgainstACategoricalParameterHasMeanAndConfidenceInterval() throws IOException {
        SweepFolder sweep = SweepFolder.read(RunFolderFixture.writeSweep(dir));

        SweepDatasets.MetricVsParameter data =
                SweepDatasets.metricVsParameter(sweep, SweepMetric.FINAL_ACCURACY).orElseThrow();

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
        assertEquals("kB", SweepDatasets.metricVsParameter(sweep, SweepMetric.UPLINK_BYTES).orElseThrow().unit().symbol());
        assertTrue(SweepDatasets.metricVsParameter(sweep, SweepMetric.TIME_TO_TARGET_S).isEmpty());
    }

    @Test
    void paretoFrontKeepsTheUndominatedPointsByCost() throws IOException {
        SweepFolder sweep = SweepFolder.read(RunFolderFixture.writeSweep(dir));

        SweepDatasets.Pareto data = SweepDatasets.pareto(sweep, SweepMetric.UPLINK_BYTES).orElseThrow();

        assertEquals(AxisUnit.KILOBYTES, data.unit());
        assertEquals(4, data.points().getSeries(0).getItemCount());
        assertEquals(4, data.labels().size());
        XYSeries front = data.points().getSeries(1);
        assertEquals(SweepDatasets.FRONT, front.getKey());
        assertEquals(2, front.getItemCount());
        assertEquals(2.0, front.getX(0).doubleValue(), 1e-9);
        assertEquals(89.0, front.getY(0).doubleValue(), 1e-9);
        assertEquals(8.0, front.getX(1).doubleValue(), 1e-9);
        assertEquals(90.0, front.getY(1).doubleValue(), 1e-9);
    }

    @Test
    void heatMapHasOneCellPerPointOverTheTwoParameters() throws IOException {
        SweepFolder sweep = SweepFolder.read(RunFolderFixture.writeSweep(dir));

        SweepDatasets.HeatMap data = SweepDatasets.heatMap(sweep, SweepMetric.FINAL_ACCURACY).orElseThrow();

        assertEquals(List.of("fp32", "int8"), data.xValues());
        assertEquals(List.of("0.01", "0.001"), data.yValues());
        assertEquals(4, data.cells().getItemCount(0));
        // p0003: int8 (x 1), 0.001 (y 1), 89 %.
        assertEquals(1.0, data.cells().getXValue(0, 3));
        assertEquals(1.0, data.cells().getYValue(0, 3));
        assertEquals(89.0, data.cells().getZValue(0, 3), 1e-9);
    }
    @Test
    void roundsPerDayHasOneLinePerOtherSweptValueSortedByModelSize() throws IOException {
        // downlink_data_rate is swept together with data_rate (a zip): it names no line of its own
        Files.writeString(dir.resolve(SweepColumns.FILE), "point,data_rate,downlink_data_rate,update_parameters,runs,"
                + "target_reached,parameter_count,rounds_per_day\n"
                + "p0000,5,5,6000,1,0,6000,19.676\n"
                + "p0001,5,5,100,1,0,100,900.5\n"
                + "p0002,2,2,100,1,0,100,150.25\n"
                + "p0003,2,2,6000,1,0,6000,\n"
                + "p0004,2,2,600,1,0,600,20.4\n");
        SweepFolder sweep = SweepFolder.read(dir);

        XYSeriesCollection lines = SweepDatasets.roundsPerDay(sweep).orElseThrow().series();

        assertEquals(2, lines.getSeriesCount());
        assertEquals(List.of("data_rate"), SweepDatasets.seriesKeys(sweep));
        assertEquals("data_rate=5", lines.getSeriesKey(0));
        assertEquals("data_rate=2", lines.getSeriesKey(1));
        XYSeries sf7 = lines.getSeries(0);
        assertEquals(100.0, sf7.getX(0).doubleValue());
        assertEquals(900.5, sf7.getY(0).doubleValue(), 1e-12);
        assertEquals(6000.0, sf7.getX(1).doubleValue());
        XYSeries sf10 = lines.getSeries(1);
        assertEquals(2, sf10.getItemCount(), "a point without rounds per day is left out");
        assertEquals(20.4, sf10.getY(1).doubleValue(), 1e-12);
        assertTrue(SweepCharts.roundsPerDay(SweepDatasets.roundsPerDay(sweep).orElseThrow()).getXYPlot().getDomainAxis()
                instanceof PaperLogAxis, "60x in size: logarithmic");
    }

    @Test
    void roundsPerDayNeedsTwoModelSizes() throws IOException {
        Files.writeString(dir.resolve(SweepColumns.FILE), "point,data_rate,runs,target_reached,parameter_count,rounds_per_day\n"
                + "p0000,5,1,0,6000,19.676\np0001,2,1,0,6000,3.5\n");
        assertTrue(SweepDatasets.roundsPerDay(SweepFolder.read(dir)).isEmpty());
        Files.writeString(dir.resolve(SweepColumns.FILE), "point,data_rate,runs,target_reached\np0000,5,1,0\np0001,2,1,0\n");
        assertTrue(SweepDatasets.roundsPerDay(SweepFolder.read(dir)).isEmpty(), "a sweep.csv written before the columns existed");
    }
}
