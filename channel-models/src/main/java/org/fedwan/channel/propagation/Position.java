package org.fedwan.channel.propagation;

/**
 * A point on the plane in metres. Antenna heights belong to the path-loss model
 * ({@link OkumuraHataPathLoss}), not to the position.
 *
 * @param xM east coordinate in metres, finite
 * @param yM north coordinate in metres, finite
 */
public record Position(double xM, double yM) {

    /** The origin. */
    public static final Position ORIGIN = new Position(0.0, 0.0);

    /** Validates both coordinates. */
    public Position {
        if (!Double.isFinite(xM) || !Double.isFinite(yM)) {
            throw new IllegalArgumentException("position (" + xM + ", " + yM
                    + ") is not allowed; allowed: finite metres");
        }
    }

    /**
     * @param other another point
     * @return Euclidean distance in metres
     */
    public double distanceM(Position other) {
        return Math.hypot(xM - other.xM, yM - other.yM);
    }
}
