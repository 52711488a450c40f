package org.fedwan.channel.propagation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Where devices and gateways stand, as pure functions.
 *
 * <ul>
 *   <li>{@link #uniformInDisc}: uniform in area in a disc of radius {@code R} around the origin:
 *       {@code r = R sqrt(u)}, {@code theta = 2 pi v} (inverse-CDF sampling; sampling {@code r}
 *       uniformly would crowd the centre). One point per call, so each device can draw from its
 *       own random stream;</li>
 *   <li>{@link #grid}: a square grid of {@code ceil(sqrt(n))} columns, centred on the origin,
 *       filled row by row;</li>
 *   <li>{@link #listed}: given coordinates, validated;</li>
 *   <li>{@link #sunflower}: {@code n} points spread evenly over a disc, point {@code k} at radius
 *       {@code R sqrt(k / n)} and angle {@code k} times the golden angle (Vogel, "A better way to
 *       construct the sunflower head", Math. Biosci. 44, 1979); point 0 is the centre. Used for
 *       gateways, so that one gateway stands in the middle and more spread out evenly.</li>
 * </ul>
 */
public final class Placement {

    /** The golden angle {@code pi (3 - sqrt 5)} in radians. */
    public static final double GOLDEN_ANGLE_RAD = Math.PI * (3.0 - Math.sqrt(5.0));

    private Placement() {
    }

    /**
     * @param radiusM disc radius in metres, at least 0
     * @param rng     generator of the device's placement stream (two draws)
     * @return a point uniform in the disc's area
     */
    public static Position uniformInDisc(double radiusM, RandomGenerator rng) {
        requireRadius(radiusM);
        Objects.requireNonNull(rng, "rng is null");
        double r = radiusM * Math.sqrt(rng.nextDouble());
        double theta = 2.0 * Math.PI * rng.nextDouble();
        return new Position(r * Math.cos(theta), r * Math.sin(theta));
    }

    /**
     * @param count    number of points, at least 0
     * @param spacingM distance between neighbours in metres, greater than 0
     * @return points on a square grid centred on the origin, row by row
     */
    public static List<Position> grid(int count, double spacingM) {
        requireCount(count);
        if (!(spacingM > 0.0) || !Double.isFinite(spacingM)) {
            throw new IllegalArgumentException("spacingM = " + spacingM + " is not allowed; allowed: finite and > 0");
        }
        int columns = (int) Math.ceil(Math.sqrt(count));
        int rows = columns == 0 ? 0 : (count + columns - 1) / columns;
        double x0 = -(columns - 1) * spacingM / 2.0;
        double y0 = -(rows - 1) * spacingM / 2.0;
        List<Position> points = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            points.add(new Position(x0 + (i % columns) * spacingM, y0 + (i / columns) * spacingM));
        }
        return List.copyOf(points);
    }

    /**
     * @param count   number of points, at least 0
     * @param radiusM disc radius in metres, at least 0
     * @return evenly spread points, the first at the origin
     */
    public static List<Position> sunflower(int count, double radiusM) {
        requireCount(count);
        requireRadius(radiusM);
        List<Position> points = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            double r = radiusM * Math.sqrt((double) k / count);
            double theta = k * GOLDEN_ANGLE_RAD;
            points.add(new Position(r * Math.cos(theta), r * Math.sin(theta)));
        }
        return List.copyOf(points);
    }

    /**
     * @param positions listed coordinates, none null
     * @return an immutable copy
     */
    public static List<Position> listed(List<Position> positions) {
        Objects.requireNonNull(positions, "positions is null");
        for (int i = 0; i < positions.size(); i++) {
            if (positions.get(i) == null) {
                throw new IllegalArgumentException("positions[" + i + "] is null; allowed: a position");
            }
        }
        return List.copyOf(positions);
    }

    private static void requireRadius(double radiusM) {
        if (!(radiusM >= 0.0) || !Double.isFinite(radiusM)) {
            throw new IllegalArgumentException("radiusM = " + radiusM + " is not allowed; allowed: finite and >= 0");
        }
    }

    private static void requireCount(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count = " + count + " is not allowed; allowed: >= 0");
        }
    }
}
