package org.fedwan.channel.nbiot;

import java.util.Optional;

/**
 * Upper coupling-loss bounds of the coverage enhancement levels: a device whose coupling loss is
 * at most {@code ce0MaxCouplingLossDb} is in {@link CoverageLevel#CE0}, at most
 * {@code ce1MaxCouplingLossDb} in CE1, at most {@code ce2MaxCouplingLossDb} in CE2, and beyond
 * that out of coverage.
 *
 * <p>Defaults 144 / 154 / 164 dB: the MCL targets of 3GPP TR 45.820 that the three levels are
 * designed for (lpwan-facts B1, [V secondary]). A real cell selects the level from measured NRSRP
 * against the {@code rsrp-ThresholdsPrachInfoList} of SIB2-NB (TS 36.331); with a fixed eNB
 * transmit power per resource element that is the same as a coupling-loss threshold, which is
 * why the thresholds are configurable. The coupling loss itself (path loss, shadowing, antenna
 * gains) is computed by the caller from the same link budget as LoRaWAN.
 *
 * @param ce0MaxCouplingLossDb largest coupling loss of CE0 in dB, finite
 * @param ce1MaxCouplingLossDb largest coupling loss of CE1 in dB, greater than the CE0 bound
 * @param ce2MaxCouplingLossDb largest coupling loss of CE2 (the cell edge) in dB, greater than
 *                             the CE1 bound
 */
public record CoverageThresholds(double ce0MaxCouplingLossDb, double ce1MaxCouplingLossDb,
                                 double ce2MaxCouplingLossDb) {

    /** 144 / 154 / 164 dB (3GPP TR 45.820 MCL targets; lpwan-facts B1). */
    public static final CoverageThresholds TR_45_820 = new CoverageThresholds(144.0, 154.0, 164.0);

    /** Validates that the bounds are finite and strictly increasing. */
    public CoverageThresholds {
        if (!Double.isFinite(ce0MaxCouplingLossDb) || !Double.isFinite(ce1MaxCouplingLossDb)
                || !Double.isFinite(ce2MaxCouplingLossDb)) {
            throw new IllegalArgumentException("coverage thresholds " + ce0MaxCouplingLossDb + " / "
                    + ce1MaxCouplingLossDb + " / " + ce2MaxCouplingLossDb + " dB are not allowed; allowed: finite");
        }
        if (!(ce0MaxCouplingLossDb < ce1MaxCouplingLossDb && ce1MaxCouplingLossDb < ce2MaxCouplingLossDb)) {
            throw new IllegalArgumentException("coverage thresholds " + ce0MaxCouplingLossDb + " / "
                    + ce1MaxCouplingLossDb + " / " + ce2MaxCouplingLossDb
                    + " dB are not allowed; allowed: strictly increasing CE0 < CE1 < CE2");
        }
    }

    /**
     * @param couplingLossDb coupling loss between device and eNB in dB (path loss plus losses
     *                       minus antenna gains), finite
     * @return the coverage level, or empty when the loss exceeds the CE2 bound (out of coverage:
     *         a failure the caller records, never an exception)
     */
    public Optional<CoverageLevel> levelOf(double couplingLossDb) {
        if (!Double.isFinite(couplingLossDb)) {
            throw new IllegalArgumentException("couplingLossDb = " + couplingLossDb + " is not allowed; allowed: finite");
        }
        if (couplingLossDb <= ce0MaxCouplingLossDb) {
            return Optional.of(CoverageLevel.CE0);
        }
        if (couplingLossDb <= ce1MaxCouplingLossDb) {
            return Optional.of(CoverageLevel.CE1);
        }
        if (couplingLossDb <= ce2MaxCouplingLossDb) {
            return Optional.of(CoverageLevel.CE2);
        }
        return Optional.empty();
    }

    /**
     * @param level a coverage level
     * @return its upper coupling-loss bound in dB
     */
    public double maxCouplingLossDb(CoverageLevel level) {
        return switch (level) {
            case CE0 -> ce0MaxCouplingLossDb;
            case CE1 -> ce1MaxCouplingLossDb;
            case CE2 -> ce2MaxCouplingLossDb;
        };
    }
}
