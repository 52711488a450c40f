package org.fedwan.compression;

/**
 * bfloat16: each value as the upper 16 bits of its IEEE 754 single (sign, the full 8-bit exponent,
 * 7 mantissa bits), rounded to nearest even, no side information (Kalamkar et al., "A Study of
 * BFLOAT16 for Deep Learning Training", 2019; the rounding of TensorFlow's and PyTorch's float to
 * bfloat16 conversion). Same range as fp32, so nothing saturates short of the largest finite
 * bfloat16 (about 3.39e38), to which larger values are clamped. Error: at most half a unit in the
 * last place, {@code |x| 2^-8} for normal values and {@code 2^-134} for subnormal ones.
 */
public final class Bf16Codec implements LayerCodec {

    public static final String NAME = "bf16";

    /** Bits of the largest finite bfloat16, 0x7F7F (exponent 254, mantissa all ones). */
    private static final int MAX_FINITE = 0x7F7F;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public BitCount bits(int valueCount) {
        return new BitCount(16L * valueCount, 0);
    }

    /** The bfloat16 bits of {@code v}: round to nearest even, clamped to the largest finite magnitude. */
    static int toBf16(float v) {
        int bits = Float.floatToRawIntBits(v);
        int rounded = (bits + 0x7FFF + ((bits >>> 16) & 1)) >>> 16;
        int sign = rounded & 0x8000;
        return (rounded & 0x7FFF) > MAX_FINITE ? sign | MAX_FINITE : rounded & 0xFFFF;
    }

    @Override
    public void encode(float[] values, BitWriter out) {
        for (float v : values) {
            out.writeBits(toBf16(v), 16);
        }
    }

    @Override
    public void decode(BitReader in, float[] out) {
        for (int i = 0; i < out.length; i++) {
            int h = in.readBits(16);
            if ((h & 0x7F80) == 0x7F80) {
                throw new MalformedMessageException("bf16 value " + i + " is not finite (bits 0x" + Integer.toHexString(h) + ")");
            }
            out[i] = Float.intBitsToFloat(h << 16);
        }
    }

    @Override
    public double errorBound(float[] values) {
        double max = 0;
        for (float v : values) {
            max = Math.max(max, Math.abs(v));
        }
        return max * 0x1p-8 + 0x1p-134;
    }
}
