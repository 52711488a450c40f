package org.fedwan.fl.strategy;

import org.fedwan.compression.scheme.AveragingRule;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code fedavg} and {@code fedprox} on hand-worked updates. */
class FedAvgTest {

    private static final float[][] GLOBAL = {{1f, 1f}, {10f}};

    private static StrategyContext context(ValueKind kind, double clientLr, double serverLr) {
        return new StrategyContext(kind, AveragingRule.MEAN, clientLr, serverLr);
    }

    @Test
    void weightsAreAveragedBySamplesAndALayerNobodySentStays() {
        List<ClientResult> results = List.of(
                ClientResult.of(0, new float[][] {{1f, 2f}, null}, 100),
                ClientResult.of(1, new float[][] {{4f, 8f}, null}, 300));
        float[][] g = new FedAvg(context(ValueKind.WEIGHTS, 0.1, 1)).aggregateFit(1, GLOBAL, results, List.of());
        // (100 x 1 + 300 x 4) / 400 = 3.25 ; (100 x 2 + 300 x 8) / 400 = 6.5 ; layer 1 keeps 10
        assertArrayEquals(new float[] {3.25f, 6.5f}, g[0]);
        assertArrayEquals(new float[] {10f}, g[1]);
        // server learning rate 0.5: half-way, 1 + 0.5 (3.25 - 1) = 2.125, 1 + 0.5 (6.5 - 1) = 3.75
        float[][] half = new FedAvg(context(ValueKind.WEIGHTS, 0.1, 0.5)).aggregateFit(1, GLOBAL, results, List.of());
        assertArrayEquals(new float[] {2.125f, 3.75f}, half[0]);
        assertArrayEquals(new float[] {10f}, half[1]);
    }

    @Test
    void updatesAreAddedAndGradientsDescended() {
        List<ClientResult> results = List.of(ClientResult.of(0, new float[][] {{2f, -4f}, {1f}}, 10),
                ClientResult.of(1, new float[][] {{0f, 0f}, null}, 30));
        // mean {0.5, -1 | 1}; updates with server rate 2: {1 + 1, 1 - 2 | 10 + 2}
        float[][] u = new FedAvg(context(ValueKind.UPDATES, 0.1, 2)).aggregateFit(1, GLOBAL, results, List.of());
        assertArrayEquals(new float[] {2f, -1f}, u[0]);
        assertArrayEquals(new float[] {12f}, u[1]);
        // gradients, client rate 0.25 and server rate 2: {1 - 0.5 x 0.5, 1 + 0.5 x 1 | 10 - 0.5 x 1}
        float[][] d = new FedAvg(context(ValueKind.GRADIENTS, 0.25, 2)).aggregateFit(1, GLOBAL, results, List.of());
        assertArrayEquals(new float[] {0.75f, 1.5f}, d[0]);
        assertArrayEquals(new float[] {9.5f}, d[1]);
    }

    @Test
    void failuresChangeNothingAndNoResultsKeepTheModel() {
        FedAvg s = new FedAvg(context(ValueKind.WEIGHTS, 0.1, 1));
        List<ClientResult> one = List.of(ClientResult.of(0, new float[][] {{3f, 3f}, {0f}}, 1));
        assertArrayEquals(s.aggregateFit(1, GLOBAL, one, List.of())[0],
                s.aggregateFit(1, GLOBAL, one, List.of(new Failure(1, "deadline"), new Failure(2, "battery")))[0]);
        assertSame(GLOBAL, s.aggregateFit(2, GLOBAL, List.of(), List.of(new Failure(0, "lost-fragment"))));
        assertEquals(ClientConfig.NONE, s.configureClient(1, 0));
        assertEquals("fedavg", s.name());
    }

    @Test
    void fedproxAsksEveryClientForItsProximalTermAndAggregatesAsFedavg() {
        StrategyContext c = context(ValueKind.WEIGHTS, 0.1, 0.5);
        FedProx prox = new FedProx(c, 0.01);
        assertEquals(new ClientConfig(0.01), prox.configureClient(1, 0));
        assertEquals(new ClientConfig(0.01), prox.configureClient(7, 12));
        List<ClientResult> one = List.of(ClientResult.of(0, new float[][] {{3f, -1f}, {20f}}, 5));
        // 1 + 0.5 (3 - 1) = 2 ; 1 + 0.5 (-1 - 1) = 0 ; 10 + 0.5 (20 - 10) = 15
        float[][] g = prox.aggregateFit(1, GLOBAL, one, List.of());
        assertArrayEquals(new float[] {2f, 0f}, g[0]);
        assertArrayEquals(new float[] {15f}, g[1]);
        assertEquals("fedprox", prox.name());
        assertEquals(1.0, Strategies.create("fedprox", null, c).configureClient(1, 0).proximalMu());
    }
}
