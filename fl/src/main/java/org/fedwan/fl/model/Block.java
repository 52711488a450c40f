package org.fedwan.fl.model;

/**
 * One step of a {@link SequentialModel}. Blocks with parameters name the layout layer they
 * belong to ({@code layer}) and the prefix of their tensors ({@code prefix}, e.g. {@code conv1}
 * gives {@code conv1.weight} and {@code conv1.bias}); several blocks may share a layer, so that
 * a convolution and its batch normalisation travel together.
 */
public sealed interface Block {

    /**
     * 2-D convolution, stride 1, weights {@code [k, k, in, out]} then bias {@code [out]}.
     *
     * @param same {@code true}: zero padding {@code (k - 1) / 2} keeps the size; {@code false}: no padding
     */
    record Conv(String layer, String prefix, int in, int out, int kernel, boolean same) implements Block {
    }

    /** Fully connected layer, weights {@code [in, out]} then bias {@code [out]}. */
    record Dense(String layer, String prefix, int in, int out) implements Block {
    }

    /**
     * Batch normalisation over channels (after a convolution) or features (after a dense layer):
     * trainable {@code prefix.gamma} and {@code prefix.beta} in the layout, and the buffers
     * {@code prefix.running_mean} and {@code prefix.running_var}, each {@code [channels]}.
     */
    record BatchNorm(String layer, String prefix, int channels) implements Block {
    }

    /** Rectified linear unit. */
    record Relu() implements Block {
    }

    /** Max pooling with a square window and the same stride. */
    record MaxPool(int size) implements Block {
    }

    /** Flattens {@code [c, h, w]} to {@code [c * h * w]} in channel-major order (PyTorch's {@code flatten(1)}). */
    record Flatten() implements Block {
    }

    /** Inverted dropout in training, identity in evaluation. */
    record Dropout(String name, double rate) implements Block {
    }
}
