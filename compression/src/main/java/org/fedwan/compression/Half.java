package org.fedwan.compression;

/**
 * IEEE 754 binary16 conversions (Java 17 has no {@code Float.floatToFloat16}). Rounding is to
 * nearest, ties to even, including subnormals.
 */
public final class Half {

    /** Largest finite half: 65504. */
    public static final float MAX_VALUE = 65504f;

    private Half() {
    }

    /**
     * The half nearest to {@code f}; finite values beyond the half range saturate to +-65504.
     *
     * @throws IllegalArgumentException for NaN or infinite input
     */
    public static short fromFloat(float f) {
        int bits = Float.floatToRawIntBits(f);
        int sign = (bits >>> 16) & 0x8000;
        int val = bits & 0x7FFF_FFFF;
        if (val >= 0x7F80_0000) {
            throw new IllegalArgumentException("fp16 needs finite values, got " + f);
        }
        if (val >= 0x477F_F000) { // >= 65520 would round to infinity: saturate
            return (short) (sign | 0x7BFF);
        }
        if (val < 0x3880_0000) { // below 2^-14: subnormal half or zero
            if (val < 0x3300_0000) { // below 2^-25 (2^-25 itself ties to even zero... handled below)
                return (short) sign;
            }
            int exp = val >>> 23;
            int mant = (val & 0x7F_FFFF) | 0x80_0000;
            int shift = 126 - exp;
            int h = mant >>> shift;
            int rem = mant & ((1 << shift) - 1);
            int halfway = 1 << (shift - 1);
            if (rem > halfway || (rem == halfway && (h & 1) != 0)) {
                h++;
            }
            return (short) (sign | h);
        }
        int h = (((val >>> 23) - 112) << 10) | ((val & 0x7F_FFFF) >>> 13);
        int rem = val & 0x1FFF;
        if (rem > 0x1000 || (rem == 0x1000 && (h & 1) != 0)) {
            h++;
        }
        return (short) (sign | h);
    }

    /** The float value of half bits {@code h} (low 16 bits); NaN and infinities map to themselves. */
    public static float toFloat(int h) {
        int sign = (h & 0x8000) << 16;
        int exp = (h >>> 10) & 0x1F;
        int mant = h & 0x3FF;
        if (exp == 0) {
            float v = mant * 0x1p-24f;
            return sign != 0 ? -v : v;
        }
        if (exp == 31) {
            return Float.intBitsToFloat(sign | 0x7F80_0000 | (mant << 13));
        }
        return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
    }

    /** Whether half bits {@code h} encode a finite value. */
    public static boolean isFinite(int h) {
        return ((h >>> 10) & 0x1F) != 31;
    }

    /** The largest half not above {@code f} (finite, within the half range), as half bits. */
    public static short roundDown(float f) {
        short h = fromFloat(f);
        return toFloat(h) > f ? step(h, -1) : h;
    }

    /** The smallest half not below {@code f} (finite, within the half range), as half bits. */
    public static short roundUp(float f) {
        short h = fromFloat(f);
        return toFloat(h) < f ? step(h, +1) : h;
    }

    /** The next half toward +infinity (direction +1) or -infinity (-1). */
    private static short step(short h, int direction) {
        int x = h & 0xFFFF;
        boolean negative = (x & 0x8000) != 0;
        int mag = x & 0x7FFF;
        if (mag == 0) {
            return (short) (direction > 0 ? 0x0001 : 0x8001);
        }
        boolean away = negative ? direction < 0 : direction > 0;
        int m = away ? Math.min(mag + 1, 0x7BFF) : mag - 1;
        return (short) ((negative ? 0x8000 : 0) | m);
    }
}
