package org.fedwan.compression;

/**
 * Scaled binary (sign) compression of seed 003 (FLQ) eq. 15, with the scale of eq. 8: each value
 * becomes its sign (one bit, 1 = negative) and the layer sends one 32-bit scale, the mean
 * absolute value {@code ||x||_1 / n}, so the decoded layer {@code scale * sign(x)} keeps the L1
 * norm of the input. The sign is the float sign bit (-0.0 encodes as negative). Side bits: {@link SideKind#NORM}.
 *
 * <p>Payload bits are packed eight to a byte, the first value in the most significant bit.
 */
public final class ScaledSignCodec implements LayerCodec {

    public static final String NAME = "sign";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public BitCount bits(int valueCount) {
        return new BitCount(valueCount, 32);
    }

    @Override
    public BitBreakdown breakdown(int valueCount) {
        return BitBreakdown.payload(valueCount).plusSide(SideKind.NORM, 32);
    }

    @Override
    public void encode(float[] values, BitWriter out) {
        int n = values.length;
        double sum = 0;
        float probe = 0f;
        for (float v : values) {
            sum += Math.abs(v);
            probe += v * 0f;
        }
        if (probe != 0f || Float.isNaN(probe)) {
            throw new IllegalArgumentException("sign compression needs finite values");
        }
        out.writeFloat(n == 0 ? 0f : (float) (sum / n));
        int i = 0;
        if (out.isByteAligned()) {
            byte[] b = out.array();
            int o = out.reserveAlignedBytes(n / 8);
            for (; i + 7 < n; i += 8) {
                int x = 0;
                for (int j = 0; j < 8; j++) {
                    x = (x << 1) | (Float.floatToRawIntBits(values[i + j]) >>> 31);
                }
                b[o++] = (byte) x;
            }
        }
        for (; i < n; i++) {
            out.writeBits(Float.floatToRawIntBits(values[i]) >>> 31, 1);
        }
    }

    @Override
    public void decode(BitReader in, float[] out) {
        float scale = in.readFloat();
        if (!Float.isFinite(scale) || Float.floatToRawIntBits(scale) < 0) {
            throw new MalformedMessageException("sign layer has invalid scale " + scale);
        }
        int n = out.length;
        int i = 0;
        int scaleBits = Float.floatToRawIntBits(scale); // sign bit 0: the payload bit becomes the float's sign bit
        if (in.isByteAligned()) {
            byte[] b = in.array();
            int o = in.consumeAlignedBytes(n / 8);
            for (; i + 7 < n; i += 8) {
                int x = b[o++] & 0xFF;
                for (int j = 0; j < 8; j++) {
                    out[i + j] = Float.intBitsToFloat(scaleBits | (((x >>> (7 - j)) & 1) << 31));
                }
            }
        }
        for (; i < n; i++) {
            out[i] = Float.intBitsToFloat(scaleBits | (in.readBits(1) << 31));
        }
    }
}
