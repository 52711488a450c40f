package org.fedwan.compression;

/**
 * Half precision: each value as an IEEE 754 binary16 (16 bits), rounded to nearest even, no side
 * information. Values beyond +-65504 saturate. Error: at most half a unit in the last place of the
 * half, i.e. {@code |x| 2^-11} for normal halves and {@code 2^-25} for subnormal ones.
 */
public final class Fp16Codec implements LayerCodec {

    public static final String NAME = "fp16";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public BitCount bits(int valueCount) {
        return new BitCount(16L * valueCount, 0);
    }

    @Override
    public void encode(float[] values, BitWriter out) {
        if (out.isByteAligned()) {
            byte[] b = out.array();
            int o = out.reserveAlignedBytes(2 * values.length);
            for (float v : values) {
                short h = Half.fromFloat(v);
                b[o++] = (byte) (h >>> 8);
                b[o++] = (byte) h;
            }
            return;
        }
        for (float v : values) {
            out.writeBits(Half.fromFloat(v) & 0xFFFF, 16);
        }
    }

    @Override
    public void decode(BitReader in, float[] out) {
        boolean aligned = in.isByteAligned();
        byte[] b = in.array();
        int o = aligned ? in.consumeAlignedBytes(2 * out.length) : 0;
        for (int i = 0; i < out.length; i++) {
            int h;
            if (aligned) {
                h = ((b[o] & 0xFF) << 8) | (b[o + 1] & 0xFF);
                o += 2;
            } else {
                h = in.readBits(16);
            }
            if (!Half.isFinite(h)) {
                throw new MalformedMessageException("fp16 value " + i + " is not finite (bits 0x" + Integer.toHexString(h) + ")");
            }
            out[i] = Half.toFloat(h);
        }
    }

    @Override
    public double errorBound(float[] values) {
        double max = 0;
        for (float v : values) {
            if (Math.abs(v) > Half.MAX_VALUE) {
                return Double.NaN;
            }
            max = Math.max(max, Math.abs(v));
        }
        return max * 0x1p-11 + 0x1p-25;
    }
}
