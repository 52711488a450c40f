package org.fedwan.compression.scheme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.fedwan.compression.LayerSpec;
import org.fedwan.compression.MalformedMessageException;
import org.fedwan.compression.ModelLayout;
import org.fedwan.compression.SideKind;
import org.fedwan.compression.TensorSpec;
import org.fedwan.compression.TestLayouts;
import org.junit.jupiter.api.Test;

class QuantFlSchemeTest {

    private final ModelLayout layout = TestLayouts.small();

    @Test
    void codebooksTravelEveryTRoundsAndIndicesOtherwise() {
        Scheme s = Compression.uplink("quantfl-bu", layout, Map.of("refresh", "3", "levels", "64"));
        ClientEncoder c = s.newClient(0, null);
        long params = layout.parameterCount();
        for (int r = 0; r < 7; r++) {
            EncodedUpdate m = c.encode(RoundInput.of(r, TestLayouts.gaussian(layout, new SplittableRandom(r), 1)));
            boolean refresh = r % 3 == 0;
            assertEquals(6 * params, m.bits().total().payloadBits());
            assertEquals(refresh ? 3L * 2 * 32 : 0, m.bits().total().sideBits(SideKind.CODEBOOK), "round " + r);
            assertEquals(1, m.bits().total().sideBits(SideKind.HEADER));
        }
    }

    @Test
    void aServerThatMissedTheCodebookRejectsIndicesOnly() {
        Scheme s = Compression.uplink("quantfl-bu", layout, Map.of());
        ClientEncoder c = s.newClient(4, null);
        c.encode(RoundInput.of(0, TestLayouts.gaussian(layout, new SplittableRandom(1), 1))); // lost on the air
        byte[] second = c.encode(RoundInput.of(1, TestLayouts.gaussian(layout, new SplittableRandom(2), 1))).message();
        MalformedMessageException e = assertThrows(MalformedMessageException.class, () -> s.newServer().decode(4, 1, second));
        assertTrue(e.getMessage().contains("no codebook"), e.getMessage());
    }

    @Test
    void refreshRoundsDecodeWithinHalfABucketAndReusedCodebooksClampOutliers() {
        ModelLayout one = new ModelLayout(List.of(new LayerSpec("v", List.of(new TensorSpec("v", new int[] {200})))));
        Scheme s = Compression.uplink("quantfl-bu", one, Map.of("levels", "16", "refresh", "2"));
        ClientEncoder c = s.newClient(0, null);
        ServerDecoder d = s.newServer();
        float[] x = TestLayouts.gaussian(one, new SplittableRandom(3), 1)[0];
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float v : x) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        float[] y = d.decode(0, 0, c.encode(RoundInput.of(0, new float[][] {x})).message()).values()[0];
        double half = (max - min) / 16.0 / 2;
        for (int i = 0; i < x.length; i++) {
            assertTrue(Math.abs(x[i] - y[i]) <= half * (1 + 1e-5), "value " + i);
        }
        float[] wide = new float[200];
        wide[0] = 100f;
        float[] z = d.decode(0, 1, c.encode(RoundInput.of(1, new float[][] {wide})).message()).values()[0];
        assertTrue(z[0] < max, "reused codebook clamps to its last bucket");
    }

    @Test
    void quantileBucketsHoldAboutEqualCounts() {
        ModelLayout one = new ModelLayout(List.of(new LayerSpec("v", List.of(new TensorSpec("v", new int[] {4000})))));
        Scheme s = Compression.uplink("quantfl-bq", one, Map.of("levels", "8"));
        float[] x = new float[4000];
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.exp(r.nextGaussian()); // skewed
        }
        float[] y = s.newServer().decode(0, 0, s.newClient(0, null).encode(RoundInput.of(0, new float[][] {x})).message()).values()[0];
        java.util.Map<Float, Integer> counts = new java.util.HashMap<>();
        for (float v : y) {
            counts.merge(v, 1, Integer::sum);
        }
        assertEquals(8, counts.size());
        for (int n : counts.values()) {
            assertEquals(500, n, 5);
        }
    }
}
