package org.fedwan.sim.nbiot;

/**
 * RRC-level state of an NB-IoT device: {@code PSM -> WAKING -> RANDOM_ACCESS -> CONNECTED ->
 * IDLE -> PSM}. IDLE uses paging DRX or eDRX; from IDLE a new message or a page goes straight to
 * random access (the device is still synchronised).
 */
public enum NbiotDeviceState {
    /** Power saving mode: unreachable until its own next message or periodic TAU. */
    PSM,
    /** Resynchronising after PSM (NPSS/NSSS, MIB-NB, SIB check). */
    WAKING,
    /** Random access (possibly several attempts with backoff). */
    RANDOM_ACCESS,
    /** RRC connected: transferring data, or waiting for the inactivity timer or the release. */
    CONNECTED,
    /** RRC idle, reachable by paging; T3324 running when PSM is enabled. */
    IDLE,
    /** The battery is empty. */
    DEAD
}
