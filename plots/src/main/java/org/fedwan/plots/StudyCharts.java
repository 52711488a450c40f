package org.fedwan.plots;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.util.List;
import org.fedwan.plots.ComparisonDatasets.AccuracyPerRound;
import org.fedwan.plots.ComparisonDatasets.PerMethod;
import org.fedwan.plots.ComparisonDatasets.TrainingPerRound;
import org.fedwan.plots.EnergyDatasets.DeviceBand;
import org.fedwan.plots.EnergyDatasets.DeviceEnergies;
import org.fedwan.plots.EnergyDatasets.EnergyByState;
import org.fedwan.plots.SweepDatasets.HeatMap;
import org.fedwan.plots.SweepDatasets.MetricVsParameter;
import org.fedwan.plots.SweepDatasets.Pareto;
import org.fedwan.plots.TimingDatasets.DutyCycleShare;
import org.fedwan.plots.TimingDatasets.LatencyBreakdown;
import org.fedwan.plots.TimingDatasets.Timeline;
import org.fedwan.plots.TimingDatasets.UploadCdf;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.StackedXYBarRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.RangeType;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Charts of the datasets of {@link EnergyDatasets}, {@link TimingDatasets},
 * {@link ComparisonDatasets} and {@link SweepDatasets}, in {@link PaperStyle}. Every title and
 * axis label names its quantity and unit; stacked parts and compared methods get distinct colours
 * from the Okabe–Ito palette, and lines distinct dashes and markers, so that figures stay readable
 * in grey-scale print.
 */
public final class StudyCharts {

    static {
        Headless.ensure();
    }

    /** Label of round-number axes. */
    public static final String ROUND_LABEL = RunCharts.ROUND_LABEL;
    /** Label of training-loss axes (loss has no unit). */
    public static final String TRAIN_LOSS_LABEL = "Training loss";
    /** Label of gradient-norm axes (the L2 norm of the full gradient on the training subset). */
    public static final String GRADIENT_NORM_LABEL = "Gradient L2 norm";

    /** Frames narrower than this are drawn this wide in the timeline, pt. */
    public static final float MIN_FRAME_WIDTH_PT = 0.8f;

    private StudyCharts() {
    }

    /**
     * @param data cumulative energy by state
     * @return a stacked area chart over simulated time
     */
    public static JFreeChart energyByState(EnergyByState data) {
        // Each series holds its stacked top; drawn last series first, each as one filled polygon
        // from zero, so the states appear stacked without seams between items.
        org.jfree.chart.renderer.xy.XYAreaRenderer renderer = new org.jfree.chart.renderer.xy.XYAreaRenderer();
        for (int s = 0; s < data.stacked().getSeriesCount(); s++) {
            renderer.setSeriesPaint(s, statePaint((String) data.stacked().getSeriesKey(s)));
        }
        renderer.setLegendArea(new java.awt.Rectangle(-5, -4, 10, 8));
        XYPlot plot = new XYPlot(data.stacked(), timeAxis(data.time()),
                zeroBased(PaperStyle.label("Cumulative energy, all devices", "J"), false), renderer);
        PaperStyle.style(plot);
        plot.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.REVERSE);
        return PaperStyle.chart("Energy by state over time", plot, true, 2);
    }

    /** The colour of a state of {@link EnergyDatasets#DEVICE_STATES}, the same in every figure. */
    static Paint statePaint(String state) {
        int i = EnergyDatasets.DEVICE_STATES.indexOf(state);
        return List.of(PaperStyle.VERMILLION, PaperStyle.BLUE, PaperStyle.ORANGE, PaperStyle.SKY_BLUE,
                PaperStyle.BLUISH_GREEN, PaperStyle.REDDISH_PURPLE, PaperStyle.YELLOW).get(Math.max(0, i));
    }

    /**
     * @param data cumulative energy of a few devices by state
     * @return one small stacked-area panel per device in a grid, all on the same time and energy
     *     ranges, with one legend of the states; a subtitle says when only some devices are shown
     */
    public static JFreeChart energySmallMultiples(DeviceEnergies data) {
        double endX = 0;
        double maxJ = 0;
        for (XYSeriesCollection device : data.stacked()) {
            if (device.getSeriesCount() > 0) {
                XYSeries total = device.getSeries(device.getSeriesCount() - 1);
                endX = Math.max(endX, total.getMaxX());
                maxJ = Math.max(maxJ, total.getMaxY());
            }
        }
        List<XYPlot> panels = new java.util.ArrayList<>();
        for (XYSeriesCollection device : data.stacked()) {
            org.jfree.chart.renderer.xy.XYAreaRenderer renderer = new org.jfree.chart.renderer.xy.XYAreaRenderer();
            for (int s = 0; s < device.getSeriesCount(); s++) {
                renderer.setSeriesPaint(s, statePaint((String) device.getSeriesKey(s)));
            }
            NumberAxis time = PaperStyle.style(new SmallMultiplesPlot.PanelAxis(), false);
            time.setRange(0, endX > 0 ? endX : 1);
            NumberAxis energy = PaperStyle.axis(null, false);
            energy.setRange(0, maxJ > 0 ? maxJ * (1 + PaperStyle.AXIS_MARGIN) : 1e-3);
            XYPlot panel = PaperStyle.style(new XYPlot(device, time, energy, renderer));
            panel.setInsets(org.jfree.chart.ui.RectangleInsets.ZERO_INSETS);
            // Each series holds its stacked top: the total first, each state drawn over it.
            panel.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.REVERSE);
            panels.add(panel);
        }
        org.jfree.chart.LegendItemCollection legend = new org.jfree.chart.LegendItemCollection();
        for (String state : data.states()) {
            legend.add(new org.jfree.chart.LegendItem(state, null, null, null,
                    new java.awt.Rectangle(-5, -4, 10, 8), statePaint(state)));
        }
        SmallMultiplesPlot plot = new SmallMultiplesPlot(panels, data.devices(),
                PaperStyle.label("Simulated time", data.time().symbol()),
                PaperStyle.label("Cumulative energy", "J"), legend);
        JFreeChart chart = PaperStyle.chart("Energy by state per device", plot, true, 2);
        if (data.sampled()) {
            org.jfree.chart.title.TextTitle note = new org.jfree.chart.title.TextTitle(data.devices().size()
                    + " of " + data.totalDevices() + " devices, evenly spaced in device order", PaperStyle.TICK_FONT);
            note.setPosition(org.jfree.chart.ui.RectangleEdge.TOP);
            chart.addSubtitle(0, note);
        }
        return chart;
    }

    /**
     * @param data a per-device band per protocol group
     * @param title chart title
     * @return median lines with min–max bands over simulated time
     */
    public static JFreeChart deviceBand(DeviceBand data, String title) {
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        for (int s = 0; s < data.band().getSeriesCount(); s++) {
            renderer.setSeriesPaint(s, PaperStyle.seriesPaint(s));
            renderer.setSeriesFillPaint(s, PaperStyle.seriesPaint(s));
            renderer.setSeriesStroke(s, PaperStyle.seriesStroke(s, PaperStyle.LINE_WIDTH_PT));
        }
        renderer.setAlpha(0.25f);
        renderer.setLegendLine(PaperStyle.legendLine());
        NumberAxis y = PaperStyle.axis(PaperStyle.label(data.quantity(), data.unit()), false);
        y.setAutoRangeIncludesZero(true);
        y.setAutoRangeMinimumSize(1e-3);
        XYPlot plot = new XYPlot(data.band(), timeAxis(data.time()), y, renderer);
        PaperStyle.style(plot);
        JFreeChart chart = PaperStyle.chart(title, plot, true, 2);
        org.jfree.chart.title.TextTitle note = new org.jfree.chart.title.TextTitle(
                "line: median device; band: least to most of " + data.devices() + " devices", PaperStyle.TICK_FONT);
        note.setPosition(org.jfree.chart.ui.RectangleEdge.TOP);
        chart.addSubtitle(0, note);
        return chart;
    }

    /**
     * @param data the parts of each round
     * @return stacked bars per round
     */
    public static JFreeChart latencyBreakdown(LatencyBreakdown data) {
        StackedXYBarRenderer renderer = new StackedXYBarRenderer(0.25);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        List<Color> colours = List.of(PaperStyle.ORANGE, PaperStyle.SKY_BLUE, PaperStyle.VERMILLION, PaperStyle.BLUE);
        for (int s = 0; s < colours.size(); s++) {
            renderer.setSeriesPaint(s, colours.get(s));
        }
        XYPlot plot = new XYPlot(data.stacked(), roundAxis(),
                zeroBased(PaperStyle.label("Round latency", data.time().symbol()), false), renderer);
        PaperStyle.style(plot);
        plot.setDomainGridlinesVisible(false);
        return PaperStyle.chart("Round latency by part", plot, true, 2);
    }

    /**
     * @param data the upload completion CDF
     * @return a step line
     */
    public static JFreeChart uploadCdf(UploadCdf data) {
        XYStepRenderer renderer = new XYStepRenderer();
        int curves = data.cdf().getSeriesCount();
        for (int i = 0; i < curves; i++) {
            renderer.setSeriesPaint(i, curves == 1 ? PaperStyle.BLUE : PaperStyle.seriesPaint(i));
            renderer.setSeriesStroke(i, PaperStyle.seriesStroke(i, PaperStyle.LINE_WIDTH_PT));
        }
        NumberAxis share = PaperStyle.axis(PaperStyle.label("Uploads completed", "%"), false);
        share.setRange(0, 100);
        XYPlot plot = new XYPlot(data.cdf(),
                zeroBased(PaperStyle.label("Time from round start", data.time().symbol()), false), share, renderer);
        PaperStyle.style(plot);
        // one curve per protocol needs a legend to tell them apart
        return PaperStyle.chart("Client upload completion (CDF)", plot, curves > 1);
    }

    /**
     * @param data duty-cycle waiting share per round
     * @return bars per round
     */
    public static JFreeChart dutyCycleShare(DutyCycleShare data) {
        XYBarRenderer renderer = new XYBarRenderer(0.25);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setSeriesPaint(0, PaperStyle.SKY_BLUE);
        NumberAxis share = zeroBased(PaperStyle.label("Duty-cycle wait, share of upload time", "%"), false);
        share.setUpperBound(100);
        share.setAutoRange(false);
        share.setRange(0, 100);
        XYPlot plot = new XYPlot(data.share(), roundAxis(), share, renderer);
        PaperStyle.style(plot);
        plot.setDomainGridlinesVisible(false);
        return PaperStyle.chart("Duty-cycle waiting per round", plot, false);
    }

    /**
     * @param data frames per device in a window
     * @return horizontal bars, one row per device
     */
    public static JFreeChart timeline(Timeline data) {
        XYBarRenderer renderer = new XYBarRenderer();
        renderer.setUseYInterval(true);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        // An outline of the fill colour keeps frames of a fraction of a point visible.
        renderer.setDrawBarOutline(true);
        List<Color> colours = List.of(PaperStyle.BLUE, PaperStyle.VERMILLION, PaperStyle.ORANGE);
        for (int s = 0; s < colours.size(); s++) {
            renderer.setSeriesPaint(s, colours.get(s));
            renderer.setSeriesOutlinePaint(s, colours.get(s));
            renderer.setSeriesOutlineStroke(s, new BasicStroke(MIN_FRAME_WIDTH_PT));
        }
        SymbolAxis devices = new SymbolAxis("Device", data.devices().toArray(new String[0]));
        devices.setLabelFont(PaperStyle.LABEL_FONT);
        devices.setTickLabelFont(PaperStyle.TICK_FONT);
        devices.setGridBandsVisible(false);
        devices.setInverted(true);
        NumberAxis time = PaperStyle.axis(PaperStyle.label("Simulated time", data.time().symbol()), false);
        time.setAutoRange(false);
        time.setRange(data.time().of(data.windowStartS()), data.time().of(data.windowEndS()));
        XYPlot plot = new XYPlot(data.frames(), time, devices, renderer);
        PaperStyle.style(plot);
        plot.setDomainGridlinesVisible(false);
        return PaperStyle.chart("Frames per device (first " + data.devices().size() + " devices)", plot, true);
    }

    /**
     * @param data accuracy per byte per method
     * @return lines over rounds; y logarithmic when the values span more than a decade
     */
    public static JFreeChart accuracyPerByte(PerMethod data) {
        org.jfree.data.Range range = org.jfree.data.general.DatasetUtils.findRangeBounds(data.series());
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
        XYPlot plot = new XYPlot(data.series(), roundAxis(), y, methodRenderer(data.series()));
        PaperStyle.style(plot);
        return PaperStyle.chart("Accuracy per byte", plot, true, 2);
    }

    /** Whether a range of positive values spans more than a factor of ten. */
    static boolean spansMoreThanADecade(org.jfree.data.Range range) {
        return range != null && range.getLowerBound() > 0 && range.getUpperBound() / range.getLowerBound() > 10;
    }

    /**
     * A round axis with half a round of room at each end of the rounds of {@code data}, so that the
     * first and last markers clear the frame.
     */
    private static NumberAxis roundAxis(XYDataset... data) {
        NumberAxis axis = roundAxis();
        org.jfree.data.Range rounds = null;
        for (XYDataset d : data) {
            rounds = org.jfree.data.Range.combine(rounds, org.jfree.data.general.DatasetUtils.findDomainBounds(d));
        }
        if (rounds != null && rounds.getLength() > 0) {
            double margin = Math.max(PaperStyle.AXIS_MARGIN, 0.5 / rounds.getLength());
            axis.setLowerMargin(margin);
            axis.setUpperMargin(margin);
        }
        return axis;
    }

    /**
     * Two panels over one round axis, one line per method: test accuracy (%) above, test loss
     * below (seed 000 Fig. 1; seed 002 Fig. 2). Without training values each method has its own
     * colour, dash and marker. With them, each method's training accuracy and loss are drawn in the
     * same panels as dashed lines of its colour, its test curves solid with its marker, and the
     * legend adds what solid and dashed mean.
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
        org.jfree.chart.LegendItemCollection legend = new org.jfree.chart.LegendItemCollection();
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
        String label = PaperStyle.label("Cumulative uplink traffic", data.unit().symbol());
        org.jfree.data.Range range = org.jfree.data.general.DatasetUtils.findDomainBounds(data.series(), false);
        ValueAxis bytes = spansMoreThanADecade(range) ? new PaperLogAxis(label, range) : zeroBased(label, false);
        NumberAxis accuracy = PaperStyle.axis(RunCharts.ACCURACY_LABEL, false);
        accuracy.setAutoRangeMinimumSize(1);
        XYPlot plot = new XYPlot(data.series(), bytes, accuracy, methodRenderer(data.series()));
        PaperStyle.style(plot);
        return PaperStyle.chart(RunCharts.ACCURACY_VS_UPLINK_TITLE, plot, data.series().getSeriesCount() > 1, 2);
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
        org.jfree.data.Range norms = org.jfree.data.general.DatasetUtils.findRangeBounds(data.gradientNorm());
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
                zeroBased(PaperStyle.label("Cumulative radio energy, frames", "J"), false), accuracy,
                methodRenderer(data.series()));
        PaperStyle.style(plot);
        return PaperStyle.chart("Test accuracy vs. energy", plot, data.series().getSeriesCount() > 1, 2);
    }

    /**
     * @param data bytes per client per round, rows the byte kinds, columns the methods
     * @return grouped bars with value labels
     */
    public static JFreeChart bytesPerRound(org.jfree.data.category.CategoryDataset data) {
        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setItemMargin(0.05);
        for (int r = 0; r < data.getRowCount(); r++) {
            renderer.setSeriesPaint(r, r == 0 ? PaperStyle.BLUE : PaperStyle.SKY_BLUE);
        }
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}",
                new java.text.DecimalFormat("#,##0", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT))));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(new Font(PaperStyle.FONT_FAMILY, Font.PLAIN, 6));
        CategoryAxis methods = new CategoryAxis("Method");
        methods.setLabelFont(PaperStyle.LABEL_FONT);
        methods.setTickLabelFont(PaperStyle.TICK_FONT);
        NumberAxis bytes = zeroBased(PaperStyle.label("Uplink per client per round", "B"), false);
        bytes.setUpperMargin(0.15);
        CategoryPlot plot = new CategoryPlot(data, methods, bytes, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(PaperStyle.AXIS_PAINT);
        plot.setRangeGridlinePaint(PaperStyle.GRID_PAINT);
        return PaperStyle.chart("Uplink bytes per round per method", plot, true);
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
        org.jfree.data.Range xRange = org.jfree.data.general.DatasetUtils.findDomainBounds(points, false);
        // Only the points on the front are named (the others are dominated); points that coincide share
        // one label, and labels of neighbouring front points alternate above and below to stay apart.
        java.util.Set<java.util.List<Double>> front = new java.util.HashSet<>();
        if (points.getSeriesCount() > 1) {
            for (int i = 0; i < points.getItemCount(1); i++) {
                front.add(java.util.List.of(points.getXValue(1, i), points.getYValue(1, i)));
            }
        }
        java.util.Map<java.util.List<Double>, String> labels = new java.util.TreeMap<>(
                java.util.Comparator.comparing((java.util.List<Double> k) -> k.get(0)).thenComparing(k -> k.get(1)));
        for (int i = 0; i < points.getItemCount(0); i++) {
            java.util.List<Double> key = java.util.List.of(points.getXValue(0, i), points.getYValue(0, i));
            if (front.isEmpty() || front.contains(key)) {
                labels.merge(key, data.labels().get(i), StudyCharts::mergeLabels);
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
        return PaperStyle.chart("Accuracy vs. " + data.cost().quantity().toLowerCase(java.util.Locale.ROOT)
                + " (Pareto front)", plot, true);
    }

    /**
     * Joins the labels of coincident points; labels that differ only in their last " / " part are
     * written once with the last parts listed ("int8 / lorawan / 0.01, 0.001").
     */
    static String mergeLabels(String a, String b) {
        int ia = a.lastIndexOf(" / ");
        int ib = b.lastIndexOf(" / ");
        if (ia > 0 && ib > 0 && a.substring(0, ia).equals(b.substring(0, ib))) {
            return a + ", " + b.substring(ib + 3);
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
        java.text.DecimalFormat format = new java.text.DecimalFormat("#,##0.0",
                java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT));
        for (int i = 0; i < data.cells().getItemCount(0); i++) {
            double z = data.cells().getZValue(0, i);
            XYTextAnnotation label = new XYTextAnnotation(format.format(z) + " " + data.unit().symbol(),
                    data.cells().getXValue(0, i), data.cells().getYValue(0, i));
            label.setFont(PaperStyle.TICK_FONT);
            label.setPaint((z - min) / (max - min) > 0.55 ? Color.WHITE : Color.BLACK);
            plot.addAnnotation(label);
        }
        return PaperStyle.chart(data.metric().quantity() + " (" + data.unit().symbol() + ")", plot, false);
    }

    private static SymbolAxis symbolAxis(String label, List<String> values) {
        SymbolAxis axis = new SymbolAxis(label, values.toArray(new String[0]));
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

    private static XYLineAndShapeRenderer methodRenderer(XYDataset data) {
        boolean markers = true;
        for (int s = 0; s < data.getSeriesCount(); s++) {
            markers &= data.getItemCount(s) <= PaperStyle.MAX_POINTS_WITH_MARKERS;
        }
        return PaperStyle.lineRenderer(data.getSeriesCount(), markers);
    }

    private static NumberAxis timeAxis(AxisUnit time) {
        NumberAxis axis = PaperStyle.axis(PaperStyle.label("Simulated time", time.symbol()), false);
        axis.setLowerMargin(0);
        axis.setUpperMargin(0);
        axis.setAutoRangeIncludesZero(true);
        axis.setAutoRangeMinimumSize(1);
        return axis;
    }

    private static NumberAxis zeroBased(String label, boolean integerTicks) {
        NumberAxis axis = PaperStyle.axis(label, integerTicks);
        axis.setAutoRangeIncludesZero(true);
        axis.setAutoRangeMinimumSize(1e-3);
        axis.setRangeType(RangeType.POSITIVE);
        axis.setLowerMargin(0);
        return axis;
    }

    private static NumberAxis roundAxis() {
        NumberAxis axis = PaperStyle.axis(ROUND_LABEL, true);
        axis.setAutoRangeMinimumSize(1);
        return axis;
    }
}
