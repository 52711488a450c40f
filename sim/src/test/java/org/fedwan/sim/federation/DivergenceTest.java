package org.fedwan.sim.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** A client whose training diverged stops the run with its round and client named. */
class DivergenceTest {

    @Test
    void aNaNOrInfiniteValueNamesRoundClientLayerAndIndex() {
        ClientTraining.requireFinite(3, 7, new float[][] {{1f, -2f}, {Float.MAX_VALUE}}, false, 0.05);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ClientTraining.requireFinite(3, 7, new float[][] {{1f, 2f}, {0f, Float.NaN}}, false, 100));
        assertEquals("round 3, client 7: local training diverged (weight 1 of layer 1 is NaN); a smaller learning_rate "
                + "(now 100.0) may help", e.getMessage());
        IllegalStateException g = assertThrows(IllegalStateException.class,
                () -> ClientTraining.requireFinite(1, 0, new float[][] {{Float.NEGATIVE_INFINITY}}, true, 0.1));
        assertEquals("round 1, client 0: local training diverged (gradient 0 of layer 0 is -Infinity); a smaller "
                + "learning_rate (now 0.1) may help", g.getMessage());
    }
}
