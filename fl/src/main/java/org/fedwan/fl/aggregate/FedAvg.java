package org.fedwan.fl.aggregate;

import java.util.List;
import org.fedwan.fl.strategy.Averaging;

/**
 * Forwarding class kept while the round controller still calls it: the batch-norm buffer average
 * now lives in {@link Averaging#averageBuffers}, with the same arithmetic.
 */
public final class FedAvg {

    private FedAvg() {
    }

    /** {@link Averaging#averageBuffers(float[], List, List)}. */
    public static float[] averageBuffers(float[] previous, List<float[]> buffers, List<Long> samples) {
        return Averaging.averageBuffers(previous, buffers, samples);
    }
}
