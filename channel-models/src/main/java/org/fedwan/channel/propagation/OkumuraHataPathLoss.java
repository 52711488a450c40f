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
 * <p>The other environments of Hata's paper (equations 4, 5 and 6 there):
 * <pre>
 * large city (f >= 300 MHz): a(hm) = 3.2 (log10(11.75 hm))^2 - 4.97
 * suburban:                  PL = PL_urban(small/medium) - 2 (log10(f / 28))^2 - 5.4
 * open (rural):              PL = PL_urban(small/medium) - 4.78 (log10 f)^2 + 18.33 log10 f - 40.94
 * </pre>
 *
 * @param frequencyHz        carrier frequency in hertz, greater than 0
 * @param baseStationHeightM gateway antenna height in metres, greater than 0
 * @param mobileHeightM      device antenna height in metres, greater than 0
 * @param environment        which of Hata's environments
 */
public record OkumuraHataPathLoss(double frequencyHz, double baseStationHeightM, double mobileHeightM,
                                  Environment environment) implements PathLossModel {

    /** Hata's environments. */
    public enum Environment {
        /** Urban area, small or medium city (Hata's basic formula). */
        URBAN_SMALL_MEDIUM,
        /** Urban area, large city: the large-city mobile antenna correction. */
        URBAN_LARGE,
        /** Suburban area. */
        SUBURBAN,
        /** Open (rural) area. */
        OPEN
    }

    /** 868 MHz, gateway at 30 m, device at 1.5 m, small or medium city. */
    public static final OkumuraHataPathLoss URBAN_868 = new OkumuraHataPathLoss(868e6, 30.0, 1.5);

    /** Validates every field. */
    public OkumuraHataPathLoss {
        positive("frequencyHz", frequencyHz);
        positive("baseStationHeightM", baseStationHeightM);
        positive("mobileHeightM", mobileHeightM);
        if (environment == null) {
            throw new IllegalArgumentException("environment is null; allowed: URBAN_SMALL_MEDIUM, URBAN_LARGE, "
                    + "SUBURBAN, OPEN");
        }
    }

    /**
     * A small or medium city.
     *
     * @param frequencyHz        carrier frequency in hertz
     * @param baseStationHeightM gateway antenna height in metres
     * @param mobileHeightM      device antenna height in metres
     */
    public OkumuraHataPathLoss(double frequencyHz, double baseStationHeightM, double mobileHeightM) {
        this(frequencyHz, baseStationHeightM, mobileHeightM, Environment.URBAN_SMALL_MEDIUM);
    }

    @Override
    public double pathLossDb(double distanceM) {
        double dKm = PathLossModel.clampDistanceM(distanceM) / 1000.0;
        double fMhz = frequencyHz / 1e6;
        double logF = Math.log10(fMhz);
        double logHb = Math.log10(baseStationHeightM);
        double mobileCorrection = environment == Environment.URBAN_LARGE
                ? 3.2 * Math.pow(Math.log10(11.75 * mobileHeightM), 2) - 4.97
                : (1.1 * logF - 0.7) * mobileHeightM - (1.56 * logF - 0.8);
        double urban = 69.55 + 26.16 * logF - 13.82 * logHb - mobileCorrection
                + (44.9 - 6.55 * logHb) * Math.log10(dKm);
        return switch (environment) {
            case URBAN_SMALL_MEDIUM, URBAN_LARGE -> urban;
            case SUBURBAN -> urban - 2.0 * Math.pow(Math.log10(fMhz / 28.0), 2) - 5.4;
            case OPEN -> urban - 4.78 * logF * logF + 18.33 * logF - 40.94;
        };
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
