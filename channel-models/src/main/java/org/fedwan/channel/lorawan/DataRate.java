package org.fedwan.channel.lorawan;

import org.fedwan.channel.lora.LoraPhy;
import org.fedwan.channel.lora.LoraTxParams;

/**
 * One LoRa data rate of a LoRaWAN region: its index, modulation and payload caps.
 *
 * <p>{@code maxMacPayloadBytes} is the regional {@code M} and {@code maxFrmPayloadBytes} the
 * regional {@code N} (no FOpts); {@code M - N = 8} (FHDR 7 + FPort 1; LoRaWAN Regional
 * Parameters 1.0.3revA payload tables; lpwan-facts A2), which the constructor checks.
 *
 * @param index              data rate index DRx, at least 0
 * @param spreadingFactor    spreading factor, 7..12 (the LoRaWAN range)
 * @param bandwidthHz        bandwidth in hertz, one of {@link LoraTxParams#SUPPORTED_BANDWIDTHS_HZ}
 * @param maxMacPayloadBytes largest MACPayload {@code M} in bytes
 * @param maxFrmPayloadBytes largest FRMPayload {@code N} in bytes with empty FOpts
 */
public record DataRate(int index, int spreadingFactor, long bandwidthHz, int maxMacPayloadBytes,
                       int maxFrmPayloadBytes) {

    /** Smallest spreading factor used by LoRaWAN (Regional Parameters 1.0.3revA). */
    public static final int MIN_LORAWAN_SPREADING_FACTOR = 7;
    /** Largest spreading factor used by LoRaWAN. */
    public static final int MAX_LORAWAN_SPREADING_FACTOR = 12;
    /** {@code M - N}: FHDR without FOpts (7) plus FPort (1); lpwan-facts A2. */
    public static final int MAC_MINUS_FRM_BYTES = 8;

    /** Validates every field; errors name the field, its value and what is allowed. */
    public DataRate {
        if (index < 0) {
            throw new IllegalArgumentException("index = " + index + " is not allowed; allowed: >= 0");
        }
        if (spreadingFactor < MIN_LORAWAN_SPREADING_FACTOR || spreadingFactor > MAX_LORAWAN_SPREADING_FACTOR) {
            throw new IllegalArgumentException("spreadingFactor = " + spreadingFactor + " is not allowed; allowed: "
                    + MIN_LORAWAN_SPREADING_FACTOR + ".." + MAX_LORAWAN_SPREADING_FACTOR);
        }
        if (!LoraTxParams.SUPPORTED_BANDWIDTHS_HZ.contains(bandwidthHz)) {
            throw new IllegalArgumentException("bandwidthHz = " + bandwidthHz + " is not allowed; allowed: "
                    + LoraTxParams.SUPPORTED_BANDWIDTHS_HZ);
        }
        if (maxFrmPayloadBytes < 0) {
            throw new IllegalArgumentException("maxFrmPayloadBytes = " + maxFrmPayloadBytes
                    + " is not allowed; allowed: >= 0");
        }
        if (maxMacPayloadBytes != maxFrmPayloadBytes + MAC_MINUS_FRM_BYTES) {
            throw new IllegalArgumentException("maxMacPayloadBytes = " + maxMacPayloadBytes
                    + " is not allowed; allowed: maxFrmPayloadBytes + " + MAC_MINUS_FRM_BYTES + " = "
                    + (maxFrmPayloadBytes + MAC_MINUS_FRM_BYTES));
        }
        int maxPhy = maxFrmPayloadBytes + LorawanFrame.OVERHEAD_BYTES;
        if (maxPhy > LoraPhy.MAX_PHY_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("maxFrmPayloadBytes = " + maxFrmPayloadBytes
                    + " is not allowed; allowed: <= " + (LoraPhy.MAX_PHY_PAYLOAD_BYTES
                    - LorawanFrame.OVERHEAD_BYTES) + " (PHY payload = N + 13 must fit in 255 bytes)");
        }
    }

    /** @return LoRaWAN uplink radio settings at this data rate ({@link LoraTxParams#uplink}) */
    public LoraTxParams uplinkParams() {
        return LoraTxParams.uplink(spreadingFactor, bandwidthHz);
    }

    /** @return LoRaWAN downlink radio settings at this data rate ({@link LoraTxParams#downlink}) */
    public LoraTxParams downlinkParams() {
        return LoraTxParams.downlink(spreadingFactor, bandwidthHz);
    }

    /**
     * @return PHY payload of a frame carrying {@code N} FRMPayload bytes and no FOpts:
     *         {@code N + 13} bytes (lpwan-facts A2)
     */
    public int maxPhyPayloadBytes() {
        return LorawanFrame.phyPayloadBytes(maxFrmPayloadBytes, 0);
    }
}
