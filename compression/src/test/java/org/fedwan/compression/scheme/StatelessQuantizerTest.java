package org.fedwan.compression.scheme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.fedwan.compression.ModelLayout;
import org.fedwan.compression.TestLayouts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Error bounds and unbiasedness of the stateless per-layer quantizers. */
class StatelessQuantizerTest {

    static Stream<Arguments> kinds() {
        List<Arguments> a = new ArrayList<>();
        for (String k : StatelessKinds.names()) {
            a.add(Arguments.of(k, Map.of()));
        }
        a.add(Arguments.of("octav", Map.of("rounding", "deterministic")));
        a.add(Arguments.of("octav", Map.of("bits", "2-1-8", "clip", "max")));
        a.add(Arguments.of("flq-kbit", Map.of("rounding", "deterministic", "bits", "3")));
        a.add(Arguments.of("qsgd", Map.of("levels", "5")));
        a.add(Arguments.of("flq-weights", Map.of("bits", "2")));
        return a.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("kinds")
    void roundTripErrorIsWithinTheQuantizersBound(String name, Map<String, String> options) {
        ModelLayout layout = TestLayouts.small();
        PerLayerScheme s = (PerLayerScheme) Compression.uplink(name, layout, options);
        SplittableRandom rnd = new SplittableRandom(17);
        ClientEncoder enc = s.newClient(0, new SplittableRandom(3));
        ServerDecoder dec = s.newServer();
        for (int round = 0; round < 5; round++) {
            float[][] x = TestLayouts.gaussian(layout, rnd, 1.5);
            DecodedUpdate d = dec.decode(0, round, enc.encode(RoundInput.of(round, x)).message());
            for (int l = 0; l < x.length; l++) {
                double bound = s.quantizers().get(l).errorBound(x[l]);
                if (Double.isNaN(bound)) {
                    continue;
                }
                for (int i = 0; i < x[l].length; i++) {
                    double err = Math.abs(x[l][i] - d.values()[l][i]);
                    assertTrue(err <= bound, name + " layer " + l + " value " + i + ": error " + err + " > bound " + bound);
                }
            }
        }
    }

    static Stream<Arguments> stochastic() {
        return Stream.of(Arguments.of("qsgd", Map.of("levels", "4")), Arguments.of("octav", Map.of("bits", "2", "clip", "max")),
                Arguments.of("flq-kbit", Map.of("bits", "2")));
    }

    @org.junit.jupiter.api.Test
    void octavClipsEachTensorOfALayerOnItsOwn() {
        // a 2-bit layer: 64 weights around +-0.1 and a batch-norm scale of 1.0
        float[] values = new float[66];
        for (int i = 0; i < 64; i++) {
            values[i] = (float) (0.1 * Math.sin(i + 1));
        }
        values[64] = 1f;
        values[65] = 1f;
        ModelLayout layout = new ModelLayout(List.of(new org.fedwan.compression.LayerSpec("conv",
                List.of(new org.fedwan.compression.TensorSpec("w", new int[] {64}),
                        new org.fedwan.compression.TensorSpec("gamma", new int[] {2})))));
        java.util.function.Function<String, float[]> roundTrip = scope -> {
            Scheme s = Compression.uplink("octav", layout, Map.of("bits", "2", "rounding", "deterministic",
                    "weighting", "none", "scope", scope, "levels", "midpoint"));
            byte[] m = s.newClient(0, new SplittableRandom(1)).encode(RoundInput.of(1, new float[][] {values})).message();
            return s.newServer().decode(0, 1, m).values()[0];
        };
        float[] perTensor = roundTrip.apply("tensor");
        float[] perLayer = roundTrip.apply("layer");
        // the scale's own threshold is 1: its 2-bit level nearest 1 is 0.75 (mid-point levels +-0.25, +-0.75)
        assertEquals(0.75, perTensor[64], 1e-6);
        assertTrue(perLayer[64] < 0.5, "one threshold for the layer clips the scale towards the weights' range: " + perLayer[64]);
        assertEquals(2 * 32, Compression.uplink("octav", layout, Map.of("bits", "2", "weighting", "none"))
                .uplinkBits(1).total().sideBits(org.fedwan.compression.SideKind.SCALE), "one 32-bit threshold per tensor");
    }

    @org.junit.jupiter.api.Test
    void midpointLevelsShrinkWeightsThatPassTheQuantizerAgainAndEndpointLevelsDoNot() {
        ModelLayout layout = new ModelLayout(List.of(new org.fedwan.compression.LayerSpec("w",
                List.of(new org.fedwan.compression.TensorSpec("w", new int[] {4})))));
        for (String levels : List.of("midpoint", "endpoint")) {
            Scheme s = Compression.uplink("octav", layout, Map.of("bits", "2", "rounding", "deterministic",
                    "weighting", "none", "clip", "max", "levels", levels));
            float[] w = {1f, -1f, 0.5f, -0.2f};
            for (int pass = 0; pass < 3; pass++) {
                byte[] m = s.newClient(0, new SplittableRandom(1)).encode(RoundInput.of(pass, new float[][] {w})).message();
                w = s.newServer().decode(0, pass, m).values()[0];
            }
            // mid-points: the largest weight goes to 3/4 of the threshold each pass (1 - 2^-2); end points keep it
            assertEquals(levels.equals("midpoint") ? Math.pow(0.75, 3) : 1.0, w[0], 1e-6, levels);
        }
    }

    /** Mean of many decodings converges to x: within 4 standard errors of one step / 2. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("stochastic")
    void stochasticRoundingIsUnbiased(String name, Map<String, String> options) {
        ModelLayout layout = new ModelLayout(List.of(new org.fedwan.compression.LayerSpec("v",
                List.of(new org.fedwan.compression.TensorSpec("v", new int[] {12})))));
        PerLayerScheme s = (PerLayerScheme) Compression.uplink(name, layout, options);
        float[] x = {0.9f, -0.37f, 0.11f, 0.5f, -0.73f, 0.01f, -1f, 0.26f, 0.64f, -0.05f, 0.33f, 0.8f};
        ClientEncoder enc = s.newClient(0, new SplittableRandom(123));
        ServerDecoder dec = s.newServer();
        int trials = 4000;
        double[] mean = new double[x.length];
        for (int t = 0; t < trials; t++) {
            float[] y = dec.decode(0, t, enc.encode(RoundInput.of(t, new float[][] {x})).message()).values()[0];
            for (int i = 0; i < x.length; i++) {
                mean[i] += y[i] / (double) trials;
            }
        }
        double step = stepOf(name, x);
        double tolerance = 4 * (step / 2) / Math.sqrt(trials);
        for (int i = 0; i < x.length; i++) {
            if (name.equals("octav") && Math.abs(x[i]) > 1 - step / 2) {
                continue; // beyond the outer level there is nothing to round up to: not unbiased there
            }
            assertEquals(x[i], mean[i], tolerance, name + " value " + i);
        }
        // a deterministic quantizer would be biased on these values: the test can fail
        double det = 0;
        for (int i = 0; i < x.length; i++) {
            det = Math.max(det, Math.abs(x[i] - Math.rint(x[i] / step) * step));
        }
        assertTrue(det > 10 * tolerance);
    }

    private static double stepOf(String name, float[] x) {
        double max = 0;
        double sq = 0;
        for (float v : x) {
            max = Math.max(max, Math.abs(v));
            sq += v * v;
        }
        return switch (name) {
            case "qsgd" -> Math.sqrt(sq) / 3;
            case "octav" -> 2 * max / 4;
            default -> 2 * max / 3;
        };
    }

    @Test
    void octavThresholdIsTheFixedPointOfEquation3() {
        SplittableRandom rnd = new SplittableRandom(1);
        float[] x = new float[20000];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rnd.nextGaussian();
        }
        for (int b : new int[] {1, 2, 3, 4, 8}) {
            double s = ClippedUniformQuantizer.optimalThreshold(x, b);
            double num = 0;
            long above = 0;
            long below = 0;
            for (float v : x) {
                if (Math.abs(v) > s) {
                    num += Math.abs(v);
                    above++;
                } else if (v != 0) {
                    below++;
                }
            }
            double next = num / (Math.pow(4, -b) / 3 * below + above);
            assertEquals(s, next, 2e-3 * s, "b = " + b + " not converged in 10 iterations");
        }
        // reference: MSE-optimal clipping of a unit Gaussian grows with the bit width
        // (about 1.7 sigma at 2 bits, 2.5 at 4 bits; Banner et al., ACIQ)
        assertEquals(1.71, ClippedUniformQuantizer.optimalThreshold(x, 2), 0.1);
        assertEquals(2.55, ClippedUniformQuantizer.optimalThreshold(x, 4), 0.15);
    }

    @Test
    void octavReportsTheRealMeanSquaredError() {
        ModelLayout layout = TestLayouts.small();
        Scheme s = Compression.uplink("octav", layout, Map.of("bits", "2", "rounding", "deterministic"));
        float[][] x = TestLayouts.gaussian(layout, new SplittableRandom(4), 1);
        DecodedUpdate d = s.newServer().decode(0, 0, s.newClient(0, null).encode(RoundInput.of(0, x)).message());
        for (int l = 0; l < x.length; l++) {
            double mse = 0;
            for (int i = 0; i < x[l].length; i++) {
                double e = x[l][i] - d.values()[l][i];
                mse += e * e / x[l].length;
            }
            assertEquals(mse, d.layerMse()[l], 1e-6 * Math.max(1, mse));
        }
    }

    @Test
    void flqWeightsAreUniformInTheTanhDomain() {
        FlqWeightQuantizer q = new FlqWeightQuantizer(3, 6);
        float[] w = {-2f, -0.5f, 0f, 0.1f, 0.7f, 1.5f};
        org.fedwan.compression.BitWriter out = new org.fedwan.compression.BitWriter(q.bits().totalBits());
        q.encode(w, out, null);
        float[] y = new float[6];
        q.decode(new org.fedwan.compression.BitReader(out.toByteArray()), y);
        double m = Math.tanh(2);
        for (int i = 0; i < w.length; i++) {
            assertTrue(Math.abs(Math.tanh(w[i]) - Math.tanh(y[i])) <= m / 7 + 1e-6, "value " + i);
        }
    }
}
