package org.fedwan.sim.lorawan;

import org.fedwan.results.Labeled;

/** How a device's uplink data rate (spreading factor) is chosen. */
public enum SfPolicy implements Labeled {
    /** Every device uses {@link NetworkSettings#fixedDataRate()}. */
    FIXED("fixed"),
    /**
     * The fastest data rate whose <em>gateway</em> sensitivity
     * ({@link NetworkSettings#gatewaySensitivity()}) plus {@link NetworkSettings#sfMarginDb()} the
     * median received power at the best gateway meets, fixed for the run: the link budget of the
     * receiver that decodes the uplink.
     */
    LINK_BUDGET("link-budget"),
    /**
     * ns-3 {@code LorawanMacHelper::SetSpreadingFactorsUp} (signetlabdei/lorawan,
     * {@code helper/lorawan-mac-helper.cc}): the fastest data rate whose <em>end-device</em>
     * sensitivity ({@link NetworkSettings#deviceSensitivity()}, ns-3's
     * {@code EndDeviceLoraPhy::sensitivity}) plus {@link NetworkSettings#sfMarginDb()} the median
     * received power at the best gateway (device at its TX power) meets; out of range: the
     * slowest. ns-3's gateway-table branch is commented out in its source (lpwan-facts A6).
     */
    DEVICE_TABLE("device-table"),
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
