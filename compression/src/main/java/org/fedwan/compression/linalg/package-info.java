/**
 * Dense linear algebra the low-rank schemes need, in plain Java: symmetric eigen-decomposition
 * (cyclic Jacobi), truncated SVD and Tucker decomposition (HOSVD) for seed 004's quantized rank
 * reduction. Row-major {@code double[]} arrays throughout.
 */
package org.fedwan.compression.linalg;
