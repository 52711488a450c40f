package org.fedwan.sim.config;

import org.fedwan.results.Labeled;

/** What the server does with an update that misses the round deadline. */
public enum LateUpdates implements Labeled {
    /** The client stops computing and sending. */
    DISCARD("discard"),
    /** The client finishes; the update joins the first aggregation after it arrives, and the client is not selected until then. */
    NEXT_ROUND("next-round");

    private final String label;

    LateUpdates(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
