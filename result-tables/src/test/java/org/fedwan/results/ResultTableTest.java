package org.fedwan.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultTableTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** What the writer writes, the reader reads back: numbers, empty cells and every label. */
    @Test
    void readsBackWhatTheWriterWrote() throws IOException {
        StringBuilder rounds = new StringBuilder();
        StringBuilder frames = new StringBuilder();
        StringBuilder energy = new StringBuilder();
        StringBuilder clients = new StringBuilder();
        StringBuilder devices = new StringBuilder();
        TableWriter writer = new TableWriter(new TableWriter.Sinks(rounds, frames, energy, clients, devices));
        FrameOutcome[] outcomes = FrameOutcome.values();
        for (int i = 0; i < outcomes.length; i++) {
            writer.onFrame(new FrameRecord(1, "dev-" + i, i % 2 == 0 ? Direction.UPLINK : Direction.DOWNLINK, i,
                    1_000_000L * i, 1_000_000L * i + 250_500, 51, 38, 0.125 * i, outcomes[i]));
        }
        EnergyState[] states = EnergyState.values();
        for (int i = 0; i < states.length; i++) {
            writer.onEnergy(new EnergyRecord(2, "dev-" + i, states[i], 10_000_000L * i, 10_000_000L * i + 5, 0.5 + i,
                    states[i] == EnergyState.TX ? 14 : Double.NaN));
        }
        ClientOutcome[] clientOutcomes = ClientOutcome.values();
        for (int i = 0; i < clientOutcomes.length; i++) {
            writer.onClientRound(new ClientRoundRecord(1, "dev-" + i, 2_000_000, -1, -1, -1, 0, 0, 0, 0,
                    clientOutcomes[i], "lorawan", i % 2 == 0 ? null : LossCause.values()[i % LossCause.values().length]));
        }
        writer.onRound(new RoundRecord(1, 0, 3_000_000, Double.NaN, Double.NaN, 120, 60, 2, 1, 100,
                EnergyBreakdown.ofJoules(Map.of(EnergyState.TX, 1.0, EnergyState.SLEEP, 0.5)), 2, 1, 0, 2_000_000, Double.NaN,
                Double.NaN, Double.NaN, 0, Map.of(LossCause.COLLISION, 1)));
        Files.createDirectories(dir);
        write(RoundsTable.TABLE.file(), rounds.toString());
        write(TransmissionsTable.TABLE.file(), frames.toString());
        write(EnergyTable.TABLE.file(), energy.toString());
        write(ClientsTable.TABLE.file(), clients.toString());

        ResultTable t = ResultTable.read(dir, TransmissionsTable.TABLE);
        assertEquals(outcomes.length, t.size());
        for (int i = 0; i < outcomes.length; i++) {
            assertEquals(outcomes[i], t.label(i, TransmissionsTable.OUTCOME, FrameOutcome.class));
            assertEquals(i % 2 == 0 ? Direction.UPLINK : Direction.DOWNLINK,
                    t.label(i, TransmissionsTable.DIRECTION, Direction.class));
            assertEquals(250.5, t.number(i, TransmissionsTable.AIRTIME_MS), 1e-12);
            assertEquals(0.125 * i, t.number(i, TransmissionsTable.ENERGY_J), 1e-12);
            assertEquals(i, t.intValue(i, TransmissionsTable.FRAGMENT));
        }
        ResultTable e = ResultTable.read(dir, EnergyTable.TABLE);
        for (int i = 0; i < states.length; i++) {
            assertEquals(states[i], e.label(i, EnergyTable.STATE, EnergyState.class));
            assertEquals(10.0 * i, e.number(i, EnergyTable.START_S), 1e-12);
            assertEquals(10.0 * i + 5e-6, e.number(i, EnergyTable.END_S), 1e-12);
        }
        ResultTable c = ResultTable.read(dir, ClientsTable.TABLE);
        for (int i = 0; i < clientOutcomes.length; i++) {
            assertEquals(clientOutcomes[i], c.label(i, ClientsTable.OUTCOME, ClientOutcome.class));
            assertTrue(Double.isNaN(c.number(i, ClientsTable.COMPUTE_END_S)), "-1 is written empty: not measured");
        }
        ResultTable r = ResultTable.read(dir, RoundsTable.TABLE);
        assertTrue(Double.isNaN(r.number(0, RoundsTable.ACCURACY)));
        assertEquals(1.5, r.requiredNumber(0, RoundsTable.ENERGY_J), 1e-12);
        assertEquals(120, r.integer(0, RoundsTable.UPLINK_BYTES));
        assertTrue(r.has(RoundsTable.TABLE.columns().toArray(new Column<?>[0])));
        assertFalse(ResultTable.readIfPresent(dir, DevicesTable.TABLE).isPresent());
    }

    /** The examples of RFC 4180, section 2, rules 5 to 7 (without line breaks inside a field). */
    @Test
    void readsQuotedFieldsAsRfc4180Defines() throws IOException {
        ResultTable t = ResultTable.read(write("q.csv", "a,b,c\n\"aaa\",\"b,bb\",\"ccc\"\n\"aaa\",\"b\"\"bb\",\"ccc\"\n"
                + "zzz,,\"\"\n"));

        assertEquals(List.of("a", "b", "c"), t.header());
        assertEquals("b,bb", t.text(0, "b"));
        assertEquals("b\"bb", t.text(1, "b"));
        assertEquals("", t.text(2, "b"));
        assertEquals("", t.text(2, "c"));
        assertTrue(Double.isNaN(t.number(2, "b")));
    }

    @Test
    void skipsAByteOrderMarkAndFindsColumnsInAnyOrder() throws IOException {
        ResultTable t = ResultTable.read(write("bom.csv", "\uFEFFenergy_j,extra,device\n1e-3,x,dev-1\n"));

        assertEquals("dev-1", t.text(0, EnergyTable.DEVICE));
        assertEquals(0.001, t.number(0, EnergyTable.ENERGY_J), 0);
        assertTrue(t.has(EnergyTable.DEVICE, EnergyTable.ENERGY_J));
        assertFalse(t.has(EnergyTable.DEVICE, EnergyTable.STATE));
    }

    @Test
    void aLabelTheEnumDoesNotKnowFailsNamingFileLineColumnValueAndTheLabels() throws IOException {
        Path file = write("energy.csv", EnergyTable.TABLE.header() + "\n"
                + "1,dev-0,mcu_training,0.000000,1.000000,0.5,\n"
                + "1,dev-0,deep_sleep,1.000000,2.000000,0.1,\n");
        ResultTable t = ResultTable.read(file);

        assertEquals(EnergyState.MCU_TRAINING, t.label(0, EnergyTable.STATE, EnergyState.class));
        var e = assertThrows(IllegalArgumentException.class, () -> t.label(1, EnergyTable.STATE, EnergyState.class));

        assertEquals(file + " line 3, column 'state': 'deep_sleep' is not a EnergyState; allowed: "
                + "tx, rx, listen, standby, sleep, mcu_training, mcu_other", e.getMessage());
    }

    @Test
    void valuesThatAreNotNumbersFailNamingFileLineColumnAndValue() throws IOException {
        for (String bad : List.of("\"0,05\"", "NaN", "Infinity", " 0.05", "0.05f", "1e999")) {
            Path file = write("t.csv", "device,energy_j\ndev-1,0.1\ndev-2," + bad + "\n");
            ResultTable t = ResultTable.read(file);

            var e = assertThrows(IllegalArgumentException.class, () -> t.number(1, EnergyTable.ENERGY_J), bad);

            assertTrue(e.getMessage().startsWith(file + " line 3, column 'energy_j': expected a"), e.getMessage());
            assertTrue(e.getMessage().endsWith("got '" + bad.replace("\"", "") + "'"), e.getMessage());
        }
        ResultTable t = ResultTable.read(write("i.csv", "round,frames\n1,12.0\n2,1.5\n3,\n"));
        assertEquals(12, t.intValue(0, ClientsTable.FRAMES));
        var fractional = assertThrows(IllegalArgumentException.class, () -> t.integer(1, ClientsTable.FRAMES));
        assertTrue(fractional.getMessage().contains("line 3, column 'frames': expected an integer, got '1.5'"));
        var empty = assertThrows(IllegalArgumentException.class, () -> t.requiredNumber(2, ClientsTable.FRAMES));
        assertTrue(empty.getMessage().contains("line 4, column 'frames'"), empty.getMessage());
    }

    @Test
    void aMissingColumnIsNamedWithTheHeader() throws IOException {
        Path file = write("t.csv", "device,start_s\ndev-1,0\n");
        ResultTable t = ResultTable.read(file);

        var required = assertThrows(IllegalArgumentException.class,
                () -> t.require(TransmissionsTable.DEVICE, TransmissionsTable.END_S));
        var read = assertThrows(IllegalArgumentException.class, () -> t.text(0, TransmissionsTable.END_S));

        assertEquals(file + " line 1, column 'end_s': missing column (header is 'device,start_s')", required.getMessage());
        assertTrue(read.getMessage().contains("no column 'end_s'"), read.getMessage());
    }

    @Test
    void malformedFilesFailNamingFileAndLine() throws IOException {
        String header = "a,b,c\n";
        for (String[] bad : new String[][] {
            {header + "1,2\n", "line 2: expected 3 fields as in the header, got 2"},
            {header + "1,2,3\n\n", "line 3: expected 3 fields as in the header, got 1"},
            {header + "1,\"2,3\n", "line 2: unterminated quoted field"},
            {header + "1,\"2\"x,3\n", "line 2: text after a closing quote"},
            {header + "1,2\"x,3\n", "line 2: quote inside an unquoted field"},
            {"a,b,a\n", "line 1, column 'a': column appears twice in the header"},
            {"", "line 1: empty file, expected a header line"}}) {
            Path file = write("bad.csv", bad[0]);

            var e = assertThrows(IllegalArgumentException.class, () -> ResultTable.read(file), bad[0]);

            assertTrue(e.getMessage().startsWith(file + " " + bad[1]), e.getMessage());
        }
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, new byte[] {'a', '\n', (byte) 0xE9, '\n'});
        var e = assertThrows(IllegalArgumentException.class, () -> ResultTable.read(latin1));
        assertEquals(latin1 + ": not valid UTF-8", e.getMessage());
    }

    @Test
    void aMissingFileIsEmptyOrAnErrorNamingIt() {
        assertTrue(ResultTable.readIfPresent(dir, DevicesTable.TABLE).isEmpty());
        var e = assertThrows(IllegalArgumentException.class, () -> ResultTable.read(dir, RoundsTable.TABLE));
        assertEquals("missing result table " + dir.resolve("rounds.csv"), e.getMessage());
    }
}
