package org.fedwan.compression.scheme;

import java.util.Arrays;
import org.fedwan.compression.BitReader;
import org.fedwan.compression.BitWriter;
import org.fedwan.compression.Half;
import org.fedwan.compression.MalformedMessageException;

/**
 * A per-layer bucket codebook of seed 001 (QuantFL) section IV: ordered boundaries
 * {@code B_0 <= B_1 <= ... <= B_K} partition the range into K buckets; a value becomes the index
 * of its bucket ({@code ceil(log2 K)} bits) and decodes to the bucket mid-point (eq. 7).
 * Bucket-uniform (BU, eq. 8) boundaries are equally spaced, so only {@code B_0} and {@code B_K}
 * travel; bucket-quantile (BQ) boundaries are empirical quantiles and all {@code K + 1} travel.
 * Boundaries travel with {@code boundaryBits} = 16 (half) or 32 (float) bits each; the sender uses
 * the rounded boundaries itself (endpoints rounded outward) so both ends agree bit for bit.
 */
final class Codebook {

    private final boolean uniform;
    private final int levels;
    private final float[] boundaries; // K + 1 for BQ; {lo, hi} for BU

    private Codebook(boolean uniform, int levels, float[] boundaries) {
        this.uniform = uniform;
        this.levels = levels;
        this.boundaries = boundaries;
    }

    /** Boundaries that travel for a codebook of {@code levels} buckets. */
    static int transmittedBoundaries(boolean uniform, int levels) {
        return uniform ? 2 : levels + 1;
    }

    /** BU over the range of {@code values}. */
    static Codebook uniform(float[] values, int levels, int boundaryBits) {
        float lo = 0;
        float hi = 0;
        if (values.length > 0) {
            lo = Float.POSITIVE_INFINITY;
            hi = Float.NEGATIVE_INFINITY;
            for (float v : values) {
                if (!Float.isFinite(v)) {
                    throw new IllegalArgumentException("bucket quantization needs finite values, got " + v);
                }
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return new Codebook(true, levels, new float[] {down(lo, boundaryBits), up(hi, boundaryBits)});
    }

    /** BQ: {@code B_j} = the empirical {@code j/K} quantile of {@code values}, endpoints min and max. */
    static Codebook quantile(float[] values, int levels, int boundaryBits) {
        float[] sorted = values.clone();
        for (float v : sorted) {
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException("bucket quantization needs finite values, got " + v);
            }
        }
        Arrays.sort(sorted);
        float[] b = new float[levels + 1];
        int n = sorted.length;
        for (int j = 0; j <= levels; j++) {
            float q = n == 0 ? 0f : sorted[(int) Math.min(n - 1, (long) j * (n - 1) / levels)];
            b[j] = j == 0 ? down(q, boundaryBits) : j == levels ? up(q, boundaryBits) : near(q, boundaryBits);
        }
        for (int j = 1; j <= levels; j++) {
            b[j] = Math.max(b[j], b[j - 1]); // rounding is monotone; keep the order exact anyway
        }
        return new Codebook(false, levels, b);
    }

    private static float down(float v, int boundaryBits) {
        return boundaryBits == 32 ? v : Half.toFloat(Half.roundDown(clampHalf(v)));
    }

    private static float up(float v, int boundaryBits) {
        return boundaryBits == 32 ? v : Half.toFloat(Half.roundUp(clampHalf(v)));
    }

    private static float near(float v, int boundaryBits) {
        return boundaryBits == 32 ? v : Half.toFloat(Half.fromFloat(v));
    }

    private static float clampHalf(float v) {
        if (Math.abs(v) > Half.MAX_VALUE) {
            throw new IllegalArgumentException("value " + v + " is beyond the range of 16-bit boundaries (+-65504)");
        }
        return v;
    }

    void write(BitWriter out, int boundaryBits) {
        for (float b : boundaries) {
            if (boundaryBits == 32) {
                out.writeFloat(b);
            } else {
                out.writeBits(Half.fromFloat(b) & 0xFFFF, 16);
            }
        }
    }

    static Codebook read(BitReader in, boolean uniform, int levels, int boundaryBits) {
        float[] b = new float[transmittedBoundaries(uniform, levels)];
        for (int j = 0; j < b.length; j++) {
            b[j] = boundaryBits == 32 ? in.readFloat() : Half.toFloat(in.readBits(16));
            if (!Float.isFinite(b[j]) || (j > 0 && b[j] < b[j - 1])) {
                throw new MalformedMessageException("codebook boundary " + j + " = " + b[j] + " is not finite or not ordered");
            }
        }
        return new Codebook(uniform, levels, b);
    }

    int levels() {
        return levels;
    }

    float lower(int i) {
        return uniform ? (float) (boundaries[0] + (double) i * (boundaries[1] - boundaries[0]) / levels) : boundaries[i];
    }

    float upper(int i) {
        return i == levels - 1 ? (uniform ? boundaries[1] : boundaries[levels]) : lower(i + 1);
    }

    /** Bucket of {@code x}; values outside the range go to the first or last bucket. */
    int index(float x) {
        if (uniform) {
            float lo = boundaries[0];
            float width = boundaries[1] - lo;
            if (width <= 0) {
                return 0;
            }
            int i = (int) Math.floor((x - (double) lo) / width * levels);
            return Math.max(0, Math.min(levels - 1, i));
        }
        // largest i with B_i <= x among internal boundaries B_1..B_{K-1}
        int lo = 1;
        int hi = levels - 1;
        int found = 0;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (boundaries[mid] <= x) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /** Mid-point of bucket {@code i} (eq. 7). */
    float midpoint(int i) {
        if (uniform) {
            double lo = boundaries[0];
            return (float) (lo + (i + 0.5) * (boundaries[1] - lo) / levels);
        }
        return (float) (((double) boundaries[i] + boundaries[i + 1]) / 2);
    }

    boolean covers(float x) {
        return x >= boundaries[0] && x <= boundaries[boundaries.length - 1];
    }
}
