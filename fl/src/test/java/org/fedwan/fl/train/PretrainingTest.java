package org.fedwan.fl.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.fedwan.fl.data.DatasetCatalog;
import org.fedwan.fl.data.TrainTest;
import org.fedwan.fl.model.SeedModels;
import org.fedwan.fl.model.SequentialModel;
import org.junit.jupiter.api.Test;

class PretrainingTest {

    @Test
    void holdOutSplitsDisjointlyAndReproducibly() {
        Pretraining.Split s = Pretraining.holdOut(1000, 0.1, 5);
        assertEquals(100, s.publicIndices().length);
        assertEquals(900, s.privateIndices().length);
        int[] all = IntStream.concat(Arrays.stream(s.publicIndices()), Arrays.stream(s.privateIndices())).sorted().toArray();
        assertArrayEquals(IntStream.range(0, 1000).toArray(), all);
        assertArrayEquals(s.publicIndices(), Pretraining.holdOut(1000, 0.1, 5).publicIndices());
        assertThrows(IllegalArgumentException.class, () -> Pretraining.holdOut(1000, 1.0, 5));
        assertThrows(IllegalArgumentException.class, () -> Pretraining.holdOut(10, 0.01, 5));
    }

    @Test
    void preTrainingOnThePublicSplitGivesABetterStart() {
        SequentialModel mlp = SeedModels.mlpMnistQrr();
        TrainTest d = DatasetCatalog.synthetic(400, 200, 1, 28, 9);
        Pretraining.Split split = Pretraining.holdOut(d.train().size(), 0.25, 1);
        try (TrainerPool pool = new TrainerPool(mlp, new TrainingSettings(2, 20, 0.05), 1)) {
            float[][] scratch = mlp.initialWeights(3);
            TrainResult pre = Pretraining.pretrain(pool, scratch, d.train(), split.publicIndices(), 4);
            assertEquals(10, pre.steps());
            double before = pool.evaluate(scratch, d.test()).accuracy();
            double after = pool.evaluate(pre.weights(), pre.buffers(), d.test()).accuracy();
            assertTrue(after > 0.9 && after > before + 0.5, before + " -> " + after);
        }
    }
}
