package org.fedwan.compression.scheme;

import java.util.random.RandomGenerator;
import org.fedwan.compression.BitBreakdown;
import org.fedwan.compression.BitReader;
import org.fedwan.compression.BitWriter;
import org.fedwan.compression.MalformedMessageException;
import org.fedwan.compression.SideKind;

/**
 * k-bit gradient quantization of seed 003 (FLQ) eq. 11-12, after DoReFa-Net (its ref. [4]):
 * {@code f(dr) = 2 m [quantize_k(dr / (2 m) + 1/2 + N(k)) - 1/2]} with {@code m = max |dr|} of the
 * layer and {@code quantize_k(p) = round((2^k - 1) p) / (2^k - 1)} (eq. 6). The noise term
 * {@code N(k)} is uniform over one quantization step ({@code sigma / (2^k - 1)},
 * {@code sigma ~ U(-1/2, 1/2)}, which the text extraction garbles; the text says it "has the same
 * magnitude as the possible quantization error"): rounding with it is stochastic rounding and
 * unbiased. Without it (deterministic, eq. 11) the error is at most half a step {@code m / (2^k - 1)}.
 *
 * <p>Payload: the integer {@code j in [0, 2^k - 1]} in k bits per value. Side: {@code m} as a
 * 32-bit float ({@link SideKind#NORM}).
 */
final class FlqKBitQuantizer implements LayerQuantizer {

    private final int bits;
    private final boolean stochastic;
    private final int n;

    FlqKBitQuantizer(int bits, boolean stochastic, int valueCount) {
        if (bits < 1 || bits > 16) {
            throw new IllegalArgumentException("FLQ bit width must be 1..16, got " + bits);
        }
        this.bits = bits;
        this.stochastic = stochastic;
        this.n = valueCount;
    }

    @Override
    public BitBreakdown bits() {
        return BitBreakdown.payload((long) n * bits).plusSide(SideKind.NORM, 32);
    }

    static float maxAbs(float[] values, String who) {
        float m = 0;
        for (float v : values) {
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException(who + " needs finite values, got " + v);
            }
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    @Override
    public void encode(float[] values, BitWriter out, RandomGenerator random) {
        if (stochastic) {
            Stochastic.require(random, "flq-kbit (stochastic rounding)");
        }
        float m = maxAbs(values, "flq-kbit");
        out.writeFloat(m);
        int top = (1 << bits) - 1;
        for (float v : values) {
            int j = 0;
            if (m > 0) {
                double y = top * (v / (2.0 * m) + 0.5);
                j = stochastic ? Stochastic.round(y, random) : (int) Math.floor(y + 0.5);
                j = Math.max(0, Math.min(top, j));
            }
            out.writeBits(j, bits);
        }
    }

    @Override
    public double decode(BitReader in, float[] out) {
        float m = in.readFloat();
        if (!Float.isFinite(m) || m < 0) {
            throw new MalformedMessageException("flq-kbit layer has invalid max " + m);
        }
        double top = (1 << bits) - 1;
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (2.0 * m * (in.readBits(bits) / top - 0.5));
        }
        return Double.NaN;
    }

    @Override
    public boolean stochastic() {
        return stochastic;
    }

    @Override
    public double errorBound(float[] values) {
        float m = maxAbs(values, "flq-kbit");
        double step = 2.0 * m / ((1 << bits) - 1);
        return (stochastic ? step : step / 2) * (1 + 1e-5) + 2 * Math.ulp(m);
    }
}
