package org.fedwan.fl.aggregate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class StrategiesTest {

    private static final float[][] GLOBAL = {{1f, 1f}, {10f}};

    @Test
    void sampleWeightingIsFedAvgBitForBit() {
        float[][] a = {{1f, 2f}, {3f}};
        float[][] b = {{4f, 8f}, {0f}};
        float[][] viaStrategy = LayerAverage.fedAvg().aggregate(GLOBAL,
                List.of(ClientResult.full(0, a, 100), ClientResult.full(1, b, 300)), List.of(), 1);
        float[][] viaFedAvg = FedAvg.aggregate(GLOBAL, List.of(new FedAvg.Contribution(a, 100), new FedAvg.Contribution(b, 300)));
        // (100*1 + 300*4)/400 = 3.25, (100*2 + 300*8)/400 = 6.5, (100*3)/400 = 0.75
        assertArrayEquals(new float[] {3.25f, 6.5f}, viaStrategy[0]);
        assertArrayEquals(new float[] {0.75f}, viaStrategy[1]);
        assertArrayEquals(viaFedAvg[0], viaStrategy[0]);
        assertArrayEquals(viaFedAvg[1], viaStrategy[1]);
    }

    @Test
    void xflAveragesEachLayerOverTheClientsThatSentItAndKeepsTheRest() {
        // seed 000 eq. 1: layer 0 from clients 0 and 1, layer 1 from nobody
        List<ClientResult> results = List.of(
                ClientResult.singleLayer(0, 2, 0, new float[] {2f, 4f}, 10),
                ClientResult.singleLayer(1, 2, 0, new float[] {6f, 0f}, 990));
        float[][] g = LayerAverage.xfl().aggregate(GLOBAL, results, List.of(new Failure(2, "deadline")), 1);
        assertArrayEquals(new float[] {4f, 2f}, g[0]);
        assertSame(GLOBAL[1], g[1]);
        // sample weighting over the same two: (10*2 + 990*6)/1000 = 5.96
        assertEquals(5.96f, LayerAverage.fedAvg().aggregate(GLOBAL, results, List.of(), 1)[0][0], 1e-6f);
    }

    @Test
    void inverseMseWeightsLayersByTheirReciprocalErrors() {
        // seed 002 eq. 8: errors 0.1 and 0.3 give weights (10)/(10 + 10/3) = 0.75 and 0.25
        List<ClientResult> results = List.of(
                new ClientResult(0, new float[][] {{4f, 0f}, {8f}}, 1, new double[] {0.1, 1.0}),
                new ClientResult(1, new float[][] {{0f, 4f}, {4f}}, 1000, new double[] {0.3, 1.0}));
        float[][] g = LayerAverage.inverseMse().aggregate(GLOBAL, results, List.of(), 3);
        assertArrayEquals(new float[] {3f, 1f}, g[0], 1e-6f);
        assertArrayEquals(new float[] {6f}, g[1], 1e-6f);
        // an exact (zero-error) layer dominates: the limit of eq. 8
        List<ClientResult> exact = List.of(
                new ClientResult(0, new float[][] {{4f, 0f}, {8f}}, 1, new double[] {0.0, 1.0}),
                new ClientResult(1, new float[][] {{0f, 4f}, {4f}}, 1, new double[] {0.3, 1.0}));
        assertArrayEquals(new float[] {4f, 0f}, LayerAverage.inverseMse().aggregate(GLOBAL, exact, List.of(), 3)[0]);
        assertThrows(IllegalArgumentException.class, () -> LayerAverage.inverseMse().aggregate(GLOBAL,
                List.of(ClientResult.full(0, GLOBAL, 1)), List.of(), 1));
    }

    @Test
    void serverLearningRateMovesPartWayTowardsTheAverage() {
        Strategy s = new ServerLearningRate(LayerAverage.xfl(), 0.5);
        float[][] g = s.aggregate(GLOBAL, List.of(ClientResult.full(0, new float[][] {{3f, -1f}, {20f}}, 5)), List.of(), 1);
        // 1 + 0.5 * (3 - 1) = 2, 1 + 0.5 * (-1 - 1) = 0, 10 + 0.5 * (20 - 10) = 15
        assertArrayEquals(new float[] {2f, 0f}, g[0]);
        assertArrayEquals(new float[] {15f}, g[1]);
        assertSame(GLOBAL, s.aggregate(GLOBAL, List.of(), List.of(new Failure(0, "lost")), 2));
        assertThrows(IllegalArgumentException.class, () -> new ServerLearningRate(LayerAverage.xfl(), 0));
    }

    @Test
    void gradientStepSumsOrAveragesClientGradients() {
        List<ClientResult> grads = List.of(
                ClientResult.full(0, new float[][] {{1f, 0f}, {2f}}, 100),
                ClientResult.full(1, new float[][] {{3f, 4f}, {0f}}, 300));
        // sum: 1 - 0.1 * 4 = 0.6, 1 - 0.1 * 4 = 0.6, 10 - 0.1 * 2 = 9.8
        float[][] sum = new GradientStep(0.1, GradientStep.Reduction.SUM).aggregate(GLOBAL, grads, List.of(), 1);
        assertArrayEquals(new float[] {0.6f, 0.6f}, sum[0], 1e-6f);
        assertArrayEquals(new float[] {9.8f}, sum[1], 1e-6f);
        // sample mean: (0.25 * 1 + 0.75 * 3) = 2.5 -> 0.75 ; 3 -> 0.7 ; 0.5 -> 9.95
        float[][] mean = new GradientStep(0.1, GradientStep.Reduction.SAMPLE_MEAN).aggregate(GLOBAL, grads, List.of(), 1);
        assertArrayEquals(new float[] {0.75f, 0.7f}, mean[0], 1e-6f);
        assertArrayEquals(new float[] {9.95f}, mean[1], 1e-6f);
    }

    @Test
    void laqReusesTheLastQuantizedGradientOfClientsThatDidNotReport() {
        LaqAggregator laq = new LaqAggregator(0.5);
        // round 1: both clients report; sum {3, 1 | 2}
        float[][] g1 = laq.aggregate(GLOBAL, List.of(
                ClientResult.full(0, new float[][] {{1f, 1f}, {1f}}, 10),
                ClientResult.full(1, new float[][] {{2f, 0f}, {1f}}, 10)), List.of(), 1);
        assertArrayEquals(new float[] {-0.5f, 0.5f}, g1[0]);
        assertArrayEquals(new float[] {9f}, g1[1]);
        // round 2: client 0 skips (lazy) or fails; client 1 reports {0, 2 | 4}; sum {1, 3 | 5}
        float[][] g2 = laq.aggregate(g1, List.of(ClientResult.full(1, new float[][] {{0f, 2f}, {4f}}, 10)),
                List.of(new Failure(0, "skipped")), 2);
        assertArrayEquals(new float[] {-1f, -1f}, g2[0]);
        assertArrayEquals(new float[] {6.5f}, g2[1]);
        assertArrayEquals(new float[] {1f, 1f}, laq.lastQuantized(0)[0]);
        assertArrayEquals(new float[] {4f}, laq.lastQuantized(1)[1]);
        assertNull(laq.lastQuantized(7));
        assertEquals(2, laq.clientsHeld());
    }

    @Test
    void resultsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> ClientResult.full(0, GLOBAL, 0));
        assertThrows(IllegalArgumentException.class, () -> new ClientResult(0, GLOBAL, 1, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> new ClientResult(0, GLOBAL, 1, new double[] {-1, 1}));
        assertThrows(IllegalArgumentException.class, () -> new Failure(0, " "));
        assertThrows(IllegalArgumentException.class, () -> LayerAverage.xfl().aggregate(GLOBAL,
                List.of(ClientResult.full(0, new float[][] {{1f}, {1f}}, 1)), List.of(), 1));
    }

    @Test
    void buffersAverageLikeWeights() {
        float[] avg = FedAvg.averageBuffers(new float[] {0f, 1f}, List.of(new float[] {1f, 2f}, new float[] {3f, 6f}),
                List.of(1L, 3L));
        assertArrayEquals(new float[] {2.5f, 5f}, avg);
    }

    @Test
    void registryCreatesEveryStrategyByName() {
        assertEquals(List.of("fedavg", "xfl", "inverse-mse", "gradient-sum", "gradient-mean", "laq"), Strategies.names());
        assertEquals(LayerAverage.class, Strategies.create("fedavg", 1.0).getClass());
        assertEquals(ServerLearningRate.class, Strategies.create("xfl", 0.5).getClass());
        assertEquals(LaqAggregator.class, Strategies.create("laq", 0.1).getClass());
        assertEquals(true, Strategies.takesGradients("gradient-sum"));
        assertEquals(false, Strategies.takesGradients("inverse-mse"));
        // the registry's FedAvg with eta 0.5 is half-way between the global model and the average
        float[][] g = Strategies.create("fedavg", 0.5).aggregate(GLOBAL,
                List.of(ClientResult.full(0, new float[][] {{3f, 3f}, {0f}}, 1)), List.of(), 1);
        assertArrayEquals(new float[] {2f, 2f}, g[0]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Strategies.create("fedprox", 1));
        assertEquals("unknown aggregation 'fedprox'; allowed: fedavg, xfl, inverse-mse, gradient-sum, gradient-mean, laq",
                e.getMessage());
    }
}
