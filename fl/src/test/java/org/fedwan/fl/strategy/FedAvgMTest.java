package org.fedwan.fl.strategy;

import org.fedwan.compression.scheme.AveragingRule;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

/** FedAvgM (Hsu et al. 2019) on hand-worked rounds: v = beta v + delta, x = x + eta v. */
class FedAvgMTest {

    @Test
    void momentumCarriesTheLastStepIntoTheNextRound() {
        FedAvgM s = new FedAvgM(new StrategyContext(ValueKind.WEIGHTS, AveragingRule.MEAN, 0.1, 0.5), 0.5);
        float[][] x0 = {{1f, 2f}};
        // round 1: mean of {3, 2} (1 sample) and {1, 6} (3 samples) = {1.5, 5}; delta = {0.5, 3}
        // v = {0.5, 3}; x = {1 + 0.5 x 0.5, 2 + 0.5 x 3} = {1.25, 3.5}
        float[][] x1 = s.aggregateFit(1, x0, List.of(ClientResult.of(0, new float[][] {{3f, 2f}}, 1),
                ClientResult.of(1, new float[][] {{1f, 6f}}, 3)), List.of());
        assertArrayEquals(new float[] {1.25f, 3.5f}, x1[0]);
        // round 2: one client at {2.25, 3.5}; delta = {1, 0}
        // v = 0.5 {0.5, 3} + {1, 0} = {1.25, 1.5}; x = {1.25 + 0.625, 3.5 + 0.75} = {1.875, 4.25}
        float[][] x2 = s.aggregateFit(2, x1, List.of(ClientResult.of(0, new float[][] {{2.25f, 3.5f}}, 1)), List.of());
        assertArrayEquals(new float[] {1.875f, 4.25f}, x2[0]);
        // a round without results changes neither the model nor the velocity
        assertSame(x2, s.aggregateFit(3, x2, List.of(), List.of(new Failure(0, "deadline"))));
        // round 4: delta = {0, 0}; v = 0.5 {1.25, 1.5} = {0.625, 0.75}; x = {1.875 + 0.3125, 4.25 + 0.375}
        float[][] x4 = s.aggregateFit(4, x2, List.of(ClientResult.of(0, new float[][] {{1.875f, 4.25f}}, 1)), List.of());
        assertArrayEquals(new float[] {2.1875f, 4.625f}, x4[0]);
    }

    @Test
    void gradientsAreDescendedAndAbsentLayersCoast() {
        FedAvgM s = new FedAvgM(new StrategyContext(ValueKind.GRADIENTS, AveragingRule.MEAN, 0.25, 1), 0.5);
        float[][] x0 = {{1f, 2f}, {4f}};
        // round 1: gradients {2, -4 | 8}; delta = -0.25 x g = {-0.5, 1 | -2}; v = delta; x = {0.5, 3 | 2}
        float[][] x1 = s.aggregateFit(1, x0, List.of(ClientResult.of(0, new float[][] {{2f, -4f}, {8f}}, 5)), List.of());
        assertArrayEquals(new float[] {0.5f, 3f}, x1[0]);
        assertArrayEquals(new float[] {2f}, x1[1]);
        // round 2: only layer 0 sent, gradient {0, 0}; layer 1 has delta 0
        // v = 0.5 {-0.5, 1 | -2} = {-0.25, 0.5 | -1}; x = {0.25, 3.5 | 1}
        float[][] x2 = s.aggregateFit(2, x1, List.of(ClientResult.of(0, new float[][] {{0f, 0f}, null}, 5)), List.of());
        assertArrayEquals(new float[] {0.25f, 3.5f}, x2[0]);
        assertArrayEquals(new float[] {1f}, x2[1]);
    }

    @Test
    void withoutMomentumItIsFedavgForUpdates() {
        StrategyContext c = new StrategyContext(ValueKind.UPDATES, AveragingRule.MEAN, 0.1, 0.7);
        float[][] x0 = {{0.3f, -1.1f, 2.9f}};
        List<ClientResult> r = List.of(ClientResult.of(0, new float[][] {{0.01f, 0.2f, -0.3f}}, 3),
                ClientResult.of(1, new float[][] {{-0.07f, 0.05f, 0.11f}}, 7));
        assertArrayEquals(new FedAvg(c).aggregateFit(1, x0, r, List.of())[0],
                new FedAvgM(c, 0).aggregateFit(1, x0, r, List.of())[0]);
    }
}
