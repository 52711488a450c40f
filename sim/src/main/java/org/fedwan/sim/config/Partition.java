package org.fedwan.sim.config;

import org.fedwan.results.Labeled;

/** How the training set is split among the clients. */
public enum Partition implements Labeled {
    /** Equal shares with IID labels. */
    IID("iid"),
    /** McMahan et al.'s label shards (shards_per_client each). */
    SHARDS("shards"),
    /** Label skew drawn from a Dirichlet distribution (dirichlet_alpha). */
    DIRICHLET("dirichlet"),
    /** IID labels, log-normal client sizes. */
    UNEQUAL("unequal");

    private final String label;

    Partition(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
