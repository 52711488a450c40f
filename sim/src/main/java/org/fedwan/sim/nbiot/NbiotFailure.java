package org.fedwan.sim.nbiot;

import org.fedwan.results.LossCause;

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
    DOWNLINK_LOST;

    /** The cause an uplink message lost to this failure is reported with, or null for a downlink failure. */
    public LossCause lossCause() {
        return switch (this) {
            case BATTERY_DEPLETED -> LossCause.BATTERY_DEPLETED;
            case RANDOM_ACCESS_FAILED -> LossCause.RANDOM_ACCESS_FAILED;
            case OUT_OF_COVERAGE -> LossCause.OUT_OF_COVERAGE;
            case BROADCAST_MISSED, DOWNLINK_LOST -> null;
        };
    }
}
