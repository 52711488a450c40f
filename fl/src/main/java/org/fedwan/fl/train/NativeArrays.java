package org.fedwan.fl.train;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMultiplication;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Deterministic release of ND4J arrays. An ND4J CPU array's data lives in native memory that
 * libnd4j allocates and that ND4J frees only when the array is closed or, otherwise, when the
 * garbage collector finds the Java object unreachable (ND4J's {@code DeallocatorService}, a
 * phantom-reference queue). Java arrays of a few dozen bytes hold megabytes of native data, so
 * the collector runs long after the native memory has piled up (issue 16: 8.5 GB for one seed 002
 * run). Everything the trainer creates per step, batch or job is therefore closed here as soon as
 * it is no longer needed.
 *
 * <p>{@link INDArray#close()} refuses views, arrays attached to a workspace and arrays already
 * closed ({@code closeable()} is false); those are left alone: a view shares its owner's buffer,
 * which is released with the owner.
 */
final class NativeArrays {

    private NativeArrays() {
    }

    /** Closes {@code a} if it owns its buffer and is not closed yet; {@code null} is ignored. */
    static void close(INDArray a) {
        if (a != null && a.closeable()) {
            a.close();
        }
    }

    /** Closes every array of {@code arrays} (see {@link #close(INDArray)}); {@code null} is ignored. */
    static void close(INDArray[] arrays) {
        if (arrays != null) {
            for (INDArray a : arrays) {
                close(a);
            }
        }
    }

    /** Closes every value of {@code arrays} (see {@link #close(INDArray)}). */
    static void close(Map<String, INDArray> arrays) {
        for (INDArray a : arrays.values()) {
            close(a);
        }
    }

    /** The values of {@code a} in c order (row-major), read through a copy that is closed at once. */
    static float[] floats(INDArray a) {
        INDArray copy = a.dup('c');
        try {
            return copy.data().asFloat();
        } finally {
            close(copy);
        }
    }

    /**
     * {@code x.muli(factor)}, the same op ({@code ScalarMultiplication} of {@code x} by
     * {@code factor} into {@code x}), with its scalar operand closed afterwards: {@code muli}
     * leaves a 4-byte native array per call to the garbage collector.
     */
    static void scale(INDArray x, double factor) {
        ScalarMultiplication op = new ScalarMultiplication(x, null, x, factor);
        try {
            Nd4j.getExecutioner().exec(op);
        } finally {
            close(op.scalar());
        }
    }
}
