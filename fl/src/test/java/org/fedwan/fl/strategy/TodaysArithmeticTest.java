package org.fedwan.fl.strategy;

import org.fedwan.compression.scheme.AveragingRule;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@code fedavg} and the default client selection against a frozen copy of the code they replace
 * (main at d487fd8: {@code compression.scheme.Aggregation.layerwise / inverseMse} and
 * {@code FederatedSimulation.aggregate / select / sample}), bit for bit on random inputs, so that
 * seeded runs stay byte-identical when the round controller switches to strategies.
 */
class TodaysArithmeticTest {

    // ---- frozen copy of today's code, on plain arrays (values: per client, per layer, null if absent) ----

    private static float[][] todayAggregate(boolean weights, boolean gradientMode, boolean mseWeighting, float[][] global,
            List<float[][]> values, List<double[]> mse, List<Double> sampleWeights, double learningRate,
            double serverLearningRate) {
        float[][] zeros = new float[global.length][];
        for (int l = 0; l < global.length; l++) {
            zeros[l] = new float[global[l].length];
        }
        float[][] mean;
        if (mseWeighting) {
            mean = todayInverseMse(weights ? global : zeros, values, mse);
        } else {
            mean = todayLayerwise(weights ? global : zeros, values,
                    sampleWeights.stream().mapToDouble(Double::doubleValue).toArray());
        }
        double eta = gradientMode ? -learningRate * serverLearningRate : serverLearningRate;
        if (weights && eta == 1) {
            return mean;
        }
        float[][] next = new float[global.length][];
        for (int l = 0; l < global.length; l++) {
            next[l] = new float[global[l].length];
            for (int i = 0; i < next[l].length; i++) {
                double step = weights ? mean[l][i] - global[l][i] : mean[l][i];
                next[l][i] = (float) (global[l][i] + eta * step);
            }
        }
        return next;
    }

    private static float[][] todayInverseMse(float[][] fallback, List<float[][]> values, List<double[]> mse) {
        float[][] out = new float[fallback.length][];
        for (int l = 0; l < fallback.length; l++) {
            boolean anyExact = false;
            int count = 0;
            for (int u = 0; u < values.size(); u++) {
                if (values.get(u)[l] != null) {
                    double e = mse.get(u)[l];
                    anyExact |= e == 0;
                    count++;
                }
            }
            if (count == 0) {
                out[l] = fallback[l].clone();
                continue;
            }
            double[] acc = new double[fallback[l].length];
            double total = 0;
            for (int u = 0; u < values.size(); u++) {
                if (values.get(u)[l] == null) {
                    continue;
                }
                double e = mse.get(u)[l];
                double w = anyExact ? (e == 0 ? 1 : 0) : 1 / e;
                total += w;
                float[] v = values.get(u)[l];
                for (int i = 0; i < acc.length; i++) {
                    acc[i] += w * v[i];
                }
            }
            out[l] = new float[acc.length];
            for (int i = 0; i < acc.length; i++) {
                out[l][i] = (float) (acc[i] / total);
            }
        }
        return out;
    }

    private static float[][] todayLayerwise(float[][] fallback, List<float[][]> values, double[] weights) {
        float[][] out = new float[fallback.length][];
        for (int l = 0; l < fallback.length; l++) {
            double[] acc = new double[fallback[l].length];
            double total = 0;
            for (int j = 0; j < values.size(); j++) {
                if (values.get(j)[l] == null) {
                    continue;
                }
                double w = weights == null ? 1 : weights[j];
                total += w;
                float[] v = values.get(j)[l];
                for (int i = 0; i < acc.length; i++) {
                    acc[i] += w * v[i];
                }
            }
            if (total == 0) {
                out[l] = fallback[l].clone();
                continue;
            }
            out[l] = new float[acc.length];
            for (int i = 0; i < acc.length; i++) {
                out[l][i] = (float) (acc[i] / total);
            }
        }
        return out;
    }

    private static int[] todaySelect(int[] all, int clientsPerRound, double overSelection, RandomGenerator selection) {
        int n = all.length;
        int k = (int) Math.min(n, Math.ceil(clientsPerRound * overSelection - 1e-9));
        return k == n ? all : todaySample(all, k, selection);
    }

    private static int[] todaySample(int[] candidates, int k, RandomGenerator rng) {
        int n = candidates.length;
        int m = Math.min(n, k);
        for (int i = 0; i < m; i++) {
            int j = i + rng.nextInt(n - i);
            int t = candidates[i];
            candidates[i] = candidates[j];
            candidates[j] = t;
        }
        int[] out = Arrays.copyOf(candidates, m);
        Arrays.sort(out);
        return out;
    }

    // ---- the comparison ----

    @Test
    void fedavgReproducesTodaysAggregationBitForBitForEveryKindAndRule() {
        SplittableRandom rnd = new SplittableRandom(20240601);
        int cases = 0;
        for (int trial = 0; trial < 300; trial++) {
            int layers = 1 + rnd.nextInt(4);
            float[][] global = new float[layers][];
            for (int l = 0; l < layers; l++) {
                global[l] = randomLayer(rnd, 1 + rnd.nextInt(12));
            }
            int clients = 1 + rnd.nextInt(6);
            List<float[][]> values = new ArrayList<>();
            List<double[]> mse = new ArrayList<>();
            List<Double> sampleWeights = new ArrayList<>();
            List<ClientResult> results = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                float[][] v = new float[layers][];
                double[] e = new double[layers];
                for (int l = 0; l < layers; l++) {
                    boolean present = rnd.nextDouble() < 0.75;
                    v[l] = present ? randomLayer(rnd, global[l].length) : null;
                    // a few exact (zero-error) layers exercise the limit of eq. 8
                    e[l] = present ? (rnd.nextDouble() < 0.15 ? 0 : 1e-4 + rnd.nextDouble()) : Double.NaN;
                }
                long samples = 1 + rnd.nextInt(600);
                values.add(v);
                mse.add(e);
                sampleWeights.add((double) (int) samples);
                results.add(new ClientResult(c, v, samples, e));
            }
            double learningRate = new double[] {0.05, 0.1, 0.01}[rnd.nextInt(3)];
            double serverLearningRate = new double[] {1, 0.5, 1.7, 0.3}[rnd.nextInt(4)];
            for (ValueKind kind : ValueKind.values()) {
                for (AveragingRule rule : AveragingRule.values()) {
                    boolean weights = kind == ValueKind.WEIGHTS;
                    boolean gradientMode = kind == ValueKind.GRADIENTS;
                    float[][] expected = todayAggregate(weights, gradientMode, rule == AveragingRule.INVERSE_MSE, global,
                            values, mse, sampleWeights, learningRate, serverLearningRate);
                    Strategy fedavg = Strategies.create("fedavg", null,
                            new StrategyContext(kind, rule, learningRate, serverLearningRate));
                    float[][] actual = fedavg.aggregateFit(1 + trial, global, results, List.of(new Failure(99, "deadline")));
                    assertEquals(layers, actual.length);
                    for (int l = 0; l < layers; l++) {
                        // assertArrayEquals on float[] compares bit patterns (floatToIntBits)
                        assertArrayEquals(expected[l], actual[l], kind + " " + rule + " trial " + trial + " layer " + l);
                    }
                    // fedprox's server side is fedavg's
                    float[][] prox = new FedProx(new StrategyContext(kind, rule, learningRate, serverLearningRate), 0.01)
                            .aggregateFit(1, global, results, List.of());
                    for (int l = 0; l < layers; l++) {
                        assertArrayEquals(expected[l], prox[l]);
                    }
                    cases++;
                }
            }
        }
        assertEquals(300 * 3 * AveragingRule.values().length, cases);
    }

    @Test
    void noResultsLeaveTheGlobalModelAsItIs() {
        float[][] global = {{1f, -2f}};
        for (ValueKind kind : ValueKind.values()) {
            Strategy s = Strategies.create("fedavg", null, new StrategyContext(kind, AveragingRule.MEAN, 0.1, 0.5));
            assertSame(global, s.aggregateFit(3, global, List.of(), List.of(new Failure(0, "lost-fragment"))));
        }
    }

    @Test
    void defaultSelectionDrawsExactlyAsTodaysRoundController() {
        SplittableRandom rnd = new SplittableRandom(7);
        Strategy s = Strategies.create("fedadam", null, new StrategyContext(ValueKind.UPDATES, AveragingRule.MEAN, 0.1, 1));
        for (int trial = 0; trial < 2000; trial++) {
            int clients = rnd.nextInt(40);
            int[] available = IntStream.range(0, clients).filter(c -> rnd.nextDouble() < 0.8).toArray();
            int perRound = 1 + rnd.nextInt(Math.max(1, clients));
            double over = new double[] {1, 1.1, 1.3, 1.5, 2}[rnd.nextInt(5)];
            long seed = rnd.nextLong();
            SplittableRandom today = new SplittableRandom(seed);
            SplittableRandom now = new SplittableRandom(seed);
            int[] copy = available.clone();
            int[] expected = todaySelect(available.clone(), perRound, over, today);
            int[] actual = s.configureFit(trial + 1, available, perRound, over, now);
            assertArrayEquals(expected, actual, "trial " + trial);
            assertArrayEquals(copy, available, "the available clients are not reordered");
            // the same number of draws: both streams are at the same place
            assertEquals(today.nextLong(), now.nextLong());
        }
        // 10 x 1.1 = 11.000000000000002 selects 11, not 12
        assertEquals(11, Sampling.select(IntStream.range(0, 20).toArray(), 10, 1.1,
                new SplittableRandom(1)).length);
    }

    @Test
    void samplingDrawsExactlyAsTodaysTrainingEvaluationSubset() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int trial = 0; trial < 500; trial++) {
            int n = rnd.nextInt(300);
            int k = rnd.nextInt(350);
            int[] candidates = IntStream.range(0, n).toArray();
            long seed = rnd.nextLong();
            SplittableRandom today = new SplittableRandom(seed);
            SplittableRandom now = new SplittableRandom(seed);
            assertArrayEquals(todaySample(candidates.clone(), k, today), Sampling.sample(candidates, k, now));
            assertEquals(today.nextLong(), now.nextLong());
        }
    }

    private static float[] randomLayer(SplittableRandom rnd, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) ((rnd.nextDouble() - 0.5) * Math.pow(10, rnd.nextInt(5) - 2));
        }
        return v;
    }
}
