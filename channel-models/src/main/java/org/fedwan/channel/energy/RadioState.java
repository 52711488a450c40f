package org.fedwan.channel.energy;

/** Radio operating states with distinct current draw (lpwan-facts A5). */
public enum RadioState {
    /** Sleep: oscillators off, registers retained. */
    SLEEP,
    /** Standby: oscillator running, no RF activity. */
    STANDBY,
    /** Transmitting at the profile's TX power. */
    TX,
    /** Receiving (including an open receive window that hears nothing). */
    RX
}
