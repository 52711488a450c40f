package org.fedwan.compression;

import java.util.Locale;
import java.util.Arrays;
import java.util.List;

/**
 * Top-k sparsification, the common comparator of the seeds (seed 000 section II-A): the k values
 * of largest magnitude are sent as 32-bit floats with their positions, all others decode to 0.
 * {@code k = ceil(fraction n)}, at least 1 and at most n. Ties at the threshold go to the lower
 * index.
 *
 * <p>Index coding: {@code fixed} sends the k indices in ascending order with
 * {@code ceil(log2 n)} bits each; {@code bitmap} sends one bit per value. Side bits are filed as
 * {@link SideKind#INDEX}. Error: every value not sent is at most the k-th largest magnitude.
 */
public final class TopKCodec implements LayerCodec {

    public static final String NAME = "topk";

    /** How positions are coded. */
    public enum IndexCoding { FIXED, BITMAP }

    private final double fraction;
    private final IndexCoding indexCoding;

    public TopKCodec(double fraction, IndexCoding indexCoding) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("top-k fraction must be in (0, 1], got " + fraction);
        }
        this.fraction = fraction;
        this.indexCoding = indexCoding;
    }

    /** From options {@code fraction} (default 0.01) and {@code index} (fixed | bitmap). */
    public static TopKCodec fromOptions(CodecOptions o) {
        double f = o.number("fraction", 0.01, 0, false, 1, true);
        String idx = o.choice("index", "fixed", List.of("fixed", "bitmap"));
        return new TopKCodec(f, IndexCoding.valueOf(idx.toUpperCase(Locale.ROOT)));
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Values sent for a layer of {@code n} values. */
    public int k(int n) {
        if (n == 0) {
            return 0;
        }
        long k = (long) Math.ceil(fraction * n - 1e-9);
        return (int) Math.max(1, Math.min(n, k));
    }

    static int indexWidth(int n) {
        return n <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(n - 1);
    }

    @Override
    public BitCount bits(int valueCount) {
        return breakdown(valueCount).toBitCount();
    }

    @Override
    public BitBreakdown breakdown(int n) {
        int k = k(n);
        long index = indexCoding == IndexCoding.FIXED ? (long) k * indexWidth(n) : n;
        return BitBreakdown.payload(32L * k).plusSide(SideKind.INDEX, index);
    }

    @Override
    public void encode(float[] values, BitWriter out) {
        int n = values.length;
        int k = k(n);
        if (k == 0) {
            return;
        }
        float t = threshold(values, k);
        // positions: all |x| > t, then |x| == t in index order until k
        int above = 0;
        for (float v : values) {
            if (Math.abs(v) > t) {
                above++;
            }
        }
        int tiesLeft = k - above;
        boolean[] chosen = new boolean[n];
        for (int i = 0; i < n; i++) {
            float a = Math.abs(values[i]);
            if (a > t || (a == t && tiesLeft-- > 0)) {
                chosen[i] = true;
            }
        }
        if (indexCoding == IndexCoding.FIXED) {
            int w = indexWidth(n);
            for (int i = 0; i < n; i++) {
                if (chosen[i] && w > 0) {
                    out.writeBits(i, w);
                }
            }
        } else {
            for (int i = 0; i < n; i++) {
                out.writeBits(chosen[i] ? 1 : 0, 1);
            }
        }
        for (int i = 0; i < n; i++) {
            if (chosen[i]) {
                out.writeFloat(values[i]);
            }
        }
    }

    @Override
    public void decode(BitReader in, float[] out) {
        int n = out.length;
        int k = k(n);
        Arrays.fill(out, 0f);
        if (k == 0) {
            return;
        }
        int[] idx = new int[k];
        if (indexCoding == IndexCoding.FIXED) {
            int w = indexWidth(n);
            int prev = -1;
            for (int j = 0; j < k; j++) {
                idx[j] = w == 0 ? 0 : in.readBits(w);
                if (idx[j] <= prev || idx[j] >= n) {
                    throw new MalformedMessageException("top-k index " + idx[j] + " at position " + j
                            + " is not ascending within [0, " + n + ")");
                }
                prev = idx[j];
            }
        } else {
            int j = 0;
            for (int i = 0; i < n; i++) {
                if (in.readBits(1) == 1) {
                    if (j == k) {
                        throw new MalformedMessageException("top-k bitmap marks more than k = " + k + " positions");
                    }
                    idx[j++] = i;
                }
            }
            if (j != k) {
                throw new MalformedMessageException("top-k bitmap marks " + j + " positions, expected k = " + k);
            }
        }
        for (int j = 0; j < k; j++) {
            float v = in.readFloat();
            if (!Float.isFinite(v)) {
                throw new MalformedMessageException("top-k value " + j + " is not finite: " + v);
            }
            out[idx[j]] = v;
        }
    }

    @Override
    public double errorBound(float[] values) {
        int k = k(values.length);
        return k == 0 || k == values.length ? 0 : threshold(values, k);
    }

    /** The k-th largest magnitude (quickselect on a copy). */
    static float threshold(float[] values, int k) {
        float[] a = new float[values.length];
        for (int i = 0; i < a.length; i++) {
            float v = Math.abs(values[i]);
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException("top-k needs finite values, got " + values[i]);
            }
            a[i] = v;
        }
        int target = a.length - k; // k-th largest = (n-k)-th smallest, 0-based
        int lo = 0;
        int hi = a.length - 1;
        long seed = 0x9E3779B97F4A7C15L;
        while (lo < hi) {
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            int p = lo + (int) Long.remainderUnsigned(seed >>> 1, hi - lo + 1);
            float pivot = a[p];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    float tmp = a[i];
                    a[i] = a[j];
                    a[j] = tmp;
                    i++;
                    j--;
                }
            }
            if (target <= j) {
                hi = j;
            } else if (target >= i) {
                lo = i;
            } else {
                return a[target];
            }
        }
        return a[target];
    }
}
