package org.fedwan.plots;

import java.util.Arrays;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Bounds the size of figures with one line per device or many points per line (issue 15: one
 * 100-device NB-IoT round wrote a 77 MB report): above {@link #MAX_DEVICE_LINES} devices a figure
 * draws the spread of the devices as quantile bands (median, 10-90 %, least to most) on a grid of
 * {@link #BAND_GRID_POINTS} times, and a staircase with more than {@link #MAX_LINE_POINTS} points is
 * drawn from its values on a grid of that many times. Both grids are finer than a printed point at
 * 7 in (504 pt), so what is drawn looks the same while the vector output stays bounded.
 */
public final class DeviceQuantiles {

    /**
     * Most devices drawn as one line each; with more, per-device figures draw quantile bands. 24
     * thin lines still read as a bundle in a 3.5 in figure; a hundred only make a grey block.
     */
    public static final int MAX_DEVICE_LINES = 24;

    /** Most points of one drawn line; a longer staircase is drawn from its values on a grid. */
    public static final int MAX_LINE_POINTS = 2_000;

    /** Times of the grid on which the quantile bands are computed. */
    public static final int BAND_GRID_POINTS = 600;

    /** Lower and upper quantile of the inner band, as shares. */
    static final double INNER_LOW = 0.10;
    static final double INNER_HIGH = 0.90;

    private DeviceQuantiles() {
    }

    /**
     * {@code series} as drawn: itself when it has at most {@link #MAX_LINE_POINTS} points, else its
     * values on {@link #MAX_LINE_POINTS} evenly spaced x from its first to its last x.
     *
     * @param series a staircase with x ascending (equal x allowed: the step)
     * @return a series of at most {@link #MAX_LINE_POINTS} points
     */
    public static XYSeries bounded(XYSeries series) {
        if (series.getItemCount() <= MAX_LINE_POINTS) {
            return series;
        }
        double[] grid = grid(series.getMinX(), series.getMaxX(), MAX_LINE_POINTS);
        double[] values = sample(series, grid);
        XYSeries out = new XYSeries(series.getKey(), false, true);
        for (int k = 0; k < grid.length; k++) {
            out.add(grid[k], values[k], false);
        }
        return out;
    }

    /**
     * Quantile bands of the devices' staircases: series 0 is the least to the most device, series 1
     * the 10 to 90 % quantiles; both have the median device as their y.
     *
     * @param perDevice one staircase per device, x ascending
     * @param spanLabel legend text of series 0
     * @param innerLabel legend text of series 1
     * @return the two bands on {@link #BAND_GRID_POINTS} times from the least to the most x
     */
    public static YIntervalSeriesCollection bands(XYSeriesCollection perDevice, String spanLabel, String innerLabel) {
        YIntervalSeries span = new YIntervalSeries(spanLabel, false, true);
        YIntervalSeries inner = new YIntervalSeries(innerLabel, false, true);
        YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
        int devices = perDevice.getSeriesCount();
        if (devices > 0) {
            double[] grid = grid(perDevice.getDomainLowerBound(false), perDevice.getDomainUpperBound(false),
                    BAND_GRID_POINTS);
            double[][] values = new double[devices][];
            for (int d = 0; d < devices; d++) {
                values[d] = sample(perDevice.getSeries(d), grid);
            }
            double[] column = new double[devices];
            for (int k = 0; k < grid.length; k++) {
                for (int d = 0; d < devices; d++) {
                    column[d] = values[d][k];
                }
                Arrays.sort(column);
                double median = quantile(column, 0.5);
                span.add(grid[k], median, column[0], column[devices - 1]);
                inner.add(grid[k], median, quantile(column, INNER_LOW), quantile(column, INNER_HIGH));
            }
        }
        bands.addSeries(span);
        bands.addSeries(inner);
        return bands;
    }

    /**
     * The {@code q} quantile of sorted values, linear between order statistics (Hyndman and Fan
     * 1996, definition 7, the default of R and NumPy).
     *
     * @param sorted values in ascending order, at least one
     * @param q share, 0 to 1
     * @return the quantile
     */
    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /** {@code points} evenly spaced values from {@code from} to {@code to}, both included. */
    private static double[] grid(double from, double to, int points) {
        double[] grid = new double[points];
        for (int k = 0; k < points; k++) {
            grid[k] = k == points - 1 ? to : from + (to - from) * k / (points - 1);
        }
        return grid;
    }

    /**
     * The staircase's value at each grid time: the y of its last point with x at most that time
     * (after a step, its upper level), its first y before its first point, its last y after its last.
     */
    private static double[] sample(XYSeries series, double[] grid) {
        double[] values = new double[grid.length];
        int n = series.getItemCount();
        int i = 0;
        for (int k = 0; k < grid.length; k++) {
            while (i + 1 < n && series.getX(i + 1).doubleValue() <= grid[k]) {
                i++;
            }
            values[k] = n == 0 ? 0 : series.getY(i).doubleValue();
        }
        return values;
    }
}
