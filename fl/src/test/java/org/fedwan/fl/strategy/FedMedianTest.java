package org.fedwan.fl.strategy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.fedwan.compression.scheme.AveragingRule;
import org.junit.jupiter.api.Test;

/** FedMedian against medians worked out by hand. */
class FedMedianTest {

    private static StrategyContext context(ValueKind kind, double clientLr, double serverLr) {
        return new StrategyContext(kind, AveragingRule.MEAN, clientLr, serverLr);
    }

    @Test
    void weightsTakeTheCoordinateWiseMedianUnweighted() {
        float[][] global = {{0, 0}, {5}};
        List<ClientResult> results = List.of(
                ClientResult.of(0, new float[][] {{1, 10}, {2}}, 1),
                ClientResult.of(1, new float[][] {{3, -4}, null}, 1000),
                ClientResult.of(2, new float[][] {{2, 100}, {6}}, 1));
        // layer 0: median(1, 3, 2) = 2, median(10, -4, 100) = 10 (sample counts do not weigh);
        // layer 1: sent by clients 0 and 2 only: (2 + 6) / 2 = 4
        float[][] next = Strategies.create("fedmedian", null, context(ValueKind.WEIGHTS, 0.1, 1))
                .aggregateFit(1, global, results, List.of());
        assertArrayEquals(new float[] {2, 10}, next[0]);
        assertArrayEquals(new float[] {4}, next[1]);
    }

    @Test
    void aByzantineClientCannotDragTheMedian() {
        float[][] global = {{0}};
        List<ClientResult> results = List.of(ClientResult.of(0, new float[][] {{1}}, 1),
                ClientResult.of(1, new float[][] {{1.5f}}, 1), ClientResult.of(2, new float[][] {{1e9f}}, 1));
        float[][] next = new FedMedian(context(ValueKind.WEIGHTS, 0.1, 1)).aggregateFit(1, global, results, List.of());
        assertArrayEquals(new float[] {1.5f}, next[0]);
    }

    @Test
    void gradientsDescendAlongTheMedianAndUpdatesStepByTheServerRate() {
        float[][] global = {{1, 1}};
        List<ClientResult> results = List.of(ClientResult.of(0, new float[][] {{2, 4}}, 1),
                ClientResult.of(1, new float[][] {{4, 8}}, 1));
        // median (3, 6); gradients: 1 - 0.5 x 2 x (3, 6) = (-2, -5)
        assertArrayEquals(new float[] {-2, -5},
                new FedMedian(context(ValueKind.GRADIENTS, 0.5, 2)).aggregateFit(1, global, results, List.of())[0]);
        // updates: 1 + 0.5 x (3, 6) = (2.5, 4)
        assertArrayEquals(new float[] {2.5f, 4},
                new FedMedian(context(ValueKind.UPDATES, 0.5, 0.5)).aggregateFit(1, global, results, List.of())[0]);
    }

    @Test
    void noResultLeavesTheModel() {
        float[][] global = {{7}};
        assertSame(global, new FedMedian(context(ValueKind.WEIGHTS, 0.1, 1)).aggregateFit(1, global, List.of(), List.of()));
    }
}
