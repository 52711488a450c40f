package org.fedwan.compression.scheme;

import java.util.random.RandomGenerator;
import org.fedwan.compression.BitBreakdown;
import org.fedwan.compression.BitReader;
import org.fedwan.compression.BitWriter;
import org.fedwan.compression.MalformedMessageException;
import org.fedwan.compression.SideKind;

/**
 * k-bit weight quantization of seed 003 (FLQ) eq. 9 (DoReFa-Net's weight function), made an
 * invertible codec: {@code p_o = 2 quantize_k(tanh(w) / (2 M) + 1/2) - 1} with
 * {@code M = max |tanh(w)|} of the layer; the receiver decodes {@code w' = atanh(M p_o)}. The
 * quantizer is uniform in the tanh domain (error at most {@code M / (2^k - 1)} there), so small
 * weights get finer steps than large ones. FLQ uses it for the 8-bit parameter broadcast.
 *
 * <p>Payload: {@code j = round((2^k - 1) (tanh(w) / (2M) + 1/2))} in k bits per value. Side:
 * {@code M} as a 32-bit float ({@link SideKind#NORM}), kept below 1 so {@code atanh} is finite.
 */
final class FlqWeightQuantizer implements LayerQuantizer {

    private final int bits;
    private final int n;

    FlqWeightQuantizer(int bits, int valueCount) {
        if (bits < 1 || bits > 16) {
            throw new IllegalArgumentException("FLQ bit width must be 1..16, got " + bits);
        }
        this.bits = bits;
        this.n = valueCount;
    }

    @Override
    public BitBreakdown bits() {
        return BitBreakdown.payload((long) n * bits).plusSide(SideKind.NORM, 32);
    }

    static float tanhMax(float[] values) {
        double m = 0;
        for (float v : values) {
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException("flq-weights needs finite values, got " + v);
            }
            m = Math.max(m, Math.abs(Math.tanh(v)));
        }
        float f = (float) m;
        if (f < m) {
            f = Math.nextUp(f);
        }
        return Math.min(f, Math.nextDown(1f));
    }

    @Override
    public void encode(float[] values, BitWriter out, RandomGenerator random) {
        float m = tanhMax(values);
        out.writeFloat(m);
        int top = (1 << bits) - 1;
        for (float v : values) {
            int j = 0;
            if (m > 0) {
                double t = Math.max(-m, Math.min(m, Math.tanh(v)));
                j = (int) Math.floor(top * (t / (2.0 * m) + 0.5) + 0.5);
                j = Math.max(0, Math.min(top, j));
            }
            out.writeBits(j, bits);
        }
    }

    @Override
    public double decode(BitReader in, float[] out) {
        float m = in.readFloat();
        if (!Float.isFinite(m) || m < 0 || m >= 1) {
            throw new MalformedMessageException("flq-weights layer has invalid max |tanh| " + m);
        }
        double top = (1 << bits) - 1;
        for (int i = 0; i < out.length; i++) {
            double t = m * (2.0 * in.readBits(bits) / top - 1.0);
            out[i] = (float) atanh(t);
        }
        return Double.NaN;
    }

    static double atanh(double t) {
        return 0.5 * Math.log((1 + t) / (1 - t));
    }

    @Override
    public boolean stochastic() {
        return false;
    }

    /**
     * Half a step {@code d = M / (2^k - 1)} in the tanh domain, mapped back through atanh:
     * {@code d / (1 - min(|tanh w| + d, M)^2)}, maximised over the values, plus float slack.
     */
    @Override
    public double errorBound(float[] values) {
        float m = tanhMax(values);
        double d = m / ((1 << bits) - 1.0);
        double worst = 0;
        for (float v : values) {
            double u = Math.min(Math.abs(Math.tanh(v)) + d, m);
            worst = Math.max(worst, d / (1 - u * u) + 4 * Math.ulp(v));
        }
        return worst * (1 + 1e-4) + 1e-7;
    }
}
