package org.fedwan.sim.config;

import org.fedwan.results.Labeled;

/** The data a gradient-mode client differentiates over. */
public enum GradientBatch implements Labeled {
    /** One mini-batch of batch_size (seed 004). */
    MINIBATCH("minibatch"),
    /** All its local samples (seed 003, LAQ). */
    FULL("full");

    private final String label;

    GradientBatch(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
