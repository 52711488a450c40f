package org.fedwan.plots;

import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;

/**
 * A line renderer of {@link PaperStyle} for series too long for a marker at every point: it draws
 * about {@link #MARKERS_PER_SERIES} markers per series, staggered between series, so that curves
 * that coincide (two codecs with the same accuracy, say) still show each series' marker and dash.
 */
final class SparseMarkerRenderer extends XYLineAndShapeRenderer {

    /** Markers drawn on each series, about. */
    static final int MARKERS_PER_SERIES = 12;

    private static final long serialVersionUID = 1L;

    private final int[] steps;
    private final int seriesCount;

    /**
     * @param itemCounts points of each series
     */
    SparseMarkerRenderer(int[] itemCounts) {
        super(true, true);
        this.seriesCount = itemCounts.length;
        this.steps = new int[itemCounts.length];
        for (int s = 0; s < itemCounts.length; s++) {
            steps[s] = Math.max(1, (int) Math.ceil(itemCounts[s] / (double) MARKERS_PER_SERIES));
        }
        setDrawSeriesLineAsPath(true);
        setLegendLine(PaperStyle.legendLine());
        for (int i = 0; i < seriesCount; i++) {
            setSeriesPaint(i, PaperStyle.seriesPaint(i));
            setSeriesStroke(i, PaperStyle.seriesStroke(i, PaperStyle.LINE_WIDTH_PT));
            setSeriesShape(i, PaperStyle.seriesShape(i));
        }
    }

    /** A marker on every {@code step}-th point of a series, series {@code s} shifted by {@code s / count} of a step. */
    @Override
    public boolean getItemShapeVisible(int series, int item) {
        if (series >= steps.length) {
            return false;
        }
        int step = steps[series];
        int offset = step * series / Math.max(1, seriesCount);
        return item % step == offset % step;
    }
}
