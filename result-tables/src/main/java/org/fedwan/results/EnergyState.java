package org.fedwan.results;

/**
 * The state a device spent energy in, as written in {@code energy.csv}: local training on the
 * MCU, and the power states of the radio modules that report them interval by interval (NB-IoT:
 * lpwan-facts B3, B4).
 */
public enum EnergyState implements Labeled {
    /** Local training: FLOPs done x energy per MFLOP (lpwan-facts C(b)). */
    COMPUTE("compute"),
    /** Transmitting. */
    TX("tx"),
    /** Receiving. */
    RX("rx"),
    /** NB-IoT: awake in RRC connected between scheduled transmissions, and the inactivity tail. */
    CONNECTED_IDLE("connected_idle"),
    /** NB-IoT: RRC idle with paging DRX. */
    IDLE_DRX("idle_drx"),
    /** NB-IoT: RRC idle with extended DRX. */
    IDLE_EDRX("idle_edrx"),
    /** NB-IoT: power saving mode. */
    PSM("psm");

    private final String label;

    EnergyState(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
