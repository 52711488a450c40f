package org.fedwan.fl.model;

import org.fedwan.compression.ModelLayout;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * A trainable model: its layout, seeded initial weights and SameDiff graph. The graph has a
 * float placeholder {@value #INPUT} of shape [batch, channels, height, width], a placeholder
 * {@value #LABELS} of one-hot labels, an output {@value #OUTPUT} of class probabilities and a
 * scalar loss {@value #LOSS}; its variables are named as the layout's tensors.
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
}
