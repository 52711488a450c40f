package org.fedwan.plots;

import java.awt.Paint;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import org.fedwan.plots.EnergyDatasets.DeviceBand;
import org.fedwan.plots.EnergyDatasets.DeviceEnergies;
import org.fedwan.plots.EnergyDatasets.EnergyByState;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYAreaRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Charts of the energy datasets ({@link EnergyDatasets}), in {@link PaperStyle}: energy by state
 * over time, stacked for all devices or in one small panel per device, and a per-device median with
 * its min-max band. Each state has the same Okabe-Ito colour in every figure.
 */
public final class EnergyCharts {

    static {
        Headless.ensure();
    }

    private EnergyCharts() {
    }

    /**
     * @param data cumulative energy by state
     * @return a stacked area chart over simulated time
     */
    public static JFreeChart energyByState(EnergyByState data) {
        // Each series holds its stacked top; drawn last series first, each as one filled polygon
        // from zero, so the states appear stacked without seams between items.
        XYAreaRenderer renderer = new XYAreaRenderer();
        for (int s = 0; s < data.stacked().getSeriesCount(); s++) {
            renderer.setSeriesPaint(s, statePaint((String) data.stacked().getSeriesKey(s)));
        }
        renderer.setLegendArea(new Rectangle(-5, -4, 10, 8));
        XYPlot plot = new XYPlot(data.stacked(), timeAxis(data.time()),
                StudyAxes.zeroBased(PaperStyle.label("Cumulative energy, all devices", "J"), false), renderer);
        PaperStyle.style(plot);
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.REVERSE);
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
        List<XYPlot> panels = new ArrayList<>();
        for (XYSeriesCollection device : data.stacked()) {
            XYAreaRenderer renderer = new XYAreaRenderer();
            for (int s = 0; s < device.getSeriesCount(); s++) {
                renderer.setSeriesPaint(s, statePaint((String) device.getSeriesKey(s)));
            }
            NumberAxis time = PaperStyle.style(new SmallMultiplesPlot.PanelAxis(), false);
            time.setRange(0, endX > 0 ? endX : 1);
            NumberAxis energy = PaperStyle.axis(null, false);
            energy.setRange(0, maxJ > 0 ? maxJ * (1 + PaperStyle.AXIS_MARGIN) : 1e-3);
            XYPlot panel = PaperStyle.style(new XYPlot(device, time, energy, renderer));
            panel.setInsets(RectangleInsets.ZERO_INSETS);
            // Each series holds its stacked top: the total first, each state drawn over it.
            panel.setSeriesRenderingOrder(SeriesRenderingOrder.REVERSE);
            panels.add(panel);
        }
        LegendItemCollection legend = new LegendItemCollection();
        for (String state : data.states()) {
            legend.add(new LegendItem(state, null, null, null,
                    new Rectangle(-5, -4, 10, 8), statePaint(state)));
        }
        SmallMultiplesPlot plot = new SmallMultiplesPlot(panels, data.devices(),
                PaperStyle.label("Simulated time", data.time().symbol()),
                PaperStyle.label("Cumulative energy", "J"), legend);
        JFreeChart chart = PaperStyle.chart("Energy by state per device", plot, true, 2);
        if (data.sampled()) {
            TextTitle note = new TextTitle(data.devices().size()
                    + " of " + data.totalDevices() + " devices, evenly spaced in device order", PaperStyle.TICK_FONT);
            note.setPosition(RectangleEdge.TOP);
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
        TextTitle note = new TextTitle(
                "line: median device; band: least to most of " + data.devices() + " devices", PaperStyle.TICK_FONT);
        note.setPosition(RectangleEdge.TOP);
        chart.addSubtitle(0, note);
        return chart;
    }

    private static NumberAxis timeAxis(AxisUnit time) {
        NumberAxis axis = PaperStyle.axis(PaperStyle.label("Simulated time", time.symbol()), false);
        axis.setLowerMargin(0);
        axis.setUpperMargin(0);
        axis.setAutoRangeIncludesZero(true);
        axis.setAutoRangeMinimumSize(1);
        return axis;
    }
}
