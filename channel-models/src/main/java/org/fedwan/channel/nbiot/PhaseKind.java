package org.fedwan.channel.nbiot;

/** What a {@link Phase} of an NB-IoT procedure is for; used for breakdowns and traces. */
public enum PhaseKind {
    /** Resynchronisation after PSM: NPSS/NSSS, MIB-NB, SIB1-NB/SIB2-NB check. */
    SYNC,
    /** Waiting for the next NPRACH occasion of the coverage level. */
    NPRACH_WAIT,
    /** Random-access backoff after a failed attempt (preamble collision). */
    BACKOFF,
    /** Preamble transmission with its repetitions. */
    NPRACH,
    /** Random access response: its NPDCCH and NPDSCH. */
    RAR,
    /** Msg3 on NPUSCH. */
    MSG3,
    /** Msg4 (contention resolution, RRC setup): its NPDCCH and NPDSCH. */
    MSG4,
    /** Uplink grant (DCI N0) on NPDCCH. */
    UPLINK_GRANT,
    /** A data transport block on NPUSCH. */
    UPLINK_DATA,
    /** Downlink assignment (DCI N1) on NPDCCH. */
    DOWNLINK_ASSIGNMENT,
    /** A data transport block on NPDSCH. */
    DOWNLINK_DATA,
    /** HARQ-ACK on NPUSCH format 2. */
    HARQ_ACK,
    /** A fixed scheduling gap between two of the above. */
    GAP,
    /** Waiting for the cell's scheduler: the shared carrier is busy with other devices' blocks. */
    SCHEDULER_WAIT,
    /** Waiting for the network's answer (core network and application round trip). */
    NETWORK_WAIT,
    /** The RRC inactivity timer running before the eNB releases the connection. */
    INACTIVITY,
    /** RRC connection release: its NPDCCH and NPDSCH. */
    RELEASE
}
