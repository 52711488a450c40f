package org.fedwan.scenarios.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fedwan.compression.ModelLayout;
import org.fedwan.fl.model.LayerList;
import org.fedwan.results.Summary;
import org.fedwan.scenarios.ScenarioException;
import org.fedwan.scenarios.ScenarioLoader;
import org.fedwan.sim.Scenarios;
import org.fedwan.sim.config.InvalidScenario;
import org.fedwan.sim.config.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scenario key {@code layers}: read from a YAML file, its errors pointing at the entry's line
 * with its key path, value and what is allowed; exclusive with a zoo {@code model}; trained for
 * real and in network-only runs; written to and read back from a manifest.
 */
class LayersScenarioTest {

    @TempDir
    Path dir;

    private static final String LIST = """
            layers:
              - conv: {filters: 4, kernel: 3, padding: same}
              - activation: relu
              - pool: {size: 2}
              - batch_norm: {}
              - dropout: 0.1
              - dense: 32
              - activation: relu
              - dense: 10
            """;

    private Path file(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    private Scenario load(String text) throws Exception {
        return ScenarioLoader.load(file("s.yaml", text), dir);
    }

    private List<String> problems(String text) throws Exception {
        Path f = file("bad.yaml", text);
        return assertThrows(ScenarioException.class, () -> ScenarioLoader.load(f, dir)).problems();
    }

    @Test
    void aListIsTheModelOnTheDataSetsGeometry() throws Exception {
        Scenario s = load("dataset: synthetic\n" + LIST);
        assertEquals(LayerList.NAME, s.training().model());
        assertEquals(8, s.training().layers().entries().size());
        ModelLayout layout = s.training().layout("synthetic");
        assertEquals(List.of("conv1", "fc1", "fc2"), layout.layers().stream().map(l -> l.name()).toList());
        // conv1 3*3*1*4 + 4 = 40 and bn1 8; 4 x 14 x 14 = 784 -> fc1 784*32 + 32 = 25,120; fc2 330
        assertEquals(48 + 25_120 + 330, layout.parameterCount());
        // model: layers may be written; a zoo model with a list may not
        assertEquals(s.training(), load("dataset: synthetic\nmodel: layers\n" + LIST).training());
        // without layers nothing changes: the default model, no layers key in the manifest
        assertEquals("cnn-mnist", Scenarios.defaults().training().model());
        assertNull(Scenarios.defaults().training().layers());
        assertFalse(Scenarios.defaults().resolved().containsKey("layers"));
    }

    @Test
    void everyBadEntryPointsAtItsLineWithPathValueAndWhatIsAllowed() throws Exception {
        String f = dir.resolve("bad.yaml").toString();
        assertEquals(List.of(f + ":4: key 'layers[1].conv.kernel' = 40: larger than the input here (1x28x28); allowed: 1 to 28"),
                problems("dataset: mnist\nlayers:\n  - activation: relu\n  - conv: {filters: 4, kernel: 40}\n  - dense: 10\n"));
        List<String> p = problems("layers:\n  - conv: {filters: 4, kernel: 3}\n  - maxpool: 2\n  - dense: 10\n");
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).startsWith(f + ":3: key 'layers[1]' = maxpool: unknown layer type 'maxpool' (did you mean 'pool'?)"),
                p.get(0));
        p = problems("dataset: cifar10\ntraining: none\nlayers:\n  - dense: 64\n  - dense: 12\n");
        assertEquals(List.of(f + ":5: key 'layers[1].dense' = 12: the last dense layer gives the logits; allowed: 10 (the "
                + "classes of the data set)"), p);
        p = problems("layers: []\n");
        assertTrue(p.get(0).startsWith(f + ":1: key 'layers' = a list: an empty list; allowed: at least one layer"), p.get(0));
        p = problems("model: cnn-mnist\n" + LIST);
        assertEquals(List.of(f + ":1: key 'model' = cnn-mnist with a layers list: allowed: leave model out (or write model: "
                + "layers) when layers describes the model, or remove layers"), p);
        p = problems("model: layers\n");
        assertTrue(p.get(0).startsWith(f + ":1: key 'model' = layers with no layers list: allowed: a layers list"), p.get(0));
        p = problems("layers:\n  - dense: 10\n  - conv: {filters: 4, kernel: 3}\n");
        assertTrue(p.get(0).startsWith(f + ":3: key 'layers[1].conv' = {filters=4, kernel=3, padding=valid}: the input here is "
                + "flat (10 values, after layers[0].dense)"), p.get(0));
        p = problems("training: none\nupdate_parameters: 100\n" + LIST);
        assertTrue(p.get(0).contains("key 'layers' = a list with update_parameters: allowed: one of the two"), p.get(0));
    }

    @Test
    void aListTrainsForRealAndItsLayoutIsTheSummarysParameterCount() throws Exception {
        Scenario s = load("dataset: synthetic\ntrain_samples: 600\ntest_samples: 200\nclients: 3\nrounds: 1\nprotocol: ideal\n"
                + "seed: 5\nlocal_epochs: 2\nbatch_size: 20\n" + LIST);
        RunResult r;
        try (DataSets.Cache data = new DataSets.Cache()) {
            r = Execution.execute(s, data, 1, null);
        }
        assertEquals(25_498L, ((Number) r.summary().get(Summary.PARAMETER_COUNT.name())).longValue());
        assertEquals(LayerList.NAME, r.summary().get(Summary.MODEL.name()));
        double accuracy = ((Number) r.summary().get(Summary.FINAL_ACCURACY.name())).doubleValue();
        assertTrue(accuracy > 0.5, "accuracy " + accuracy);
    }

    @Test
    void aNetworkOnlyRunSendsTheListsLayout() throws Exception {
        Scenario s = load("dataset: cifar10\ntraining: none\nclients: 2\nrounds: 1\nprotocol: ideal\nuplink_codec: fp32\n" + LIST);
        RunResult r;
        try (DataSets.Cache data = new DataSets.Cache()) {
            r = Execution.execute(s, data, 1, null);
        }
        // on 3x32x32: conv1 3*3*3*4 + 4 = 112 + bn 8; 4 x 16 x 16 = 1,024 -> fc1 32,800; fc2 330
        assertEquals(120L + 32_800 + 330, ((Number) r.summary().get(Summary.PARAMETER_COUNT.name())).longValue());
        assertEquals(LayerList.NAME, r.summary().get(Summary.MODEL.name()));
    }

    @Test
    void theManifestHoldsTheListAndReadsBackEqualThroughJson() throws Exception {
        Scenario s = load("dataset: synthetic\n" + LIST);
        assertEquals(s, ResultFolder.fromResolved(ResultFolder.resolved(s)));
        ObjectMapper json = new ObjectMapper();
        @SuppressWarnings("unchecked")
        Map<String, Object> back = json.readValue(json.writeValueAsString(ResultFolder.resolved(s)), HashMap.class);
        Scenario again = ResultFolder.fromResolved(back);
        assertEquals(s.training(), again.training());
        assertEquals(ResultFolder.hash(s), ResultFolder.hash(again));
        // another list is another scenario
        Scenario other = load("dataset: synthetic\n" + LIST.replace("dense: 32", "dense: 33"));
        assertFalse(ResultFolder.hash(s).equals(ResultFolder.hash(other)));
        InvalidScenario e = assertThrows(InvalidScenario.class, () -> s.with("layers", "conv"));
        assertTrue(e.getMessage().contains("allowed: a list of layers"), e.getMessage());
    }
}
