package org.fedwan.channel.lora;

/**
 * Demodulation floors of the LoRa receiver: the SNR each spreading factor needs, the thermal
 * noise floor, and the sensitivity they imply.
 *
 * <p>Required SNR for SF6..SF12: -5, -7.5, -10, -12.5, -15, -17.5, -20 dB (Semtech
 * SX1276/77/78/79 datasheet, table "Range of Spreading Factors"; Semtech AN1200.22; hard-coded
 * in the ns-3 {@code lorawan}-based ADR codes; lpwan-facts A6). The SNR floor depends on the
 * spreading factor only; the bandwidth enters through the noise floor
 * {@code N = -174 + 10 log10(BW) + NF} dBm, so the formula sensitivity is
 * {@code S = -174 + 10 log10(BW) + NF + SNR_min} (lpwan-facts A6: at 125 kHz and NF = 6 dB,
 * -124.5 .. -137 dBm for SF7..SF12).
 */
public final class LoraDemodulation {

    /** Thermal noise density at 290 K in dBm/Hz. */
    public static final double THERMAL_NOISE_DBM_PER_HZ = -174.0;
    /** Receiver noise figure of the sensitivity formula in dB (lpwan-facts A6). */
    public static final double DEFAULT_NOISE_FIGURE_DB = 6.0;

    private static final double[] REQUIRED_SNR_DB = {-5.0, -7.5, -10.0, -12.5, -15.0, -17.5, -20.0};

    private LoraDemodulation() {
    }

    /**
     * @param spreadingFactor 6..12
     * @return the lowest SNR at which the spreading factor still demodulates, in dB
     */
    public static double requiredSnrDb(int spreadingFactor) {
        if (spreadingFactor < LoraTxParams.MIN_SPREADING_FACTOR
                || spreadingFactor > LoraTxParams.MAX_SPREADING_FACTOR) {
            throw new IllegalArgumentException("spreadingFactor = " + spreadingFactor + " is not allowed; allowed: "
                    + LoraTxParams.MIN_SPREADING_FACTOR + ".." + LoraTxParams.MAX_SPREADING_FACTOR);
        }
        return REQUIRED_SNR_DB[spreadingFactor - LoraTxParams.MIN_SPREADING_FACTOR];
    }

    /**
     * @param bandwidthHz   receiver bandwidth in hertz, greater than 0
     * @param noiseFigureDb receiver noise figure in dB
     * @return noise floor {@code -174 + 10 log10(BW) + NF} in dBm
     */
    public static double noiseFloorDbm(long bandwidthHz, double noiseFigureDb) {
        if (bandwidthHz <= 0) {
            throw new IllegalArgumentException("bandwidthHz = " + bandwidthHz + " is not allowed; allowed: > 0");
        }
        if (!Double.isFinite(noiseFigureDb)) {
            throw new IllegalArgumentException("noiseFigureDb = " + noiseFigureDb + " is not allowed; allowed: finite");
        }
        return THERMAL_NOISE_DBM_PER_HZ + 10.0 * Math.log10(bandwidthHz) + noiseFigureDb;
    }

    /**
     * SNR of a signal against thermal noise alone (interference is handled by the collision
     * rules), as the ns-3 {@code AdrComponent::RxPowerToSNR} computes it.
     *
     * @param rxPowerDbm    received power in dBm
     * @param bandwidthHz   bandwidth in hertz
     * @param noiseFigureDb receiver noise figure in dB
     * @return SNR in dB
     */
    public static double snrDb(double rxPowerDbm, long bandwidthHz, double noiseFigureDb) {
        return rxPowerDbm - noiseFloorDbm(bandwidthHz, noiseFigureDb);
    }

    /**
     * Formula sensitivity {@code -174 + 10 log10(BW) + NF + SNR_min(SF)} (lpwan-facts A6).
     *
     * @param spreadingFactor 6..12
     * @param bandwidthHz     bandwidth in hertz
     * @param noiseFigureDb   receiver noise figure in dB
     * @return sensitivity in dBm
     */
    public static double formulaSensitivityDbm(int spreadingFactor, long bandwidthHz, double noiseFigureDb) {
        return noiseFloorDbm(bandwidthHz, noiseFigureDb) + requiredSnrDb(spreadingFactor);
    }
}
