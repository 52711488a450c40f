package org.fedwan.results;

/** Which way a radio frame went. */
public enum Direction implements Labeled {
    /** From a device to the network. */
    UPLINK("uplink"),
    /** From the network to a device (one row per receiving device). */
    DOWNLINK("downlink");

    private final String label;

    Direction(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
