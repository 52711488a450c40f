package org.fedwan.fl.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fedwan.fl.data.DatasetCatalog;
import org.fedwan.fl.data.ImageDataset;
import org.fedwan.fl.data.Partitions;
import org.fedwan.fl.data.SyntheticImages;
import org.fedwan.fl.model.CnnMnist;
import org.fedwan.fl.model.LayerList;
import org.fedwan.fl.model.ModelDefinition;
import org.junit.jupiter.api.Test;

/** A model from a {@code layers:} list trains for real, and the list of {@code cnn-mnist} trains as the zoo's model does. */
class LayerListTrainingTest {

    private static final ImageDataset TRAIN = SyntheticImages.generate("syn-train", 400, 28, 10, 60, 5, 6);
    private static final ImageDataset TEST = SyntheticImages.generate("syn-test", 200, 28, 10, 60, 5, 7);

    private static Map<String, Object> e(String type, Object arg) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(type, arg);
        return m;
    }

    private static ModelDefinition model(Object... entries) {
        return LayerList.parse(List.of(entries), "layers").model("layers", DatasetCatalog.inputShape(DatasetCatalog.SYNTHETIC),
                DatasetCatalog.CLASSES, 100_000_000L);
    }

    @Test
    void aSmallConvPoolDenseListLearnsInAFewSteps() {
        ModelDefinition m = model(e("conv", Map.of("filters", 4L, "kernel", 3L, "padding", "same")), e("activation", "relu"),
                e("pool", Map.of("size", 4L)), e("batch_norm", null), e("dropout", 0.1), e("dense", 32L),
                e("activation", "relu"), e("dense", 10L));
        float[][] initial = m.initialWeights(1);
        try (TrainerPool pool = new TrainerPool(m, TrainingSettings.steps(20, 20, 0.05), 1)) {
            Evaluation before = pool.evaluate(initial, TEST);
            TrainResult r = pool.train(List.of(new TrainerPool.Job(initial, null, TRAIN, Partitions.iid(TRAIN.size(), 1, 2)[0],
                    3, OptimizerState.NONE))).get(0);
            Evaluation after = pool.evaluate(r.weights(), r.buffers(), TEST);
            assertTrue(after.meanLoss() < before.meanLoss() - 0.5,
                    "loss before " + before.meanLoss() + " after " + after.meanLoss());
            assertTrue(after.accuracy() > before.accuracy() + 0.3,
                    "accuracy before " + before.accuracy() + " after " + after.accuracy());
        }
    }

    @Test
    void theListOfCnnMnistTrainsToTheZooModelsWeightsBitForBit() {
        Map<String, Object> valid = Map.of("filters", 8L, "kernel", 5L);
        ModelDefinition list = model(e("conv", valid), e("activation", "relu"), e("pool", 2L),
                e("conv", Map.of("filters", 16L, "kernel", 5L)), e("activation", "relu"), e("pool", 2L), e("dense", 10L));
        ModelDefinition zoo = new CnnMnist();
        int[] share = Partitions.iid(TRAIN.size(), 2, 4)[0];
        TrainingSettings s = new TrainingSettings(1, 25, 0.05);
        float[][] a;
        float[][] b;
        try (TrainerPool pool = new TrainerPool(zoo, s, 1)) {
            a = pool.trainAll(List.of(new TrainerPool.Job(zoo.initialWeights(9), TRAIN, share, 10))).get(0);
        }
        try (TrainerPool pool = new TrainerPool(list, s, 1)) {
            b = pool.trainAll(List.of(new TrainerPool.Job(list.initialWeights(9), TRAIN, share, 10))).get(0);
        }
        for (int l = 0; l < a.length; l++) {
            assertArrayEquals(a[l], b[l], "layer " + l);
        }
    }
}
