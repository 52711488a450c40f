package org.fedwan.compression.scheme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.fedwan.compression.LayerSpec;
import org.fedwan.compression.ModelLayout;
import org.fedwan.compression.SideKind;
import org.fedwan.compression.TensorSpec;
import org.fedwan.compression.TestLayouts;
import org.junit.jupiter.api.Test;

class LaqQrrTest {

    @Test
    void laqErrorIsAtMostHalfAnIntervalOfTheInnovationRadius() {
        ModelLayout layout = TestLayouts.small();
        Scheme s = Compression.uplink("laq", layout, Map.of("bits", "3"));
        ClientEncoder c = s.newClient(0, null);
        ServerDecoder d = s.newServer();
        float[][] prev = org.fedwan.compression.scheme.Common.emptyLike(layout);
        SplittableRandom rnd = new SplittableRandom(6);
        for (int r = 0; r < 5; r++) {
            float[][] g = TestLayouts.gaussian(layout, rnd, 1);
            float[][] q = d.decode(0, r, c.encode(RoundInput.of(r, g)).message()).values();
            for (int l = 0; l < g.length; l++) {
                int off = 0;
                for (TensorSpec t : layout.layers().get(l).tensors()) {
                    double radius = 0;
                    for (int i = off; i < off + t.elementCount(); i++) {
                        radius = Math.max(radius, Math.abs(g[l][i] - prev[l][i]));
                    }
                    for (int i = off; i < off + t.elementCount(); i++) {
                        assertTrue(Math.abs(g[l][i] - q[l][i]) <= radius / 7 * (1 + 1e-5) + 1e-6, "round " + r + " layer " + l);
                    }
                    off += t.elementCount();
                }
            }
            prev = q;
            assertEquals(q[0][0], d.latest(0).orElseThrow()[0][0]);
        }
    }

    @Test
    void slaqSkipsWhenTheInnovationIsSmallAndTheServerKeepsTheLastValue() {
        ModelLayout layout = TestLayouts.small();
        Scheme s = Compression.uplink("slaq", layout, Map.of("alpha", "0.1", "maxSkip", "2"));
        ClientEncoder c = s.newClient(0, null);
        float[][] g = TestLayouts.gaussian(layout, new SplittableRandom(1), 1);
        float[][] w0 = TestLayouts.gaussian(layout, new SplittableRandom(2), 1);
        // the model moved a lot: the threshold is large, the same gradient again is skipped, at most maxSkip times
        float[][] w1 = TestLayouts.gaussian(layout, new SplittableRandom(3), 10);
        assertTrue(!c.encode(new RoundInput(0, g, w0)).skipped(), "the first upload is never skipped");
        assertTrue(c.encode(new RoundInput(1, g, w1)).skipped());
        assertTrue(c.encode(new RoundInput(2, g, w0)).skipped());
        assertTrue(!c.encode(new RoundInput(3, g, w1)).skipped(), "maxSkip = 2 forces an upload");
    }

    @Test
    void qrrBitsFollowRanksOfEachTensor() {
        ModelLayout layout = TestLayouts.mlpMnistQrr();
        Scheme s = Compression.uplink("qrr", layout, Map.of("p", "0.1"));
        // hidden [784, 200]: k = 20 -> U 784*20 + s 20 + V^T 20*200; bias 200; output [200, 10]: k = 1
        long elements = 784 * 20 + 20 + 20 * 200 + 200 + (200 + 1 + 10) + 10;
        MessageBits b = s.uplinkBits(0);
        assertEquals(8 * elements, b.total().payloadBits());
        assertEquals(32 * 8, b.total().sideBits(SideKind.RADIUS));
    }

    @Test
    void qrrAtFullRankRebuildsMatricesAndKernels() {
        ModelLayout layout = new ModelLayout(List.of(TestLayouts.conv("conv", 3, 2, 4), TestLayouts.dense("fc", 6, 5)));
        Scheme s = Compression.uplink("qrr", layout, Map.of("p", "1", "bits", "16"));
        float[][] g = TestLayouts.gaussian(layout, new SplittableRandom(7), 1);
        float[][] y = s.newServer().decode(0, 0, s.newClient(0, null).encode(RoundInput.of(0, g)).message()).values();
        for (int l = 0; l < g.length; l++) {
            for (int i = 0; i < g[l].length; i++) {
                assertEquals(g[l][i], y[l][i], 2e-3, "layer " + l + " value " + i);
            }
        }
    }

    @Test
    void qrrKeepsALowRankGradientAndTracksItOverRounds() {
        ModelLayout layout = new ModelLayout(List.of(new LayerSpec("w", List.of(new TensorSpec("w", new int[] {40, 30})))));
        Scheme s = Compression.uplink("qrr", layout, Map.of("p", "0.1", "bits", "8")); // rank 3
        ClientEncoder c = s.newClient(0, null);
        ServerDecoder d = s.newServer();
        SplittableRandom rnd = new SplittableRandom(9);
        for (int r = 0; r < 4; r++) {
            float[] g = new float[1200];
            for (int j = 0; j < 2; j++) { // rank 2
                double[] u = new double[40];
                double[] v = new double[30];
                for (int i = 0; i < 40; i++) {
                    u[i] = rnd.nextGaussian();
                }
                for (int i = 0; i < 30; i++) {
                    v[i] = rnd.nextGaussian();
                }
                for (int a = 0; a < 40; a++) {
                    for (int b = 0; b < 30; b++) {
                        g[a * 30 + b] += (float) (u[a] * v[b]);
                    }
                }
            }
            float[] y = d.decode(0, r, c.encode(RoundInput.of(r, new float[][] {g})).message()).values()[0];
            double num = 0;
            double den = 0;
            for (int i = 0; i < g.length; i++) {
                num += (g[i] - y[i]) * (g[i] - y[i]);
                den += g[i] * g[i];
            }
            assertTrue(Math.sqrt(num / den) < 0.05, "round " + r + " relative error " + Math.sqrt(num / den));
        }
    }
}
