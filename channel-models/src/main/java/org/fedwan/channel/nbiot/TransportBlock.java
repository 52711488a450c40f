package org.fedwan.channel.nbiot;

/**
 * One transport block as scheduled: its size from the TBS table and the number of resource units
 * (uplink) or subframes (downlink) it spans, before repetition.
 *
 * @param tbsBits transport block size in bits (MAC PDU, CRC excluded)
 * @param units   NPUSCH resource units {@code N_RU} or NPDSCH subframes {@code N_SF}, one of
 *                1, 2, 3, 4, 5, 6, 8, 10
 */
public record TransportBlock(int tbsBits, int units) {

    /** Validates the size and the unit count. */
    public TransportBlock {
        if (tbsBits <= 0) {
            throw new IllegalArgumentException("tbsBits = " + tbsBits + " is not allowed; allowed: > 0");
        }
        if (TransportBlockSizes.unitIndex(units) < 0) {
            throw new IllegalArgumentException("units = " + units + " is not allowed; allowed: 1, 2, 3, 4, 5, 6, 8, 10");
        }
    }
}
