package org.fedwan.fl.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TrainingSettingsTest {

    @Test
    void theThreeArgumentFormIsPlainSgdOverEpochs() {
        TrainingSettings s = new TrainingSettings(2, 20, 0.01);
        assertEquals(new TrainingSettings(2, 20, 0.01, 0, 0, 0), s);
        assertFalse(s.countsSteps());
        // 2 epochs over 105 samples in batches of 20: 2 x 6 steps
        assertEquals(12, s.stepsFor(105));
        assertThrows(IllegalArgumentException.class, () -> new TrainingSettings(0, 20, 0.01));
    }

    @Test
    void stepsMomentumAndWeightDecay() {
        TrainingSettings s = TrainingSettings.steps(5, 64, 0.01).withMomentum(0.9).withWeightDecay(1e-4);
        assertTrue(s.countsSteps());
        assertEquals(5, s.stepsFor(10_000));
        assertEquals(0.9, s.momentum());
        assertEquals(1e-4, s.weightDecay());
        assertEquals(0.5, s.withLearningRate(0.5).learningRate());
        assertThrows(IllegalArgumentException.class, () -> new TrainingSettings(1, 20, 0.01, 0, 0, 3));
        assertThrows(IllegalArgumentException.class, () -> s.withMomentum(1.0));
        assertThrows(IllegalArgumentException.class, () -> s.withWeightDecay(-1));
        assertThrows(IllegalArgumentException.class, () -> TrainingSettings.steps(1, 0, 0.01));
        assertThrows(IllegalArgumentException.class, () -> TrainingSettings.steps(1, 1, Double.NaN));
    }
}
