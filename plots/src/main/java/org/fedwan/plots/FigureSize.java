package org.fedwan.plots;

/**
 * The printed size of a figure. Charts are laid out in points (1/72 in), so fonts given in points
 * print at their nominal size; raster output multiplies by the resolution.
 *
 * @param widthIn printed width, in
 * @param heightIn printed height, in
 */
public record FigureSize(double widthIn, double heightIn) {

    /** Points per inch (PostScript point). */
    public static final double POINTS_PER_INCH = 72;

    /** @throws IllegalArgumentException unless both sides are finite and positive */
    public FigureSize {
        if (!(widthIn > 0) || Double.isInfinite(widthIn)) {
            throw new IllegalArgumentException("widthIn must be finite and > 0, got " + widthIn);
        }
        if (!(heightIn > 0) || Double.isInfinite(heightIn)) {
            throw new IllegalArgumentException("heightIn must be finite and > 0, got " + heightIn);
        }
    }

    /** @return the width in points */
    public double widthPt() {
        return widthIn * POINTS_PER_INCH;
    }

    /** @return the height in points */
    public double heightPt() {
        return heightIn * POINTS_PER_INCH;
    }

    /**
     * @param dpi raster resolution, dots per inch
     * @return the width in pixels at {@code dpi}, rounded to the nearest pixel
     */
    public int widthPx(int dpi) {
        return (int) Math.round(widthIn * dpi);
    }

    /**
     * @param dpi raster resolution, dots per inch
     * @return the height in pixels at {@code dpi}, rounded to the nearest pixel
     */
    public int heightPx(int dpi) {
        return (int) Math.round(heightIn * dpi);
    }
}
