package org.fedwan.compression.scheme;

import org.fedwan.compression.BitReader;
import org.fedwan.compression.BitWriter;
import org.fedwan.compression.MalformedMessageException;

/**
 * Bucket quantization of seed 001 (QuantFL) against a {@link Codebook}: sizes of the codebook and
 * of the indices, and the indices written and read with mid-point decoding. The stateful
 * {@link QuantFlScheme} decides when a codebook travels.
 */
final class BucketQuantizer {

    private BucketQuantizer() {
    }

    static long codebookBits(boolean uniform, int levels, int boundaryBits) {
        return (long) Codebook.transmittedBoundaries(uniform, levels) * boundaryBits;
    }

    static long indexBits(int levels, int valueCount) {
        return (long) Stochastic.widthFor(levels) * valueCount;
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
}
