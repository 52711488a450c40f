package org.fedwan.plots;

import java.awt.Color;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import org.fedwan.plots.TimingDatasets.DutyCycleShare;
import org.fedwan.plots.TimingDatasets.LatencyBreakdown;
import org.fedwan.plots.TimingDatasets.Timeline;
import org.fedwan.plots.TimingDatasets.UploadCdf;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StackedXYBarRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;

/**
 * Charts of the timing datasets ({@link TimingDatasets}), in {@link PaperStyle}: round latency by
 * part, the CDF of client upload completion, the duty-cycle waiting share per round, and a timeline
 * of the frames of the first devices.
 */
public final class TimingCharts {

    static {
        Headless.ensure();
    }


    private TimingCharts() {
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
        XYPlot plot = new XYPlot(data.stacked(), StudyAxes.roundAxis(),
                StudyAxes.zeroBased(PaperStyle.label("Round latency", data.time().symbol()), false), renderer);
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
                StudyAxes.zeroBased(PaperStyle.label("Time from round start", data.time().symbol()), false), share, renderer);
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
        NumberAxis share = StudyAxes.zeroBased(PaperStyle.label("Duty-cycle wait, share of upload time", "%"), false);
        share.setUpperBound(100);
        share.setAutoRange(false);
        share.setRange(0, 100);
        XYPlot plot = new XYPlot(data.share(), StudyAxes.roundAxis(), share, renderer);
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
        // Bars are at least 1/TIMELINE_RESOLUTION of the window wide (the dataset widens them), so
        // they need no outline to stay visible: one SVG element per bar.
        renderer.setDrawBarOutline(false);
        List<Color> colours = List.of(PaperStyle.BLUE, PaperStyle.VERMILLION, PaperStyle.ORANGE);
        for (int s = 0; s < colours.size(); s++) {
            renderer.setSeriesPaint(s, colours.get(s));
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
        JFreeChart chart = PaperStyle.chart("Frames per device (first " + data.devices().size() + " devices)", plot, true);
        if (data.mergeGapS() > 0) {
            TextTitle note = new TextTitle("bars at least " + duration(data.mergeGapS())
                    + " long; frames closer than that drawn as one", PaperStyle.TICK_FONT);
            note.setPosition(RectangleEdge.TOP);
            chart.addSubtitle(0, note);
        }
        return chart;
    }

    /** A short duration for a note: ms below a second, else s; {@link Locale#ROOT} digits. */
    static String duration(double seconds) {
        DecimalFormat format = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return seconds < 1 ? format.format(seconds * 1e3) + " ms" : format.format(seconds) + " s";
    }
}
