package org.fedwan.plots;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.fedwan.plots.SweepDatasets.HeatMap;
import org.fedwan.plots.SweepDatasets.MetricVsParameter;
import org.fedwan.plots.SweepDatasets.Pareto;
import org.fedwan.plots.SweepDatasets.RoundsPerDay;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.jfree.data.general.DatasetUtils;
import org.jfree.data.xy.XYDataset;

/**
 * Charts of a sweep's summary datasets ({@link SweepDatasets}), in {@link PaperStyle}: metrics
 * against the swept parameter with their confidence band or error bars, the Pareto front of
 * accuracy against a cost with its points named, and a heat map over two parameters whose cells
 * also carry their value, so that it reads in grey-scale too.
 */
public final class SweepCharts {

    static {
        Headless.ensure();
    }

    private SweepCharts() {
    }

    /**
     * @param panels metric datasets sharing the swept parameter
     * @return stacked panels over the swept parameter: mean with 95 % confidence band (numeric
     *     parameter) or error bars (categorical parameter)
     */
    public static JFreeChart metricsVsParameter(List<MetricVsParameter> panels) {
        MetricVsParameter first = panels.get(0);
        ValueAxis x;
        if (first.categories().isEmpty()) {
            x = PaperStyle.axis(first.parameter(), false);
        } else {
            SymbolAxis symbols = new SymbolAxis(first.parameter(), first.categories().toArray(new String[0]));
            symbols.setGridBandsVisible(false);
            symbols.setLabelFont(PaperStyle.LABEL_FONT);
            symbols.setTickLabelFont(PaperStyle.TICK_FONT);
            symbols.setLowerMargin(0.1);
            symbols.setUpperMargin(0.1);
            x = symbols;
        }
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(x);
        plot.setGap(6);
        for (MetricVsParameter panel : panels) {
            XYLineAndShapeRenderer renderer;
            if (panel.categories().isEmpty()) {
                DeviationRenderer deviation = new DeviationRenderer(true, true);
                deviation.setAlpha(0.25f);
                renderer = deviation;
            } else {
                XYErrorRenderer errors = new XYErrorRenderer();
                errors.setDrawXError(false);
                errors.setCapLength(4);
                errors.setDefaultLinesVisible(false);
                renderer = errors;
            }
            for (int s = 0; s < panel.series().getSeriesCount(); s++) {
                renderer.setSeriesPaint(s, PaperStyle.seriesPaint(s));
                renderer.setSeriesFillPaint(s, PaperStyle.seriesPaint(s));
                renderer.setSeriesStroke(s, PaperStyle.seriesStroke(s, PaperStyle.LINE_WIDTH_PT));
                renderer.setSeriesShape(s, PaperStyle.seriesShape(s));
            }
            NumberAxis y = PaperStyle.axis(PaperStyle.label(panel.metric().quantity(), panel.unit().symbol()), false);
            y.setAutoRangeMinimumSize(1e-6);
            plot.add(PaperStyle.style(new XYPlot(panel.series(), null, y, renderer)), 1);
        }
        PaperStyle.style(plot);
        // The panels share their series: one legend entry each, not one per panel.
        plot.setFixedLegendItems(plot.getSubplots().get(0).getLegendItems());
        boolean legend = first.series().getSeriesCount() > 1;
        return PaperStyle.chart("Metrics vs. " + first.parameter() + " (mean, 95 % CI)", plot, legend, 2);
    }

    /**
     * @param data points and front
     * @return scatter of points with the front as a step line, the front's points labelled
     */
    public static JFreeChart pareto(Pareto data) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        renderer.setSeriesLinesVisible(0, false);
        renderer.setSeriesShapesVisible(0, true);
        renderer.setSeriesPaint(0, PaperStyle.BLUE);
        renderer.setSeriesShape(0, PaperStyle.seriesShape(0));
        renderer.setSeriesLinesVisible(1, true);
        renderer.setSeriesShapesVisible(1, true);
        renderer.setSeriesShapesFilled(1, false);
        renderer.setSeriesPaint(1, PaperStyle.VERMILLION);
        renderer.setSeriesStroke(1, PaperStyle.seriesStroke(1, PaperStyle.LINE_WIDTH_PT));
        renderer.setSeriesShape(1, PaperStyle.seriesShape(1));
        renderer.setLegendLine(PaperStyle.legendLine());
        NumberAxis cost = PaperStyle.axis(PaperStyle.label(data.cost().quantity(), data.unit().symbol()), false);
        NumberAxis accuracy = PaperStyle.axis(PaperStyle.label("Final test accuracy", "%"), false);
        accuracy.setAutoRangeMinimumSize(1);
        cost.setUpperMargin(0.15);
        XYPlot plot = new XYPlot(data.points(), cost, accuracy, renderer);
        PaperStyle.style(plot);
        XYDataset points = data.points();
        Range xRange = DatasetUtils.findDomainBounds(points, false);
        // Only the points on the front are named (the others are dominated); points that coincide share
        // one label, and labels of neighbouring front points alternate above and below to stay apart.
        Set<List<Double>> front = new HashSet<>();
        if (points.getSeriesCount() > 1) {
            for (int i = 0; i < points.getItemCount(1); i++) {
                front.add(List.of(points.getXValue(1, i), points.getYValue(1, i)));
            }
        }
        Map<List<Double>, String> labels = new TreeMap<>(
                Comparator.comparing((List<Double> k) -> k.get(0)).thenComparing(k -> k.get(1)));
        for (int i = 0; i < points.getItemCount(0); i++) {
            List<Double> key = List.of(points.getXValue(0, i), points.getYValue(0, i));
            if (front.isEmpty() || front.contains(key)) {
                labels.merge(key, data.labels().get(i), SweepCharts::mergeLabels);
            }
        }
        int n = 0;
        for (var entry : labels.entrySet()) {
            double x = entry.getKey().get(0);
            boolean right = xRange != null && xRange.getLength() > 0 && x > xRange.getCentralValue();
            boolean below = n++ % 2 == 1;
            XYTextAnnotation label = new XYTextAnnotation(right ? entry.getValue() + " " : " " + entry.getValue(),
                    x, entry.getKey().get(1));
            label.setFont(PaperStyle.TICK_FONT);
            label.setTextAnchor(right ? (below ? TextAnchor.TOP_RIGHT : TextAnchor.BOTTOM_RIGHT)
                    : (below ? TextAnchor.TOP_LEFT : TextAnchor.BOTTOM_LEFT));
            plot.addAnnotation(label);
        }
        return PaperStyle.chart("Accuracy vs. " + data.cost().quantity().toLowerCase(Locale.ROOT)
                + " (Pareto front)", plot, true);
    }

    /**
     * Joins the labels of coincident points; labels that differ only in their last ", " part are
     * written once with the last parts listed ("int8, lorawan, 0.01 | 0.001").
     */
    static String mergeLabels(String a, String b) {
        int ia = a.lastIndexOf(", ");
        int ib = b.lastIndexOf(", ");
        if (ia > 0 && ib > 0 && a.substring(0, ia).equals(b.substring(0, ib))) {
            String last = b.substring(ib + 2);
            int eq = last.indexOf('=');
            // "duty_cycle=0.01 | 0.001": the key is written once
            if (eq > 0 && a.substring(ia + 2).startsWith(last.substring(0, eq + 1))) {
                last = last.substring(eq + 1);
            }
            return a + " | " + last;
        }
        return a + "; " + b;
    }

    /**
     * @param data the cells
     * @return coloured cells with the value written in each, so that it reads in grey-scale too
     */
    public static JFreeChart heatMap(HeatMap data) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < data.cells().getItemCount(0); i++) {
            min = Math.min(min, data.cells().getZValue(0, i));
            max = Math.max(max, data.cells().getZValue(0, i));
        }
        if (!(max > min)) {
            max = min + 1;
        }
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(sequentialScale(min, max));
        SymbolAxis x = symbolAxis(data.xParameter(), data.xValues());
        SymbolAxis y = symbolAxis(data.yParameter(), data.yValues());
        XYPlot plot = new XYPlot(data.cells(), x, y, renderer);
        PaperStyle.style(plot);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        DecimalFormat format = new DecimalFormat("#,##0.0",
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        for (int i = 0; i < data.cells().getItemCount(0); i++) {
            double z = data.cells().getZValue(0, i);
            XYTextAnnotation label = new XYTextAnnotation(format.format(z) + " " + data.unit().symbol(),
                    data.cells().getXValue(0, i), data.cells().getYValue(0, i));
            label.setFont(PaperStyle.TICK_FONT);
            label.setPaint((z - min) / (max - min) > 0.55 ? Color.WHITE : Color.BLACK);
            plot.addAnnotation(label);
        }
        JFreeChart chart = PaperStyle.chart(data.metric().quantity() + " (" + data.unit().symbol() + ")", plot, false);
        chart.addSubtitle(colourBar(renderer.getPaintScale(),
                PaperStyle.label(data.metric().quantity(), data.unit().symbol())));
        return chart;
    }

    /** Colour steps of a heat map's colour bar: smooth to the eye, a bounded number of SVG elements. */
    static final int COLOUR_BAR_STEPS = 64;

    /**
     * The colour bar of a heat map, right of the plot: the scale's colours from its lower to its
     * upper bound along an axis titled with the metric and its unit.
     *
     * @param scale the heat map's paint scale
     * @param label the metric with its unit, e.g. {@code Final test accuracy (%)}
     * @return the colour bar, a chart subtitle
     */
    static PaintScaleLegend colourBar(PaintScale scale, String label) {
        NumberAxis axis = PaperStyle.axis(label, false);
        axis.setLowerMargin(0);
        axis.setUpperMargin(0);
        axis.setAutoRange(false);
        axis.setRange(scale.getLowerBound(), scale.getUpperBound());
        PaintScaleLegend bar = new PaintScaleLegend(scale, axis);
        bar.setPosition(RectangleEdge.RIGHT);
        bar.setAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        bar.setSubdivisionCount(COLOUR_BAR_STEPS);
        bar.setStripWidth(8);
        bar.setStripOutlineVisible(true);
        bar.setStripOutlinePaint(PaperStyle.AXIS_PAINT);
        bar.setAxisOffset(2);
        bar.setMargin(new RectangleInsets(4, 6, 4, 0));
        bar.setBackgroundPaint(Color.WHITE);
        return bar;
    }

    private static SymbolAxis symbolAxis(String label, List<String> values) {
        SymbolAxis axis = new FittingSymbolAxis(label, values.toArray(new String[0]));
        axis.setLabelFont(PaperStyle.LABEL_FONT);
        axis.setTickLabelFont(PaperStyle.TICK_FONT);
        axis.setGridBandsVisible(false);
        axis.setLowerMargin(0);
        axis.setUpperMargin(0);
        axis.setAutoRange(false);
        axis.setRange(-0.5, values.size() - 0.5);
        return axis;
    }

    /**
     * A sequential scale from pale yellow to dark blue whose lightness falls monotonically, so that
     * order survives grey-scale print and colour-blind viewing (endpoints after the viridis map).
     */
    static PaintScale sequentialScale(double min, double max) {
        Color[] stops = {new Color(0xFDE725), new Color(0x5DC863), new Color(0x21918C),
            new Color(0x3B528B), new Color(0x440154)};
        return new PaintScale() {
            @Override
            public double getLowerBound() {
                return min;
            }

            @Override
            public double getUpperBound() {
                return max;
            }

            @Override
            public Paint getPaint(double value) {
                double t = Math.max(0, Math.min(1, (value - min) / (max - min))) * (stops.length - 1);
                int i = Math.min((int) t, stops.length - 2);
                double f = t - i;
                Color a = stops[i];
                Color b = stops[i + 1];
                return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                        (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                        (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
            }
        };
    }
    /**
     * Rounds per simulated day against model parameters, both logarithmic when they span more than
     * a decade, one line with markers per group (e.g. per data rate).
     */
    public static JFreeChart roundsPerDay(RoundsPerDay data) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < data.series().getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, PaperStyle.seriesPaint(i));
            renderer.setSeriesStroke(i, PaperStyle.seriesStroke(i, PaperStyle.LINE_WIDTH_PT));
            renderer.setSeriesShape(i, PaperStyle.seriesShape(i));
        }
        renderer.setLegendLine(PaperStyle.legendLine());
        String xLabel = "Model parameters";
        String yLabel = "Rounds per simulated day";
        Range x = DatasetUtils.findDomainBounds(data.series(), false);
        Range y = DatasetUtils.findRangeBounds(data.series(), false);
        ValueAxis xAxis = x.getUpperBound() > 10 * x.getLowerBound() ? new PaperLogAxis(xLabel, x) : PaperStyle.axis(xLabel, true);
        ValueAxis yAxis = y.getUpperBound() > 10 * y.getLowerBound() ? new PaperLogAxis(yLabel, y) : PaperStyle.axis(yLabel, false);
        XYPlot plot = new XYPlot(data.series(), xAxis, yAxis, renderer);
        PaperStyle.style(plot);
        return PaperStyle.chart("Rounds per day vs. model size", plot, true);
    }

    /**
     * A symbol axis whose labels turn upright when the widest one would not fit under its cell on
     * a horizontal axis, so that neighbouring labels never run into each other ("32-bit float" and
     * "XFL-Q int8" under two cells of a single-column heat map). Decided when the ticks are laid
     * out, from the real font and cell width.
     */
    static final class FittingSymbolAxis extends SymbolAxis {

        private static final long serialVersionUID = 1L;

        /** Share of a cell's width a horizontal label may take, leaving a gap to the next one. */
        private static final double MAX_LABEL_SHARE = 0.92;

        private boolean upright;

        FittingSymbolAxis(String label, String[] values) {
            super(label, values);
        }

        @Override
        public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
            if (RectangleEdge.isTopOrBottom(edge) && getSymbols().length > 0) {
                FontMetrics metrics = g2.getFontMetrics(getTickLabelFont());
                double widest = 0;
                for (String symbol : getSymbols()) {
                    widest = Math.max(widest, metrics.stringWidth(symbol));
                }
                upright = widest > MAX_LABEL_SHARE * dataArea.getWidth() / getSymbols().length;
            }
            return super.refreshTicks(g2, state, dataArea, edge);
        }

        @Override
        public boolean isVerticalTickLabels() {
            return upright || super.isVerticalTickLabels();
        }
    }
}
