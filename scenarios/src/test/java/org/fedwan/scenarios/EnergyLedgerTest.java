package org.fedwan.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.fedwan.results.ClientsTable;
import org.fedwan.results.DevicesTable;
import org.fedwan.results.Direction;
import org.fedwan.results.EnergyState;
import org.fedwan.results.EnergyTable;
import org.fedwan.results.LossCause;
import org.fedwan.results.ResultTable;
import org.fedwan.results.RoundsTable;
import org.fedwan.results.Summary;
import org.fedwan.results.TransmissionsTable;
import org.fedwan.scenarios.run.DataSets;
import org.fedwan.scenarios.run.Execution;
import org.fedwan.scenarios.run.ResultFolder;
import org.fedwan.scenarios.run.RunResult;
import org.fedwan.scenarios.sweep.SweepSpec;
import org.fedwan.sim.config.Scenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The energy ledger and the lost updates reconcile across every table of a run, for every shipped
 * scenario and every point of every shipped study, cut to 2 rounds on small samples of their data:
 *
 * <ul>
 *   <li>{@code summary.json} {@code energy_j} = the sum of {@code devices.csv} {@code total_j} =
 *       the sum of {@code rounds.csv} {@code energy_j} = the sum of {@code energy.csv}, to 1e-9
 *       relative, and the same state by state ({@code energy_<state>_j}, {@code <state>_j});
 *   <li>each device's {@code total_j} is the sum of its states, and no state is negative;
 *   <li>a LoRaWAN device's TX energy is the energy of its uplink frames in {@code transmissions.csv};
 *   <li>{@code lost_updates} of the summary = the sum over rounds = the clients' rows with a cause,
 *       cause by cause.
 * </ul>
 *
 * <p>By default the shipped scenario files run (the studies' points vary their codecs, data and
 * grids); {@code -Dledger.all=true} adds every point of every study (57 more runs, about 10
 * minutes on 2 cores).
 */
class EnergyLedgerTest {

    private static final Path HOME = Path.of("..").toAbsolutePath().normalize();
    private static final double REL = 1e-9;
    private static final DataSets.Cache DATA = new DataSets.Cache();

    record Case(String name, Scenario scenario) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() throws Exception {
        List<Case> cases = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        files.add(HOME.resolve("scenarios/quickstart.yaml"));
        files.add(HOME.resolve("scenarios/protocols-side-by-side.yaml"));
        try (Stream<Path> seeds = Files.list(HOME.resolve("scenarios/seeds"))) {
            seeds.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
        }
        for (Path file : files) {
            cases.add(new Case(HOME.relativize(file).toString(), ScenarioLoader.load(file, HOME.resolve("data"))));
        }
        cases.add(new Case("quickstart, protocol ideal", cases.get(0).scenario().with("protocol", "ideal")));
        Scenario recovery = ScenarioLoader.load(HOME.resolve("scenarios/examples/fragment-recovery.yaml"), HOME.resolve("data"));
        cases.add(new Case("examples/fragment-recovery.yaml, arq", recovery.with("fragment_recovery", "arq")));
        cases.add(new Case("examples/fragment-recovery.yaml, fec", recovery.with("fragment_recovery", "fec")));
        cases.add(new Case("protocols-side-by-side, network-only (training none, 12,500 parameters, 20 MFLOP)",
                cases.get(1).scenario().with(Map.of("training", "none", "update_parameters", 12_500, "compute_mflop", 20.0))));
        if (Boolean.getBoolean("ledger.all")) {
            try (Stream<Path> studies = Files.list(HOME.resolve("scenarios/studies"))) {
                for (Path file : studies.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                    SweepSpec spec = SweepSpec.load(file, HOME.resolve("data"));
                    for (SweepSpec.Point point : spec.points()) {
                        cases.add(new Case(spec.name() + " " + point.id() + " " + point.values(), point.runs().get(0)));
                    }
                }
            }
        }
        return cases.stream().map(c -> new Case(c.name(), small(c.scenario())));
    }

    /** Two rounds on 1,200 training and 200 test samples (or fewer where the scenario asks for fewer). */
    private static Scenario small(Scenario s) {
        int asked = s.data().trainSamples();
        int train = asked > 0 ? Math.min(asked, 1200) : 1200;
        return s.with("rounds", 2).with("train_samples", train).with("test_samples", 200);
    }

    @AfterAll
    static void release() {
        DATA.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void energyAndLostUpdatesReconcileAcrossEveryTable(Case c) throws IOException {
        RunResult r = Execution.execute(c.scenario(), DATA, 2, null);
        Path dir = Files.createTempDirectory("ledger");
        ResultFolder.write(r, dir, Instant.EPOCH, Instant.EPOCH, Map.of());
        JsonNode summary = new ObjectMapper().readTree(dir.resolve(Summary.FILE).toFile());
        ResultTable energy = ResultTable.read(dir, EnergyTable.TABLE);
        ResultTable rounds = ResultTable.read(dir, RoundsTable.TABLE);
        ResultTable devices = ResultTable.read(dir, DevicesTable.TABLE);
        ResultTable clients = ResultTable.read(dir, ClientsTable.TABLE);
        ResultTable frames = ResultTable.read(dir, TransmissionsTable.TABLE);

        // Energy: state by state, then the totals.
        Map<EnergyState, Double> byRows = new EnumMap<>(EnergyState.class);
        for (int i = 0; i < energy.size(); i++) {
            double j = energy.requiredNumber(i, EnergyTable.ENERGY_J);
            assertTrue(j >= 0, c + ": " + energy.file() + " line " + energy.lineNumber(i) + " is negative");
            byRows.merge(energy.label(i, EnergyTable.STATE, EnergyState.class), j, Double::sum);
        }
        double ledgerJ = 0;
        for (EnergyState state : EnergyState.values()) {
            double rowsJ = byRows.getOrDefault(state, 0.0);
            ledgerJ += rowsJ;
            double roundsJ = 0;
            for (int i = 0; i < rounds.size(); i++) {
                roundsJ += rounds.number(i, RoundsTable.energyColumn(state));
            }
            double devicesJ = 0;
            for (int i = 0; i < devices.size(); i++) {
                double j = devices.number(i, state.label() + "_j");
                assertTrue(j >= 0, c + ": " + state.label() + "_j of " + devices.text(i, DevicesTable.DEVICE));
                devicesJ += j;
            }
            double summaryJ = summary.get(RoundsTable.energyColumn(state)).asDouble();
            close(rowsJ, roundsJ, c + ": " + state.label() + " energy.csv vs rounds.csv");
            close(rowsJ, devicesJ, c + ": " + state.label() + " energy.csv vs devices.csv");
            close(rowsJ, summaryJ, c + ": " + state.label() + " energy.csv vs summary.json");
        }
        assertTrue(ledgerJ > 0, c + ": no energy at all");
        double roundsJ = 0;
        for (int i = 0; i < rounds.size(); i++) {
            roundsJ += rounds.requiredNumber(i, RoundsTable.ENERGY_J);
        }
        double devicesJ = 0;
        for (int i = 0; i < devices.size(); i++) {
            double states = 0;
            for (EnergyState state : EnergyState.values()) {
                states += devices.number(i, state.label() + "_j");
            }
            double total = devices.requiredNumber(i, DevicesTable.TOTAL_J);
            close(states, total, c + ": total_j of " + devices.text(i, DevicesTable.DEVICE));
            devicesJ += total;
        }
        close(ledgerJ, summary.get(Summary.ENERGY_J.name()).asDouble(), c + ": energy_j of summary.json");
        close(ledgerJ, roundsJ, c + ": energy_j of rounds.csv");
        close(ledgerJ, devicesJ, c + ": total_j of devices.csv");

        // LoRaWAN TX: the ledger's tx rows are the uplink frames' energy.
        // Frames and rows are each printed to the nanojoule: the two sums may differ by half a
        // nanojoule per frame and per row.
        Map<String, Double> frameTx = new HashMap<>();
        Map<String, Integer> printed = new HashMap<>();
        for (int i = 0; i < frames.size(); i++) {
            if (frames.label(i, TransmissionsTable.DIRECTION, Direction.class) == Direction.UPLINK) {
                String device = frames.text(i, TransmissionsTable.DEVICE);
                frameTx.merge(device, frames.requiredNumber(i, TransmissionsTable.ENERGY_J), Double::sum);
                printed.merge(device, 1, Integer::sum);
            }
        }
        for (int i = 0; i < energy.size(); i++) {
            if (energy.label(i, EnergyTable.STATE, EnergyState.class) == EnergyState.TX) {
                printed.merge(energy.text(i, EnergyTable.DEVICE), 1, Integer::sum);
            }
        }
        for (int i = 0; i < devices.size(); i++) {
            String device = devices.text(i, DevicesTable.DEVICE);
            if (devices.text(i, DevicesTable.PROTOCOL).equals("lorawan")) {
                double expected = frameTx.getOrDefault(device, 0.0);
                assertEquals(expected, devices.requiredNumber(i, DevicesTable.TX_J),
                        REL * expected + 0.5e-9 * printed.getOrDefault(device, 0), c + ": tx_j of " + device + " vs its uplink frames");
            }
        }

        // Lost updates, cause by cause.
        Map<LossCause, Integer> byClients = new EnumMap<>(LossCause.class);
        for (int i = 0; i < clients.size(); i++) {
            if (!clients.text(i, ClientsTable.CAUSE).isEmpty()) {
                byClients.merge(clients.label(i, ClientsTable.CAUSE, LossCause.class), 1, Integer::sum);
            }
        }
        int lost = 0;
        for (LossCause cause : LossCause.values()) {
            int inRounds = 0;
            for (int i = 0; i < rounds.size(); i++) {
                inRounds += (int) rounds.number(i, RoundsTable.lostColumn(cause));
            }
            int n = byClients.getOrDefault(cause, 0);
            assertEquals(n, inRounds, c + ": lost to " + cause.label() + " in rounds.csv vs clients.csv");
            assertEquals(n, summary.get(RoundsTable.lostColumn(cause)).asInt(), c + ": lost to " + cause.label() + " in summary");
            lost += n;
        }
        int roundsLost = 0;
        for (int i = 0; i < rounds.size(); i++) {
            roundsLost += rounds.intValue(i, RoundsTable.LOST_UPDATES);
        }
        assertEquals(lost, roundsLost, c + ": lost_updates of rounds.csv");
        assertEquals(lost, summary.get(Summary.LOST_UPDATES.name()).asInt(), c + ": lost_updates of summary.json");
    }

    private static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, REL * Math.max(1e-12, Math.abs(expected)), what);
    }
}
