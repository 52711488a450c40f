package org.fedwan.compression.scheme;

import java.util.random.RandomGenerator;
import org.fedwan.compression.BitBreakdown;
import org.fedwan.compression.BitReader;
import org.fedwan.compression.BitWriter;
import org.fedwan.compression.MalformedMessageException;
import org.fedwan.compression.SideKind;

/**
 * Stateless bucket quantization with the codebook in every message: the building block of the
 * stateful QuantFL schemes and the codec of QuantFL's optional quantised downlink (seed 001
 * section III-A: "apply the same index+codebook decomposition"). See {@link Codebook}.
 */
final class BucketQuantizer implements LayerQuantizer {

    private final boolean uniform;
    private final int levels;
    private final int boundaryBits;
    private final int width;
    private final int n;

    BucketQuantizer(boolean uniform, int levels, int boundaryBits, int valueCount) {
        this.uniform = uniform;
        this.levels = levels;
        this.boundaryBits = boundaryBits;
        this.width = Stochastic.widthFor(levels);
        this.n = valueCount;
    }

    static long codebookBits(boolean uniform, int levels, int boundaryBits) {
        return (long) Codebook.transmittedBoundaries(uniform, levels) * boundaryBits;
    }

    static long indexBits(int levels, int valueCount) {
        return (long) Stochastic.widthFor(levels) * valueCount;
    }

    @Override
    public BitBreakdown bits() {
        return BitBreakdown.payload(indexBits(levels, n)).plusSide(SideKind.CODEBOOK, codebookBits(uniform, levels, boundaryBits));
    }

    Codebook build(float[] values) {
        return uniform ? Codebook.uniform(values, levels, boundaryBits) : Codebook.quantile(values, levels, boundaryBits);
    }

    @Override
    public void encode(float[] values, BitWriter out, RandomGenerator random) {
        Codebook c = build(values);
        c.write(out, boundaryBits);
        writeIndices(c, values, out, width);
    }

    static void writeIndices(Codebook c, float[] values, BitWriter out, int width) {
        if (width == 0) {
            return;
        }
        for (float v : values) {
            out.writeBits(c.index(v), width);
        }
    }

    static void readIndices(Codebook c, BitReader in, float[] out, int width) {
        for (int i = 0; i < out.length; i++) {
            int idx = width == 0 ? 0 : in.readBits(width);
            if (idx >= c.levels()) {
                throw new MalformedMessageException("bucket index " + idx + " of value " + i + " exceeds " + (c.levels() - 1));
            }
            out[i] = c.midpoint(idx);
        }
    }

    @Override
    public double decode(BitReader in, float[] out) {
        Codebook c = Codebook.read(in, uniform, levels, boundaryBits);
        readIndices(c, in, out, width);
        return Double.NaN;
    }

    @Override
    public boolean stochastic() {
        return false;
    }

    @Override
    public double errorBound(float[] values) {
        float max = 0;
        for (float v : values) {
            max = Math.max(max, Math.abs(v));
        }
        return build(values).halfWidestBucket() * (1 + 1e-5) + 2 * Math.ulp(max);
    }
}
