package org.fedwan.channel.propagation;

/**
 * Median path loss as a function of distance. Implementations are immutable records; shadowing
 * is added separately ({@link Shadowing}), so a model gives the deterministic part only.
 */
public interface PathLossModel {

    /**
     * Smallest distance the models evaluate, in metres: closer pairs are treated as 1 m apart so
     * that the logarithms stay finite.
     */
    double MIN_DISTANCE_M = 1.0;

    /**
     * @param distanceM distance between transmitter and receiver in metres, at least 0
     * @return median path loss in dB
     */
    double pathLossDb(double distanceM);

    /** @return a short name for reports, e.g. "log-distance" */
    String name();

    /**
     * @param distanceM a distance in metres
     * @return {@code max(distanceM, MIN_DISTANCE_M)}
     * @throws IllegalArgumentException if the distance is negative or not finite
     */
    static double clampDistanceM(double distanceM) {
        if (!(distanceM >= 0.0) || !Double.isFinite(distanceM)) {
            throw new IllegalArgumentException("distanceM = " + distanceM
                    + " is not allowed; allowed: finite and >= 0");
        }
        return Math.max(distanceM, MIN_DISTANCE_M);
    }
}
