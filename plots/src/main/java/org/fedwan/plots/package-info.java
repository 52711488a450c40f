/**
 * Publication figures of one FedWAN run, drawn from its result tables only.
 *
 * <p>The module knows nothing of the simulator: it reads {@code rounds.csv} and
 * {@code transmissions.csv} by column name ({@link org.fedwan.plots.RunTables}), builds the
 * JFreeChart datasets the figures show ({@link org.fedwan.plots.RunDatasets}), draws them into
 * charts ({@link org.fedwan.plots.RunCharts}) in one paper style
 * ({@link org.fedwan.plots.PaperStyle}; printed sizes in {@link org.fedwan.plots.FigureWidth} and
 * {@link org.fedwan.plots.FigureSize}; axis units chosen from the data by
 * {@link org.fedwan.plots.AxisUnit}) and writes PNG at 300 dpi and SVG
 * ({@link org.fedwan.plots.FigureWriter}).
 * {@link org.fedwan.plots.RunFigures} ties these together for a results directory.
 *
 * <p>Datasets are kept apart from rendering so that tests check the numbers a figure shows, and
 * the files written, rather than pixels. Everything runs headless ({@code java.awt.headless} is
 * set to {@code true} unless already set) and nothing depends on the default locale.
 */
package org.fedwan.plots;
