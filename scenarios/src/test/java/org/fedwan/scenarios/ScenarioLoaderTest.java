package org.fedwan.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.fedwan.channel.lorawan.DataRateName;
import org.fedwan.channel.lorawan.Region;
import org.fedwan.sim.Scenarios;
import org.fedwan.sim.config.Scenario;
import org.fedwan.sim.lorawan.LorawanSection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioLoaderTest {

    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        Path f = dir.resolve("study.yaml");
        Files.writeString(f, text);
        return f;
    }

    private List<String> problems(String text) throws IOException {
        Path f = write(text);
        return assertThrows(ScenarioException.class, () -> ScenarioLoader.load(f, dir)).problems();
    }

    @Test
    void readsEveryKeyAndAppliesDefaults() throws Exception {
        Scenario c = ScenarioLoader.load(write("rounds: 3\nclients: 4\nclients_per_round: 2\nlearning_rate: 0.1\n"
                + "data_rate: 0\nuplink_codec: fp32\nregion: eu868\nround_deadline_s: 3600\ndata_dir: d\n"), dir);
        LorawanSection lorawan = c.section(LorawanSection.class);
        assertEquals("study", c.run().name());
        assertEquals(3, c.run().rounds());
        assertEquals(2, c.policy().perRound());
        assertEquals(0.1, c.training().learningRate());
        assertEquals(0, lorawan.dataRate());
        assertEquals(0, lorawan.broadcastDataRate(), "downlink_data_rate defaults to data_rate");
        assertEquals("EU868", lorawan.region());
        assertEquals(3600.0, c.policy().roundDeadlineS());
        assertEquals(dir.resolve("d").toAbsolutePath(), c.data().dataDir());
        assertEquals(0.01, lorawan.dutyCycle());
    }

    @Test
    void clientsFractionSetsTheCountPerRound() throws Exception {
        // the fraction may come before the client count in the file
        Scenario c = ScenarioLoader.load(write("clients_fraction: 0.1\nclients: 95\n"), dir);
        assertEquals(10, c.policy().perRound(), "ceil(0.1 x 95)");
    }

    @Test
    void keysLeftOutTakeTheirDefaultsButAnEmptyFileIsRefused() throws Exception {
        Scenario c = ScenarioLoader.load(write("seed: 1\n"), dir);
        assertEquals(Scenarios.defaults().run().rounds(), c.run().rounds());
        assertEquals(dir, c.data().dataDir());
        List<String> p = problems("# nothing but a comment\n");
        assertEquals(List.of(dir.resolve("study.yaml") + ": empty scenario; at least one key is needed, e.g. 'rounds: 5' "
                + "(keys left out take their defaults: ./fedwan scenario --explain)"), p);
    }

    @Test
    void unknownKeyNamesFileLineKeyAndSuggestion() throws IOException {
        List<String> p = problems("rounds: 3\nroundz: 4\n");
        assertEquals(1, p.size());
        String where = dir.resolve("study.yaml") + ":2: ";
        assertEquals(where + "unknown key 'roundz' (did you mean 'rounds'?); allowed keys: ",
                p.get(0).substring(0, p.get(0).indexOf("allowed keys: ") + 14));
    }

    @Test
    void badValuesNameKeyValueAndWhatIsAllowed() throws IOException {
        String where = dir.resolve("study.yaml").toString();
        List<String> p = problems("rounds: -2\nduty_cycle: 2\ndata_rate: 9\nuplink_codec: int3\nclients: ten\n");
        assertEquals(5, p.size());
        assertEquals(where + ":1: key 'rounds' = -2: allowed: a whole number from 1 to 100000", p.get(0));
        assertEquals(where + ":2: key 'duty_cycle' = 2: allowed: a number > 0 and <= 1", p.get(1));
        assertTrue(p.get(2).startsWith(where + ":4: key 'uplink_codec' = int3: allowed: one of "), p.get(2));
        assertTrue(p.get(2).contains("int8"), p.get(2));
        assertEquals(where + ":5: key 'clients' = ten: allowed: a whole number from 1 to 100000", p.get(3));
        assertEquals(where + ":3: key 'data_rate' = 9: allowed: " + DataRateName.allowed(Region.EU868), p.get(4));
    }

    @Test
    void dataRatesAreAcceptedAsSpreadingFactorAndBandwidthOfTheRegion() throws Exception {
        // lpwan-facts A2: EU868 DR2 = SF10/125, DR6 = SF7/250; US915 DR3 = SF7/125, DR4 = SF8/500
        Scenario eu = ScenarioLoader.load(write("data_rate: sf10\ndownlink_data_rate: SF7/250\n"), dir);
        assertEquals(2, eu.section(LorawanSection.class).dataRate());
        assertEquals(6, eu.section(LorawanSection.class).broadcastDataRate());
        assertEquals(2, eu.resolved().get("data_rate"), "the manifest keeps the index");
        assertEquals(eu, ScenarioLoader.load(write("data_rate: 2\ndownlink_data_rate: 6\n"), dir));
        Scenario us = ScenarioLoader.load(write("region: US915\ndata_rate: SF7BW125\ndownlink_data_rate: SF8/500\n"), dir);
        assertEquals(3, us.section(LorawanSection.class).dataRate());
        assertEquals(4, us.section(LorawanSection.class).broadcastDataRate());
        assertEquals(3, eu.with(Map.of("region", "US915", "data_rate", "SF7", "downlink_data_rate", "SF8/500")).section(LorawanSection.class).dataRate());

        String where = dir.resolve("study.yaml").toString();
        assertEquals(List.of(where + ":2: key 'data_rate' = SF7/500: not a data rate of EU868; allowed: "
                + DataRateName.allowed(Region.EU868)), problems("rounds: 2\ndata_rate: SF7/500\n"));
        assertEquals(List.of(where + ":2: key 'data_rate' = SF12: not a data rate of US915; allowed: "
                + DataRateName.allowed(Region.US915)), problems("region: US915\ndata_rate: SF12\n"));
        assertEquals(List.of(where + ":1: key 'data_rate' = fast: allowed: " + Scenarios.SCHEMA.key("data_rate").type().allowed()),
                problems("data_rate: fast\n"));
    }

    @Test
    void protocolNamesAreReadAsPeopleWriteThem() throws Exception {
        assertEquals("nbiot", ScenarioLoader.load(write("protocol: NB-IoT\n"), dir).resolved().get("protocol"));
        assertEquals("nbiot", ScenarioLoader.load(write("protocol: NBIOT\n"), dir).resolved().get("protocol"));
        assertEquals("lorawan", ScenarioLoader.load(write("protocol: LoRaWAN\n"), dir).resolved().get("protocol"));
        String where = dir.resolve("study.yaml").toString();
        assertEquals(List.of(where + ":1: key 'protocol' = NB: allowed: one of lorawan, nbiot, ideal, mixed "
                + "(did you mean 'nbiot'?)"), problems("protocol: NB\n"));
    }

    @Test
    void structuralProblemsAreReportedNotThrown() throws IOException {
        String where = dir.resolve("study.yaml").toString();
        assertEquals(List.of(where + ":1: key 'rounds' = a list: allowed: a whole number from 1 to 100000"),
                problems("rounds: [1, 2]\n"));
        assertEquals(List.of(where + ":2: key 'rounds' appears twice; allowed: once"), problems("rounds: 1\nrounds: 2\n"));
        assertEquals(List.of(where + ":1: key 'clients_per_round' = 20: allowed: at most clients = 10"),
                problems("clients_per_round: 20\n"));
        List<String> notYaml = problems("rounds: [1, 2\n");
        assertEquals(1, notYaml.size());
        assertEquals(true, notYaml.get(0).startsWith(where) && notYaml.get(0).contains("not valid YAML"), notYaml.get(0));
        assertEquals(List.of(where + ":1: a scenario is a mapping of keys to values, e.g. 'rounds: 5'; found a list"),
                problems("- rounds\n"));
    }

    @Test
    void missingFileIsOneLine() {
        Path f = dir.resolve("nope.yaml");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(f, dir));
        assertEquals(List.of(f + ": no such file"), e.problems());
    }

    @Test
    void everyShippedScenarioLoads() throws Exception {
        Path shipped = Path.of("quickstart.yaml");
        Scenario c = ScenarioLoader.load(shipped, dir);
        assertEquals("quickstart", c.run().name());
        assertEquals(10, c.policy().clients());
        assertEquals(5, c.run().rounds());
        assertEquals("mnist", c.data().dataset());
    }
}
