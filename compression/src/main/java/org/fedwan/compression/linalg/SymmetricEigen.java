package org.fedwan.compression.linalg;
import java.util.Arrays;

/**
 * Eigen-decomposition of a real symmetric matrix by the cyclic Jacobi method (Golub and Van Loan,
 * Matrix Computations, 4th ed., section 8.5): robust, accurate to machine precision, O(n^3) per
 * sweep; used for the Gram matrices of truncated SVD and Tucker decomposition (seed 004).
 */
public final class SymmetricEigen {

    private static final int MAX_SWEEPS = 60;

    private final double[] values;
    private final double[] vectors;
    private final int n;

    private SymmetricEigen(double[] values, double[] vectors, int n) {
        this.values = values;
        this.vectors = vectors;
        this.n = n;
    }

    /**
     * Decomposes the symmetric {@code n x n} matrix {@code a} (row-major; only read).
     * Eigenvalues come sorted in decreasing order.
     */
    public static SymmetricEigen of(double[] a, int n) {
        if (a.length != (long) n * n) {
            throw new IllegalArgumentException("matrix has " + a.length + " entries, expected " + n + " x " + n);
        }
        double[] m = a.clone();
        double[] v = new double[n * n];
        for (int i = 0; i < n; i++) {
            v[i * n + i] = 1;
        }
        double norm = 0;
        for (double x : m) {
            norm += x * x;
        }
        double eps = 1e-30 * Math.max(norm, Double.MIN_NORMAL);
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double off = 0;
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    off += m[p * n + q] * m[p * n + q];
                }
            }
            if (off <= 1e-26 * norm || off <= eps) {
                break;
            }
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    double apq = m[p * n + q];
                    if (Math.abs(apq) < 1e-300) {
                        continue;
                    }
                    double app = m[p * n + p];
                    double aqq = m[q * n + q];
                    double theta = (aqq - app) / (2 * apq);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < n; k++) {
                        double mkp = m[k * n + p];
                        double mkq = m[k * n + q];
                        m[k * n + p] = c * mkp - s * mkq;
                        m[k * n + q] = s * mkp + c * mkq;
                    }
                    for (int k = 0; k < n; k++) {
                        double mpk = m[p * n + k];
                        double mqk = m[q * n + k];
                        m[p * n + k] = c * mpk - s * mqk;
                        m[q * n + k] = s * mpk + c * mqk;
                    }
                    for (int k = 0; k < n; k++) {
                        double vkp = v[k * n + p];
                        double vkq = v[k * n + q];
                        v[k * n + p] = c * vkp - s * vkq;
                        v[k * n + q] = s * vkp + c * vkq;
                    }
                }
            }
        }
        // sort by decreasing eigenvalue
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        final double[] diag = new double[n];
        for (int i = 0; i < n; i++) {
            diag[i] = m[i * n + i];
        }
        Arrays.sort(order, (x, y) -> Double.compare(diag[y], diag[x]));
        double[] values = new double[n];
        double[] vectors = new double[n * n];
        for (int j = 0; j < n; j++) {
            values[j] = diag[order[j]];
            for (int i = 0; i < n; i++) {
                vectors[i * n + j] = v[i * n + order[j]];
            }
        }
        return new SymmetricEigen(values, vectors, n);
    }

    /** Eigenvalue {@code j}, decreasing in j. */
    public double value(int j) {
        return values[j];
    }

    /** Component {@code i} of the unit eigenvector {@code j}. */
    public double vector(int i, int j) {
        return vectors[i * n + j];
    }

    public int size() {
        return n;
    }
}
