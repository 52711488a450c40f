package org.fedwan.channel.nbiot;

/**
 * Data rates of one device per coverage level, consistent with the repetition counts because
 * they are computed from the same channel durations as everything else ({@link Procedures}):
 * <pre>
 * uplink goodput   = TBS_max / (NPDCCH + dciToNpusch + N_RU x RU x NPUSCH reps + uplinkToNextDci)
 * downlink goodput = TBS_max / (NPDCCH + dciToNpdsch + N_SF x NPDSCH reps + npdschToAck + HARQ-ACK + uplinkToNextDci)
 * airtime rate     = TBS_max / (N_RU x RU x NPUSCH reps)
 * </pre>
 * These are single-device rates with one HARQ process and no contention; a shared cell divides
 * its carrier among devices (the sim module's cell scheduler).
 */
public final class LinkRates {

    private LinkRates() {
    }

    /** @return uplink goodput of one device with the level's largest block, bit/s */
    public static double uplinkGoodputBps(NbiotLinkConfig link, CoverageLevel level) {
        TransportBlock b = Procedures.largestUplinkBlock(link, level);
        return b.tbsBits() * 1e6 / Procedures.uplinkCycleUs(link, level, b);
    }

    /** @return uplink bits per second of NPUSCH transmission time with the largest block, bit/s */
    public static double uplinkAirtimeRateBps(NbiotLinkConfig link, CoverageLevel level) {
        TransportBlock b = Procedures.largestUplinkBlock(link, level);
        return b.tbsBits() * 1e6 / Procedures.npuschUs(link.level(level), b);
    }

    /** @return acknowledged downlink goodput of one device with the level's largest block, bit/s */
    public static double downlinkGoodputBps(NbiotLinkConfig link, CoverageLevel level) {
        TransportBlock b = Procedures.largestDownlinkBlock(link, level);
        return b.tbsBits() * 1e6 / Procedures.downlinkCycleUs(link, level, b, true);
    }

    /** @return unacknowledged (broadcast) downlink rate with the level's largest block, bit/s */
    public static double broadcastRateBps(NbiotLinkConfig link, CoverageLevel level) {
        TransportBlock b = Procedures.largestDownlinkBlock(link, level);
        return b.tbsBits() * 1e6 / Procedures.downlinkCycleUs(link, level, b, false);
    }

    /**
     * @param link         link configuration
     * @param level        coverage level
     * @param messageBytes application bytes
     * @return time one device alone needs to send them once connected (all block cycles), µs
     */
    public static long uplinkTransferUs(NbiotLinkConfig link, CoverageLevel level, long messageBytes) {
        long bits = Math.max(1L, 8L * link.linkBytes(messageBytes));
        long us = 0;
        while (bits > 0) {
            TransportBlock b = Procedures.uplinkBlock(link, level, bits);
            us += Procedures.uplinkCycleUs(link, level, b);
            bits -= b.tbsBits();
        }
        return us;
    }
}
