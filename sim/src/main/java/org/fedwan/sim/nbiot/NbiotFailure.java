package org.fedwan.sim.nbiot;

/** Why something an NB-IoT device should have done did not happen; recorded, never thrown. */
public enum NbiotFailure {
    /** The device's coupling loss exceeds the CE2 bound: it cannot attach, a message is not sent. */
    OUT_OF_COVERAGE,
    /** Every preamble attempt of a connection collided: the message it was for is dropped. */
    RANDOM_ACCESS_FAILED,
    /** The battery is empty: the device stops, any message in progress is lost. */
    BATTERY_DEPLETED,
    /** A broadcast started while the device was unreachable (PSM, dead, out of coverage). */
    BROADCAST_MISSED,
    /** A unicast downlink could not be delivered (device dead or out of coverage). */
    DOWNLINK_LOST
}
