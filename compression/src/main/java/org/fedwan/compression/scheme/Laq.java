package org.fedwan.compression.scheme;

import org.fedwan.compression.BitReader;
import org.fedwan.compression.BitWriter;
import org.fedwan.compression.MalformedMessageException;

/**
 * LAQ quantization of an innovation (Sun et al., TPAMI 2020; seed 004 eq. 14-18, seed 003 eq. 16):
 * the new value {@code x} is projected on a grid of {@code 2^b} points centred at the previous
 * quantized value {@code Q} with radius {@code R = ||x - Q||_inf}:
 * {@code q = floor((x - Q + R) / (2 tau R) + 1/2)}, {@code tau = 1 / (2^b - 1)}, an integer in
 * {@code [0, 2^b - 1]} (eq. 15); the receiver rebuilds {@code Q' = Q + 2 tau R q - R} (eq. 16-17).
 * The error is at most half an interval, {@code tau R} (eq. 18). Cost: b bits per element plus
 * R as a 32-bit float. Both ends compute {@link #reconstruct} with the same float arithmetic, so
 * their copies of {@code Q} stay bit-identical.
 *
 * <p>Seed 003's eq. 16 writes the granularity as {@code 2^(-b+1)}, which would need b + 1 bits
 * for its own stated range {@code [0, 2^b - 1]}; we use LAQ's {@code 2 tau}.
 */
final class Laq {

    private Laq() {
    }

    /** Encodes {@code x} against {@code prev} (same length) and updates {@code prev} to the new Q. */
    static void encode(float[] x, int xOffset, float[] prev, int bits, BitWriter out) {
        int n = prev.length;
        double r = 0;
        for (int i = 0; i < n; i++) {
            float v = x[xOffset + i];
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException("LAQ needs finite values, got " + v);
            }
            r = Math.max(r, Math.abs((double) v - prev[i]));
        }
        float radius = (float) r;
        if (radius < r) {
            radius = Math.nextUp(radius);
        }
        out.writeFloat(radius);
        int top = (1 << bits) - 1;
        for (int i = 0; i < n; i++) {
            int q = 0;
            if (radius > 0) {
                q = (int) Math.floor(((double) x[xOffset + i] - prev[i] + radius) / (2.0 * radius / top) + 0.5);
                q = Math.max(0, Math.min(top, q));
            }
            out.writeBits(q, bits);
            prev[i] = reconstruct(prev[i], q, radius, top);
        }
    }

    /** Encodes a double-valued component (factor matrices) against {@code prev}; updates prev. */
    static void encode(double[] x, float[] prev, int bits, BitWriter out) {
        float[] f = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            f[i] = (float) x[i];
        }
        encode(f, 0, prev, bits, out);
    }

    /**
     * Decodes into {@code next} from {@code prev} (both of the component's length).
     *
     * @throws MalformedMessageException if the radius is not finite and non-negative, or a value
     *                                   would overflow the float range
     */
    static void decode(BitReader in, float[] prev, float[] next, int bits) {
        float radius = in.readFloat();
        if (!Float.isFinite(radius) || radius < 0) {
            throw new MalformedMessageException("LAQ radius " + radius + " is invalid");
        }
        int top = (1 << bits) - 1;
        for (int i = 0; i < prev.length; i++) {
            int q = in.readBits(bits);
            next[i] = radius == 0 ? prev[i] : reconstruct(prev[i], q, radius, top);
            if (!Float.isFinite(next[i])) {
                throw new MalformedMessageException("LAQ element " + i + ": previous value " + prev[i] + " plus innovation (radius "
                        + radius + ", level " + q + ") is beyond the float range");
            }
        }
    }

    static float reconstruct(float prev, int q, float radius, int top) {
        return (float) (prev + (2.0 * radius / top * q - radius));
    }

    /** Bits of one component of {@code n} elements: b per element plus the 32-bit radius. */
    static long payloadBits(int n, int bits) {
        return (long) n * bits;
    }
}
