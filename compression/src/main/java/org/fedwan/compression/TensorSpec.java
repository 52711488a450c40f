package org.fedwan.compression;

import java.util.Arrays;

/**
 * Name and shape of one parameter tensor (for example a convolution kernel or a bias).
 *
 * @param name  unique name of the tensor inside its model, e.g. {@code conv1.weight}
 * @param shape dimensions, each at least 1
 */
public record TensorSpec(String name, int[] shape) {

    public TensorSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("tensor name must not be blank");
        }
        if (shape == null || shape.length == 0) {
            throw new IllegalArgumentException("tensor '" + name + "' needs at least one dimension");
        }
        for (int d : shape) {
            if (d < 1) {
                throw new IllegalArgumentException(
                        "tensor '" + name + "' has dimension " + d + " in shape " + Arrays.toString(shape) + "; each must be >= 1");
            }
        }
        shape = shape.clone();
    }

    /** Number of scalar values in the tensor. */
    public int elementCount() {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("tensor '" + name + "' has " + n + " elements, more than an int array holds");
        }
        return (int) n;
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorSpec t && t.name.equals(name) && Arrays.equals(t.shape, shape);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}
