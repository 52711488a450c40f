package org.fedwan.compression;

/** The uncompressed baseline: each value as a 32-bit IEEE 754 float, no side information. */
public final class Fp32Codec implements LayerCodec {

    public static final String NAME = "fp32";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public BitCount bits(int valueCount) {
        return new BitCount(32L * valueCount, 0);
    }

    @Override
    public void encode(float[] values, BitWriter out) {
        for (float v : values) {
            out.writeFloat(v);
        }
    }

    @Override
    public void decode(BitReader in, float[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = in.readFloat();
        }
    }
}
