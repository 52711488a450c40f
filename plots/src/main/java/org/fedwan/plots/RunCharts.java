package org.fedwan.plots;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Rectangle;
import org.fedwan.plots.RunDatasets.AccuracyAndLoss;
import org.fedwan.plots.RunDatasets.AccuracyVsUplink;
import org.fedwan.plots.RunDatasets.EnergyOverTime;
import org.fedwan.plots.RunDatasets.RoundLatency;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.Range;
import org.jfree.data.RangeType;
import org.jfree.data.general.DatasetUtils;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Turns the datasets of {@link RunDatasets} into styled charts. Charts are built from datasets
 * only; all looks come from {@link PaperStyle}.
 */
public final class RunCharts {

    static {
        Headless.ensure();
    }

    /** Title of the energy figure. */
    public static final String ENERGY_TITLE = "Cumulative energy";
    /** Title of the round latency figure. */
    public static final String LATENCY_TITLE = "Round latency";
    /** Title of the accuracy and loss figure. */
    public static final String ACCURACY_TITLE = "Test accuracy and loss per round";
    /** Title of the accuracy against uplink traffic figure. */
    public static final String ACCURACY_VS_UPLINK_TITLE = "Test accuracy vs. uplink traffic";

    /** Label of round-number axes. */
    public static final String ROUND_LABEL = "Round";
    /** Label of accuracy axes. */
    public static final String ACCURACY_LABEL = PaperStyle.label("Test accuracy", "%");
    /** Label of loss axes (loss has no unit). */
    public static final String LOSS_LABEL = "Test loss";
    /** Title of the accuracy and loss figure when it also draws training curves. */
    public static final String TEST_AND_TRAINING_ACCURACY_TITLE = "Test and training accuracy and loss per round";
    /** Label of accuracy axes that carry test and training curves. */
    public static final String TEST_AND_TRAINING_ACCURACY_LABEL = PaperStyle.label("Accuracy", "%");
    /** Label of loss axes that carry test and training curves. */
    public static final String TEST_AND_TRAINING_LOSS_LABEL = "Loss";

    private static final double SUBPLOT_GAP_PT = 6;

    // Smallest spans of auto-ranged axes, so that a flat or single-point series (one round, no
    // frames) gets readable ticks instead of a span of 1e-8.
    private static final double MIN_TIME_SPAN = 1;
    private static final double MIN_ENERGY_SPAN_J = 1e-3;
    private static final double MIN_ACCURACY_SPAN_PERCENT = 1;
    private static final double MIN_LOSS_SPAN = 0.01;
    private static final double MIN_BYTES_SPAN = 1;

    private RunCharts() {
    }

    /**
     * Two panels over one simulated-time axis: the total energy of all devices above, each device
     * below (the total dwarfs a device, so they get separate scales). Up to
     * {@link PaperStyle#MAX_DISTINCT_SERIES} devices get their own colour and dash and a legend
     * entry; up to {@link DeviceQuantiles#MAX_DEVICE_LINES} devices are drawn as thin grey lines with
     * one legend entry; more devices as their median with 10-90 % and least-to-most bands
     * ({@link DeviceQuantiles#bands}). Lines of more than {@link DeviceQuantiles#MAX_LINE_POINTS}
     * points are drawn from their values on a grid of that many times.
     *
     * @param data the cumulative energy series
     * @return the chart
     */
    public static JFreeChart energyOverTime(EnergyOverTime data) {
        NumberAxis time = PaperStyle.axis(PaperStyle.label("Simulated time", data.time().symbol()), false);
        time.setLowerMargin(0);
        time.setUpperMargin(0);
        time.setAutoRangeIncludesZero(true);
        time.setAutoRangeMinimumSize(MIN_TIME_SPAN);
        time.setRangeType(RangeType.POSITIVE);

        XYLineAndShapeRenderer totalRenderer = PaperStyle.lineRenderer(1, false);
        totalRenderer.setSeriesPaint(0, PaperStyle.BLACK);
        totalRenderer.setSeriesVisibleInLegend(0, false);
        XYPlot total = new XYPlot(bounded(data.total()), null,
                energyAxis(PaperStyle.label("Total energy", "J")), totalRenderer);

        int devices = data.perDevice().getSeriesCount();
        boolean distinct = devices <= PaperStyle.MAX_DISTINCT_SERIES;
        XYPlot perDevice;
        if (devices > DeviceQuantiles.MAX_DEVICE_LINES) {
            perDevice = new XYPlot(DeviceQuantiles.bands(data.perDevice(), "least to most", "10–90 %"), null,
                    energyAxis(PaperStyle.label("Device energy", "J")), bandRenderer());
            perDevice.setFixedLegendItems(bandLegend(devices));
        } else {
            perDevice = new XYPlot(bounded(data.perDevice()), null,
                    energyAxis(PaperStyle.label("Device energy", "J")),
                    distinct ? PaperStyle.lineRenderer(devices, false) : alikeRenderer());
        }
        if (!distinct && devices <= DeviceQuantiles.MAX_DEVICE_LINES) {
            LegendItemCollection legend = new LegendItemCollection();
            legend.add(new LegendItem("each of " + devices + " devices", null, null, null,
                    PaperStyle.legendLine(), new BasicStroke(PaperStyle.THIN_LINE_WIDTH_PT),
                    PaperStyle.MANY_SERIES_PAINT));
            perDevice.setFixedLegendItems(legend);
        }

        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);
        plot.setGap(SUBPLOT_GAP_PT);
        plot.add(PaperStyle.style(total), 1);
        plot.add(PaperStyle.style(perDevice), 1);
        PaperStyle.style(plot);
        return PaperStyle.chart(ENERGY_TITLE, plot, devices > 0);
    }

    /** {@code lines} with every series at most {@link DeviceQuantiles#MAX_LINE_POINTS} points: itself if all are. */
    private static XYSeriesCollection bounded(XYSeriesCollection lines) {
        boolean short_ = true;
        for (int i = 0; i < lines.getSeriesCount(); i++) {
            short_ &= lines.getItemCount(i) <= DeviceQuantiles.MAX_LINE_POINTS;
        }
        if (short_) {
            return lines;
        }
        XYSeriesCollection out = new XYSeriesCollection();
        for (int i = 0; i < lines.getSeriesCount(); i++) {
            out.addSeries(DeviceQuantiles.bounded(lines.getSeries(i)));
        }
        return out;
    }

    /** The median line with its two bands of {@link DeviceQuantiles#bands}: the inner band drawn darker. */
    static DeviationRenderer bandRenderer() {
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        renderer.setAlpha(BAND_ALPHA);
        renderer.setLegendLine(PaperStyle.legendLine());
        for (int s = 0; s < 2; s++) {
            renderer.setSeriesPaint(s, PaperStyle.BLUE);
            renderer.setSeriesFillPaint(s, PaperStyle.BLUE);
            renderer.setSeriesStroke(s, new BasicStroke(PaperStyle.LINE_WIDTH_PT));
        }
        return renderer;
    }

    /** Share of the band colour's opacity in {@link #bandRenderer()}, per band. */
    private static final float BAND_ALPHA = 0.22f;

    /**
     * Legend of {@link #bandRenderer()}: the median line, the inner band (two bands on top of each
     * other) and the outer band, each in the colour it is drawn.
     */
    static LegendItemCollection bandLegend(int devices) {
        Color blue = PaperStyle.BLUE;
        float inner = 1 - (1 - BAND_ALPHA) * (1 - BAND_ALPHA);
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(PaperStyle.lineLegendItem("median of " + devices + " devices", blue,
                new BasicStroke(PaperStyle.LINE_WIDTH_PT), null));
        legend.add(new LegendItem("10–90 %", null, null, null, new Rectangle(-5, -4, 10, 8), translucent(blue, inner)));
        legend.add(new LegendItem("least to most", null, null, null, new Rectangle(-5, -4, 10, 8),
                translucent(blue, BAND_ALPHA)));
        return legend;
    }

    /** {@code colour} mixed with white at opacity {@code alpha}, as it shows on the white plot. */
    private static Color translucent(Color colour, float alpha) {
        return new Color(Math.round(255 - alpha * (255 - colour.getRed())),
                Math.round(255 - alpha * (255 - colour.getGreen())), Math.round(255 - alpha * (255 - colour.getBlue())));
    }

    /** Thin grey lines, all alike, for more series than colours and dashes can tell apart. */
    private static XYLineAndShapeRenderer alikeRenderer() {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setDrawSeriesLineAsPath(true);
        renderer.setAutoPopulateSeriesPaint(false);
        renderer.setDefaultPaint(PaperStyle.MANY_SERIES_PAINT);
        renderer.setAutoPopulateSeriesStroke(false);
        renderer.setDefaultStroke(new BasicStroke(PaperStyle.THIN_LINE_WIDTH_PT));
        return renderer;
    }

    private static NumberAxis energyAxis(String label) {
        NumberAxis axis = PaperStyle.axis(label, false);
        axis.setAutoRangeIncludesZero(true);
        axis.setAutoRangeMinimumSize(MIN_ENERGY_SPAN_J);
        axis.setRangeType(RangeType.POSITIVE);
        axis.setLowerMargin(0);
        return axis;
    }

    /**
     * Bars of round latency per round.
     *
     * @param data the per-round latency
     * @return the chart
     */
    public static JFreeChart roundLatency(RoundLatency data) {
        XYBarRenderer renderer = new XYBarRenderer(0.25);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setSeriesPaint(0, PaperStyle.BLUE);
        NumberAxis latency = PaperStyle.axis(PaperStyle.label("Round latency", data.time().symbol()), false);
        latency.setAutoRangeIncludesZero(true);
        latency.setAutoRangeMinimumSize(MIN_TIME_SPAN);
        latency.setRangeType(RangeType.POSITIVE);
        latency.setLowerMargin(0);
        XYPlot plot = new XYPlot(data.latency(), roundAxis(), latency, renderer);
        PaperStyle.style(plot);
        plot.setDomainGridlinesVisible(false);
        return PaperStyle.chart(LATENCY_TITLE, plot, false);
    }

    /**
     * Two panels over one round axis: test accuracy (%) above, test loss below, each a solid line
     * through the evaluated rounds. Where the run measured them, the training accuracy and loss
     * are drawn in the same panels as dashed lines of the same colour, and a legend tells solid
     * (test) from dashed (training).
     *
     * @param data accuracy and loss per round
     * @return the chart
     */
    public static JFreeChart accuracyPerRound(AccuracyAndLoss data) {
        boolean training = data.hasTraining();
        XYLineAndShapeRenderer accuracyRenderer = perRoundRenderer(data.accuracyPercent(), 0);
        XYLineAndShapeRenderer lossRenderer = perRoundRenderer(data.loss(), 1);
        NumberAxis accuracyAxis = accuracyAxis();
        if (training) {
            accuracyAxis.setLabel(TEST_AND_TRAINING_ACCURACY_LABEL);
        }
        XYPlot accuracy = new XYPlot(data.accuracyPercent(), null, accuracyAxis, accuracyRenderer);
        NumberAxis lossAxis = PaperStyle.axis(training ? TEST_AND_TRAINING_LOSS_LABEL : LOSS_LABEL, false);
        lossAxis.setAutoRangeMinimumSize(MIN_LOSS_SPAN);
        XYPlot loss = new XYPlot(data.loss(), null, lossAxis, lossRenderer);
        accuracy.setDataset(1, data.trainAccuracyPercent());
        accuracy.setRenderer(1, trainingRenderer(data.trainAccuracyPercent(), 0));
        loss.setDataset(1, data.trainLoss());
        loss.setRenderer(1, trainingRenderer(data.trainLoss(), 1));

        NumberAxis rounds = roundAxis();
        Range roundRange = Range.combine(DatasetUtils.findDomainBounds(data.accuracyPercent()),
                DatasetUtils.findDomainBounds(data.loss()));
        if (roundRange != null && roundRange.getLength() > 0) {
            // Half a round of room at each end, so the first and last markers clear the frame.
            double margin = Math.max(PaperStyle.AXIS_MARGIN, 0.5 / roundRange.getLength());
            rounds.setLowerMargin(margin);
            rounds.setUpperMargin(margin);
        }
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(rounds);
        plot.setGap(SUBPLOT_GAP_PT);
        plot.add(PaperStyle.style(accuracy), 1);
        plot.add(PaperStyle.style(loss), 1);
        PaperStyle.style(plot);
        if (training) {
            plot.setFixedLegendItems(PaperStyle.testAndTrainingLegend());
        }
        return PaperStyle.chart(training ? TEST_AND_TRAINING_ACCURACY_TITLE : ACCURACY_TITLE, plot, training);
    }

    /** Dashed lines in the colour of style {@code styleIndex}, without markers, for training curves. */
    private static XYLineAndShapeRenderer trainingRenderer(XYSeriesCollection data, int styleIndex) {
        XYLineAndShapeRenderer renderer = PaperStyle.lineRenderer(0, false);
        for (int s = 0; s < data.getSeriesCount(); s++) {
            renderer.setSeriesPaint(s, PaperStyle.seriesPaint(styleIndex));
            renderer.setSeriesStroke(s, PaperStyle.trainingStroke());
        }
        return renderer;
    }

    /**
     * Test accuracy (%) against cumulative uplink traffic, a line with one marker per round.
     *
     * @param data accuracy against cumulative uplink bytes
     * @return the chart
     */
    public static JFreeChart accuracyVsUplinkBytes(AccuracyVsUplink data) {
        NumberAxis bytes = PaperStyle.axis(PaperStyle.label("Cumulative uplink traffic",
                data.bytes().symbol()), false);
        bytes.setAutoRangeIncludesZero(true);
        bytes.setLowerMargin(0);
        bytes.setAutoRangeMinimumSize(MIN_BYTES_SPAN);
        bytes.setRangeType(RangeType.POSITIVE);
        XYPlot plot = new XYPlot(data.accuracyPercent(), bytes, accuracyAxis(),
                perRoundRenderer(data.accuracyPercent(), 0));
        PaperStyle.style(plot);
        return PaperStyle.chart(ACCURACY_VS_UPLINK_TITLE, plot, false);
    }

    private static NumberAxis accuracyAxis() {
        NumberAxis axis = PaperStyle.axis(ACCURACY_LABEL, false);
        axis.setAutoRangeMinimumSize(MIN_ACCURACY_SPAN_PERCENT);
        axis.setRangeType(RangeType.POSITIVE);
        return axis;
    }

    /** An axis of round numbers: whole-number ticks, one round wide at least. */
    private static NumberAxis roundAxis() {
        NumberAxis axis = PaperStyle.axis(ROUND_LABEL, true);
        axis.setAutoRangeMinimumSize(1);
        axis.setRangeType(RangeType.POSITIVE);
        return axis;
    }

    /** A line in the style of series {@code styleIndex}, with markers while they stay apart. */
    private static XYLineAndShapeRenderer perRoundRenderer(XYSeriesCollection data, int styleIndex) {
        XYLineAndShapeRenderer renderer = PaperStyle.lineRenderer(0, fewPoints(data));
        renderer.setSeriesPaint(0, PaperStyle.seriesPaint(styleIndex));
        renderer.setSeriesStroke(0, PaperStyle.seriesStroke(0, PaperStyle.LINE_WIDTH_PT));
        renderer.setSeriesShape(0, PaperStyle.seriesShape(styleIndex));
        return renderer;
    }

    private static boolean fewPoints(XYDataset data) {
        for (int s = 0; s < data.getSeriesCount(); s++) {
            if (data.getItemCount(s) > PaperStyle.MAX_POINTS_WITH_MARKERS) {
                return false;
            }
        }
        return true;
    }
}
