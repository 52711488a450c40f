package org.fedwan.channel.energy;

import org.fedwan.channel.lora.LoraPhy;
import org.fedwan.channel.lorawan.DataRate;
import org.fedwan.channel.lorawan.LorawanFrame;

/**
 * Radio energy per useful byte of one LoRaWAN uplink: the TX energy of the frame (time on air of
 * its PHY payload, FRMPayload + 13 bytes, Semtech's formula, lpwan-facts A1/A2) divided by its
 * FRMPayload bytes (lpwan-facts A9). The fixed part of a frame (preamble, header, MAC overhead)
 * is shared by fewer bytes in a short frame, so energy per byte falls as the payload grows (in
 * steps: payload symbols come in blocks of 4 + CR symbols): at
 * SF9 and 14 dBm on an SX1276 a 14-byte frame costs 2.35 mJ/B and a full 115-byte frame
 * 0.855 mJ/B, the two ends of the 0.84-2.32 mJ/B seed 000 quotes for LoRaWAN ("lower bound
 * (larger payloads), upper bound (small payloads)").
 */
public final class EnergyPerByte {

    private EnergyPerByte() {
    }

    /**
     * @param radio           the device's radio (its TX current and supply voltage)
     * @param dataRate        the uplink data rate (spreading factor and bandwidth)
     * @param frmPayloadBytes application bytes of the frame, 1 .. the data rate's maximum
     * @return TX energy of the frame per FRMPayload byte, mJ/B
     * @throws IllegalArgumentException naming the payload and what is allowed
     */
    public static double txMillijoulesPerByte(RadioProfile radio, DataRate dataRate, int frmPayloadBytes) {
        int max = LorawanFrame.maxFrmPayloadBytes(dataRate, 0);
        if (frmPayloadBytes < 1 || frmPayloadBytes > max) {
            throw new IllegalArgumentException("FRMPayload = " + frmPayloadBytes + " bytes at DR" + dataRate.index()
                    + " is not allowed; allowed: 1.." + max);
        }
        long airtimeUs = LoraPhy.timeOnAirUs(LorawanFrame.phyPayloadBytes(frmPayloadBytes, 0), dataRate.uplinkParams());
        return Energy.joules(radio, RadioState.TX, airtimeUs) * 1e3 / frmPayloadBytes;
    }
}
