package org.fedwan.plots;

import java.awt.Color;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fedwan.plots.ComparisonDatasets.AccuracyPerRound;
import org.fedwan.plots.ComparisonDatasets.PerMethod;
import org.fedwan.plots.ComparisonDatasets.TrainingPerRound;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.Range;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.general.DatasetUtils;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Charts of the datasets that compare methods round by round ({@link ComparisonDatasets}), in
 * {@link PaperStyle}: accuracy and loss per round, accuracy against uplink traffic, energy and per
 * byte, training loss and gradient norm, and uplink bytes per round. Each method keeps its colour,
 * dash and marker, so that figures stay readable in grey-scale print.
 */
public final class ComparisonCharts {

    static {
        Headless.ensure();
    }

    /** Label of training-loss axes (loss has no unit). */
    public static final String TRAIN_LOSS_LABEL = "Training loss";
    /** Label of gradient-norm axes (the L2 norm of the full gradient on the training subset). */
    public static final String GRADIENT_NORM_LABEL = "Gradient L2 norm";

    private ComparisonCharts() {
    }

    /**
     * Two panels over one round axis, one line per method: test accuracy (%) above, test loss
     * below (seed 000 Fig. 1; seed 002 Fig. 2). Without training values each method has its own
     * colour, dash and marker. With them, each method's training accuracy and loss are drawn in the
     * same panels as dashed lines of its colour, its test curves solid with its marker, and the
     * legend adds what solid and dashed mean. With bands (a sweep with replications,
     * {@link ComparisonDatasets#accuracyBand}), each method's test accuracy has its 95 % confidence
     * band as a translucent area of its colour.
     *
     * @param data accuracy and loss per round per method
     * @return the chart
     */
    public static JFreeChart accuracyPerRound(AccuracyPerRound data) {
        boolean training = data.hasTraining();
        NumberAxis accuracyAxis = PaperStyle.axis(training ? RunCharts.TEST_AND_TRAINING_ACCURACY_LABEL
                : RunCharts.ACCURACY_LABEL, false);
        accuracyAxis.setAutoRangeMinimumSize(1);
        NumberAxis lossAxis = PaperStyle.axis(training ? RunCharts.TEST_AND_TRAINING_LOSS_LABEL
                : RunCharts.LOSS_LABEL, false);
        lossAxis.setAutoRangeMinimumSize(0.01);
        XYLineAndShapeRenderer testRenderer = testRenderer(data.accuracyPercent(), training);
        XYPlot accuracy = new XYPlot(data.accuracyPercent(), null, accuracyAxis, testRenderer);
        XYPlot loss = new XYPlot(data.loss(), null, lossAxis, testRenderer(data.loss(), training));
        if (data.hasBands()) {
            // drawn first (datasets render in reverse index order), under the curves
            accuracy.setDataset(2, data.accuracyBandPercent());
            accuracy.setRenderer(2, bandRenderer(testRenderer, data.accuracyBandPercent().getSeriesCount()));
        }
        if (training) {
            accuracy.setDataset(1, data.trainAccuracyPercent());
            accuracy.setRenderer(1, trainingRenderer(data.trainAccuracyPercent().getSeriesCount()));
            loss.setDataset(1, data.trainLoss());
            loss.setRenderer(1, trainingRenderer(data.trainLoss().getSeriesCount()));
        }
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(roundAxis(data.accuracyPercent(), data.loss(),
                data.trainAccuracyPercent(), data.trainLoss()));
        plot.setGap(6);
        plot.add(PaperStyle.style(accuracy), 1);
        plot.add(PaperStyle.style(loss), 1);
        PaperStyle.style(plot);
        LegendItemCollection legend = new LegendItemCollection();
        int methods = data.accuracyPercent().getSeriesCount();
        for (int s = 0; s < methods; s++) {
            legend.add(PaperStyle.lineLegendItem((String) data.accuracyPercent().getSeriesKey(s),
                    testRenderer.getSeriesPaint(s), testRenderer.getSeriesStroke(s),
                    testRenderer.getDefaultShapesVisible() ? testRenderer.getSeriesShape(s) : null));
        }
        if (training) {
            legend.addAll(PaperStyle.testAndTrainingLegend());
        }
        plot.setFixedLegendItems(legend);
        return PaperStyle.chart(training ? RunCharts.TEST_AND_TRAINING_ACCURACY_TITLE : RunCharts.ACCURACY_TITLE,
                plot, methods > 1 || training, 2);
    }

    /** Confidence bands: translucent areas in the colours of the methods, without lines or markers. */
    private static DeviationRenderer bandRenderer(XYLineAndShapeRenderer curves, int seriesCount) {
        DeviationRenderer band = new DeviationRenderer(false, false);
        band.setAlpha(0.2f);
        for (int s = 0; s < seriesCount; s++) {
            band.setSeriesPaint(s, curves.getSeriesPaint(s));
            band.setSeriesFillPaint(s, curves.getSeriesPaint(s));
            band.setSeriesVisibleInLegend(s, false);
        }
        return band;
    }

    /** Test curves: the usual distinct styles, or solid lines with distinct markers next to dashed training curves. */
    private static XYLineAndShapeRenderer testRenderer(XYDataset data, boolean training) {
        XYLineAndShapeRenderer renderer = methodRenderer(data);
        if (training) {
            for (int s = 0; s < data.getSeriesCount(); s++) {
                renderer.setSeriesStroke(s, PaperStyle.seriesStroke(0, PaperStyle.LINE_WIDTH_PT));
            }
        }
        return renderer;
    }

    /** Training curves: dashed lines in the colours of the methods, without markers. */
    private static XYLineAndShapeRenderer trainingRenderer(int seriesCount) {
        XYLineAndShapeRenderer renderer = PaperStyle.lineRenderer(seriesCount, false);
        for (int s = 0; s < seriesCount; s++) {
            renderer.setSeriesStroke(s, PaperStyle.trainingStroke());
        }
        return renderer;
    }

    /**
     * @param data test accuracy against cumulative uplink bytes per method
     * @return lines with markers; x logarithmic when the bytes span more than a decade (seed 004
     *     Fig. 2 plots against bits on a logarithmic axis)
     */
    public static JFreeChart accuracyVsUplinkBytes(PerMethod data) {
        return accuracyVsUplinkBytes(data, new YIntervalSeriesCollection());
    }

    /**
     * As {@link #accuracyVsUplinkBytes(PerMethod)}, each method's accuracy with its 95 % confidence
     * band across replications as a translucent area of its colour where {@code band} has one.
     *
     * @param data test accuracy against cumulative uplink bytes per method
     * @param band per method (same order), accuracy band in % against bytes in {@code data.unit()}
     * @return the chart
     */
    public static JFreeChart accuracyVsUplinkBytes(PerMethod data, YIntervalSeriesCollection band) {
        String label = PaperStyle.label("Cumulative uplink traffic", data.unit().symbol());
        Range range = DatasetUtils.findDomainBounds(data.series(), false);
        ValueAxis bytes = spansMoreThanADecade(range) ? new PaperLogAxis(label, range) : StudyAxes.zeroBased(label, false);
        NumberAxis accuracy = PaperStyle.axis(RunCharts.ACCURACY_LABEL, false);
        accuracy.setAutoRangeMinimumSize(1);
        XYLineAndShapeRenderer curves = methodRenderer(data.series());
        XYPlot plot = new XYPlot(data.series(), bytes, accuracy, curves);
        boolean bands = false;
        for (int s = 0; s < band.getSeriesCount(); s++) {
            bands |= band.getItemCount(s) > 0;
        }
        if (bands) {
            // drawn first (datasets render in reverse index order), under the curves
            plot.setDataset(1, band);
            plot.setRenderer(1, bandRenderer(curves, band.getSeriesCount()));
        }
        PaperStyle.style(plot);
        return PaperStyle.chart(RunCharts.ACCURACY_VS_UPLINK_TITLE + (bands ? " (95 % CI)" : ""), plot,
                data.series().getSeriesCount() > 1, 2);
    }

    /**
     * @param data accuracy per byte per method
     * @return lines over rounds; y logarithmic when the values span more than a decade
     */
    public static JFreeChart accuracyPerByte(PerMethod data) {
        Range range = DatasetUtils.findRangeBounds(data.series());
        ValueAxis y;
        String label = PaperStyle.label("Accuracy per uplink byte", "% per kB");
        if (spansMoreThanADecade(range)) {
            // Methods a decade or more apart (seed 000: FedAvg vs. int4 is 47x): logarithmic.
            y = new PaperLogAxis(label, range);
        } else {
            NumberAxis linear = PaperStyle.axis(label, false);
            linear.setAutoRangeIncludesZero(true);
            y = linear;
        }
        XYPlot plot = new XYPlot(data.series(), StudyAxes.roundAxis(), y, methodRenderer(data.series()));
        PaperStyle.style(plot);
        return PaperStyle.chart("Accuracy per byte", plot, true, 2);
    }

    /** Whether a range of positive values spans more than a factor of ten. */
    static boolean spansMoreThanADecade(Range range) {
        return range != null && range.getLowerBound() > 0 && range.getUpperBound() / range.getLowerBound() > 10;
    }

    /**
     * @param data training loss and gradient norm per round per method
     * @return two panels over one round axis, one line per method: training loss above, gradient
     *     norm below (logarithmic when it spans more than a decade, as it usually does while
     *     training converges)
     */
    public static JFreeChart trainingPerRound(TrainingPerRound data) {
        NumberAxis lossAxis = PaperStyle.axis(TRAIN_LOSS_LABEL, false);
        lossAxis.setAutoRangeMinimumSize(0.01);
        ValueAxis normAxis;
        Range norms = DatasetUtils.findRangeBounds(data.gradientNorm());
        if (spansMoreThanADecade(norms)) {
            normAxis = new PaperLogAxis(GRADIENT_NORM_LABEL, norms);
        } else {
            NumberAxis linear = PaperStyle.axis(GRADIENT_NORM_LABEL, false);
            linear.setAutoRangeMinimumSize(1e-6);
            normAxis = linear;
        }
        XYPlot loss = new XYPlot(data.trainLoss(), null, lossAxis, methodRenderer(data.trainLoss()));
        XYPlot norm = new XYPlot(data.gradientNorm(), null, normAxis, methodRenderer(data.gradientNorm()));
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(roundAxis(data.trainLoss(), data.gradientNorm()));
        plot.setGap(6);
        plot.add(PaperStyle.style(loss), 1);
        plot.add(PaperStyle.style(norm), 1);
        PaperStyle.style(plot);
        // The panels share their series: one legend entry each, not one per panel.
        plot.setFixedLegendItems(loss.getLegendItems());
        return PaperStyle.chart("Training loss and gradient norm per round", plot,
                data.trainLoss().getSeriesCount() > 1, 2);
    }

    /**
     * @param data accuracy against cumulative energy per method
     * @return lines with markers
     */
    public static JFreeChart accuracyVsEnergy(PerMethod data) {
        NumberAxis accuracy = PaperStyle.axis(RunCharts.ACCURACY_LABEL, false);
        accuracy.setAutoRangeMinimumSize(1);
        XYPlot plot = new XYPlot(data.series(),
                StudyAxes.zeroBased(PaperStyle.label("Cumulative radio energy, frames", "J"), false), accuracy,
                methodRenderer(data.series()));
        PaperStyle.style(plot);
        return PaperStyle.chart("Test accuracy vs. energy", plot, data.series().getSeriesCount() > 1, 2);
    }

    /**
     * @param data bytes per client per round, rows the byte kinds, columns the methods
     * @return grouped bars with value labels
     */
    public static JFreeChart bytesPerRound(CategoryDataset data) {
        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setItemMargin(0.05);
        for (int r = 0; r < data.getRowCount(); r++) {
            renderer.setSeriesPaint(r, r == 0 ? PaperStyle.BLUE : PaperStyle.SKY_BLUE);
        }
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}",
                new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT))));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(PaperStyle.TICK_FONT);
        List<String> labels = new ArrayList<>();
        for (int c = 0; c < data.getColumnCount(); c++) {
            labels.add(String.valueOf(data.getColumnKey(c)));
        }
        CategoryAxis methods = PaperStyle.categoryAxis("Method", labels);
        NumberAxis bytes = StudyAxes.zeroBased(PaperStyle.label("Uplink per client per round", "B"), false);
        bytes.setUpperMargin(0.15);
        CategoryPlot plot = new CategoryPlot(data, methods, bytes, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(PaperStyle.AXIS_PAINT);
        plot.setRangeGridlinePaint(PaperStyle.GRID_PAINT);
        return PaperStyle.chart("Uplink bytes per round per method", plot, true);
    }

    /**
     * A round axis with half a round of room at each end of the rounds of {@code data}, so that the
     * first and last markers clear the frame.
     */
    private static NumberAxis roundAxis(XYDataset... data) {
        NumberAxis axis = StudyAxes.roundAxis();
        Range rounds = null;
        for (XYDataset d : data) {
            rounds = Range.combine(rounds, DatasetUtils.findDomainBounds(d));
        }
        if (rounds != null && rounds.getLength() > 0) {
            double margin = Math.max(PaperStyle.AXIS_MARGIN, 0.5 / rounds.getLength());
            axis.setLowerMargin(margin);
            axis.setUpperMargin(margin);
        }
        return axis;
    }

    /**
     * One colour, dash and marker per method; series longer than
     * {@link PaperStyle#MAX_POINTS_WITH_MARKERS} get markers on a staggered subset of their points
     * ({@link SparseMarkerRenderer}), so that curves that coincide still tell apart.
     */
    static XYLineAndShapeRenderer methodRenderer(XYDataset data) {
        boolean markers = true;
        int[] counts = new int[data.getSeriesCount()];
        for (int s = 0; s < data.getSeriesCount(); s++) {
            counts[s] = data.getItemCount(s);
            markers &= counts[s] <= PaperStyle.MAX_POINTS_WITH_MARKERS;
        }
        return markers ? PaperStyle.lineRenderer(data.getSeriesCount(), true) : new SparseMarkerRenderer(counts);
    }
}
