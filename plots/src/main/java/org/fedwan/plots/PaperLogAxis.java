package org.fedwan.plots;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;

/**
 * A base-10 logarithmic axis in {@link PaperStyle}: its range covers the data with
 * {@link PaperStyle#AXIS_MARGIN} of free room at each end (in the logarithm), its ticks are
 * labelled at 1, 2 and 5 times the powers of ten while the axis spans at most
 * {@value #MAX_DECADES_FOR_125} decades and at the powers of ten beyond, with unlabelled minor
 * ticks at the other multiples, and labels are plain locale-independent numbers ({@code 0.05},
 * {@code 200}, {@code 1,000}).
 *
 * <p>JFreeChart's own {@link LogAxis} ticks evenly in the logarithm, so an axis spanning one or two
 * decades gets one or two labels; this one labels the values a reader looks for.
 */
final class PaperLogAxis extends LogAxis {

    private static final long serialVersionUID = 1L;

    /** Widest span, in decades, still labelled at 1, 2 and 5 times the powers of ten. */
    static final double MAX_DECADES_FOR_125 = 2.5;

    private static final int[] ONE_TWO_FIVE = {1, 2, 5};
    private static final int[] ONE = {1};

    private final DecimalFormat format = new DecimalFormat("#,##0.##########",
            DecimalFormatSymbols.getInstance(Locale.ROOT));

    /**
     * @param label axis label, with its unit in parentheses
     * @param data the range of the values drawn on the axis; both ends must be positive
     * @throws IllegalArgumentException unless the lower bound is positive
     */
    PaperLogAxis(String label, Range data) {
        super(label);
        if (!(data.getLowerBound() > 0)) {
            throw new IllegalArgumentException("a logarithmic axis needs positive values, got " + data);
        }
        setLabelFont(PaperStyle.LABEL_FONT);
        setLabelPaint(Color.BLACK);
        setTickLabelFont(PaperStyle.TICK_FONT);
        setTickLabelPaint(Color.BLACK);
        setAxisLinePaint(PaperStyle.AXIS_PAINT);
        setTickMarkPaint(PaperStyle.AXIS_PAINT);
        setTickMarkInsideLength(0);
        setTickMarkOutsideLength(2);
        setMinorTickMarksVisible(true);
        setMinorTickMarkInsideLength(0);
        setMinorTickMarkOutsideLength(1);
        setLabelInsets(new RectangleInsets(2, 2, 2, 2));
        setTickLabelInsets(new RectangleInsets(1, 1, 1, 1));
        setSmallestValue(Double.MIN_NORMAL);
        // The same share of free room at each end as a linear axis of this style, in the logarithm.
        double room = Math.pow(data.getUpperBound() / data.getLowerBound(), PaperStyle.AXIS_MARGIN);
        if (!(room > 1)) {
            room = 2;
        }
        setRange(data.getLowerBound() / room, data.getUpperBound() * room);
    }

    /** {@code mantissa} times ten to the {@code power}, as close as a double gets (0.2, not 0.20000000000000004). */
    private static double pow(int mantissa, int power) {
        return BigDecimal.valueOf(mantissa).scaleByPowerOfTen(power).doubleValue();
    }

    @Override
    @SuppressWarnings("rawtypes")
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        TextAnchor anchor;
        if (edge == RectangleEdge.TOP) {
            anchor = TextAnchor.BOTTOM_CENTER;
        } else if (edge == RectangleEdge.BOTTOM) {
            anchor = TextAnchor.TOP_CENTER;
        } else if (edge == RectangleEdge.LEFT) {
            anchor = TextAnchor.CENTER_RIGHT;
        } else {
            anchor = TextAnchor.CENTER_LEFT;
        }
        double lower = getLowerBound();
        double upper = getUpperBound();
        int[] labelled = Math.log10(upper / lower) <= MAX_DECADES_FOR_125 ? ONE_TWO_FIVE : ONE;
        List<ValueTick> ticks = new ArrayList<>();
        for (int p = (int) Math.floor(Math.log10(lower)); p <= (int) Math.ceil(Math.log10(upper)); p++) {
            for (int m = 1; m <= 9; m++) {
                double value = pow(m, p);
                if (value < lower * (1 - 1e-9) || value > upper * (1 + 1e-9)) {
                    continue;
                }
                boolean major = contains(labelled, m);
                ticks.add(new NumberTick(major ? TickType.MAJOR : TickType.MINOR, value,
                        major ? format.format(value) : "", anchor, anchor, 0.0));
            }
        }
        return ticks;
    }

    private static boolean contains(int[] values, int value) {
        for (int v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }
}
