package org.fedwan.compression;

import java.util.List;

/**
 * One layer of a model: the unit that layer-wise schemes (seed 000's XFL) select and that
 * per-layer quantizers give one scale and zero point. A layer's values travel as one flat
 * {@code float[]}: its tensors concatenated in order, each in row-major order.
 *
 * @param name    layer name, e.g. {@code conv1}
 * @param tensors the layer's parameter tensors, typically weight then bias
 */
public record LayerSpec(String name, List<TensorSpec> tensors) {

    public LayerSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("layer name must not be blank");
        }
        if (tensors == null || tensors.isEmpty()) {
            throw new IllegalArgumentException("layer '" + name + "' needs at least one tensor");
        }
        tensors = List.copyOf(tensors);
    }

    /** Number of parameters of the layer (sum over its tensors). */
    public int parameterCount() {
        long n = 0;
        for (TensorSpec t : tensors) {
            n += t.elementCount();
        }
        return Math.toIntExact(n);
    }
}
