package org.fedwan.compression;

/**
 * Uniform affine int8 quantization with one scale and zero point per layer (seed 000, XFL-Q,
 * eq. 3-5 and 8): {@code s = (max - min) / 255}, {@code z = min + 128 s},
 * {@code q = round((x - z) / s)} clamped to [-128, 127], decoded as {@code x' = s q + z}.
 * The round-trip error is at most {@code s / 2} per value (plus float rounding).
 *
 * <p>Side information: the scale and the zero point as two 32-bit floats per layer (the
 * "8 bytes per layer" of seed 000 section III-C).
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
    public void encode(float[] values, BitWriter out) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException("int8 quantization needs finite values, got " + v);
            }
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (values.length == 0) {
            min = 0;
            max = 0;
        }
        float scale = scale(min, max);
        float zeroPoint = min + 128f * scale;
        out.writeFloat(scale);
        out.writeFloat(zeroPoint);
        for (float v : values) {
            out.writeByte(quantize(v, scale, zeroPoint));
        }
    }

    @Override
    public void decode(BitReader in, float[] out) {
        float scale = in.readFloat();
        float zeroPoint = in.readFloat();
        if (!Float.isFinite(scale) || scale < 0 || !Float.isFinite(zeroPoint)) {
            throw new MalformedMessageException("int8 layer has invalid scale " + scale + " or zero point " + zeroPoint);
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = scale * (byte) in.readByte() + zeroPoint;
        }
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
