package org.fedwan.compression.scheme;

import java.util.random.RandomGenerator;
import org.fedwan.compression.BitBreakdown;
import org.fedwan.compression.BitReader;
import org.fedwan.compression.BitWriter;
import org.fedwan.compression.MalformedMessageException;
import org.fedwan.compression.SideKind;

/**
 * QSGD (Alistarh et al. 2017), the stochastic comparator of seed 001 (section IV-B): each value
 * becomes its sign and a level {@code l in [0, K-1]} drawn so that
 * {@code E[norm * l / (K-1)] = |x|}; one 32-bit L2 norm per layer ({@link SideKind#NORM}).
 * Bits per value: {@code 1 + ceil(log2 K)} (7 for K = 64, 8 for K = 128, the per-coordinate cost
 * behind seed 001 Table II's QSGD totals). Unbiased; error at most one step {@code norm / (K-1)}.
 */
final class QsgdQuantizer implements LayerQuantizer {

    private final int levels;
    private final int width;
    private final int n;

    QsgdQuantizer(int levels, int valueCount) {
        if (levels < 2) {
            throw new IllegalArgumentException("QSGD needs at least 2 levels, got " + levels);
        }
        this.levels = levels;
        this.width = Stochastic.widthFor(levels);
        this.n = valueCount;
    }

    @Override
    public BitBreakdown bits() {
        return BitBreakdown.payload((long) n * (1 + width)).plusSide(SideKind.NORM, 32);
    }

    @Override
    public void encode(float[] values, BitWriter out, RandomGenerator random) {
        Stochastic.require(random, "qsgd");
        double sq = 0;
        for (float v : values) {
            sq += (double) v * v;
        }
        float norm = (float) Math.sqrt(sq);
        if (!Float.isFinite(norm)) {
            throw new IllegalArgumentException("qsgd needs finite values");
        }
        out.writeFloat(norm);
        double k = levels - 1;
        for (float v : values) {
            int level = 0;
            if (norm > 0) {
                level = Math.min(levels - 1, Stochastic.round(Math.abs(v) / (double) norm * k, random));
            }
            out.writeBits(Float.floatToRawIntBits(v) >>> 31, 1);
            if (width > 0) {
                out.writeBits(level, width);
            }
        }
    }

    @Override
    public double decode(BitReader in, float[] out) {
        float norm = in.readFloat();
        if (!Float.isFinite(norm) || norm < 0) {
            throw new MalformedMessageException("qsgd layer has invalid norm " + norm);
        }
        double step = norm / (double) (levels - 1);
        for (int i = 0; i < out.length; i++) {
            boolean negative = in.readBits(1) == 1;
            int level = width > 0 ? in.readBits(width) : 0;
            if (level >= levels) {
                throw new MalformedMessageException("qsgd level " + level + " of value " + i + " exceeds " + (levels - 1));
            }
            float m = (float) (level * step);
            out[i] = negative ? -m : m;
        }
        return Double.NaN;
    }

    @Override
    public boolean stochastic() {
        return true;
    }

    @Override
    public double errorBound(float[] values) {
        double sq = 0;
        for (float v : values) {
            sq += (double) v * v;
        }
        return Math.sqrt(sq) / (levels - 1) * (1 + 1e-5);
    }
}
