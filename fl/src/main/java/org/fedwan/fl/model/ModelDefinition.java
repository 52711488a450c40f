package org.fedwan.fl.model;

import java.util.ArrayList;
import java.util.List;
import org.fedwan.compression.LayerSpec;
import org.fedwan.compression.ModelLayout;
import org.fedwan.compression.TensorSpec;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * A trainable model: its layout, seeded initial weights and SameDiff graph. The graph has a
 * float feed {@value #INPUT} of shape [batch, channels, height, width], a feed
 * {@value #LABELS} of one-hot labels, an output {@value #OUTPUT} of class probabilities and a
 * scalar loss {@value #LOSS}; its variables are named as the layout's tensors.
 *
 * <p>Models with batch normalisation or dropout behave differently in training and evaluation:
 * {@value #LOSS} is computed in training mode (batch statistics, dropout masks from
 * {@link #dropoutMasks()}), {@value #OUTPUT} in evaluation mode (running statistics, no dropout).
 * Running statistics are <em>buffers</em> ({@link #buffers()}), graph variables outside the
 * layout: the layout holds what is trained and transmitted (batch-norm gamma and beta included),
 * as {@link SeedArchitectures} defines it, so codecs never see the statistics and bit counts
 * leave them out, as seed 002's Table II does. Trainers take and return buffers beside the
 * weights; see {@code org.fedwan.fl.train.LocalTrainer}.
 */
public interface ModelDefinition {

    String INPUT = "input";
    String LABELS = "labels";
    String OUTPUT = "probabilities";
    String LOSS = "loss";

    /** Scenario name, e.g. {@code cnn-mnist}. */
    String name();

    /** Input geometry {channels, height, width}. */
    int[] inputShape();

    int numClasses();

    ModelLayout layout();

    /** Initial weights, one array per layer, drawn from {@code seed} only. */
    float[][] initialWeights(long seed);

    /** Floating-point operations of one forward pass of one sample (multiply and add counted apart). */
    long forwardFlopsPerSample();

    /** A new graph whose variables hold {@code weights}. */
    SameDiff build(float[][] weights);

    /** Non-trainable state outside the layout (batch-norm running statistics), in order; none by default. */
    default List<TensorSpec> buffers() {
        return List.of();
    }

    /** Initial buffer values, the tensors of {@link #buffers()} concatenated in order; empty by default. */
    default float[] initialBuffers() {
        return new float[0];
    }

    /** Number of buffer values. */
    default int bufferSize() {
        int n = 0;
        for (TensorSpec t : buffers()) {
            n += t.elementCount();
        }
        return n;
    }

    /** Batch-normalisation layers whose running statistics (buffers) the trainer updates; none by default. */
    default List<BatchNormStatistics> batchNormStatistics() {
        return List.of();
    }

    /** Dropout feeds of the training graph; none by default. */
    default List<DropoutMask> dropoutMasks() {
        return List.of();
    }

    /** Names of the layout tensors, in layout order: all of them are trained. */
    default List<String> trainableTensors() {
        List<String> out = new ArrayList<>();
        for (LayerSpec l : layout().layers()) {
            for (TensorSpec t : l.tensors()) {
                out.add(t.name());
            }
        }
        return out;
    }
}
