package org.fedwan.sim.config;

import org.fedwan.results.Labeled;

/** What a client sends each round. */
public enum ClientMode implements Labeled {
    /** Local SGD; the client sends its model (or its update, for schemes that code updates). */
    TRAIN("train"),
    /** The gradient of its loss; the server steps along the aggregate (seeds 003 and 004). */
    GRADIENT("gradient");

    private final String label;

    ClientMode(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
