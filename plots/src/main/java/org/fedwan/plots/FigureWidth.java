package org.fedwan.plots;

/**
 * Printed width of a figure in a two-column paper layout (IEEE and ACM templates), with the height
 * that goes with it. Fonts keep their point size at either width, so a figure is meant to be
 * placed at exactly this size.
 */
public enum FigureWidth {

    /** One column: 3.5 in wide; 2.6 in high for one panel, 1.5 in more per further panel. */
    SINGLE(3.5, 2.6, 1.5, ""),
    /** Both columns: 7 in wide; 3 in high for one panel, 1.6 in more per further panel. */
    DOUBLE(7.0, 3.0, 1.6, "-double");

    private final double widthIn;
    private final double firstPanelHeightIn;
    private final double furtherPanelHeightIn;
    private final String fileSuffix;

    FigureWidth(double widthIn, double firstPanelHeightIn, double furtherPanelHeightIn, String fileSuffix) {
        this.widthIn = widthIn;
        this.fileSuffix = fileSuffix;
        this.firstPanelHeightIn = firstPanelHeightIn;
        this.furtherPanelHeightIn = furtherPanelHeightIn;
    }

    /** @return the printed width, in */
    public double widthIn() {
        return widthIn;
    }

    /**
     * @return what the file names of figures of this width end with before their extension: nothing
     *     for {@link #SINGLE} (the names figures always had), {@code -double} for {@link #DOUBLE}
     */
    public String fileSuffix() {
        return fileSuffix;
    }

    /**
     * The size of a figure of this width with {@code panels} panels stacked on a shared x axis.
     *
     * @param panels number of stacked panels, at least 1
     * @return width and height of the figure
     * @throws IllegalArgumentException if {@code panels < 1}
     */
    public FigureSize size(int panels) {
        if (panels < 1) {
            throw new IllegalArgumentException("panels must be >= 1, got " + panels);
        }
        return new FigureSize(widthIn, firstPanelHeightIn + (panels - 1) * furtherPanelHeightIn);
    }
}
