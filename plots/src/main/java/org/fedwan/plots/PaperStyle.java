package org.fedwan.plots;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.LegendItemSource;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnitSource;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.block.GridArrangement;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.util.ShapeUtils;

/**
 * The look of every FedWAN figure, in one place: white background, light grid, sans-serif text at
 * print sizes for a 3.5 in column, the Okabe–Ito colour-blind-safe palette, and a distinct dash
 * and marker per series so that series stay apart in grey-scale print.
 *
 * <p>Tick labels are formatted with {@link Locale#ROOT} symbols ('.' decimal separator, ','
 * grouping), so figures do not change with the default locale of the machine that draws them.
 *
 * <p>Palette: M. Okabe and K. Ito, "Color Universal Design (CUD): How to make figures and
 * presentations that are friendly to colorblind people", 2002, as recommended by B. Wong, "Points
 * of view: Color blindness", Nature Methods 8, 441 (2011).
 */
public final class PaperStyle {

    static {
        Headless.ensure();
    }

    /** Okabe–Ito black, used for totals. */
    public static final Color BLACK = new Color(0x000000);
    /** Okabe–Ito orange. */
    public static final Color ORANGE = new Color(0xE69F00);
    /** Okabe–Ito sky blue. */
    public static final Color SKY_BLUE = new Color(0x56B4E9);
    /** Okabe–Ito bluish green. */
    public static final Color BLUISH_GREEN = new Color(0x009E73);
    /** Okabe–Ito yellow; faint on white, so last in {@link #SERIES_COLOURS}. */
    public static final Color YELLOW = new Color(0xF0E442);
    /** Okabe–Ito blue. */
    public static final Color BLUE = new Color(0x0072B2);
    /** Okabe–Ito vermillion. */
    public static final Color VERMILLION = new Color(0xD55E00);
    /** Okabe–Ito reddish purple. */
    public static final Color REDDISH_PURPLE = new Color(0xCC79A7);

    /** Colours of series in order; black is kept for totals. */
    public static final List<Color> SERIES_COLOURS =
            List.of(BLUE, VERMILLION, BLUISH_GREEN, REDDISH_PURPLE, ORANGE, SKY_BLUE, YELLOW);

    /**
     * Most series drawn with their own colour, dash and marker. Beyond this, colours repeat and a
     * legend stops helping, so figures draw many series alike in {@link #MANY_SERIES_PAINT}.
     */
    public static final int MAX_DISTINCT_SERIES = SERIES_COLOURS.size();

    /** Paint of series drawn alike when there are more than {@link #MAX_DISTINCT_SERIES}. */
    public static final Color MANY_SERIES_PAINT = new Color(0x8C8C8C);

    /** Font family; the logical sans-serif font maps to an installed one everywhere. */
    public static final String FONT_FAMILY = Font.SANS_SERIF;
    /**
     * Smallest text in any figure, pt, at its printed size: IEEE's figure guidelines ask for 8 to
     * 10 pt text at the printed size (IEEE Author Center, "Create graphics for your article"), and
     * figures are drawn in points at exactly that size ({@link FigureWriter}).
     */
    public static final int MIN_FONT_PT = 8;
    /** Chart title, 9 pt bold. */
    public static final Font TITLE_FONT = new Font(FONT_FAMILY, Font.BOLD, 9);
    /** Axis labels, 9 pt. */
    public static final Font LABEL_FONT = new Font(FONT_FAMILY, Font.PLAIN, 9);
    /** Tick labels, legend and notes, {@value #MIN_FONT_PT} pt. */
    public static final Font TICK_FONT = new Font(FONT_FAMILY, Font.PLAIN, MIN_FONT_PT);

    /** Light grid lines. */
    public static final Color GRID_PAINT = new Color(0xDDDDDD);
    /** Axis lines, tick marks and the plot frame. */
    public static final Color AXIS_PAINT = new Color(0x404040);

    /** Width of data lines, pt. */
    public static final float LINE_WIDTH_PT = 1.0f;
    /** Width of thin data lines (many series), pt. */
    public static final float THIN_LINE_WIDTH_PT = 0.6f;
    /** Size of markers, pt. */
    public static final double MARKER_SIZE_PT = 3.6;
    /** Series with more points than this are drawn without markers, which would merge. */
    public static final int MAX_POINTS_WITH_MARKERS = 40;

    /** Most legend entries side by side; more entries wrap into further rows. */
    public static final int MAX_LEGEND_COLUMNS = 4;

    /** Share of an axis's data range left free at each end, so markers clear the frame. */
    public static final double AXIS_MARGIN = 0.07;

    private static final float GRID_WIDTH_PT = 0.4f;
    private static final float AXIS_WIDTH_PT = 0.5f;

    /** Dash patterns in units of the line width; {@code null} is a solid line. */
    private static final float[][] DASHES = {
        null,
        {4f, 2f},
        {1f, 1.5f},
        {5f, 1.5f, 1f, 1.5f},
        {8f, 2.5f},
        {2f, 2f},
        {5f, 1.5f, 1f, 1.5f, 1f, 1.5f},
    };

    private static final DecimalFormatSymbols ROOT_SYMBOLS = DecimalFormatSymbols.getInstance(Locale.ROOT);

    private PaperStyle() {
    }

    /** Width a legend may take in a single-column figure, pt (3.5 in less the margins). */
    static final double LEGEND_WIDTH_PT = 236;

    /**
     * Legend columns whose longest entry still fits side by side in a single-column figure: an
     * entry is its graphic and padding (about 22 pt) plus its label at the legend font.
     */
    static int legendColumnsThatFit(LegendItemCollection items) {
        double widest = 0;
        for (int i = 0; i < items.getItemCount(); i++) {
            widest = Math.max(widest, LegendLabels.widthPt(items.get(i).getLabel()) + LegendLabels.GRAPHIC_PT);
        }
        return widest == 0 ? 1 : Math.max(1, (int) (LEGEND_WIDTH_PT / widest));
    }

    /**
     * A chart with the title, background, padding and legend of this style.
     *
     * @param title chart title
     * @param plot the plot, already styled
     * @param legend whether to show a legend, below the plot so that it covers no data
     * @return the chart
     */
    public static JFreeChart chart(String title, Plot plot, boolean legend) {
        return chart(title, plot, legend, MAX_LEGEND_COLUMNS);
    }

    /**
     * A chart as {@link #chart(String, Plot, boolean)} whose legend has at most {@code maxColumns}
     * columns, for legends with long entries.
     *
     * @param title chart title
     * @param plot the plot, already styled
     * @param legend whether to show a legend below the plot
     * @param maxColumns most legend entries side by side, at least 1
     * @return the chart
     */
    public static JFreeChart chart(String title, Plot plot, boolean legend, int maxColumns) {
        JFreeChart chart = new JFreeChart(title, TITLE_FONT, plot, legend);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(4, 4, 4, 10));
        TextTitle chartTitle = chart.getTitle();
        chartTitle.setPaint(Color.BLACK);
        chartTitle.setPadding(new RectangleInsets(0, 0, 4, 0));
        if (legend) {
            // Items in a grid of at most four columns, so a legend that wraps still reads as a table;
            // an entry wider than the figure wraps at spaces
            LegendItemSource entries = LegendLabels.wrapped(plot, LEGEND_WIDTH_PT);
            int items = Math.max(1, entries.getLegendItems().getItemCount());
            int fit = Math.min(maxColumns, legendColumnsThatFit(entries.getLegendItems()));
            int rows = (items + fit - 1) / fit;
            int columns = (items + rows - 1) / rows;
            LegendTitle legendTitle = new LegendTitle(entries, new GridArrangement(rows, columns),
                    new GridArrangement(items, 1));
            legendTitle.setPosition(RectangleEdge.BOTTOM);
            legendTitle.setItemFont(TICK_FONT);
            legendTitle.setItemPaint(Color.BLACK);
            legendTitle.setBackgroundPaint(Color.WHITE);
            legendTitle.setFrame(BlockBorder.NONE);
            legendTitle.setMargin(new RectangleInsets(4, 0, 0, 0));
            legendTitle.setItemLabelPadding(new RectangleInsets(1, 2, 1, 4));
            legendTitle.setLegendItemGraphicPadding(new RectangleInsets(1, 1, 1, 1));
            chart.removeLegend();
            chart.addLegend(legendTitle);
        }
        return chart;
    }

    /**
     * Styles an x-y plot: white background, light grid, thin frame, no axis offset.
     *
     * @param plot the plot to style, changed in place
     * @return {@code plot}
     */
    public static XYPlot style(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(AXIS_PAINT);
        plot.setOutlineStroke(new BasicStroke(AXIS_WIDTH_PT));
        plot.setDomainGridlinePaint(GRID_PAINT);
        plot.setRangeGridlinePaint(GRID_PAINT);
        plot.setDomainGridlineStroke(new BasicStroke(GRID_WIDTH_PT));
        plot.setRangeGridlineStroke(new BasicStroke(GRID_WIDTH_PT));
        plot.setDomainGridlinesVisible(true);
        plot.setRangeGridlinesVisible(true);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setInsets(new RectangleInsets(2, 2, 2, 2));
        plot.setNoDataMessage("No data");
        plot.setNoDataMessageFont(LABEL_FONT);
        plot.setNoDataMessagePaint(AXIS_PAINT);
        return plot;
    }

    /**
     * A number axis with this style's fonts and locale-independent tick labels, a margin of
     * {@link #AXIS_MARGIN} at both ends, and a range that need not include zero.
     *
     * @param label axis label, with its unit in parentheses
     * @param integerTicks whether ticks fall on whole numbers only (rounds, counts)
     * @return the axis
     */
    public static NumberAxis axis(String label, boolean integerTicks) {
        return style(new NumberAxis(label), integerTicks);
    }

    /**
     * Styles a number axis as {@link #axis(String, boolean)} does, for axes of a subclass.
     *
     * @param axis the axis to style, changed in place
     * @param integerTicks whether ticks fall on whole numbers only (rounds, counts)
     * @param <A> the axis type
     * @return {@code axis}
     */
    public static <A extends NumberAxis> A style(A axis, boolean integerTicks) {
        axis.setLabelFont(LABEL_FONT);
        axis.setLabelPaint(Color.BLACK);
        axis.setTickLabelFont(TICK_FONT);
        axis.setTickLabelPaint(Color.BLACK);
        axis.setAxisLinePaint(AXIS_PAINT);
        axis.setAxisLineStroke(new BasicStroke(AXIS_WIDTH_PT));
        axis.setTickMarkPaint(AXIS_PAINT);
        axis.setTickMarkStroke(new BasicStroke(AXIS_WIDTH_PT));
        axis.setTickMarkInsideLength(0);
        axis.setTickMarkOutsideLength(2);
        axis.setLabelInsets(new RectangleInsets(2, 2, 2, 2));
        axis.setTickLabelInsets(new RectangleInsets(1, 1, 1, 1));
        axis.setStandardTickUnits(tickUnits(integerTicks));
        axis.setAutoRangeIncludesZero(false);
        axis.setLowerMargin(AXIS_MARGIN);
        axis.setUpperMargin(AXIS_MARGIN);
        return axis;
    }

    /**
     * Most lines a category label wraps into before JFreeChart would cut it with "...": enough for a
     * label of a few words (point labels such as {@code LoRaWAN EU868, XFL-Q int8}) under the
     * narrowest bar group of a single-column figure.
     */
    public static final int MAX_CATEGORY_LABEL_LINES = 5;

    /**
     * A category axis with this style's fonts whose labels wrap at word boundaries (up to
     * {@link #MAX_CATEGORY_LABEL_LINES} lines) rather than being cut short, so that labels that
     * start alike stay apart.
     *
     * @param label axis label
     * @return the axis
     */
    public static CategoryAxis categoryAxis(String label) {
        return categoryAxis(label, List.of());
    }

    /** Width of the plot area of a single-column figure, about, pt: 3.5 in less the range axis and padding. */
    static final double SINGLE_PLOT_WIDTH_PT = 200;

    /**
     * A category axis as {@link #categoryAxis(String)} whose labels turn upright when one of their
     * words, or the whole label in {@link #MAX_CATEGORY_LABEL_LINES} lines, would not fit under its
     * category in a single-column figure: upright labels have the plot's height to wrap in.
     *
     * @param label axis label
     * @param categories the category labels
     * @return the axis
     */
    public static CategoryAxis categoryAxis(String label, List<String> categories) {
        CategoryAxis axis = new CategoryAxis(label);
        if (!categories.isEmpty()) {
            FontMetrics metrics = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB).createGraphics().getFontMetrics(TICK_FONT);
            double perCategoryPt = 0.8 * SINGLE_PLOT_WIDTH_PT / categories.size();
            boolean fits = true;
            for (String category : categories) {
                fits &= metrics.stringWidth(category) <= perCategoryPt * (MAX_CATEGORY_LABEL_LINES - 1);
                for (String word : category.split("\\s+")) {
                    fits &= metrics.stringWidth(word) <= perCategoryPt;
                }
            }
            if (!fits) {
                axis.setCategoryLabelPositions(CategoryLabelPositions.UP_90);
                axis.setMaximumCategoryLabelWidthRatio(0.6f);
            }
        }
        axis.setLabelFont(LABEL_FONT);
        axis.setLabelPaint(Color.BLACK);
        axis.setTickLabelFont(TICK_FONT);
        axis.setTickLabelPaint(Color.BLACK);
        axis.setMaximumCategoryLabelLines(MAX_CATEGORY_LABEL_LINES);
        axis.setCategoryMargin(0.15);
        return axis;
    }

    /**
     * An axis label: the quantity with its unit in parentheses.
     *
     * @param quantity e.g. {@code Simulated time}
     * @param unit e.g. {@code h}
     * @return e.g. {@code Simulated time (h)}
     */
    public static String label(String quantity, String unit) {
        return quantity + " (" + unit + ")";
    }

    /**
     * Tick sizes of 1, 2 and 5 times a power of ten, each labelled with just the decimals it needs
     * ("0.25" is never a tick, "0.5" is, "5" is) and with {@link Locale#ROOT} symbols.
     *
     * @param integers whether to offer only whole-number tick sizes
     * @return the tick unit source for {@link NumberAxis#setStandardTickUnits}
     */
    public static TickUnitSource tickUnits(boolean integers) {
        TickUnits units = new TickUnits();
        for (int power = integers ? 0 : -9; power <= 15; power++) {
            DecimalFormat format = new DecimalFormat("#,##0", ROOT_SYMBOLS);
            format.setMinimumFractionDigits(Math.max(0, -power));
            format.setMaximumFractionDigits(Math.max(0, -power));
            for (int mantissa : new int[] {1, 2, 5}) {
                units.add(new NumberTickUnit(mantissa * Math.pow(10, power), format, 0));
            }
        }
        return units;
    }

    /**
     * A line renderer giving series {@code i} colour {@code SERIES_COLOURS[i]}, dash {@code i} and
     * marker {@code i}, each cycling; lines are drawn as one path so dashes run on across points.
     *
     * @param seriesCount number of series to style
     * @param markers whether to draw markers at the points
     * @return the renderer
     */
    public static XYLineAndShapeRenderer lineRenderer(int seriesCount, boolean markers) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, markers);
        renderer.setDrawSeriesLineAsPath(true);
        renderer.setLegendLine(legendLine());
        for (int i = 0; i < seriesCount; i++) {
            renderer.setSeriesPaint(i, seriesPaint(i));
            renderer.setSeriesStroke(i, seriesStroke(i, LINE_WIDTH_PT));
            renderer.setSeriesShape(i, seriesShape(i));
        }
        return renderer;
    }

    /**
     * The stroke of a training curve, drawn in the colour of the test curve of the same quantity
     * (training and test accuracy in one panel, as seed 002 Fig. 2 draws them): dashed, while the
     * test curves of such figures are solid.
     *
     * @return a dashed stroke of {@link #LINE_WIDTH_PT}
     */
    public static Stroke trainingStroke() {
        return seriesStroke(1, LINE_WIDTH_PT);
    }

    /**
     * Legend entries that explain the line styles of figures with test and training curves: a solid
     * black line "Test" and a dashed black line "Training".
     *
     * @return the two entries
     */
    public static LegendItemCollection testAndTrainingLegend() {
        LegendItemCollection items = new LegendItemCollection();
        items.add(lineLegendItem("Test", BLACK, seriesStroke(0, LINE_WIDTH_PT), null));
        items.add(lineLegendItem("Training", BLACK, trainingStroke(), null));
        return items;
    }

    /**
     * A legend entry showing a line, and a marker on it if {@code marker} is not {@code null}.
     *
     * @param label the entry's text
     * @param paint line and marker colour
     * @param stroke line stroke
     * @param marker marker shape, or {@code null} for none
     * @return the entry
     */
    public static LegendItem lineLegendItem(String label, Paint paint, Stroke stroke, Shape marker) {
        Shape shape = marker != null ? marker : new Rectangle2D.Double();
        return new LegendItem(label, null, null, null, marker != null, shape, true, paint, false, paint,
                stroke, true, legendLine(), stroke, paint);
    }

    /** @return the line drawn for a line series in the legend, long enough to show its dash */
    public static Shape legendLine() {
        return new Line2D.Double(-7.5, 0, 7.5, 0);
    }

    /**
     * @param i series index, from 0
     * @return the colour of series {@code i}, cycling through {@link #SERIES_COLOURS}
     */
    public static Paint seriesPaint(int i) {
        return SERIES_COLOURS.get(i % SERIES_COLOURS.size());
    }

    /**
     * @param i series index, from 0
     * @param widthPt line width, pt
     * @return the stroke of series {@code i}: solid for 0, then distinct dash patterns, cycling
     */
    public static Stroke seriesStroke(int i, float widthPt) {
        float[] dash = DASHES[i % DASHES.length];
        if (dash == null) {
            return new BasicStroke(widthPt, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND);
        }
        float[] scaled = new float[dash.length];
        for (int k = 0; k < dash.length; k++) {
            scaled[k] = dash[k] * Math.max(widthPt, 0.8f);
        }
        return new BasicStroke(widthPt, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, scaled, 0f);
    }

    /**
     * @param i series index, from 0
     * @return the marker of series {@code i}: circle, square, triangles, diamond, ..., cycling
     */
    public static Shape seriesShape(int i) {
        double s = MARKER_SIZE_PT;
        float h = (float) (s / 2);
        switch (i % 6) {
            case 0:
                return new Ellipse2D.Double(-h, -h, s, s);
            case 1:
                return new Rectangle2D.Double(-h * 0.9, -h * 0.9, s * 0.9, s * 0.9);
            case 2:
                return ShapeUtils.createUpTriangle(h * 1.1f);
            case 3:
                return ShapeUtils.createDiamond(h * 1.15f);
            case 4:
                return ShapeUtils.createDownTriangle(h * 1.1f);
            default:
                return ShapeUtils.createDiagonalCross(h, h * 0.3f);
        }
    }
}
