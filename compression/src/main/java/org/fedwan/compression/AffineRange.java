package org.fedwan.compression;

/** Shared range arithmetic of the affine int8 and int4 codecs (seed 000 eq. 3-7). */
final class AffineRange {

    private AffineRange() {
    }

    /** {min, max} of finite values ({0, 0} for none). */
    static float[] of(float[] values, String codec) {
        if (values.length == 0) {
            return new float[] {0, 0};
        }
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        float probe = 0f; // stays 0 unless some value is NaN or infinite (x * 0 is NaN for those)
        for (float v : values) {
            min = v < min ? v : min;
            max = v > max ? v : max;
            probe += v * 0f;
        }
        if (probe != 0f || Float.isNaN(probe)) {
            for (float v : values) {
                if (!Float.isFinite(v)) {
                    throw new IllegalArgumentException(codec + " quantization needs finite values, got " + v);
                }
            }
        }
        return new float[] {min, max};
    }

    /**
     * Checks a received scale and zero point: both finite, the scale not negative, and every value
     * they decode to, {@code s q + z} in float arithmetic for q in [{@code qMin}, {@code qMax}],
     * finite. Float multiplication and addition round monotonically, so the two ends bound all.
     *
     * @throws MalformedMessageException naming the fields
     */
    static void check(float scale, float zeroPoint, int qMin, int qMax, String codec) {
        if (!Float.isFinite(scale) || scale < 0 || !Float.isFinite(zeroPoint)) {
            throw new MalformedMessageException(codec + " layer has invalid scale " + scale + " or zero point " + zeroPoint);
        }
        float lowest = scale * qMin + zeroPoint;
        float highest = scale * qMax + zeroPoint;
        if (!Float.isFinite(lowest) || !Float.isFinite(highest)) {
            throw new MalformedMessageException(codec + " layer's scale " + scale + " and zero point " + zeroPoint
                    + " decode to values beyond the float range [" + lowest + ", " + highest + "]");
        }
    }

    /** Half a step plus the float rounding of {@code s q + z}. */
    static double bound(float[] range, float scale) {
        double mag = Math.max(Math.abs(range[0]), Math.abs(range[1]));
        return scale / 2.0 * (1 + 1e-4) + 4 * Math.ulp((float) mag);
    }
}
