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
        if (out.isByteAligned()) {
            byte[] b = out.array();
            int o = out.reserveAlignedBytes(4 * values.length);
            for (float v : values) {
                int x = Float.floatToRawIntBits(v);
                b[o] = (byte) (x >>> 24);
                b[o + 1] = (byte) (x >>> 16);
                b[o + 2] = (byte) (x >>> 8);
                b[o + 3] = (byte) x;
                o += 4;
            }
            return;
        }
        for (float v : values) {
            out.writeFloat(v);
        }
    }

    @Override
    public void decode(BitReader in, float[] out) {
        if (in.isByteAligned()) {
            byte[] b = in.array();
            int o = in.consumeAlignedBytes(4 * out.length);
            for (int i = 0; i < out.length; i++) {
                out[i] = Float.intBitsToFloat(((b[o] & 0xFF) << 24) | ((b[o + 1] & 0xFF) << 16)
                        | ((b[o + 2] & 0xFF) << 8) | (b[o + 3] & 0xFF));
                o += 4;
            }
            return;
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = in.readFloat();
        }
    }

    @Override
    public double errorBound(float[] values) {
        return 0;
    }
}
