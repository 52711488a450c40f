package org.fedwan.fl.strategy;

import org.fedwan.compression.scheme.AveragingRule;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * FedAdagrad, FedAdam and FedYogi (Reddi et al., ICLR 2021, Algorithm 2) over two hand-worked
 * rounds. Throughout: eta = 1, beta_1 = 0.5, beta_2 = 0.75, tau = 0.5, x_0 = {1, 2}, round 1 has
 * delta = {0.5, -1} and round 2 delta = {1, 0}; then m_1 = {0.25, -0.5} and m_2 = {0.625, -0.25}
 * for all three.
 */
class FedOptTest {

    private static final float[][] X0 = {{1f, 2f}};
    private static final StrategyContext UPDATES = new StrategyContext(ValueKind.UPDATES, AveragingRule.MEAN, 0.1, 1);

    private static List<ClientResult> update(float a, float b) {
        return List.of(ClientResult.of(0, new float[][] {{a, b}}, 1));
    }

    private static float[][] twoRounds(Strategy s, float[] expectedRound1) {
        float[][] x1 = s.aggregateFit(1, X0, update(0.5f, -1f), List.of());
        assertArrayEquals(expectedRound1, x1[0], 1e-6f);
        assertSame(x1, s.aggregateFit(2, x1, List.of(), List.of(new Failure(0, "deadline"))));
        return s.aggregateFit(3, x1, update(1f, 0f), List.of());
    }

    @Test
    void fedAdagradAccumulatesSquaredSteps() {
        // v_1 = {0.25, 1}; x_1 = {1 + 0.25 / (0.5 + 0.5), 2 - 0.5 / (1 + 0.5)} = {1.25, 1.6666667}
        // v_2 = {1.25, 1}; x_2 = {1.25 + 0.625 / (1.1180340 + 0.5), 1.6666667 - 0.25 / 1.5} = {1.6362712, 1.5}
        float[][] x2 = twoRounds(new FedAdagrad(UPDATES, 1, 0.5, 0.5), new float[] {1.25f, 1.6666667f});
        assertArrayEquals(new float[] {1.6362712f, 1.5f}, x2[0], 1e-6f);
    }

    @Test
    void fedAdamDecaysTheSecondMomentWithoutBiasCorrection() {
        // v_1 = 0.25 delta^2 = {0.0625, 0.25}; x_1 = {1 + 0.25 / 0.75, 2 - 0.5 / 1} = {1.3333334, 1.5}
        // v_2 = 0.75 v_1 + 0.25 {1, 0} = {0.296875, 0.1875}
        // x_2 = {1.3333334 + 0.625 / (0.5448624 + 0.5), 1.5 - 0.25 / (0.4330127 + 0.5)} = {1.9314983, 1.2320508}
        float[][] x2 = twoRounds(new FedAdam(UPDATES, 1, 0.5, 0.75, 0.5), new float[] {1.3333334f, 1.5f});
        assertArrayEquals(new float[] {1.9314983f, 1.2320508f}, x2[0], 1e-6f);
    }

    @Test
    void fedYogiMovesTheSecondMomentBySign() {
        // v_1 = 0 - 0.25 delta^2 sign(0 - delta^2) = {0.0625, 0.25}; x_1 as FedAdam = {1.3333334, 1.5}
        // v_2 = {0.0625 + 0.25 x 1 (sign -1), 0.25 - 0 (sign +1)} = {0.3125, 0.25}
        // x_2 = {1.3333334 + 0.625 / (0.5590170 + 0.5), 1.5 - 0.25 / (0.5 + 0.5)} = {1.9235033, 1.25}
        float[][] x2 = twoRounds(new FedYogi(UPDATES, 1, 0.5, 0.75, 0.5), new float[] {1.3333334f, 1.5f});
        assertArrayEquals(new float[] {1.9235033f, 1.25f}, x2[0], 1e-6f);
    }

    @Test
    void weightsAndGradientsGiveTheSameStepAsTheEquivalentUpdate() {
        // weights {1.5, 1} from x_0 = {1, 2}: delta = {0.5, -1}; gradients {-1, 2} at client rate 0.5: the same delta
        FedAdam w = new FedAdam(new StrategyContext(ValueKind.WEIGHTS, AveragingRule.MEAN, 0.1, 1), 1, 0.5, 0.75, 0.5);
        FedAdam g = new FedAdam(new StrategyContext(ValueKind.GRADIENTS, AveragingRule.MEAN, 0.5, 1), 1, 0.5, 0.75, 0.5);
        assertArrayEquals(new float[] {1.3333334f, 1.5f}, w.aggregateFit(1, X0, update(1.5f, 1f), List.of())[0], 1e-6f);
        assertArrayEquals(new float[] {1.3333334f, 1.5f}, g.aggregateFit(1, X0, update(-1f, 2f), List.of())[0], 1e-6f);
    }

    @Test
    void defaultsAreFlowersAndTheServerStepIsEta() {
        FedOpt adam = (FedOpt) Strategies.create("fedadam", null, UPDATES);
        assertEquals(0.1, adam.eta());
        assertEquals(0.9, adam.beta1());
        assertEquals(1e-3, adam.tau());
        FedOpt yogi = (FedOpt) Strategies.create("fedyogi", null, UPDATES);
        assertEquals(0.01, yogi.eta());
        FedOpt adagrad = (FedOpt) Strategies.create("fedadagrad", null, UPDATES);
        assertEquals(0.0, adagrad.beta1());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Strategies.create("fedyogi", null,
                new StrategyContext(ValueKind.UPDATES, AveragingRule.MEAN, 0.1, 0.5)));
        assertTrue(e.getMessage().contains("option 'eta'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new FedAdam(UPDATES, 1, 1, 0.5, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new FedYogi(UPDATES, 1, 0.5, 0.5, 0));
    }

    @Test
    void theModelMustKeepItsShape() {
        FedAdagrad s = new FedAdagrad(UPDATES, 1, 0.5, 0.5);
        s.aggregateFit(1, X0, update(0.5f, -1f), List.of());
        assertThrows(IllegalArgumentException.class, () -> s.aggregateFit(2, new float[][] {{1f, 2f, 3f}},
                List.of(ClientResult.of(0, new float[][] {{0f, 0f, 0f}}, 1)), List.of()));
    }
}
