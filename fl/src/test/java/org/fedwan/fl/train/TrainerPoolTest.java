package org.fedwan.fl.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.fedwan.fl.aggregate.FedAvg;
import org.fedwan.fl.data.ImageDataset;
import org.fedwan.fl.data.Partitions;
import org.fedwan.fl.data.SyntheticImages;
import org.fedwan.fl.model.CnnMnist;
import org.fedwan.fl.model.ModelDefinition;
import org.junit.jupiter.api.Test;

class TrainerPoolTest {

    private static final ModelDefinition MODEL = new CnnMnist();
    private static final ImageDataset TRAIN = SyntheticImages.generate("syn-train", 600, 28, 10, 60, 1, 2);
    private static final ImageDataset TEST = SyntheticImages.generate("syn-test", 300, 28, 10, 60, 1, 3);
    private static final TrainingSettings SETTINGS = new TrainingSettings(3, 10, 0.05);

    @Test
    void cnnLayoutHasTheAdvertisedParameterCount() {
        // conv1 5*5*1*8+8 = 208, conv2 5*5*8*16+16 = 3216, fc 256*10+10 = 2570
        assertEquals(5994, MODEL.layout().parameterCount());
        assertEquals(3, MODEL.layout().layerCount());
    }

    @Test
    void oneFederatedRoundLearnsAndIsIdenticalForOneAndTwoThreads() {
        float[][] initial = MODEL.initialWeights(11);
        int[][] shares = Partitions.iid(TRAIN.size(), 4, 7);
        List<TrainerPool.Job> jobs = new ArrayList<>();
        for (int c = 0; c < shares.length; c++) {
            jobs.add(new TrainerPool.Job(initial, TRAIN, shares[c], 100 + c));
        }
        List<float[][]> one;
        Evaluation before;
        Evaluation afterOne;
        try (TrainerPool pool = new TrainerPool(MODEL, SETTINGS, 1)) {
            before = pool.evaluate(initial, TEST);
            one = pool.trainAll(jobs);
            afterOne = pool.evaluate(average(initial, one, shares), TEST);
        }
        List<float[][]> two;
        Evaluation afterTwo;
        try (TrainerPool pool = new TrainerPool(MODEL, SETTINGS, 2)) {
            two = pool.trainAll(jobs);
            afterTwo = pool.evaluate(average(initial, two, shares), TEST);
        }
        for (int c = 0; c < one.size(); c++) {
            for (int l = 0; l < one.get(c).length; l++) {
                assertArrayEquals(one.get(c)[l], two.get(c)[l], "client " + c + " layer " + l);
            }
        }
        assertEquals(afterOne, afterTwo);
        assertEquals(300, afterOne.samples());
        assertTrue(afterOne.accuracy() > 0.9 && afterOne.accuracy() > before.accuracy() + 0.5,
                "accuracy before " + before.accuracy() + " after " + afterOne.accuracy());
        assertTrue(afterOne.meanLoss() < before.meanLoss());
    }

    private static float[][] average(float[][] initial, List<float[][]> models, int[][] shares) {
        List<FedAvg.Contribution> cs = new ArrayList<>();
        for (int c = 0; c < models.size(); c++) {
            cs.add(new FedAvg.Contribution(models.get(c), shares[c].length));
        }
        return FedAvg.aggregate(initial, cs);
    }
}
