package org.fedwan.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fedwan.results.RoundsTable;
import org.fedwan.results.SweepColumns;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
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
        assertEquals(List.of("fp32, duty_cycle=0.01", "int8, duty_cycle=0.01"),
                methods.stream().map(ComparisonDatasets.Method::label).toList());
        assertEquals(2, ComparisonDatasets.bytesPerRound(methods).getColumnCount());
    }

    @Test
    void roundsThatWereNotEvaluatedAreLeftOutOfThePerRoundDatasets() throws IOException {
        RunFolderFixture.write(dir);
        RunFolderFixture.put(dir, RoundsTable.TABLE.file(), RunFolderFixture.ROUNDS_EVAL_EVERY_2);
        List<ComparisonDatasets.Method> run = ComparisonDatasets.methods(RunFolder.read(dir));

        XYSeries perByte = ComparisonDatasets.accuracyPerByte(run).series().getSeries(0);
        XYSeries energy = ComparisonDatasets.accuracyVsEnergy(run).series().getSeries(0);
        ComparisonDatasets.PerMethod traffic = ComparisonDatasets.accuracyVsUplinkBytes(run);
        ComparisonDatasets.AccuracyPerRound perRound = ComparisonDatasets.accuracyPerRound(run);

        // Only round 2 was evaluated: 80 % after 0.8 kB and 4.3 J.
        assertPoints(new double[][] {{2, 100}}, perByte);
        assertPoints(new double[][] {{4.3, 80}}, energy);
        assertPoints(new double[][] {{800, 80}}, traffic.series().getSeries(0));
        assertEquals(AxisUnit.BYTES, traffic.unit());
        assertPoints(new double[][] {{2, 80}}, perRound.accuracyPercent().getSeries(0));
        assertPoints(new double[][] {{2, 0.9}}, perRound.loss().getSeries(0));
        assertPoints(new double[][] {{2, 85}}, perRound.trainAccuracyPercent().getSeries(0));
        assertPoints(new double[][] {{2, 0.8}}, perRound.trainLoss().getSeries(0));
    }

    @Test
    void labelsLeaveEmptyParameterValuesOut() throws IOException {
        Files.writeString(dir.resolve(SweepColumns.FILE),
                "point,uplink_codec,uplink_options,runs,target_reached\np0000,fp32,,1,1\np0001,laq,bits=8,1,1\n");
        SweepFolder sweep = SweepFolder.read(dir);
        assertEquals("fp32", sweep.label(0));
        assertEquals("laq, bits=8", sweep.label(1));
    }

    /** The fixture sweep with a second replication of p0000 whose accuracy and training values differ. */
    private SweepFolder sweepWithReplications() throws IOException {
        RunFolderFixture.writeSweep(dir);
        Path second = RunFolderFixture.write(dir.resolve("runs/p0000/r1"));
        RunFolderFixture.put(second, RoundsTable.TABLE.file(), RunFolderFixture.ROUNDS
                .replace("1,100.000000,0.500000,1.5,", "1,100.000000,0.600000,1.3,")
                .replace("400,1.4,0.55,2.5,", "400,1.2,0.65,1.5,"));
        return SweepFolder.read(dir);
    }

    @Test
    void perRoundCurvesOfASweepAverageTheReplicationsRoundByRound() throws IOException {
        List<ComparisonDatasets.Method> methods = ComparisonDatasets.methods(sweepWithReplications());

        ComparisonDatasets.AccuracyPerRound data = ComparisonDatasets.accuracyPerRound(methods);

        assertEquals(List.of("fp32, duty_cycle=0.01", "int8, duty_cycle=0.01"), List.of(data.accuracyPercent().getSeriesKey(0),
                data.accuracyPercent().getSeriesKey(1)));
        // p0000: round 1 the mean of 50 % and 60 %, round 2 80 % in both replications.
        assertPoints(new double[][] {{1, 55}, {2, 80}}, data.accuracyPercent().getSeries(0));
        assertPoints(new double[][] {{1, 1.4}, {2, 0.9}}, data.loss().getSeries(0));
        assertPoints(new double[][] {{1, 60}, {2, 85}}, data.trainAccuracyPercent().getSeries(0));
        assertPoints(new double[][] {{1, 1.3}, {2, 0.8}}, data.trainLoss().getSeries(0));
        assertPoints(new double[][] {{1, 50}, {2, 80}}, data.accuracyPercent().getSeries(1));
        assertTrue(data.hasTraining());
    }

    @Test
    void trainingLossAndGradientNormPerRoundOfEveryPoint() throws IOException {
        List<ComparisonDatasets.Method> methods = ComparisonDatasets.methods(sweepWithReplications());

        ComparisonDatasets.TrainingPerRound data = ComparisonDatasets.trainingPerRound(methods).orElseThrow();

        assertEquals(2, data.trainLoss().getSeriesCount());
        assertEquals("fp32, duty_cycle=0.01", data.gradientNorm().getSeriesKey(0));
        assertPoints(new double[][] {{1, 1.3}, {2, 0.8}}, data.trainLoss().getSeries(0));
        assertPoints(new double[][] {{1, 2.0}, {2, 0.25}}, data.gradientNorm().getSeries(0));
        assertPoints(new double[][] {{1, 2.5}, {2, 0.25}}, data.gradientNorm().getSeries(1));
    }

    @Test
    void withoutTrainingValuesThereIsNoTrainingDataset() throws IOException {
        RunFolderFixture.write(dir.resolve("empty-cells"));
        RunFolderFixture.put(dir.resolve("empty-cells"), RoundsTable.TABLE.file(), RunFolderFixture.ROUNDS_WITHOUT_TRAINING);
        RunFolder emptyCells = RunFolder.read(dir.resolve("empty-cells"));
        RunFolder older = RunFolder.read(ResultTablesFixture.write(dir.resolve("older")));

        for (RunFolder run : List.of(emptyCells, older)) {
            List<ComparisonDatasets.Method> methods = ComparisonDatasets.methods(run);
            assertTrue(ComparisonDatasets.trainingPerRound(methods).isEmpty(), run.dir().toString());
            ComparisonDatasets.AccuracyPerRound perRound = ComparisonDatasets.accuracyPerRound(methods);
            assertFalse(perRound.hasTraining());
            assertEquals(1, perRound.trainAccuracyPercent().getSeriesCount(), "one (empty) series per method");
            assertEquals(0, perRound.trainAccuracyPercent().getItemCount(0));
        }
    }

    @Test
    void accuracyAgainstUplinkTrafficAveragesBytesAndAccuracyPerRound() throws IOException {
        List<ComparisonDatasets.Method> methods = ComparisonDatasets.methods(sweepWithReplications());

        ComparisonDatasets.PerMethod data = ComparisonDatasets.accuracyVsUplinkBytes(methods);

        // cumulative_uplink_bytes 400 and 800 B in every run: drawn in B.
        assertEquals(AxisUnit.BYTES, data.unit());
        assertPoints(new double[][] {{400, 55}, {800, 80}}, data.series().getSeries(0));
    }

    private static void assertPoints(double[][] expected, XYSeries series) {
        assertEquals(expected.length, series.getItemCount(), () -> "points of " + series.getKey());
        for (int i = 0; i < expected.length; i++) {
            int item = i;
            assertEquals(expected[i][0], series.getX(i).doubleValue(), 1e-9, () -> "x of point " + item);
            assertEquals(expected[i][1], series.getY(i).doubleValue(), 1e-9, () -> "y of point " + item);
        }
    }

    @Test
    void accuracyBandsStayWithinZeroAndOneHundredPercent() {
        // two replications at 99 % and 100 %: mean 0.995, Student-t half-width 12.706 x 0.00707 / sqrt(2) = 0.0635
        assertEquals(100.0, ComparisonDatasets.highPercent(0.995, 0.0635), 1e-12);
        assertEquals(93.15, ComparisonDatasets.lowPercent(0.995, 0.0635), 1e-9);
        assertEquals(0.0, ComparisonDatasets.lowPercent(0.05, 0.2), 1e-12);
        assertEquals(25.0, ComparisonDatasets.highPercent(0.05, 0.2), 1e-9);
    }
}
