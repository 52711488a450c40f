package org.fedwan.fl.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.fedwan.fl.data.ImageDataset;
import org.fedwan.fl.data.SyntheticImages;
import org.fedwan.fl.model.Block;
import org.fedwan.fl.model.ModelDefinition;
import org.fedwan.fl.model.SeedModels;
import org.fedwan.fl.model.SequentialModel;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Checks the trainer against closed-form references: for a linear softmax classifier the mean
 * cross-entropy gradient is {@code X^T (softmax(XW + b) - Y) / n}, and torch.optim.SGD's update
 * with momentum and weight decay is written out by hand; batch-norm statistics follow PyTorch's
 * running-average formula; a convolutional batch-norm model's gradient matches central finite
 * differences of its loss.
 */
class LocalTrainerTest {

    /** 1x2x2 images, 3 classes, a single dense layer: logits = x W + b. */
    private static final SequentialModel LINEAR = new SequentialModel("linear", new int[] {1, 2, 2}, 3,
            List.of(new Block.Flatten(), new Block.Dense("fc", "fc", 4, 3)));
    private static final ImageDataset DATA = new ImageDataset("four", 1, 2, 2, 3,
            new byte[] {(byte) 255, 0, 51, 102, 0, (byte) 255, (byte) 204, 0, 102, 102, 102, 102, 0, 0, (byte) 255, (byte) 153},
            new byte[] {0, 1, 2, 1});
    private static final int[] ALL = {0, 1, 2, 3};
    private static final float[][] W0 = {{0.1f, -0.2f, 0.3f, 0.0f, 0.5f, -0.1f, -0.3f, 0.2f, 0.1f, 0.4f, 0.0f, -0.5f, 0.05f, -0.05f, 0.1f}};

    private static double[][] features() {
        double[][] x = new double[4][4];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                x[i][j] = (DATA.pixels()[i * 4 + j] & 0xFF) / 255.0;
            }
        }
        return x;
    }

    /** Closed-form mean cross-entropy gradient of the linear model, as one flat {W (4x3), b (3)} array. */
    private static double[] gradient(double[] w) {
        double[][] x = features();
        double[] g = new double[15];
        for (int i = 0; i < 4; i++) {
            double[] z = new double[3];
            for (int c = 0; c < 3; c++) {
                z[c] = w[12 + c];
                for (int j = 0; j < 4; j++) {
                    z[c] += x[i][j] * w[j * 3 + c];
                }
            }
            double max = Math.max(z[0], Math.max(z[1], z[2]));
            double sum = 0;
            for (int c = 0; c < 3; c++) {
                z[c] = Math.exp(z[c] - max);
                sum += z[c];
            }
            for (int c = 0; c < 3; c++) {
                double d = z[c] / sum - (DATA.label(i) == c ? 1 : 0);
                for (int j = 0; j < 4; j++) {
                    g[j * 3 + c] += x[i][j] * d / 4;
                }
                g[12 + c] += d / 4;
            }
        }
        return g;
    }

    private static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    private static void assertClose(double[] expected, float[] actual, double tolerance) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tolerance, "value " + i);
        }
    }

    @Test
    void quantizationAwareStepsTakeTheGradientAtTheProjectedWeightsAndUpdateFullPrecision() {
        double lr = 0.5;
        // w_{k+1} = w_k - lr g(P(w_k)), P rounding to multiples of 0.25 (straight-through estimator)
        java.util.function.UnaryOperator<double[]> p = v -> {
            double[] q = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                q[i] = Math.round(v[i] * 4) / 4.0;
            }
            return q;
        };
        double[] w = toDouble(W0[0]);
        for (int step = 0; step < 2; step++) {
            double[] g = gradient(p.apply(w));
            for (int i = 0; i < 15; i++) {
                w[i] -= lr * g[i];
            }
        }
        List<Long> steps = new java.util.ArrayList<>();
        WeightProjection projection = (weights, step) -> {
            steps.add(step);
            float[][] q = new float[weights.length][];
            for (int l = 0; l < q.length; l++) {
                q[l] = new float[weights[l].length];
                for (int i = 0; i < q[l].length; i++) {
                    q[l][i] = Math.round(weights[l][i] * 4) / 4f;
                }
            }
            return q;
        };
        TrainResult r = new LocalTrainer(LINEAR).train(W0, null, OptimizerState.NONE, DATA, ALL,
                new TrainingSettings(2, 4, lr), 1, projection);
        assertEquals(List.of(0L, 1L), steps);
        assertClose(w, r.weights()[0], 1e-5);
        // the returned weights are the full-precision ones, not their projection
        assertTrue(java.util.stream.IntStream.range(0, 15).anyMatch(i -> Math.abs(r.weights()[0][i] * 4
                - Math.round(r.weights()[0][i] * 4)) > 1e-3));
    }

    @Test
    void twoFullBatchStepsFollowTorchSgdWithMomentumAndWeightDecay() {
        double lr = 0.5;
        double mu = 0.9;
        double wd = 0.01;
        // buf_1 = g(w0) + wd w0 ; w1 = w0 - lr buf_1 ; buf_2 = mu buf_1 + g(w1) + wd w1 ; w2 = w1 - lr buf_2
        double[] w = toDouble(W0[0]);
        double[] buf = new double[15];
        for (int step = 0; step < 2; step++) {
            double[] g = gradient(w);
            for (int i = 0; i < 15; i++) {
                buf[i] = mu * buf[i] + g[i] + wd * w[i];
            }
            for (int i = 0; i < 15; i++) {
                w[i] -= lr * buf[i];
            }
        }
        LocalTrainer t = new LocalTrainer(LINEAR);
        TrainingSettings s = new TrainingSettings(2, 4, lr).withMomentum(mu).withWeightDecay(wd);
        TrainResult r = t.train(W0, null, OptimizerState.NONE, DATA, ALL, s, 1);
        assertEquals(2, r.steps());
        assertClose(w, r.weights()[0], 1e-5);
        assertClose(buf, r.state().momentum()[0], 1e-5);
        assertEquals(15 * 4, r.state().bytes());
    }

    @Test
    void proximalTermAddsMuTimesTheDriftFromTheStartingWeightsToTheGradient() {
        double lr = 0.5;
        double mu = 0.3;
        double momentum = 0.9;
        double wd = 0.01;
        // FedProx (Li et al. 2020, eq. 2): the gradient of loss(w) + mu/2 ||w - w0||^2 is g(w) + mu (w - w0);
        // torch.optim.SGD then adds wd w and momentum: buf = 0.9 buf + g(w) + mu (w - w0) + wd w ; w -= lr buf
        double[] w0 = toDouble(W0[0]);
        double[] w = w0.clone();
        double[] buf = new double[15];
        for (int step = 0; step < 3; step++) {
            double[] g = gradient(w);
            for (int i = 0; i < 15; i++) {
                buf[i] = momentum * buf[i] + g[i] + mu * (w[i] - w0[i]) + wd * w[i];
            }
            for (int i = 0; i < 15; i++) {
                w[i] -= lr * buf[i];
            }
        }
        LocalTrainer t = new LocalTrainer(LINEAR);
        TrainingSettings s = new TrainingSettings(3, 4, lr).withMomentum(momentum).withWeightDecay(wd);
        TrainResult prox = t.train(W0, null, OptimizerState.NONE, DATA, ALL, s, 1, null, mu);
        assertEquals(3, prox.steps());
        assertClose(w, prox.weights()[0], 1e-5);
        // the term matters here: plain SGD ends elsewhere
        TrainResult plain = t.train(W0, null, OptimizerState.NONE, DATA, ALL, s, 1, null);
        assertTrue(IntStream.range(0, 15).anyMatch(i -> Math.abs(plain.weights()[0][i] - w[i]) > 1e-3));
        // mu = 0 is plain SGD bit for bit, and the pool carries mu on the job
        assertArrayEquals(plain.weights()[0], t.train(W0, null, OptimizerState.NONE, DATA, ALL, s, 1, null, 0).weights()[0]);
        try (TrainerPool pool = new TrainerPool(LINEAR, s, 1)) {
            TrainerPool.Job job = new TrainerPool.Job(W0, DATA, ALL, 1);
            assertEquals(0.0, job.proximalMu());
            assertArrayEquals(prox.weights()[0], pool.train(List.of(job.withProximalMu(mu))).get(0).weights()[0]);
            assertArrayEquals(plain.weights()[0], pool.train(List.of(job)).get(0).weights()[0]);
            assertEquals(mu, job.withProximalMu(mu).withState(OptimizerState.NONE).withBuffers(null).withProjection(null)
                    .proximalMu());
        }
        assertThrows(IllegalArgumentException.class, () -> new TrainerPool.Job(W0, DATA, ALL, 1).withProximalMu(-1));
        assertThrows(IllegalArgumentException.class,
                () -> t.train(W0, null, OptimizerState.NONE, DATA, ALL, s, 1, null, Double.NaN));
    }

    @Test
    void momentumCarriedInTheStateContinuesWhereTheLastRoundStopped() {
        LocalTrainer t = new LocalTrainer(LINEAR);
        TrainingSettings oneStep = TrainingSettings.steps(1, 4, 0.5).withMomentum(0.9);
        TrainResult twoAtOnce = t.train(W0, null, OptimizerState.NONE, DATA, ALL, TrainingSettings.steps(2, 4, 0.5).withMomentum(0.9), 3);
        TrainResult first = t.train(W0, null, OptimizerState.NONE, DATA, ALL, oneStep, 3);
        TrainResult second = t.train(first.weights(), null, first.state(), DATA, ALL, oneStep, 4);
        TrainResult reset = t.train(first.weights(), null, OptimizerState.NONE, DATA, ALL, oneStep, 4);
        assertArrayEquals(twoAtOnce.weights()[0], second.weights()[0], 1e-6f);
        assertFalse(java.util.Arrays.equals(second.weights()[0], reset.weights()[0]));
        assertTrue(t.train(W0, null, OptimizerState.NONE, DATA, ALL, new TrainingSettings(1, 4, 0.5), 3).state().isEmpty());
    }

    @Test
    void gradientModeReturnsTheMeanLossGradient() {
        LocalTrainer t = new LocalTrainer(LINEAR);
        double[] expected = gradient(toDouble(W0[0]));
        assertClose(expected, t.gradient(W0, DATA, ALL, GradientMode.FULL_LOCAL_DATA, 3, 9)[0], 1e-6);
        assertClose(expected, t.gradient(W0, DATA, ALL, GradientMode.ONE_MINIBATCH, 512, 9)[0], 1e-6);
        float[] oneOfFour = t.gradient(W0, DATA, ALL, GradientMode.ONE_MINIBATCH, 1, 9)[0];
        assertFalse(java.util.Arrays.equals(oneOfFour, t.gradient(W0, DATA, ALL, GradientMode.FULL_LOCAL_DATA, 1, 9)[0]));
        assertThrows(IllegalArgumentException.class, () -> t.gradient(W0, DATA, new int[0], GradientMode.FULL_LOCAL_DATA, 1, 9));
    }

    @Test
    void batchNormRunningStatisticsFollowPyTorchsRunningAverage() {
        SequentialModel bn = new SequentialModel("bn", new int[] {1, 2, 2}, 2, List.of(new Block.Flatten(),
                new Block.Dense("fc", "fc", 4, 2), new Block.BatchNorm("fc", "bn", 2)));
        float[][] w = {{0.1f, -0.2f, 0.3f, 0.0f, 0.5f, -0.1f, -0.3f, 0.2f, 0.05f, -0.05f, 1f, 1f, 0f, 0f}};
        ImageDataset twoClass = new ImageDataset("two", 1, 2, 2, 2, DATA.pixels(), new byte[] {0, 1, 1, 0});
        double[][] x = features();
        double[] expected = new double[4];
        for (int c = 0; c < 2; c++) {
            double[] z = new double[4];
            double mean = 0;
            for (int i = 0; i < 4; i++) {
                z[i] = w[0][8 + c];
                for (int j = 0; j < 4; j++) {
                    z[i] += x[i][j] * w[0][j * 2 + c];
                }
                mean += z[i] / 4;
            }
            double ss = 0;
            for (int i = 0; i < 4; i++) {
                ss += (z[i] - mean) * (z[i] - mean);
            }
            // buffers: bn.running_mean [2] then bn.running_var [2]
            expected[c] = 0.9 * 0 + 0.1 * mean;
            expected[2 + c] = 0.9 * 1 + 0.1 * ss / 3;
        }
        LocalTrainer t = new LocalTrainer(bn);
        TrainResult r = t.train(w, null, OptimizerState.NONE, twoClass, ALL, new TrainingSettings(1, 4, 1e-3), 5);
        assertClose(expected, r.buffers(), 1e-6);
        assertArrayEquals(new float[] {0f, 0f, 1f, 1f}, bn.initialBuffers());
        // a one-sample client cannot normalise a batch: it does not train
        assertEquals(0, t.train(w, null, OptimizerState.NONE, twoClass, new int[] {2}, new TrainingSettings(1, 4, 0.1), 5).steps());
        // five samples in batches of two: 2 + 3, the lone remainder joins the last batch
        assertEquals(2, LocalTrainer.batchEnd(0, 5, 2, true));
        assertEquals(5, LocalTrainer.batchEnd(2, 5, 2, true));
        assertEquals(4, LocalTrainer.batchEnd(2, 5, 2, false));
    }

    @Test
    void convolutionalBatchNormGradientMatchesFiniteDifferences() {
        SequentialModel m = new SequentialModel("conv-bn", new int[] {1, 4, 4}, 2, List.of(
                new Block.Conv("conv", "conv", 1, 2, 3, true), new Block.BatchNorm("conv", "bn", 2), new Block.Relu(),
                new Block.MaxPool(2), new Block.Flatten(), new Block.Dense("fc", "fc", 8, 2)));
        ImageDataset data = SyntheticImages.generate("s", 6, 4, 2, 60, 3, 4);
        int[] idx = {0, 1, 2, 3, 4, 5};
        float[][] w = m.initialWeights(8);
        float[][] g = new LocalTrainer(m).gradient(w, data, idx, GradientMode.FULL_LOCAL_DATA, 6, 1);
        SameDiff sd = m.build(w);
        float[] x = new float[6 * 16];
        float[] y = new float[6 * 2];
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 16; j++) {
                x[i * 16 + j] = (data.pixels()[i * 16 + j] & 0xFF) / 255f;
            }
            y[i * 2 + data.label(i)] = 1f;
        }
        Map<String, INDArray> ph = new HashMap<>();
        ph.put(ModelDefinition.INPUT, Nd4j.create(x, new long[] {6, 1, 4, 4}, 'c'));
        ph.put(ModelDefinition.LABELS, Nd4j.create(y, new long[] {6, 2}, 'c'));
        // layer "conv" = conv.weight (18), conv.bias (2), bn.gamma (2), bn.beta (2); layer "fc" = 16 + 2
        int[][] probes = {{0, 0}, {0, 7}, {0, 17}, {0, 20}, {0, 22}, {1, 3}, {1, 16}};
        String[] names = {"conv.weight", "conv.weight", "conv.weight", "bn.gamma", "bn.beta", "fc.weight", "fc.bias"};
        int[] within = {0, 7, 17, 0, 0, 3, 0};
        double eps = 1e-2;
        for (int p = 0; p < probes.length; p++) {
            INDArray v = sd.getVariable(names[p]).getArr();
            long[] pos = unravel(within[p], v.shape());
            double orig = v.getDouble(pos);
            v.putScalar(pos, orig + eps);
            double up = sd.output(ph, ModelDefinition.LOSS).get(ModelDefinition.LOSS).getDouble(0);
            v.putScalar(pos, orig - eps);
            double down = sd.output(ph, ModelDefinition.LOSS).get(ModelDefinition.LOSS).getDouble(0);
            v.putScalar(pos, orig);
            double numeric = (up - down) / (2 * eps);
            double analytic = g[probes[p][0]][probes[p][1]];
            assertEquals(numeric, analytic, 0.02 * Math.abs(numeric) + 2e-4, names[p] + "[" + within[p] + "]");
        }
    }

    private static long[] unravel(long index, long[] shape) {
        long[] pos = new long[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            pos[d] = index % shape[d];
            index /= shape[d];
        }
        return pos;
    }

    @Test
    void dropoutMasksComeFromTheSeedAndEvaluationHasNone() {
        SequentialModel m = new SequentialModel("drop", new int[] {1, 2, 2}, 3, List.of(new Block.Flatten(),
                new Block.Dense("fc1", "fc1", 4, 8), new Block.Relu(), new Block.Dropout("drop", 0.5),
                new Block.Dense("fc2", "fc2", 8, 3)));
        LocalTrainer t = new LocalTrainer(m);
        float[][] w = m.initialWeights(2);
        TrainingSettings s = new TrainingSettings(3, 2, 0.1);
        float[][] a = t.train(w, DATA, ALL, s, 10);
        assertArrayEquals(a[0], t.train(w, DATA, ALL, s, 10)[0]);
        assertFalse(java.util.Arrays.equals(a[0], t.train(w, DATA, ALL, s, 11)[0]));
        assertEquals(t.evaluate(a, DATA, 0, 4, 4), t.evaluate(a, DATA, 0, 4, 2));
        assertEquals(SeedModels.vggCifarQrr().dropoutMasks().get(3).valuesPerSample(), 128);
    }
}
