package org.fedwan.compression.scheme;

import java.util.random.RandomGenerator;
import org.fedwan.compression.BitBreakdown;
import org.fedwan.compression.BitReader;
import org.fedwan.compression.BitWriter;
import org.fedwan.compression.MalformedMessageException;
import org.fedwan.compression.SideKind;
import java.util.Arrays;

/**
 * Clipped uniform quantization of seed 002 (OCTAV) section III: clip to {@code [-s, s]}, then
 * {@code 2^b} levels at the mid-points {@code q_i = -s + (i + 1/2) Delta},
 * {@code Delta = 2 s / 2^b} (eq. 2). The threshold {@code s} is the MSE-optimal one of the
 * recursion of eq. 3 (at most 10 iterations) or, for the "maximum scalar" comparator,
 * {@code max |x|}. Rounding is to the nearest level (deterministic) or to one of the two
 * neighbouring levels with probabilities proportional to the distances (stochastic, equivalent
 * to the uniform dither of section III-A and unbiased on {@code [q_0, q_{2^b-1}]}).
 *
 * <p>The threshold is chosen per tensor of the layer (OCTAV: "optimally clipped tensors and
 * vectors"), so that a layer's bias and batch-norm scale and shift, whose values lie far from its
 * weights', are not clipped to the weights' range; or, with scope {@code layer}, once for the whole
 * layer. Side information: each tensor's threshold {@code s} as a 32-bit float
 * ({@link SideKind#SCALE}, the paper's "scaling factor"; one per layer in the paper's weights-only
 * Table II) and, when aggregation is by inverse MSE (eq. 8), the mean squared quantization error of
 * the layer as a 32-bit float ({@link SideKind#MSE}).
 *
 * <p>Section III-B's example puts levels at {@code +-s} (step {@code 2s/(2^b-1)}); eq. 2 and the
 * noise term {@code 4^-b s^2 / 3 = Delta^2 / 12} of eq. 3 use the mid-points, the default. With
 * {@code endpoints} the levels are section III-B's, {@code q_i = -s + i 2s/(2^b-1)}, and eq. 3's
 * noise term is that step's {@code Delta^2/12}. The difference matters when quantized weights
 * become the next round's model: mid-point levels map the largest weight {@code s} to
 * {@code s (1 - 2^-b)}, so at 2 bits the weights' range shrinks by a quarter each time they pass
 * the quantizer unless training restores it.
 */
final class ClippedUniformQuantizer implements LayerQuantizer {

    /** Iteration cap of eq. 3 (seed 002: "converges within a maximum of 10 iterations"). */
    static final int MAX_ITERATIONS = 10;

    private final int bits;
    private final boolean stochastic;
    private final boolean mseClipping;
    private final boolean sendMse;
    private final int n;
    /** Levels at {@code +-s} (section III-B) instead of the mid-points of eq. 2. */
    private final boolean endpoints;
    /** Element counts of the parts clipped separately (the layer's tensors, or the whole layer). */
    private final int[] parts;

    ClippedUniformQuantizer(int bits, boolean stochastic, boolean mseClipping, boolean sendMse, int valueCount) {
        this(bits, stochastic, mseClipping, sendMse, new int[] {valueCount}, false);
    }

    /**
     * @param parts element counts of consecutive parts of the layer, each with its own threshold
     */
    ClippedUniformQuantizer(int bits, boolean stochastic, boolean mseClipping, boolean sendMse, int[] parts, boolean endpoints) {
        if (bits < 1 || bits > 16) {
            throw new IllegalArgumentException("OCTAV bit width must be 1..16, got " + bits);
        }
        this.bits = bits;
        this.stochastic = stochastic;
        this.mseClipping = mseClipping;
        this.sendMse = sendMse;
        this.parts = parts.clone();
        this.endpoints = endpoints;
        int total = 0;
        for (int p : parts) {
            total += p;
        }
        this.n = total;
    }

    int bitWidth() {
        return bits;
    }

    @Override
    public BitBreakdown bits() {
        BitBreakdown b = BitBreakdown.payload((long) n * bits).plusSide(SideKind.SCALE, 32L * parts.length);
        return sendMse ? b.plusSide(SideKind.MSE, 32) : b;
    }

    /**
     * The clipping threshold of eq. 3 for {@code b}-bit quantization of {@code values}:
     * {@code s_{n+1} = sum_{|x|>s_n} |x| / (4^-b / 3 * #{0<|x|<=s_n} + #{|x|>s_n})}, started at
     * the RMS of the values (the paper starts from a random guess), at most 10 iterations, stopped
     * early when the change is below 1e-7 relative. If no value exceeds {@code s_n}, nothing needs
     * clipping and {@code max |x|} is returned.
     */
    static double optimalThreshold(float[] values, int bits) {
        return optimalThreshold(values, Math.pow(4, -bits) / 3);
    }

    /** Eq. 3 with the quantization noise term {@code noise s^2} of the level spacing in use. */
    static double optimalThreshold(float[] values, double noise) {
        double sq = 0;
        double max = 0;
        for (float v : values) {
            sq += (double) v * v;
            max = Math.max(max, Math.abs(v));
        }
        if (max == 0) {
            return 0;
        }
        double s = Math.sqrt(sq / values.length);
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double sumAbove = 0;
            long above = 0;
            long below = 0;
            for (float v : values) {
                double a = Math.abs(v);
                if (a > s) {
                    sumAbove += a;
                    above++;
                } else if (a > 0) {
                    below++;
                }
            }
            if (above == 0) {
                return max;
            }
            double next = sumAbove / (noise * below + above);
            boolean converged = Math.abs(next - s) <= 1e-7 * s;
            s = next;
            if (converged) {
                break;
            }
        }
        return Math.min(s, max);
    }

    float threshold(float[] values) {
        return threshold(values, 0, values.length);
    }

    private float threshold(float[] all, int from, int to) {
        float[] values = from == 0 && to == all.length ? all : Arrays.copyOfRange(all, from, to);
        for (float v : values) {
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException("OCTAV quantization needs finite values, got " + v);
            }
        }
        if (mseClipping) {
            return (float) optimalThreshold(values, endpoints && bits > 0
                    ? 1.0 / (3.0 * ((1 << bits) - 1) * ((1 << bits) - 1)) : Math.pow(4, -bits) / 3);
        }
        float max = 0;
        for (float v : values) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    @Override
    public void encode(float[] values, BitWriter out, RandomGenerator random) {
        if (stochastic) {
            Stochastic.require(random, "octav (stochastic rounding)");
        }
        int top = (1 << bits) - 1;
        double err = 0;
        int from = 0;
        for (int part : parts) {
            float s = threshold(values, from, from + part);
            out.writeFloat(s);
            double delta = step(s);
            for (int k = from; k < from + part; k++) {
                float v = values[k];
                int i = 0;
                if (s > 0) {
                    double clipped = Math.max(-s, Math.min(s, v));
                    // position in units of levels, level i at t = i
                    double t = (clipped + s) / delta - (endpoints ? 0 : 0.5);
                    i = stochastic ? Stochastic.round(t, random) : (int) Math.floor(t + 0.5);
                    i = Math.max(0, Math.min(top, i));
                }
                out.writeBits(i, bits);
                double d = v - level(i, s, delta, endpoints);
                err += d * d;
            }
            from += part;
        }
        if (sendMse) {
            out.writeFloat(values.length == 0 ? 0f : (float) (err / values.length));
        }
    }

    /** The spacing of the levels: {@code 2s/2^b} (mid-points) or {@code 2s/(2^b-1)} (end points; 1 bit: {@code 2s}). */
    private double step(float s) {
        return endpoints ? 2.0 * s / Math.max(1, (1 << bits) - 1) : 2.0 * s / (1 << bits);
    }

    private static float level(int i, float s, double delta, boolean endpoints) {
        return (float) (-s + (i + (endpoints ? 0 : 0.5)) * delta);
    }

    @Override
    public double decode(BitReader in, float[] out) {
        int from = 0;
        for (int part : parts) {
            float s = in.readFloat();
            if (!Float.isFinite(s) || s < 0) {
                throw new MalformedMessageException("octav layer has invalid threshold " + s);
            }
            double delta = step(s);
            for (int i = from; i < from + part; i++) {
                out[i] = level(in.readBits(bits), s, delta, endpoints);
            }
            from += part;
        }
        if (!sendMse) {
            return Double.NaN;
        }
        float mse = in.readFloat();
        if (!Float.isFinite(mse) || mse < 0) {
            throw new MalformedMessageException("octav layer reports invalid MSE " + mse);
        }
        return mse;
    }

    @Override
    public boolean sendsMse() {
        return sendMse;
    }

    @Override
    public boolean stochastic() {
        return stochastic;
    }

    @Override
    public double errorBound(float[] values) {
        double bound = 0;
        int from = 0;
        for (int part : parts) {
            float s = threshold(values, from, from + part);
            double max = 0;
            for (int k = from; k < from + part; k++) {
                max = Math.max(max, Math.abs(values[k]));
            }
            double delta = step(s);
            double clip = Math.max(0, max - s);
            bound = Math.max(bound, (clip + (stochastic ? delta : delta / 2)) * (1 + 1e-5) + 4 * Math.ulp((float) max));
            from += part;
        }
        return bound;
    }
}
