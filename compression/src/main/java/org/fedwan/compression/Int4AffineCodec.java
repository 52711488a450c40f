package org.fedwan.compression;

/**
 * Uniform affine int4 quantization with one scale and zero point per layer (seed 000, XFL-Q,
 * eq. 6-7): {@code s = (max - min) / 15}, {@code z = min + 8 s}, {@code q = round((x - z) / s)}
 * clamped to [-8, 7], decoded as {@code x' = s q + z}; error at most {@code s / 2} per value.
 *
 * <p>Payload: two's-complement nibbles packed two per byte, the first value in the high nibble;
 * an odd count leaves a half byte for whatever follows. Side information: scale and zero point
 * as two 32-bit floats per layer.
 */
public final class Int4AffineCodec implements LayerCodec {

    public static final String NAME = "int4";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public BitCount bits(int valueCount) {
        return new BitCount(4L * valueCount, 64);
    }

    @Override
    public BitBreakdown breakdown(int valueCount) {
        return BitBreakdown.payload(4L * valueCount).plusSide(SideKind.SCALE, 32).plusSide(SideKind.ZERO_POINT, 32);
    }

    @Override
    public void encode(float[] values, BitWriter out) {
        float[] range = AffineRange.of(values, NAME);
        float min = range[0];
        float scale = (range[1] - min) / 15f;
        float zeroPoint = min + 8f * scale;
        out.writeFloat(scale);
        out.writeFloat(zeroPoint);
        float inv = scale == 0f ? 0f : 1f / scale;
        int n = values.length;
        int i = 0;
        if (out.isByteAligned()) {
            byte[] b = out.array();
            int o = out.reserveAlignedBytes(n / 2);
            for (; i + 1 < n; i += 2) {
                int hi = nibble(values[i], min, inv);
                int lo = nibble(values[i + 1], min, inv);
                b[o++] = (byte) ((hi << 4) | lo);
            }
        }
        for (; i < n; i++) {
            out.writeBits(nibble(values[i], min, inv), 4);
        }
    }

    /** Two's-complement nibble of q = round((x - min) / s) - 8. */
    private static int nibble(float v, float min, float inv) {
        int u = Math.min((int) ((v - min) * inv + 0.5f), 15);
        return (u - 8) & 0xF;
    }

    @Override
    public void decode(BitReader in, float[] out) {
        float scale = in.readFloat();
        float zeroPoint = in.readFloat();
        AffineRange.check(scale, zeroPoint, -8, 7, NAME); // two's-complement nibbles
        int n = out.length;
        int i = 0;
        if (in.isByteAligned()) {
            byte[] b = in.array();
            int o = in.consumeAlignedBytes(n / 2);
            for (; i + 1 < n; i += 2) {
                int x = b[o++];
                out[i] = scale * (x >> 4) + zeroPoint; // arithmetic shift sign-extends the high nibble
                out[i + 1] = scale * ((x << 28) >> 28) + zeroPoint;
            }
        }
        for (; i < n; i++) {
            out[i] = scale * ((in.readBits(4) << 28) >> 28) + zeroPoint;
        }
    }

    @Override
    public double errorBound(float[] values) {
        float[] r = AffineRange.of(values, NAME);
        return AffineRange.bound(r, (r[1] - r[0]) / 15f);
    }
}
