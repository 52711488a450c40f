package org.fedwan.fl.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.fedwan.fl.data.DatasetCatalog;
import org.fedwan.fl.data.ImageDataset;
import org.fedwan.fl.data.Partitions;
import org.fedwan.fl.data.SyntheticImages;
import org.fedwan.fl.data.TrainTest;
import org.fedwan.fl.model.CnnMnist;
import org.fedwan.fl.model.ModelDefinition;
import org.fedwan.fl.model.SeedModels;
import org.fedwan.fl.strategy.Averaging;
import org.fedwan.compression.scheme.AveragingRule;
import org.fedwan.fl.strategy.ClientResult;
import org.fedwan.fl.strategy.FedAvg;
import org.fedwan.fl.strategy.Strategy;
import org.fedwan.fl.strategy.StrategyContext;
import org.fedwan.fl.strategy.ValueKind;
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

    @Test
    void batchNormModelWithMomentumStateIsIdenticalForAnyThreadCountAndLearns() {
        ModelDefinition octav = SeedModels.cnnMnistOctav();
        ImageDataset train = TRAIN.head(180);
        TrainingSettings s = new TrainingSettings(3, 10, 0.05).withMomentum(0.9).withWeightDecay(1e-4);
        int[][] shares = Partitions.dirichlet(train.labelArray(), 10, 3, 100.0, 5);
        float[][] global = octav.initialWeights(1);
        float[] buffers = octav.initialBuffers();
        List<OptimizerState> states = new ArrayList<>(List.of(OptimizerState.NONE, OptimizerState.NONE, OptimizerState.NONE));
        List<List<TrainResult>> byThreads = new ArrayList<>();
        for (int threads : new int[] {1, 2}) {
            try (TrainerPool pool = new TrainerPool(octav, s, threads)) {
                List<TrainerPool.Job> jobs = new ArrayList<>();
                for (int c = 0; c < 3; c++) {
                    jobs.add(new TrainerPool.Job(global, buffers, train, shares[c], 50 + c, states.get(c)));
                }
                byThreads.add(pool.train(jobs));
            }
        }
        for (int c = 0; c < 3; c++) {
            TrainResult a = byThreads.get(0).get(c);
            TrainResult b = byThreads.get(1).get(c);
            for (int l = 0; l < a.weights().length; l++) {
                assertArrayEquals(a.weights()[l], b.weights()[l], "client " + c + " layer " + l);
                assertArrayEquals(a.state().momentum()[l], b.state().momentum()[l], "momentum of client " + c);
            }
            assertArrayEquals(a.buffers(), b.buffers(), "running statistics of client " + c);
        }
        List<ClientResult> results = new ArrayList<>();
        List<float[]> clientBuffers = new ArrayList<>();
        List<Long> samples = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            TrainResult r = byThreads.get(0).get(c);
            results.add(ClientResult.of(c, r.weights(), shares[c].length));
            clientBuffers.add(r.buffers());
            samples.add((long) shares[c].length);
        }
        float[][] next = new FedAvg(new StrategyContext(ValueKind.WEIGHTS, AveragingRule.MEAN, 0.05, 1))
                .aggregateFit(1, global, results, List.of());
        float[] nextBuffers = Averaging.averageBuffers(buffers, clientBuffers, samples);
        try (TrainerPool pool = new TrainerPool(octav, s, 1)) {
            double before = pool.evaluate(global, buffers, TEST).accuracy();
            double accuracy = pool.evaluate(next, nextBuffers, TEST).accuracy();
            assertTrue(accuracy > 0.8 && accuracy > before + 0.5, "accuracy " + before + " -> " + accuracy);
        }
    }

    @Test
    void cnn6CifarLearnsColourImages() {
        TrainTest d = DatasetCatalog.synthetic(400, 100, 3, 32, 6);
        ModelDefinition cnn6 = SeedModels.cnn6Cifar();
        try (TrainerPool pool = new TrainerPool(cnn6, new TrainingSettings(3, 20, 0.01).withMomentum(0.9), 1)) {
            float[][] w = cnn6.initialWeights(2);
            double before = pool.evaluate(w, d.test()).accuracy();
            float[][] after = pool.trainAll(List.of(new TrainerPool.Job(w, d.train(), Partitions.iid(400, 1, 1)[0], 3))).get(0);
            double accuracy = pool.evaluate(after, d.test()).accuracy();
            assertTrue(accuracy > 0.8 && accuracy > before + 0.5, before + " -> " + accuracy);
        }
    }

    @Test
    void gradientModeClientsTrainTheQrrMlpWithServerGradientSteps() {
        ModelDefinition mlp = SeedModels.mlpMnistQrr();
        int[][] shares = Partitions.iid(TRAIN.size(), 4, 2);
        // server step -0.05 x 4 x mean gradient = -0.05 x the sum of the four clients' gradients (QRR's reference code)
        Strategy server = new FedAvg(new StrategyContext(ValueKind.GRADIENTS, AveragingRule.MEAN, 0.05, 4));
        float[][] global = mlp.initialWeights(5);
        float[][][] last = new float[4][][];
        try (TrainerPool pool = new TrainerPool(mlp, TrainingSettings.steps(1, 64, 0.05), 2)) {
            double before = pool.evaluate(global, TEST).accuracy();
            for (int round = 1; round <= 15; round++) {
                List<TrainerPool.Job> jobs = new ArrayList<>();
                for (int c = 0; c < 4; c++) {
                    jobs.add(new TrainerPool.Job(global, TRAIN, shares[c], 1000L * round + c));
                }
                List<float[][]> grads = pool.gradients(jobs, GradientMode.ONE_MINIBATCH);
                List<ClientResult> results = new ArrayList<>();
                for (int c = 0; c < 4; c++) {
                    // client 3 reports only every third round: the server reuses its stale gradient, as LAQ does
                    if (c < 3 || round % 3 == 1) {
                        last[c] = grads.get(c);
                    }
                    results.add(ClientResult.of(c, last[c], 64));
                }
                global = server.aggregateFit(round, global, results, List.of());
            }
            double after = pool.evaluate(global, TEST).accuracy();
            assertTrue(after > 0.9 && after > before + 0.5, before + " -> " + after);
        }
    }

    @Test
    void theLargerSeedModelsBuildAndGiveFiniteGradients() {
        TrainTest colour = DatasetCatalog.synthetic(4, 2, 3, 32, 1);
        for (ModelDefinition m : List.of(SeedModels.vggCifarQrr(), SeedModels.lenet5(), SeedModels.cnnMnistQrr())) {
            try (TrainerPool pool = new TrainerPool(m, new TrainingSettings(1, 4, 0.01), 1)) {
                float[][] g = pool.gradients(List.of(new TrainerPool.Job(m.initialWeights(1), colour.train(), new int[] {0, 1, 2},
                        2)), GradientMode.FULL_LOCAL_DATA).get(0);
                m.layout().checkValues(g);
                double norm = 0;
                for (float[] layer : g) {
                    for (float v : layer) {
                        assertTrue(Float.isFinite(v), m.name());
                        norm += v * v;
                    }
                }
                assertTrue(norm > 0, m.name());
            }
        }
    }

    private static float[][] average(float[][] initial, List<float[][]> models, int[][] shares) {
        List<ClientResult> results = new ArrayList<>();
        for (int c = 0; c < models.size(); c++) {
            results.add(ClientResult.of(c, models.get(c), shares[c].length));
        }
        return Averaging.sampleWeightedMean(initial, results);
    }
}
