package org.fedwan.channel.nbiot;

/**
 * Power states of an NB-IoT module, each with its own draw in {@link NbiotPowerProfile}
 * (lpwan-facts B3, B4: TX, RX, idle/C-DRX, eDRX, PSM).
 */
public enum PowerState {
    /** Transmitting (NPRACH, NPUSCH) at the profile's output power. */
    TX,
    /** Receiving (NPSS/NSSS/NPBCH during synchronisation, NPDCCH, NPDSCH). */
    RX,
    /** Awake but neither sending nor receiving: gaps between scheduled transmissions in RRC connected, waiting for an NPRACH occasion, and the RRC inactivity tail (connected-mode DRX or NPDCCH monitoring). */
    CONNECTED_IDLE,
    /** RRC idle with paging DRX: deep sleep between paging occasions at the DRX cycle. */
    IDLE_DRX,
    /** RRC idle with extended DRX: deep sleep between paging occasions at the eDRX cycle. */
    IDLE_EDRX,
    /** Power saving mode: unreachable, only the RTC and memory retention powered. */
    PSM
}
