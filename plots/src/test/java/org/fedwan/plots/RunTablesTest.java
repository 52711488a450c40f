package org.fedwan.plots;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fedwan.plots.RunTables.EnergyInterval;
import org.fedwan.plots.RunTables.Round;
import org.fedwan.plots.RunTables.Transmission;
import org.fedwan.results.EnergyState;
import org.fedwan.results.EnergyTable;
import org.fedwan.results.FrameOutcome;
import org.fedwan.results.RoundsTable;
import org.fedwan.results.TransmissionsTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunTablesTest {

    @TempDir
    Path dir;

    @Test
    void readsEveryColumnOfBothTables() throws IOException {
        ResultTablesFixture.write(dir);

        RunTables tables = RunTables.read(dir);

        assertEquals(3, tables.rounds().size());
        assertEquals(new Round(2, 250.0, 0.61, 1.20, 1500, 300, 15, 1.1, 129.5, 2, 1), tables.rounds().get(1));
        assertEquals(5, tables.transmissions().size());
        assertEquals(new Transmission("dev-1", 100.0, 100.4, 120, 400.0, 0.040, FrameOutcome.RECEIVED),
                tables.transmissions().get(3));
        assertEquals(400.0, tables.runEndS());
    }

    @Test
    void readsTheRowsOfEnergyCsvWhenPresent() throws IOException {
        ResultTablesFixture.write(dir);
        assertEquals(List.of(), RunTables.read(dir).energy());
        Files.writeString(dir.resolve(EnergyTable.TABLE.file()), "round,device,state,start_s,end_s,energy_j\n"
                + "1,dev-1,mcu_training,0.0,2.5,0.3\n3,dev-2,sleep,300.0,450.0,0.01\n");

        RunTables tables = RunTables.read(dir);

        assertEquals(List.of(new EnergyInterval("dev-1", EnergyState.MCU_TRAINING, 0, 2.5, 0.3),
                new EnergyInterval("dev-2", EnergyState.SLEEP, 300, 450, 0.01)), tables.energy());
        assertEquals(450.0, tables.runEndS());
    }

    @Test
    void aLabelTheSchemaDoesNotKnowIsNamedWithFileLineColumnAndValue() throws IOException {
        ResultTablesFixture.write(dir, ResultTablesFixture.ROUNDS,
                ResultTablesFixture.TRANSMISSIONS.replace("0.030,collision", "0.030,lost"));

        var e = assertThrows(IllegalArgumentException.class, () -> RunTables.read(dir));

        assertMessageNames(e, TransmissionsTable.TABLE.file(), 4, "outcome");
        assertTrue(e.getMessage().contains("'lost' is not a FrameOutcome; allowed: delivered, late, received"), e.getMessage());

        ResultTablesFixture.write(dir);
        Files.writeString(dir.resolve(EnergyTable.TABLE.file()), "round,device,state,start_s,end_s,energy_j\n"
                + "1,dev-1,psm,0.0,2.5,0.3\n");
        var state = assertThrows(IllegalArgumentException.class, () -> RunTables.read(dir));
        assertMessageNames(state, EnergyTable.TABLE.file(), 2, "state");
    }

    @Test
    void findsColumnsByHeaderNameInAnyOrderAndIgnoresUnknownOnes() throws IOException {
        ResultTablesFixture.write(dir,
                "clients_dropped,accuracy,round,new_metric,loss,sim_time_s,uplink_bytes,downlink_bytes,"
                        + "uplink_frames,energy_j,round_latency_s,clients_ok\n"
                        + "1,0.5,7,abc,2.0,60,100,10,2,0.3,60,4\n",
                "outcome,energy_j,airtime_ms,bytes,end_s,start_s,device,snr_db\n"
                        + "delivered,0.25,41.2,23,3.5,3.0,dev-7,-7.5\n");

        RunTables tables = RunTables.read(dir);

        assertEquals(List.of(new Round(7, 60, 0.5, 2.0, 100, 10, 2, 0.3, 60, 4, 1)), tables.rounds());
        assertEquals(List.of(new Transmission("dev-7", 3.0, 3.5, 23, 41.2, 0.25, FrameOutcome.DELIVERED)),
                tables.transmissions());
    }

    @Test
    void acceptsQuotedFieldsByteOrderMarkAndIntegralDecimals() throws IOException {
        ResultTablesFixture.write(dir,
                "\uFEFF" + ResultTablesFixture.ROUNDS_HEADER + "\n1,1,0.1,1,1.2e3,0,12.0,0,1,1,0,x\n",
                ResultTablesFixture.TRANSMISSIONS_HEADER + "\n\"gw \"\"a\"\", 1\",0,1,1,1,0,received,downlink\n");

        RunTables tables = RunTables.read(dir);

        assertEquals(1200, tables.rounds().get(0).uplinkBytes());
        assertEquals(12, tables.rounds().get(0).uplinkFrames());
        assertEquals("gw \"a\", 1", tables.transmissions().get(0).device());
    }

    @Test
    void headerOnlyTablesAreAnEmptyRun() throws IOException {
        ResultTablesFixture.write(dir, ResultTablesFixture.ROUNDS_HEADER + "\n",
                ResultTablesFixture.TRANSMISSIONS_HEADER + "\n");

        RunTables tables = RunTables.read(dir);

        assertEquals(List.of(), tables.rounds());
        assertEquals(List.of(), tables.transmissions());
        assertEquals(0.0, tables.runEndS());
    }

    @Test
    void emptyAccuracyAndLossAreRoundsThatWereNotEvaluated() throws IOException {
        ResultTablesFixture.write(dir, ResultTablesFixture.ROUNDS_WITH_BLANKS, ResultTablesFixture.TRANSMISSIONS);

        RunTables tables = RunTables.read(dir);

        Round skipped = tables.rounds().get(1);
        assertFalse(skipped.evaluated());
        assertTrue(Double.isNaN(skipped.accuracy()) && Double.isNaN(skipped.loss()));
        assertTrue(Double.isNaN(skipped.trainLoss()) && Double.isNaN(skipped.trainAccuracy())
                && Double.isNaN(skipped.gradientNorm()));
        assertEquals(1500, skipped.uplinkBytes());
        assertEquals(new Round(3, 400.0, 0.735, 0.95, 1800, 300, 18, 1.3, 150.0, 3, 0, 0.90, 0.76, 0.2),
                tables.rounds().get(2));
        assertTrue(tables.rounds().get(2).evaluated());
    }

    @Test
    void tablesWithoutTheTrainingColumnsReadAsNotMeasured() throws IOException {
        ResultTablesFixture.write(dir);

        Round round = RunTables.read(dir).rounds().get(0);

        assertTrue(Double.isNaN(round.trainLoss()) && Double.isNaN(round.trainAccuracy())
                && Double.isNaN(round.gradientNorm()));
        assertEquals(new Round(1, 120.5, 0.42, 1.80, 1200, 300, 12, 0.9, 120.5, 3, 0), round);
    }

    @Test
    void trainingValuesOutOfRangeAreNamedWithFileLineAndColumn() throws IOException {
        for (String[] bad : new String[][] {{",0.76,0.2\n", ",1.5,0.2\n", "train_accuracy"},
            {",0.76,0.2\n", ",0.76,-0.2\n", "gradient_norm"}, {",0.90,0.76,", ",abc,0.76,", "train_loss"}}) {
            ResultTablesFixture.write(dir, ResultTablesFixture.ROUNDS_WITH_BLANKS.replace(bad[0], bad[1]),
                    ResultTablesFixture.TRANSMISSIONS);

            var e = assertThrows(IllegalArgumentException.class, () -> RunTables.read(dir), bad[2]);

            assertMessageNames(e, RoundsTable.TABLE.file(), 4, bad[2]);
        }
    }

    @Test
    void missingFileIsNamed() throws IOException {
        Files.writeString(dir.resolve(RoundsTable.TABLE.file()), ResultTablesFixture.ROUNDS);

        var e = assertThrows(IllegalArgumentException.class, () -> RunTables.read(dir));

        assertTrue(e.getMessage().contains(dir.resolve(TransmissionsTable.TABLE.file()).toString()), e.getMessage());
    }

    @Test
    void missingColumnIsNamedWithFileAndLine() throws IOException {
        ResultTablesFixture.write(dir, ResultTablesFixture.ROUNDS.replace(",accuracy,", ",acc,"),
                ResultTablesFixture.TRANSMISSIONS);

        var e = assertThrows(IllegalArgumentException.class, () -> RunTables.read(dir));

        assertMessageNames(e, RoundsTable.TABLE.file(), 1, "accuracy");
    }

    @Test
    void nonNumericValueIsNamedWithFileLineColumnAndValue() throws IOException {
        ResultTablesFixture.write(dir, ResultTablesFixture.ROUNDS.replace(",0.61,", ",0;61,"),
                ResultTablesFixture.TRANSMISSIONS);

        var e = assertThrows(IllegalArgumentException.class, () -> RunTables.read(dir));

        assertMessageNames(e, RoundsTable.TABLE.file(), 3, "accuracy");
        assertTrue(e.getMessage().contains("'0;61'"), e.getMessage());
    }

    @Test
    void decimalCommaNanAndPaddedNumbersAreRejected() throws IOException {
        for (String bad : List.of("\"0,05\"", "NaN", "Infinity", " 0.05", "0.05f", "1e999", "")) {
            ResultTablesFixture.write(dir, ResultTablesFixture.ROUNDS,
                    ResultTablesFixture.TRANSMISSIONS.replace("0.050,delivered", bad + ",delivered"));

            var e = assertThrows(IllegalArgumentException.class, () -> RunTables.read(dir), bad);

            assertMessageNames(e, TransmissionsTable.TABLE.file(), 6, "energy_j");
            assertTrue(e.getMessage().contains("'" + bad.replace("\"", "") + "'"), e.getMessage());
        }
    }

    @Test
    void fractionalCountIsRejected() throws IOException {
        ResultTablesFixture.write(dir, ResultTablesFixture.ROUNDS,
                ResultTablesFixture.TRANSMISSIONS.replace("dev-10,10.0,10.2,51,", "dev-10,10.0,10.2,51.5,"));

        var e = assertThrows(IllegalArgumentException.class, () -> RunTables.read(dir));

        assertMessageNames(e, TransmissionsTable.TABLE.file(), 4, "bytes");
        assertTrue(e.getMessage().contains("'51.5'"), e.getMessage());
    }

    @Test
    void outOfRangeValueIsNamedWithFileLineColumnAndValue() throws IOException {
        ResultTablesFixture.write(dir, ResultTablesFixture.ROUNDS.replace(",0.735,", ",73.5,"),
                ResultTablesFixture.TRANSMISSIONS);

        var e = assertThrows(IllegalArgumentException.class, () -> RunTables.read(dir));

        assertMessageNames(e, RoundsTable.TABLE.file(), 4, "accuracy");
        assertTrue(e.getMessage().contains("73.5"), e.getMessage());
    }

    @Test
    void frameEndingBeforeItStartsIsRejected() throws IOException {
        ResultTablesFixture.write(dir, ResultTablesFixture.ROUNDS,
                ResultTablesFixture.TRANSMISSIONS.replace("dev-2,200.0,200.5,", "dev-2,200.0,199.5,"));

        var e = assertThrows(IllegalArgumentException.class, () -> RunTables.read(dir));

        assertMessageNames(e, TransmissionsTable.TABLE.file(), 6, "end_s");
        assertTrue(e.getMessage().contains("199.5"), e.getMessage());
    }

    @Test
    void roundsOutOfOrderAreRejected() throws IOException {
        ResultTablesFixture.write(dir, ResultTablesFixture.ROUNDS.replace("\n3,400.0,", "\n2,400.0,"),
                ResultTablesFixture.TRANSMISSIONS);

        var e = assertThrows(IllegalArgumentException.class, () -> RunTables.read(dir));

        assertMessageNames(e, RoundsTable.TABLE.file(), 4, "round");
    }

    @Test
    void rowWithTooFewFieldsIsRejected() throws IOException {
        ResultTablesFixture.write(dir, ResultTablesFixture.ROUNDS,
                ResultTablesFixture.TRANSMISSIONS + "dev-3,1.0,1.1,51,100.0\n");

        var e = assertThrows(IllegalArgumentException.class, () -> RunTables.read(dir));

        assertTrue(e.getMessage().contains(TransmissionsTable.TABLE.file() + " line 7"), e.getMessage());
        assertTrue(e.getMessage().contains("expected 8 fields"), e.getMessage());
    }

    @Test
    void blankLineAndBrokenQuotesAreRejected() throws IOException {
        for (String bad : List.of("", "\"dev-3,1,2,3,4,5,collision,uplink", "dev\"3\",1,2,3,4,5,collision,uplink",
                "\"dev-3\"x,1,2,3,4,5,collision,uplink")) {
            ResultTablesFixture.write(dir, ResultTablesFixture.ROUNDS,
                    ResultTablesFixture.TRANSMISSIONS + bad + "\ndev-3,1.0,1.1,51,100.0,0.01,collision,uplink\n");

            var e = assertThrows(IllegalArgumentException.class, () -> RunTables.read(dir), bad);

            assertTrue(e.getMessage().contains(TransmissionsTable.TABLE.file() + " line 7"), e.getMessage());
        }
    }

    @Test
    void emptyFileAndDuplicateColumnAreRejected() throws IOException {
        ResultTablesFixture.write(dir, "", ResultTablesFixture.TRANSMISSIONS);
        var empty = assertThrows(IllegalArgumentException.class, () -> RunTables.read(dir));
        assertTrue(empty.getMessage().contains(RoundsTable.TABLE.file() + " line 1"), empty.getMessage());

        ResultTablesFixture.write(dir, ResultTablesFixture.ROUNDS,
                ResultTablesFixture.TRANSMISSIONS.replace(",direction\n", ",device\n"));
        var duplicate = assertThrows(IllegalArgumentException.class, () -> RunTables.read(dir));
        assertMessageNames(duplicate, TransmissionsTable.TABLE.file(), 1, "device");
    }

    @Test
    void invalidUtf8IsRejected() throws IOException {
        ResultTablesFixture.write(dir);
        byte[] rounds = ResultTablesFixture.ROUNDS.getBytes(StandardCharsets.UTF_8);
        rounds[rounds.length - 2] = (byte) 0xC3;
        Files.write(dir.resolve(RoundsTable.TABLE.file()), rounds);

        var e = assertThrows(IllegalArgumentException.class, () -> RunTables.read(dir));

        assertTrue(e.getMessage().contains(RoundsTable.TABLE.file()), e.getMessage());
    }

    @Test
    void constructorsValidateLikeTheReader() {
        assertAll(
                () -> assertThrows(IllegalArgumentException.class,
                        () -> new Round(0, 1, 0.5, 1, 0, 0, 0, 0, 0, 0, 0)),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> new Round(1, 1, -0.01, 1, 0, 0, 0, 0, 0, 0, 0)),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> new Round(1, 1, 0.5, 1, -1, 0, 0, 0, 0, 0, 0)),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> new Round(1, 1, 0.5, Double.POSITIVE_INFINITY, 0, 0, 0, 0, 0, 0, 0)),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> new Round(1, 1, 0.5, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1.01, 1)),
                () -> assertFalse(new Round(1, 1, Double.NaN, Double.NaN, 0, 0, 0, 0, 0, 0, 0).evaluated()),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> new Transmission("", 0, 1, 1, 1, 0, FrameOutcome.COLLISION)),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> new Transmission("dev-1", 0, 1, 1, 1, -0.1, FrameOutcome.COLLISION)),
                () -> assertThrows(IllegalArgumentException.class, () -> new RunTables(
                        List.of(new Round(2, 1, 0.5, 1, 0, 0, 0, 0, 0, 0, 0),
                                new Round(1, 2, 0.5, 1, 0, 0, 0, 0, 0, 0, 0)),
                        List.of())));
    }

    private void assertMessageNames(IllegalArgumentException e, String fileName, int line, String column) {
        String message = e.getMessage();
        assertTrue(message.contains(dir.resolve(fileName).toString()), "file in: " + message);
        assertTrue(message.contains("line " + line + ","), "line in: " + message);
        assertTrue(message.contains("column '" + column + "'"), "column in: " + message);
    }
}
