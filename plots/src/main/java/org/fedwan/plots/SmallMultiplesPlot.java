package org.fedwan.plots;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Objects;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.AxisSpace;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.PlotState;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import java.util.ArrayList;

/**
 * Small multiples: a grid of small x-y panels that share both axes. Every panel is drawn on the
 * same ranges (the caller fixes them), tick labels appear on the left column and the bottom of
 * each column only, the grid has one x and one y axis label, each panel is named in its top-left
 * corner, and one legend serves all panels. JFreeChart's combined plots share an axis in one
 * direction only, hence this plot.
 *
 * <p>All panels get data areas of the same size: the left column is wider, and the lowest panel of
 * each column taller, by the space their tick labels need, measured on the first panel. The grid
 * has {@code ceil(sqrt(n))} columns for {@code n} panels, filled row by row.
 */
final class SmallMultiplesPlot extends Plot {

    private static final long serialVersionUID = 1L;

    /**
     * Space between neighbouring columns, pt; rows are as far apart as a tick label is high, so
     * that the top label of one panel and the bottom label of the panel above it stay apart.
     */
    static final double GAP_PT = 6;
    /** Space between the panel name and the panel's frame, pt. */
    private static final double NAME_INSET_PT = 2;

    private final List<XYPlot> panels;
    private final List<String> names;
    private final String xLabel;
    private final String yLabel;
    private final LegendItemCollection legend;
    private final int columns;

    /**
     * @param panels the panels, each with its own domain and range axis on fixed, equal ranges and
     *     without axis labels
     * @param names one name per panel, drawn in its corner
     * @param xLabel label of the shared x axis
     * @param yLabel label of the shared y axis
     * @param legend the legend items of all panels
     * @throws IllegalArgumentException if there are not as many names as panels
     */
    SmallMultiplesPlot(List<XYPlot> panels, List<String> names, String xLabel, String yLabel,
                       LegendItemCollection legend) {
        this.panels = List.copyOf(panels);
        this.names = List.copyOf(names);
        if (this.names.size() != this.panels.size()) {
            throw new IllegalArgumentException("expected one name per panel, got " + names.size()
                    + " names for " + panels.size() + " panels");
        }
        this.xLabel = Objects.requireNonNull(xLabel, "xLabel");
        this.yLabel = Objects.requireNonNull(yLabel, "yLabel");
        this.legend = Objects.requireNonNull(legend, "legend");
        this.columns = Math.max(1, (int) Math.ceil(Math.sqrt(this.panels.size())));
        setNoDataMessage("No data");
        setNoDataMessageFont(PaperStyle.LABEL_FONT);
        setOutlineVisible(false);
    }

    /** @return the panels, in grid order (row by row) */
    List<XYPlot> panels() {
        return panels;
    }

    /** @return the number of grid columns */
    int columns() {
        return columns;
    }

    /** @return the number of grid rows */
    int rows() {
        return (panels.size() + columns - 1) / columns;
    }

    @Override
    public String getPlotType() {
        return "Small multiples";
    }

    @Override
    public LegendItemCollection getLegendItems() {
        return legend;
    }

    @Override
    public void draw(Graphics2D g2, Rectangle2D area, Point2D anchor, PlotState parentState,
                     PlotRenderingInfo info) {
        Rectangle2D inner = (Rectangle2D) area.clone();
        getInsets().trim(inner);
        if (info != null) {
            info.setPlotArea(area);
            info.setDataArea(inner);
        }
        if (panels.isEmpty()) {
            drawNoDataMessage(g2, inner);
            return;
        }
        g2.setFont(PaperStyle.LABEL_FONT);
        double labelPt = g2.getFontMetrics().getHeight() + 2 * NAME_INSET_PT;
        Rectangle2D grid = new Rectangle2D.Double(inner.getX() + labelPt, inner.getY(),
                inner.getWidth() - labelPt, inner.getHeight() - labelPt);
        int rows = rows();
        g2.setFont(PaperStyle.TICK_FONT);
        double rowGap = g2.getFontMetrics().getHeight();

        // Tick label space, measured on the first panel with a data area close to the final one.
        double left = 0;
        double bottom = 0;
        for (int pass = 0; pass < 2; pass++) {
            double dataWidth = (grid.getWidth() - left - (columns - 1) * GAP_PT) / columns;
            double dataHeight = (grid.getHeight() - bottom - (rows - 1) * rowGap) / rows;
            Rectangle2D probe = new Rectangle2D.Double(0, 0, Math.max(1, dataWidth), Math.max(1, dataHeight));
            XYPlot first = panels.get(0);
            showTicks(first.getRangeAxis(), true);
            showTicks(first.getDomainAxis(), true);
            left = first.getRangeAxis().reserveSpace(g2, first, probe, RectangleEdge.LEFT, new AxisSpace())
                    .getLeft();
            bottom = first.getDomainAxis().reserveSpace(g2, first, probe, RectangleEdge.BOTTOM, new AxisSpace())
                    .getBottom();
        }
        double dataWidth = (grid.getWidth() - left - (columns - 1) * GAP_PT) / columns;
        double dataHeight = (grid.getHeight() - bottom - (rows - 1) * rowGap) / rows;

        for (int i = 0; i < panels.size(); i++) {
            int row = i / columns;
            int column = i % columns;
            boolean leftColumn = column == 0;
            boolean lowest = i + columns >= panels.size();
            double dataX = grid.getX() + left + column * (dataWidth + GAP_PT);
            double dataY = grid.getY() + row * (dataHeight + rowGap);
            XYPlot panel = panels.get(i);
            AxisSpace rangeSpace = new AxisSpace();
            rangeSpace.setLeft(leftColumn ? left : 0);
            AxisSpace domainSpace = new AxisSpace();
            domainSpace.setBottom(lowest ? bottom : 0);
            panel.setFixedRangeAxisSpace(rangeSpace, false);
            panel.setFixedDomainAxisSpace(domainSpace, false);
            showTicks(panel.getRangeAxis(), leftColumn);
            showTicks(panel.getDomainAxis(), lowest);
            Rectangle2D cell = new Rectangle2D.Double(dataX - rangeSpace.getLeft(), dataY,
                    dataWidth + rangeSpace.getLeft(), dataHeight + domainSpace.getBottom());
            panel.draw(g2, cell, null, parentState, null);
            g2.setFont(PaperStyle.TICK_FONT);
            g2.setPaint(Color.BLACK);
            TextUtils.drawAlignedString(names.get(i), g2, (float) (dataX + NAME_INSET_PT),
                    (float) (dataY + NAME_INSET_PT), TextAnchor.TOP_LEFT);
        }

        g2.setFont(PaperStyle.LABEL_FONT);
        g2.setPaint(Color.BLACK);
        double dataRight = grid.getX() + left + columns * dataWidth + (columns - 1) * GAP_PT;
        TextUtils.drawAlignedString(xLabel, g2, (float) ((grid.getX() + left + dataRight) / 2),
                (float) inner.getMaxY(), TextAnchor.BOTTOM_CENTER);
        double dataBottom = grid.getY() + rows * dataHeight + (rows - 1) * rowGap;
        TextUtils.drawRotatedString(yLabel, g2, (float) inner.getX(), (float) ((grid.getY() + dataBottom) / 2),
                TextAnchor.TOP_CENTER, -Math.PI / 2, TextAnchor.TOP_CENTER);
    }

    /**
     * A number axis for the x axis of a panel: a tick label at either end of the range hangs inside
     * it (left-aligned at the lower end, right-aligned near the upper end), so that the last label of
     * one panel and the first of the next panel's axis do not run into each other across the gap.
     */
    static final class PanelAxis extends NumberAxis {

        private static final long serialVersionUID = 1L;

        /** Share of the range, at the upper end, within which a tick label is right-aligned. */
        private static final double UPPER_END_SHARE = 0.05;

        @Override
        @SuppressWarnings("rawtypes")
        protected List refreshTicksHorizontal(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
            List<?> ticks = super.refreshTicksHorizontal(g2, dataArea, edge);
            if (edge != RectangleEdge.BOTTOM) {
                return ticks;
            }
            double lower = getLowerBound();
            double upper = getUpperBound();
            List<Object> hung = new ArrayList<>();
            for (Object tick : ticks) {
                if (tick instanceof NumberTick number && number.getTickType() == TickType.MAJOR) {
                    double value = number.getValue();
                    TextAnchor anchor = value <= lower ? TextAnchor.TOP_LEFT
                            : value >= upper - UPPER_END_SHARE * (upper - lower) ? TextAnchor.TOP_RIGHT : null;
                    if (anchor != null) {
                        hung.add(new NumberTick(number.getNumber(), number.getText(), anchor, anchor, 0.0));
                        continue;
                    }
                }
                hung.add(tick);
            }
            return hung;
        }
    }

    private static void showTicks(ValueAxis axis, boolean visible) {
        axis.setTickLabelsVisible(visible);
        axis.setTickMarksVisible(visible);
    }
}
