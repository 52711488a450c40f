package org.fedwan.plots;

import java.awt.FontMetrics;
import java.awt.image.BufferedImage;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.LegendItemSource;

/**
 * Legend entries that fit the figure: a label wider than the legend's width is broken at spaces into
 * lines that fit (JFreeChart's label blocks draw each {@code \n}-separated line), so a long series
 * name (a sweep point's keys and values) wraps instead of running off the figure's edge. A single
 * word longer than the width stays whole on its line.
 */
final class LegendLabels {

    /** Room an entry's graphic and padding take beside its label, pt. */
    static final double GRAPHIC_PT = 22;

    private static final FontMetrics METRICS = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB).createGraphics()
            .getFontMetrics(PaperStyle.TICK_FONT);

    private LegendLabels() {
    }

    /**
     * @param plot    where the entries come from
     * @param widthPt the legend's width, pt
     * @return the plot's entries, each label wrapped to {@code widthPt} less the graphic
     */
    static LegendItemSource wrapped(LegendItemSource plot, double widthPt) {
        return () -> {
            LegendItemCollection in = plot.getLegendItems();
            LegendItemCollection out = new LegendItemCollection();
            for (int i = 0; i < in.getItemCount(); i++) {
                LegendItem item = in.get(i);
                String label = wrap(item.getLabel(), widthPt - GRAPHIC_PT);
                out.add(label.equals(item.getLabel()) ? item : relabelled(item, label));
            }
            return out;
        };
    }

    /**
     * @param text     a label
     * @param widthPt  the widest a line may be at the legend font, pt
     * @return the label with {@code \n} where a greedy break at spaces keeps every line within the width
     */
    static String wrap(String text, double widthPt) {
        if (METRICS.stringWidth(text) <= widthPt) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && METRICS.stringWidth(line + " " + word) > widthPt) {
                out.append(line).append('\n');
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        return out.append(line).toString();
    }

    /** @return the width of the widest line of {@code label} at the legend font, pt */
    static double widthPt(String label) {
        double widest = 0;
        for (String line : label.split("\n")) {
            widest = Math.max(widest, METRICS.stringWidth(line));
        }
        return widest;
    }

    private static LegendItem relabelled(LegendItem item, String label) {
        LegendItem copy = new LegendItem(label, item.getDescription(), item.getToolTipText(), item.getURLText(),
                item.isShapeVisible(), item.getShape(), item.isShapeFilled(), item.getFillPaint(),
                item.isShapeOutlineVisible(), item.getOutlinePaint(), item.getOutlineStroke(), item.isLineVisible(),
                item.getLine(), item.getLineStroke(), item.getLinePaint());
        copy.setLabelFont(item.getLabelFont());
        copy.setLabelPaint(item.getLabelPaint());
        copy.setDataset(item.getDataset());
        copy.setDatasetIndex(item.getDatasetIndex());
        copy.setSeriesKey(item.getSeriesKey());
        copy.setSeriesIndex(item.getSeriesIndex());
        copy.setFillPaintTransformer(item.getFillPaintTransformer());
        return copy;
    }
}
