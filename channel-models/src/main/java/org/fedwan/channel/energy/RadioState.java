package org.fedwan.channel.energy;

/** Radio operating states with distinct current draw (lpwan-facts A5). */
public enum RadioState {
    /** Sleep: oscillators off, registers retained. */
    SLEEP,
    /** Standby: oscillator running, no RF activity. */
    STANDBY,
    /** Transmitting at the profile's TX power. */
    TX,
    /** Receiving in a receive window (including an open window that hears nothing). */
    RX,
    /**
     * Receiving for a class C multicast session: the radio listens continuously, between the
     * gateway's frames too; the same current as {@link #RX}, counted apart.
     */
    LISTEN
}
