package org.fedwan.scenarios.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fedwan.results.Summary;
import org.fedwan.scenarios.ScenarioLoader;
import org.fedwan.sim.Scenarios;
import org.fedwan.sim.config.InvalidScenario;
import org.fedwan.sim.config.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code model: onnx:PATH} in scenarios: the shipped example (a copy of fl's fixture) resolves its
 * file relative to the scenario and trains; a graph that does not map runs network-only with the
 * layout of its initializers and is refused for real training, naming the operator; a file that is
 * not a model is refused when the scenario is loaded, naming the file.
 */
class OnnxScenarioTest {

    private static final Path HOME = Path.of("..").toAbsolutePath().normalize();
    private static final Path FIXTURES = HOME.resolve("fl/src/test/resources/onnx");

    @TempDir
    Path dir;

    @Test
    void exampleModelIsTheTestFixture() throws Exception {
        assertArrayEquals(Files.readAllBytes(FIXTURES.resolve("mlp.onnx")),
                Files.readAllBytes(HOME.resolve("scenarios/examples/onnx-mlp.onnx")));
    }

    @Test
    void exampleTrainsTheImportedModel() throws Exception {
        Path file = HOME.resolve("scenarios/examples/onnx-mlp.yaml");
        Scenario s = ScenarioLoader.load(file, HOME.resolve("data")).with("rounds", 2);
        assertEquals("onnx:" + HOME.resolve("scenarios/examples/onnx-mlp.onnx"), s.training().model());
        try (DataSets.Cache data = new DataSets.Cache()) {
            RunResult r = Execution.execute(s, data, 2, null);
            assertEquals(12_730L, ((Number) r.summary().get(Summary.PARAMETER_COUNT.name())).longValue());
            double accuracy = ((Number) r.summary().get(Summary.FINAL_ACCURACY.name())).doubleValue();
            assertTrue(accuracy > 0.5, "accuracy " + accuracy);
        }
    }

    private Map<String, Object> keys(String model, String training) throws Exception {
        Files.copy(FIXTURES.resolve("tanh-mlp.onnx"), dir.resolve("tanh-mlp.onnx"), StandardCopyOption.REPLACE_EXISTING);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("name", "onnx-tanh");
        v.put("seed", 3L);
        v.put("rounds", 1L);
        v.put("clients", 3L);
        v.put("model", model);
        v.put("training", training);
        v.put("dataset", "synthetic");
        v.put("uplink_codec", "fp32");
        v.put("protocol", "ideal");
        v.put("data_dir", dir.resolve("no-data").toString());
        return v;
    }

    @Test
    void unmappedGraphRunsNetworkOnlyAndIsRefusedForTraining() throws Exception {
        Scenario s = Scenarios.build(keys("onnx:tanh-mlp.onnx", "none"), dir);
        assertEquals(784 * 16 + 16 + 16 * 10 + 10, s.training().layout(s.data().dataset()).parameterCount());
        try (DataSets.Cache data = new DataSets.Cache()) {
            RunResult r = Execution.execute(s, data, 1, null);
            // the summary names the file, not the machine's path to it (tables are the same on every machine)
            assertEquals("onnx:tanh-mlp.onnx", r.summary().get(Summary.MODEL.name()));
            assertEquals(12_730L, ((Number) r.summary().get(Summary.PARAMETER_COUNT.name())).longValue());
            long bytes = ((Number) r.summary().get(Summary.UPDATE_MESSAGE_BYTES.name())).longValue();
            assertTrue(bytes >= 4L * 12_730 && bytes < 4L * 12_730 + 64, "fp32 message of 12,730 parameters: " + bytes);
        }
        InvalidScenario e = assertThrows(InvalidScenario.class, () -> Scenarios.build(keys("onnx:tanh-mlp.onnx", "real"), dir));
        assertTrue(e.getMessage().contains("model") && e.getMessage().contains("Tanh")
                && e.getMessage().contains("training: none"), e.getMessage());
    }

    @Test
    void fileThatIsNotAModelIsRefusedNamingIt() throws Exception {
        Files.writeString(dir.resolve("notes.onnx"), "not a model\n");
        InvalidScenario e = assertThrows(InvalidScenario.class, () -> Scenarios.build(keys("onnx:notes.onnx", "none"), dir));
        assertTrue(e.getMessage().contains(dir.resolve("notes.onnx").toString()), e.getMessage());
        e = assertThrows(InvalidScenario.class, () -> Scenarios.build(keys("onnx:missing.onnx", "none"), dir));
        assertTrue(e.getMessage().contains(dir.resolve("missing.onnx").toString()) && e.getMessage().contains("no such file"),
                e.getMessage());
    }
}
