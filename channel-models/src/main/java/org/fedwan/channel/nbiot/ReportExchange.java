package org.fedwan.channel.nbiot;

/**
 * The application traffic of one connection: an uplink message and an optional downlink answer
 * that arrives {@code networkResponseUs} after the uplink has been delivered (an application
 * acknowledgement, a TAU accept).
 *
 * @param uplinkBytes       application bytes sent, at least 0
 * @param downlinkBytes     application bytes of the answer, 0 for none
 * @param networkResponseUs time from the uplink's delivery to the answer's scheduling (core network and server), µs,
 *                          at least 0; ignored without an answer
 */
public record ReportExchange(long uplinkBytes, long downlinkBytes, long networkResponseUs) {

    /** Validates that no field is negative. */
    public ReportExchange {
        if (uplinkBytes < 0 || downlinkBytes < 0 || networkResponseUs < 0) {
            throw new IllegalArgumentException("report exchange uplinkBytes = " + uplinkBytes + ", downlinkBytes = "
                    + downlinkBytes + ", networkResponseUs = " + networkResponseUs + " is not allowed; allowed: >= 0 each");
        }
    }

    /**
     * @param uplinkBytes application bytes sent
     * @return an uplink-only exchange (UDP, no application acknowledgement)
     */
    public static ReportExchange uplinkOnly(long uplinkBytes) {
        return new ReportExchange(uplinkBytes, 0L, 0L);
    }
}
