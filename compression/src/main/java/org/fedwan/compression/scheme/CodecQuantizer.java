package org.fedwan.compression.scheme;

import java.util.random.RandomGenerator;
import org.fedwan.compression.BitBreakdown;
import org.fedwan.compression.BitReader;
import org.fedwan.compression.BitWriter;
import org.fedwan.compression.LayerCodec;

/** A stateless {@link LayerCodec} bound to a layer of {@code valueCount} values. */
final class CodecQuantizer implements LayerQuantizer {

    private final LayerCodec codec;
    private final BitBreakdown bits;

    CodecQuantizer(LayerCodec codec, int valueCount) {
        this.codec = codec;
        this.bits = codec.breakdown(valueCount);
    }

    @Override
    public BitBreakdown bits() {
        return bits;
    }

    @Override
    public void encode(float[] values, BitWriter out, RandomGenerator random) {
        codec.encode(values, out);
    }

    @Override
    public double decode(BitReader in, float[] out) {
        codec.decode(in, out);
        return Double.NaN;
    }

    @Override
    public boolean stochastic() {
        return false;
    }

    @Override
    public double errorBound(float[] values) {
        return codec.errorBound(values);
    }
}
