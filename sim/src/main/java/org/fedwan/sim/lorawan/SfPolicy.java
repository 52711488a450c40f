package org.fedwan.sim.lorawan;

/** How a device's uplink data rate (spreading factor) is chosen. */
public enum SfPolicy {
    /** Every device uses {@link NetworkSettings#fixedDataRate()}. */
    FIXED,
    /**
     * The fastest data rate whose gateway sensitivity plus {@link NetworkSettings#sfMarginDb()}
     * the median received power at the best gateway meets (ns-3
     * {@code SetSpreadingFactorsUp}), fixed for the run.
     */
    LINK_BUDGET,
    /**
     * Devices start at the region's slowest data rate; the network server raises it by the
     * margin-based ADR and devices back off after ADR_ACK_LIMIT + ADR_ACK_DELAY silent uplinks.
     */
    ADR
}
