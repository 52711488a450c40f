package org.fedwan.channel.lorawan;

import org.fedwan.channel.lora.LoraTxParams;

/**
 * An uplink channel of a region's channel plan.
 *
 * @param index             channel number in the region's numbering (US915: 0..71); the US915
 *                          RX1 downlink channel is {@code index mod 8}
 * @param frequencyHz       centre frequency in hertz
 * @param bandwidthHz       LoRa bandwidth in hertz
 * @param minDataRate       lowest data rate index allowed on the channel
 * @param maxDataRate       highest data rate index allowed on the channel
 * @param dwellTimeLimited  true when the region's dwell-time limit applies (US915 125 kHz
 *                          channels 0..63, lpwan-facts A3)
 */
public record Channel(int index, long frequencyHz, long bandwidthHz, int minDataRate, int maxDataRate,
                      boolean dwellTimeLimited) {

    /** Validates every field. */
    public Channel {
        if (index < 0) {
            throw new IllegalArgumentException("channel index = " + index + " is not allowed; allowed: >= 0");
        }
        if (frequencyHz <= 0) {
            throw new IllegalArgumentException("channel " + index + ": frequencyHz = " + frequencyHz
                    + " is not allowed; allowed: > 0");
        }
        if (!LoraTxParams.SUPPORTED_BANDWIDTHS_HZ.contains(bandwidthHz)) {
            throw new IllegalArgumentException("channel " + index + ": bandwidthHz = " + bandwidthHz
                    + " is not allowed; allowed: " + LoraTxParams.SUPPORTED_BANDWIDTHS_HZ);
        }
        if (minDataRate < 0 || maxDataRate < minDataRate) {
            throw new IllegalArgumentException("channel " + index + ": data rates " + minDataRate + ".." + maxDataRate
                    + " are not allowed; allowed: 0 <= min <= max");
        }
    }

    /**
     * @param dataRateIndex a data rate index
     * @return true when the channel allows it
     */
    public boolean allows(int dataRateIndex) {
        return dataRateIndex >= minDataRate && dataRateIndex <= maxDataRate;
    }
}
