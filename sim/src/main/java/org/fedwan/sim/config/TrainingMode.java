package org.fedwan.sim.config;

import org.fedwan.results.Labeled;

/** Whether clients train a real model on real data, or only send updates of a given layout (network-only runs). */
public enum TrainingMode implements Labeled {
    /** Real local training on a real data set (the default). */
    REAL("real"),
    /**
     * No data set and no training: each selected client sends a pseudo-random update of the
     * layout ({@code update_parameters}, {@code update_layout} or the model's), coded by the real
     * uplink scheme; accuracy is not measured.
     */
    NONE("none");

    private final String label;

    TrainingMode(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
