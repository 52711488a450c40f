package org.fedwan.compression;

/**
 * Uniform affine int8 quantization with one scale and zero point per layer (seed 000, XFL-Q,
 * eq. 3-5 and 8): {@code s = (max - min) / 255}, {@code z = min + 128 s},
 * {@code q = round((x - z) / s)} clamped to [-128, 127], decoded as {@code x' = s q + z}.
 * The round-trip error is at most {@code s / 2} per value (plus float rounding).
 *
 * <p>Side information: the scale and the zero point as two 32-bit floats per layer (the
 * "8 bytes per layer" of seed 000 section III-C). Payload: one two's-complement byte per value.
 */
public final class Int8AffineCodec implements LayerCodec {

    public static final String NAME = "int8";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public BitCount bits(int valueCount) {
        return new BitCount(8L * valueCount, 64);
    }

    @Override
    public BitBreakdown breakdown(int valueCount) {
        return BitBreakdown.payload(8L * valueCount).plusSide(SideKind.SCALE, 32).plusSide(SideKind.ZERO_POINT, 32);
    }

    @Override
    public void encode(float[] values, BitWriter out) {
        float[] range = AffineRange.of(values, NAME);
        float min = range[0];
        float scale = scale(min, range[1]);
        float zeroPoint = min + 128f * scale;
        out.writeFloat(scale);
        out.writeFloat(zeroPoint);
        if (!out.isByteAligned()) {
            for (float v : values) {
                out.writeByte(quantize(v, scale, zeroPoint));
            }
            return;
        }
        byte[] b = out.array();
        int o = out.reserveAlignedBytes(values.length);
        if (scale == 0f) {
            return; // q = 0 everywhere: the reserved bytes are already zero
        }
        // q = round((x - z) / s) = round((x - min) / s) - 128, with (x - min) / s in [0, 255]
        float inv = 1f / scale;
        for (int i = 0; i < values.length; i++) {
            int u = (int) ((values[i] - min) * inv + 0.5f);
            b[o + i] = (byte) (Math.min(u, 255) - 128);
        }
    }

    @Override
    public void decode(BitReader in, float[] out) {
        float scale = in.readFloat();
        float zeroPoint = in.readFloat();
        AffineRange.check(scale, zeroPoint, Byte.MIN_VALUE, Byte.MAX_VALUE, NAME);
        if (in.isByteAligned()) {
            byte[] b = in.array();
            int o = in.consumeAlignedBytes(out.length);
            for (int i = 0; i < out.length; i++) {
                out[i] = scale * b[o + i] + zeroPoint;
            }
            return;
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = scale * (byte) in.readByte() + zeroPoint;
        }
    }

    @Override
    public double errorBound(float[] values) {
        float[] r = AffineRange.of(values, NAME);
        return AffineRange.bound(r, scale(r[0], r[1]));
    }

    /** Scale of eq. 4; a constant layer (max == min) gets scale 0 and decodes exactly to min. */
    static float scale(float min, float max) {
        return (max - min) / 255f;
    }

    /** Eq. 3 with clamping to the int8 range; scale 0 maps everything to q = 0 (x' = z = min). */
    static int quantize(float value, float scale, float zeroPoint) {
        if (scale == 0f) {
            return 0;
        }
        long q = Math.round((double) (value - zeroPoint) / scale);
        return (int) Math.max(-128, Math.min(127, q));
    }
}
