package org.fedwan.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fedwan.plots.RunDatasets.AccuracyAndLoss;
import org.fedwan.plots.RunDatasets.AccuracyVsUplink;
import org.fedwan.plots.RunDatasets.EnergyOverTime;
import org.fedwan.plots.RunDatasets.RoundLatency;
import org.fedwan.plots.RunTables.EnergyInterval;
import org.fedwan.plots.RunTables.Round;
import org.fedwan.plots.RunTables.Transmission;
import org.fedwan.results.EnergyState;
import org.fedwan.results.FrameOutcome;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDatasetsTest {

    private static final double EPS = 1e-12;

    @TempDir
    Path dir;

    private RunTables tables;

    @BeforeEach
    void readFixture() throws IOException {
        tables = RunTables.read(ResultTablesFixture.write(dir));
    }

    @Test
    void energyHasTheTotalAndOneSeriesPerDeviceInNaturalOrder() {
        EnergyOverTime energy = RunDatasets.energyOverTime(tables);

        assertEquals(List.of(RunDatasets.TOTAL_SERIES), keys(energy.total()));
        assertEquals(List.of("dev-1", "dev-2", "dev-10"), keys(energy.perDevice()));
    }

    @Test
    void withoutTheLedgerCumulativeEnergyEndsAtTheSumOfFrameEnergies() {
        EnergyOverTime energy = RunDatasets.energyOverTime(tables);

        assertEquals(ResultTablesFixture.TOTAL_ENERGY_J, lastY(energy.total().getSeries(0)), EPS);
        assertEquals(0.010 + 0.040, lastY(energy.perDevice().getSeries("dev-1")), EPS);
        assertEquals(0.020 + 0.050, lastY(energy.perDevice().getSeries("dev-2")), EPS);
        assertEquals(0.030, lastY(energy.perDevice().getSeries("dev-10")), EPS);
    }

    @Test
    void theLedgerRowsOfEveryStateStepUpTheirDeviceAndFramesAreThenNotCountedTwice() {
        RunTables withEnergy = new RunTables(tables.rounds(), tables.transmissions(),
                List.of(new EnergyInterval("dev-1", EnergyState.TX, 2.0, 2.5, 0.3),
                        new EnergyInterval("dev-2", EnergyState.MCU_TRAINING, 0, 1.0, 5.0),
                        new EnergyInterval("dev-3", EnergyState.SLEEP, 300, 450, 0.01)));

        EnergyOverTime energy = RunDatasets.energyOverTime(withEnergy);

        assertEquals(List.of("dev-1", "dev-2", "dev-3"), keys(energy.perDevice()));
        assertEquals(0.3 + 5.0 + 0.01, lastY(energy.total().getSeries(0)), EPS);
        assertEquals(5.0, lastY(energy.perDevice().getSeries("dev-2")), EPS);
        // The run ends with the last energy row, at 450 s.
        double[][] expected = {{0, 0}, {2.5, 0}, {2.5, 0.3}, {450, 0.3}};
        assertPoints(expected, energy.perDevice().getSeries("dev-1"));
    }

    @Test
    void totalEnergyStepsAtFrameEndsAndHoldsToTheEndOfTheRun() {
        EnergyOverTime energy = RunDatasets.energyOverTime(tables);

        // 400 s run: drawn in seconds. The frames of dev-2 and dev-10 ending at 10.2 s make one step.
        assertEquals(AxisUnit.SECONDS, energy.time());
        double[][] expected = {
            {0, 0}, {5.1, 0}, {5.1, 0.01}, {10.2, 0.01}, {10.2, 0.06}, {100.4, 0.06}, {100.4, 0.10},
            {200.5, 0.10}, {200.5, 0.15}, {400, 0.15},
        };
        assertPoints(expected, energy.total().getSeries(0));
    }

    @Test
    void deviceEnergyCountsDownlinkReceptionAndStartsAtZero() {
        EnergyOverTime energy = RunDatasets.energyOverTime(tables);

        double[][] expected = {{0, 0}, {5.1, 0}, {5.1, 0.01}, {100.4, 0.01}, {100.4, 0.05}, {400, 0.05}};
        assertPoints(expected, energy.perDevice().getSeries("dev-1"));
    }

    @Test
    void longRunIsDrawnInHours() {
        RunTables longRun = new RunTables(
                List.of(new Round(1, 7200, 0.5, 1, 10, 0, 1, 1, 7200, 1, 0),
                        new Round(2, 5 * 3600, 0.6, 1, 10, 0, 1, 1, 3600, 1, 0)),
                List.of(new Transmission("dev-1", 3590, 3600, 10, 100, 0.5, FrameOutcome.DELIVERED),
                        new Transmission("dev-1", 9000, 9000.1, 10, 100, 0.25, FrameOutcome.DELIVERED)));

        EnergyOverTime energy = RunDatasets.energyOverTime(longRun);

        assertEquals(AxisUnit.HOURS, energy.time());
        double[][] expected = {{0, 0}, {1, 0}, {1, 0.5}, {9000.1 / 3600, 0.5}, {9000.1 / 3600, 0.75}, {5, 0.75}};
        assertPoints(expected, energy.total().getSeries(0));
    }

    @Test
    void runWithoutFramesHasAFlatTotalAndNoDevices() {
        RunTables silent = new RunTables(List.of(new Round(1, 30, 0.1, 2, 0, 0, 0, 0, 30, 0, 3)), List.of());

        EnergyOverTime energy = RunDatasets.energyOverTime(silent);

        assertPoints(new double[][] {{0, 0}, {30, 0}}, energy.total().getSeries(0));
        assertEquals(0, energy.perDevice().getSeriesCount());
    }

    @Test
    void latencyIsOneValuePerRoundInTheChosenUnit() {
        RoundLatency latency = RunDatasets.roundLatency(tables);

        assertEquals(AxisUnit.SECONDS, latency.time());
        assertEquals(List.of(RunDatasets.LATENCY_SERIES), keys(latency.latency()));
        assertPoints(new double[][] {{1, 120.5}, {2, 129.5}, {3, 150.0}}, latency.latency().getSeries(0));

        RoundLatency slow = RunDatasets.roundLatency(new RunTables(
                List.of(new Round(1, 900, 0.5, 1, 10, 0, 1, 1, 900, 1, 0)), List.of()));
        assertEquals(AxisUnit.MINUTES, slow.time());
        assertEquals(15.0, slow.latency().getSeries(0).getY(0).doubleValue(), EPS);
    }

    @Test
    void accuracyIsInPercentAndLossAsWritten() {
        AccuracyAndLoss accuracy = RunDatasets.accuracyPerRound(tables);

        assertEquals(List.of(RunDatasets.ACCURACY_SERIES), keys(accuracy.accuracyPercent()));
        assertEquals(List.of(RunDatasets.LOSS_SERIES), keys(accuracy.loss()));
        assertPoints(new double[][] {{1, 42}, {2, 61}, {3, 73.5}}, accuracy.accuracyPercent().getSeries(0));
        assertPoints(new double[][] {{1, 1.8}, {2, 1.2}, {3, 0.95}}, accuracy.loss().getSeries(0));
    }

    @Test
    void roundsThatWereNotEvaluatedHaveNoPointSoLinesJoinTheEvaluatedRounds() throws IOException {
        RunTables blanks = RunTables.read(ResultTablesFixture.write(dir.resolve("blanks"),
                ResultTablesFixture.ROUNDS_WITH_BLANKS, ResultTablesFixture.TRANSMISSIONS));

        AccuracyAndLoss accuracy = RunDatasets.accuracyPerRound(blanks);
        AccuracyVsUplink traffic = RunDatasets.accuracyVsUplinkBytes(blanks);

        assertPoints(new double[][] {{1, 42}, {3, 73.5}}, accuracy.accuracyPercent().getSeries(0));
        assertPoints(new double[][] {{1, 1.8}, {3, 0.95}}, accuracy.loss().getSeries(0));
        assertTrue(accuracy.hasTraining());
        assertEquals(List.of(RunDatasets.TRAIN_ACCURACY_SERIES), keys(accuracy.trainAccuracyPercent()));
        assertPoints(new double[][] {{1, 45}, {3, 76}}, accuracy.trainAccuracyPercent().getSeries(0));
        assertPoints(new double[][] {{1, 1.7}, {3, 0.9}}, accuracy.trainLoss().getSeries(0));
        // Round 2's 1500 B still count towards the traffic of round 3.
        assertPoints(new double[][] {{1.2, 42}, {4.5, 73.5}}, traffic.accuracyPercent().getSeries(0));
    }

    @Test
    void tablesWithoutTrainingColumnsHaveNoTrainingSeries() {
        AccuracyAndLoss accuracy = RunDatasets.accuracyPerRound(tables);

        assertFalse(accuracy.hasTraining());
        assertEquals(0, accuracy.trainAccuracyPercent().getSeriesCount());
        assertEquals(0, accuracy.trainLoss().getSeriesCount());
    }

    @Test
    void accuracyIsPlottedAgainstCumulativeUplinkKilobytes() {
        AccuracyVsUplink accuracy = RunDatasets.accuracyVsUplinkBytes(tables);

        // 1200 + 1500 + 1800 = 4500 B in total: drawn in kB.
        assertEquals(AxisUnit.KILOBYTES, accuracy.bytes());
        assertPoints(new double[][] {{1.2, 42}, {2.7, 61}, {4.5, 73.5}}, accuracy.accuracyPercent().getSeries(0));
    }

    @Test
    void roundWithoutUplinkKeepsItsPointAtTheSameTraffic() {
        RunTables stalled = new RunTables(
                List.of(new Round(1, 10, 0.2, 1, 500, 0, 1, 1, 10, 1, 0),
                        new Round(2, 20, 0.2, 1, 0, 0, 0, 0, 10, 0, 1)),
                List.of());

        AccuracyVsUplink accuracy = RunDatasets.accuracyVsUplinkBytes(stalled);

        assertEquals(AxisUnit.BYTES, accuracy.bytes());
        assertPoints(new double[][] {{500, 20}, {500, 20}}, accuracy.accuracyPercent().getSeries(0));
    }

    @Test
    void deviceIdsCompareByTheirNumbers() {
        List<String> ids = new ArrayList<>(List.of("server", "dev-10", "dev-2", "dev-02", "dev-1", "dev-1b", "gw"));

        ids.sort(RunDatasets::compareNatural);

        assertEquals(List.of("dev-1", "dev-1b", "dev-02", "dev-2", "dev-10", "gw", "server"), ids);
    }

    private static List<String> keys(XYSeriesCollection collection) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < collection.getSeriesCount(); i++) {
            keys.add(collection.getSeriesKey(i).toString());
        }
        return keys;
    }

    private static double lastY(XYSeries series) {
        return series.getY(series.getItemCount() - 1).doubleValue();
    }

    private static void assertPoints(double[][] expected, XYSeries series) {
        assertEquals(expected.length, series.getItemCount(), () -> "points of " + series.getKey());
        for (int i = 0; i < expected.length; i++) {
            int item = i;
            assertEquals(expected[i][0], series.getX(i).doubleValue(), 1e-9, () -> "x of point " + item);
            assertEquals(expected[i][1], series.getY(i).doubleValue(), 1e-9, () -> "y of point " + item);
        }
        for (int i = 1; i < series.getItemCount(); i++) {
            assertTrue(series.getX(i).doubleValue() >= series.getX(i - 1).doubleValue(), "x non-decreasing");
        }
    }
}
