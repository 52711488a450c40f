package org.fedwan.compression.scheme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.fedwan.compression.LayerSpec;
import org.fedwan.compression.ModelLayout;
import org.fedwan.compression.TensorSpec;
import org.junit.jupiter.api.Test;

class ErrorFeedbackTest {

    private static final ModelLayout LAYOUT = new ModelLayout(List.of(new LayerSpec("v",
            List.of(new TensorSpec("v", new int[] {10})))));
    private static final float[] X = {1f, -0.8f, 0.6f, 0.4f, -0.3f, 0.2f, 0.15f, -0.1f, 0.05f, 0.01f};

    /** Mean over rounds of what the server decodes; EF makes it converge to the input. */
    private static float[] meanDecoded(String name, int rounds) {
        Scheme s = Compression.uplink(name, LAYOUT, Map.of("fraction", "0.1"));
        ClientEncoder c = s.newClient(0, null);
        ServerDecoder d = s.newServer();
        float[] mean = new float[10];
        for (int r = 0; r < rounds; r++) {
            float[] y = d.decode(0, r, c.encode(RoundInput.of(r, new float[][] {X})).message()).values()[0];
            for (int i = 0; i < 10; i++) {
                mean[i] += y[i] / rounds;
            }
        }
        return mean;
    }

    @Test
    void errorFeedbackDeliversEverythingOnAverage() {
        float[] ef = meanDecoded("ef:topk", 400);
        float[] plain = meanDecoded("topk", 400);
        double efErr = 0;
        double plainErr = 0;
        for (int i = 0; i < 10; i++) {
            efErr = Math.max(efErr, Math.abs(ef[i] - X[i]));
            plainErr = Math.max(plainErr, Math.abs(plain[i] - X[i]));
        }
        assertTrue(efErr < 0.03, "with error feedback the mean decoded update approaches the input: " + efErr);
        assertTrue(plainErr > 0.5, "top-1 of 10 alone never sends the small values: " + plainErr);
    }

    @Test
    void errorFeedbackRefusesWeightsAndInnovationSchemes() {
        IllegalArgumentException w = assertThrows(IllegalArgumentException.class,
                () -> Compression.uplink("ef:int8", LAYOUT, Map.of()));
        assertTrue(w.getMessage().contains("quantity=update"), w.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Compression.uplink("ef:laq", LAYOUT, Map.of()));
        assertEquals("ef:int8", Compression.uplink("ef:int8", LAYOUT, Map.of("quantity", "update")).name());
    }
}
