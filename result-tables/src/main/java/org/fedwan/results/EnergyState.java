package org.fedwan.results;

/**
 * The states of the energy ledger: every joule a device spends is charged to exactly one of them,
 * for every protocol alike (LoRaWAN radio states and MCU; NB-IoT module power states and MCU).
 */
public enum EnergyState implements Labeled {
    /** Radio transmitting (LoRaWAN frames; NB-IoT NPRACH and NPUSCH). */
    TX("tx"),
    /** Radio receiving in a scheduled window: LoRaWAN RX1/RX2; NB-IoT synchronisation, NPDCCH, NPDSCH and broadcast blocks. */
    RX("rx"),
    /** LoRaWAN class C listening for the model broadcast, including the gaps the gateway's duty cycle leaves between its frames. */
    LISTEN("listen"),
    /** Awake, neither sending nor receiving: LoRaWAN radio standby; NB-IoT connected idle, idle DRX and eDRX. */
    STANDBY("standby"),
    /** Radio asleep: LoRaWAN sleep; NB-IoT power saving mode. */
    SLEEP("sleep"),
    /** Local training on the MCU: FLOPs done x energy per MFLOP (lpwan-facts C(b)). */
    MCU_TRAINING("mcu_training"),
    /** The MCU outside training: active while it drives the radio, asleep otherwise. */
    MCU_OTHER("mcu_other");

    private final String label;

    EnergyState(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
