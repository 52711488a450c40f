package org.fedwan.compression.linalg;

/**
 * Truncated higher-order SVD (HOSVD; De Lathauwer et al. 2000), the Tucker decomposition of seed
 * 004 eq. 9 and 21: {@code X ~ G x_1 U_1 x_2 U_2 ... x_N U_N} with {@code U_n} the leading
 * {@code r_n} left singular vectors of the mode-n unfolding and {@code G = X x_1 U_1^T ... x_N U_N^T}.
 * The reference code of seed 004 refines this start with HOOI iterations (tensorly's
 * {@code tucker}); we stop at HOSVD, which is within a factor {@code sqrt(N)} of the best
 * approximation error. Tensors are row-major with the given dimensions.
 *
 * @param dims    dimensions of the approximated tensor
 * @param ranks   reduced rank per mode
 * @param core    core tensor, dimensions {@code ranks}, row-major
 * @param factors factor {@code n} is {@code dims[n] x ranks[n]}, row-major
 */
public record Tucker(int[] dims, int[] ranks, double[] core, double[][] factors) {

    /** Decomposes {@code x} of dimensions {@code dims} to {@code ranks} ({@code 1 <= ranks[n] <= dims[n]}). */
    public static Tucker of(double[] x, int[] dims, int[] ranks) {
        int order = dims.length;
        if (ranks.length != order) {
            throw new IllegalArgumentException("need one rank per mode");
        }
        double[][] factors = new double[order][];
        for (int mode = 0; mode < order; mode++) {
            if (ranks[mode] < 1 || ranks[mode] > dims[mode]) {
                throw new IllegalArgumentException("rank " + ranks[mode] + " of mode " + mode + " must be in [1, " + dims[mode] + "]");
            }
            double[] g = gram(x, dims, mode);
            int d = dims[mode];
            SymmetricEigen e = SymmetricEigen.of(g, d);
            double[] f = new double[d * ranks[mode]];
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < ranks[mode]; j++) {
                    f[i * ranks[mode] + j] = e.vector(i, j);
                }
            }
            factors[mode] = f;
        }
        double[] core = x;
        int[] cur = dims.clone();
        for (int mode = 0; mode < order; mode++) {
            core = modeProduct(core, cur, mode, transpose(factors[mode], dims[mode], ranks[mode]), ranks[mode]);
            cur[mode] = ranks[mode];
        }
        return new Tucker(dims.clone(), ranks.clone(), core, factors);
    }

    /** {@code core x_1 U_1 ... x_N U_N}. */
    public static double[] reconstruct(double[] core, int[] ranks, double[][] factors, int[] dims) {
        double[] y = core;
        int[] cur = ranks.clone();
        for (int mode = 0; mode < dims.length; mode++) {
            y = modeProduct(y, cur, mode, factors[mode], dims[mode]);
            cur[mode] = dims[mode];
        }
        return y;
    }

    /** Gram matrix {@code X_(n) X_(n)^T} of the mode-n unfolding ({@code dims[n]} square). */
    static double[] gram(double[] x, int[] dims, int mode) {
        int d = dims[mode];
        int outer = 1;
        for (int i = 0; i < mode; i++) {
            outer *= dims[i];
        }
        int inner = 1;
        for (int i = mode + 1; i < dims.length; i++) {
            inner *= dims[i];
        }
        double[] g = new double[d * d];
        for (int o = 0; o < outer; o++) {
            int base = o * d * inner;
            for (int a = 0; a < d; a++) {
                for (int b = a; b < d; b++) {
                    double acc = 0;
                    int ia = base + a * inner;
                    int ib = base + b * inner;
                    for (int t = 0; t < inner; t++) {
                        acc += x[ia + t] * x[ib + t];
                    }
                    g[a * d + b] += acc;
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < a; b++) {
                g[a * d + b] = g[b * d + a];
            }
        }
        return g;
    }

    /**
     * Mode-n product {@code Y = X x_n M} with {@code M} of {@code rows x dims[mode]} (row-major):
     * {@code Y[.., j, ..] = sum_a M[j][a] X[.., a, ..]}.
     */
    public static double[] modeProduct(double[] x, int[] dims, int mode, double[] m, int rows) {
        int d = dims[mode];
        int outer = 1;
        for (int i = 0; i < mode; i++) {
            outer *= dims[i];
        }
        int inner = 1;
        for (int i = mode + 1; i < dims.length; i++) {
            inner *= dims[i];
        }
        double[] y = new double[outer * rows * inner];
        for (int o = 0; o < outer; o++) {
            for (int j = 0; j < rows; j++) {
                int yo = (o * rows + j) * inner;
                for (int a = 0; a < d; a++) {
                    double mja = m[j * d + a];
                    if (mja == 0) {
                        continue;
                    }
                    int xo = (o * d + a) * inner;
                    for (int t = 0; t < inner; t++) {
                        y[yo + t] += mja * x[xo + t];
                    }
                }
            }
        }
        return y;
    }

    static double[] transpose(double[] a, int rows, int cols) {
        double[] t = new double[a.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j * rows + i] = a[i * cols + j];
            }
        }
        return t;
    }
}
