package org.fedwan.scenarios.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.fedwan.fl.model.ModelDefinition;
import org.fedwan.fl.model.ModelZoo;
import org.fedwan.results.Summary;
import org.fedwan.sim.Scenarios;
import org.fedwan.sim.config.InvalidScenario;
import org.fedwan.sim.config.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parametric family {@code mlp:IN-H1-...-10}: parsed, checked with a clear error, and trained for real. */
class ModelFamilyTest {

    @TempDir
    Path dir;

    @Test
    void mlp784x200x10IsTheSeed004MlpUnderItsOwnName() {
        ModelDefinition family = ModelZoo.create("mlp:784-200-10");
        ModelDefinition seed = ModelZoo.create("mlp-mnist-qrr");
        assertEquals("mlp:784-200-10", family.name());
        // 784 x 200 + 200 + 200 x 10 + 10 = 159,010 parameters, 2 x (784 x 200 + 200 x 10) = 317,600 FLOPs (docs/fl.md)
        assertEquals(159_010, family.layout().parameterCount());
        assertEquals(seed.layout().parameterCount(), family.layout().parameterCount());
        assertEquals(317_600, family.forwardFlopsPerSample());
        assertEquals(2, family.layout().layerCount());
        assertEquals("fc1", family.layout().layers().get(0).name());
        assertEquals("mlp:3072-64-32-10", ModelZoo.canonical("MLP:3072-64-32-10"));
        assertEquals(3, ModelZoo.create("mlp:3072-64-32-10").inputShape()[0]);
    }

    @Test
    void aBadMemberSaysWhatIsAllowedAndWhatIsWrong() {
        InvalidScenario e = assertThrows(InvalidScenario.class, () -> Scenarios.build(Map.of("model", "mlp:784-x"), dir));
        assertTrue(e.getMessage().contains("allowed: mlp:IN-H1-...-10") && e.getMessage().contains("'x' is not a whole number"),
                e.getMessage());
        e = assertThrows(InvalidScenario.class, () -> Scenarios.build(Map.of("model", "mlp:500-10"), dir));
        assertTrue(e.getMessage().contains("input width 500"), e.getMessage());
        e = assertThrows(InvalidScenario.class, () -> Scenarios.build(Map.of("model", "mlp:784-20-7"), dir));
        assertTrue(e.getMessage().contains("output width 7"), e.getMessage());
        e = assertThrows(InvalidScenario.class, () -> Scenarios.build(Map.of("model", "resnet50"), dir));
        assertTrue(e.getMessage().contains("allowed: one of cnn-cifar-octav, cnn-mnist,") && e.getMessage().contains("or mlp:IN-H1-...-10"),
                e.getMessage());
    }

    @Test
    void trainsOneRoundOnSyntheticData() throws Exception {
        Scenario s = Scenarios.build(Map.of("model", "mlp:784-32-10", "dataset", "synthetic", "train_samples", 600L,
                "test_samples", 200L, "clients", 3L, "rounds", 1L, "protocol", "ideal", "seed", 3L), dir);
        RunResult r;
        try (DataSets.Cache data = new DataSets.Cache()) {
            r = Execution.execute(s, data, 1, null);
        }
        // 784 x 32 + 32 + 32 x 10 + 10
        assertEquals(25_450L, ((Number) r.summary().get(Summary.PARAMETER_COUNT.name())).longValue());
        assertEquals("mlp:784-32-10", r.summary().get(Summary.MODEL.name()));
        double accuracy = ((Number) r.summary().get(Summary.FINAL_ACCURACY.name())).doubleValue();
        // synthetic class prototypes are easy: one epoch of an MLP is far above chance (0.1)
        assertTrue(accuracy > 0.5, "accuracy " + accuracy);
    }
}
