package org.fedwan.compression.linalg;

/**
 * Rank-k truncated SVD {@code A ~ U diag(s) V^T} of an {@code m x n} matrix (seed 004 eq. 6, 20),
 * from the eigen-decomposition of the smaller Gram matrix ({@code A^T A} or {@code A A^T}). The
 * Gram route squares the condition number, which only matters for singular values far below the
 * k kept ones. Singular vectors of (numerically) zero singular values are set to zero: they do not
 * contribute to the product.
 *
 * @param m  rows
 * @param n  columns
 * @param k  rank kept
 * @param u  {@code m x k}, row-major
 * @param s  k singular values, decreasing
 * @param vt {@code k x n}, row-major
 */
public record TruncatedSvd(int m, int n, int k, double[] u, double[] s, double[] vt) {

    /** Decomposes row-major {@code a} ({@code m x n}) keeping {@code k <= min(m, n)} singular triplets. */
    public static TruncatedSvd of(double[] a, int m, int n, int k) {
        if (k < 1 || k > Math.min(m, n)) {
            throw new IllegalArgumentException("rank " + k + " must be in [1, min(" + m + ", " + n + ")]");
        }
        double[] u = new double[m * k];
        double[] s = new double[k];
        double[] vt = new double[k * n];
        if (n <= m) {
            double[] g = new double[n * n];
            for (int r = 0; r < m; r++) {
                int ro = r * n;
                for (int i = 0; i < n; i++) {
                    double ai = a[ro + i];
                    if (ai == 0) {
                        continue;
                    }
                    for (int j = i; j < n; j++) {
                        g[i * n + j] += ai * a[ro + j];
                    }
                }
            }
            symmetrize(g, n);
            SymmetricEigen e = SymmetricEigen.of(g, n);
            double top = Math.sqrt(Math.max(0, e.value(0)));
            for (int j = 0; j < k; j++) {
                double sigma = Math.sqrt(Math.max(0, e.value(j)));
                if (sigma <= 1e-12 * top || sigma == 0) {
                    continue;
                }
                s[j] = sigma;
                for (int c = 0; c < n; c++) {
                    vt[j * n + c] = e.vector(c, j);
                }
                for (int r = 0; r < m; r++) {
                    double acc = 0;
                    for (int c = 0; c < n; c++) {
                        acc += a[r * n + c] * e.vector(c, j);
                    }
                    u[r * k + j] = acc / sigma;
                }
            }
        } else {
            double[] g = new double[m * m];
            for (int i = 0; i < m; i++) {
                for (int j = i; j < m; j++) {
                    double acc = 0;
                    for (int c = 0; c < n; c++) {
                        acc += a[i * n + c] * a[j * n + c];
                    }
                    g[i * m + j] = acc;
                }
            }
            symmetrize(g, m);
            SymmetricEigen e = SymmetricEigen.of(g, m);
            double top = Math.sqrt(Math.max(0, e.value(0)));
            for (int j = 0; j < k; j++) {
                double sigma = Math.sqrt(Math.max(0, e.value(j)));
                if (sigma <= 1e-12 * top || sigma == 0) {
                    continue;
                }
                s[j] = sigma;
                for (int r = 0; r < m; r++) {
                    u[r * k + j] = e.vector(r, j);
                }
                for (int c = 0; c < n; c++) {
                    double acc = 0;
                    for (int r = 0; r < m; r++) {
                        acc += a[r * n + c] * e.vector(r, j);
                    }
                    vt[j * n + c] = acc / sigma;
                }
            }
        }
        return new TruncatedSvd(m, n, k, u, s, vt);
    }

    private static void symmetrize(double[] g, int n) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                g[i * n + j] = g[j * n + i];
            }
        }
    }

    /** {@code U diag(s) V^T} for given factors (row-major {@code m x n}). */
    public static double[] product(double[] u, double[] s, double[] vt, int m, int n, int k) {
        double[] out = new double[m * n];
        for (int r = 0; r < m; r++) {
            for (int j = 0; j < k; j++) {
                double us = u[r * k + j] * s[j];
                if (us == 0) {
                    continue;
                }
                int vo = j * n;
                int oo = r * n;
                for (int c = 0; c < n; c++) {
                    out[oo + c] += us * vt[vo + c];
                }
            }
        }
        return out;
    }
}
