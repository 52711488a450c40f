package org.fedwan.plots;

import java.util.Objects;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;

/**
 * How figures are written: their printed width and whether they carry a title. A paper's caption
 * replaces the title, so {@code fedwan plot|run|sweep --no-title} draws them without one.
 *
 * <p>File names keep widths apart: a single-column figure is {@code NAME.png} (the name figures
 * always had, so scripts keep working), a double-column one {@code NAME-double.png}; see
 * {@link #fileName}.
 *
 * @param width printed width of every figure
 * @param titles whether charts keep their title
 */
public record FigureOptions(FigureWidth width, boolean titles) {

    /** One column wide, with titles: what {@code fedwan run} writes unless asked otherwise. */
    public static final FigureOptions DEFAULT = new FigureOptions(FigureWidth.SINGLE, true);

    /** Checks the width. */
    public FigureOptions {
        Objects.requireNonNull(width, "width");
    }

    /**
     * @param width printed width
     * @return these options with {@code width}
     */
    public FigureOptions withWidth(FigureWidth width) {
        return new FigureOptions(width, titles);
    }

    /**
     * @param titles whether charts keep their title
     * @return these options with {@code titles}
     */
    public FigureOptions withTitles(boolean titles) {
        return new FigureOptions(width, titles);
    }

    /**
     * The file a figure is written to: {@code NAME.FORMAT} at single width, {@code NAME-double.FORMAT}
     * at double width ({@link FigureWidth#fileSuffix()}), so that drawing one width never replaces
     * the files of the other.
     *
     * @param figure figure name, e.g. {@code energy-over-time}
     * @param format {@code png}, {@code svg} or {@code pdf}
     * @return e.g. {@code energy-over-time-double.pdf}
     */
    public String fileName(String figure, String format) {
        return figure + width.fileSuffix() + "." + format;
    }

    /**
     * Applies these options to a chart: removes its title when {@link #titles()} is false.
     *
     * @param chart the chart, changed in place
     * @return {@code chart}
     */
    public JFreeChart apply(JFreeChart chart) {
        if (!titles) {
            chart.setTitle((TextTitle) null);
        }
        return chart;
    }
}
