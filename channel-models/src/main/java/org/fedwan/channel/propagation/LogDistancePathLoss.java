package org.fedwan.channel.propagation;

/**
 * Log-distance path loss {@code PL(d) = PL(d0) + 10 n log10(d / d0)}.
 *
 * <p>{@link #BOR_2016}: {@code PL = 127.41 + 20.8 log10(d / 40 m)} (Bor, Roedig, Voigt, Alonso,
 * "Do LoRa low-power wide-area networks scale?", MSWiM 2016; LoRaSim {@code Lpld0 = 127.41},
 * {@code d0 = 40}, {@code gamma = 2.08}; FLoRa {@code LoRaLogNormalShadowing}; lpwan-facts A7).
 * The logarithm is base 10: some LoRaSim copies use {@code math.log}, the natural logarithm,
 * which the paper and FLoRa do not. It is a dense-urban fit: at 14 dBm without shadowing the
 * range is 129 m (SF7 end device) to 718 m (SF12 gateway) [C].
 *
 * <p>{@link #NS3_EXAMPLES}: exponent 3.76 and 7.7 dB at 1 m, the ns-3 {@code lorawan} examples'
 * {@code LogDistancePropagationLossModel} (lpwan-facts A7).
 *
 * @param referenceLossDb    {@code PL(d0)} in dB
 * @param referenceDistanceM {@code d0} in metres, greater than 0
 * @param exponent           path-loss exponent {@code n}, greater than 0
 */
public record LogDistancePathLoss(double referenceLossDb, double referenceDistanceM, double exponent)
        implements PathLossModel {

    /** Bor et al. 2016: 127.41 dB at 40 m, exponent 2.08. The default model. */
    public static final LogDistancePathLoss BOR_2016 = new LogDistancePathLoss(127.41, 40.0, 2.08);
    /** ns-3 {@code lorawan} examples: 7.7 dB at 1 m, exponent 3.76. */
    public static final LogDistancePathLoss NS3_EXAMPLES = new LogDistancePathLoss(7.7, 1.0, 3.76);

    /** Validates every field. */
    public LogDistancePathLoss {
        if (!Double.isFinite(referenceLossDb)) {
            throw new IllegalArgumentException("referenceLossDb = " + referenceLossDb
                    + " is not allowed; allowed: finite");
        }
        if (!(referenceDistanceM > 0.0) || !Double.isFinite(referenceDistanceM)) {
            throw new IllegalArgumentException("referenceDistanceM = " + referenceDistanceM
                    + " is not allowed; allowed: finite and > 0");
        }
        if (!(exponent > 0.0) || !Double.isFinite(exponent)) {
            throw new IllegalArgumentException("exponent = " + exponent + " is not allowed; allowed: finite and > 0");
        }
    }

    @Override
    public double pathLossDb(double distanceM) {
        double d = PathLossModel.clampDistanceM(distanceM);
        return referenceLossDb + 10.0 * exponent * Math.log10(d / referenceDistanceM);
    }

    @Override
    public String name() {
        return "log-distance";
    }
}
