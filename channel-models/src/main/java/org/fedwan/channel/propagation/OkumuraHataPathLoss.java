package org.fedwan.channel.propagation;

/**
 * Okumura-Hata path loss, urban area, small or medium city (Hata, "Empirical formula for
 * propagation loss in land mobile radio services", IEEE Trans. Veh. Technol. 29(3), 1980):
 * <pre>
 * PL = 69.55 + 26.16 log10(f) - 13.82 log10(hb) - a(hm) + (44.9 - 6.55 log10(hb)) log10(d)
 * a(hm) = (1.1 log10(f) - 0.7) hm - (1.56 log10(f) - 0.8)
 * </pre>
 * with {@code f} in MHz, heights in metres and {@code d} in km. At 868 MHz, hb = 30 m and
 * hm = 1.5 m this is {@code 126.0 + 35.2 log10(d_km)}, in line with FLoRa's {@code K1 = 127.5},
 * {@code K2 = 35.2} (lpwan-facts A7). The formula was fitted for 150-1500 MHz, hb 30-200 m,
 * hm 1-10 m and d 1-20 km; outside that range it is extrapolated as is.
 *
 * @param frequencyHz        carrier frequency in hertz, greater than 0
 * @param baseStationHeightM gateway antenna height in metres, greater than 0
 * @param mobileHeightM      device antenna height in metres, greater than 0
 */
public record OkumuraHataPathLoss(double frequencyHz, double baseStationHeightM, double mobileHeightM)
        implements PathLossModel {

    /** 868 MHz, gateway at 30 m, device at 1.5 m. */
    public static final OkumuraHataPathLoss URBAN_868 = new OkumuraHataPathLoss(868e6, 30.0, 1.5);

    /** Validates every field. */
    public OkumuraHataPathLoss {
        positive("frequencyHz", frequencyHz);
        positive("baseStationHeightM", baseStationHeightM);
        positive("mobileHeightM", mobileHeightM);
    }

    @Override
    public double pathLossDb(double distanceM) {
        double dKm = PathLossModel.clampDistanceM(distanceM) / 1000.0;
        double logF = Math.log10(frequencyHz / 1e6);
        double logHb = Math.log10(baseStationHeightM);
        double mobileCorrection = (1.1 * logF - 0.7) * mobileHeightM - (1.56 * logF - 0.8);
        return 69.55 + 26.16 * logF - 13.82 * logHb - mobileCorrection + (44.9 - 6.55 * logHb) * Math.log10(dKm);
    }

    @Override
    public String name() {
        return "okumura-hata";
    }

    private static void positive(String field, double value) {
        if (!(value > 0.0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " = " + value + " is not allowed; allowed: finite and > 0");
        }
    }
}
