package org.fedwan.sim.lorawan;

import org.fedwan.results.Labeled;

/** How a device's uplink data rate (spreading factor) is chosen. */
public enum SfPolicy implements Labeled {
    /** Every device uses {@link NetworkSettings#fixedDataRate()}. */
    FIXED("fixed"),
    /**
     * The fastest data rate whose gateway sensitivity plus {@link NetworkSettings#sfMarginDb()}
     * the median received power at the best gateway meets (ns-3
     * {@code SetSpreadingFactorsUp}), fixed for the run.
     */
    LINK_BUDGET("link-budget"),
    /**
     * Devices start at the region's slowest data rate; the network server raises it by the
     * margin-based ADR and devices back off after ADR_ACK_LIMIT + ADR_ACK_DELAY silent uplinks.
     */
    ADR("adr");

    private final String label;

    SfPolicy(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
