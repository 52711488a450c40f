/**
 * Publication figures and reports of FedWAN runs and sweeps, drawn from their result tables only.
 *
 * <p>The module knows nothing of the simulator; it reads results only through their schema, the
 * {@code results} module: every file name, column, summary key and label comes from its constants
 * ({@link org.fedwan.results.RoundsTable}, {@link org.fedwan.results.TransmissionsTable},
 * {@link org.fedwan.results.EnergyTable}, {@link org.fedwan.results.ClientsTable},
 * {@link org.fedwan.results.DevicesTable}, {@link org.fedwan.results.Summary},
 * {@link org.fedwan.results.SweepColumns}), every table is read by its one reader
 * ({@link org.fedwan.results.ResultTable}) and labels are parsed into their enums, so an unknown
 * label fails instead of being misfiled. It reads a run folder ({@code rounds.csv},
 * {@code transmissions.csv}, {@code energy.csv}, {@code clients.csv}, {@code devices.csv},
 * {@code summary.json}, {@code manifest.json}: {@link org.fedwan.plots.RunTables},
 * {@link org.fedwan.plots.RunFolder}) or a sweep folder ({@code sweep.csv} and its runs:
 * {@link org.fedwan.plots.SweepFolder}); a table or column an older folder lacks only skips the
 * figures that need it. An empty cell is a quantity that was not measured (the
 * accuracy of a round the simulator did not evaluate): figures leave it out. Datasets hold exactly
 * the numbers a figure shows ({@link org.fedwan.plots.RunDatasets},
 * {@link org.fedwan.plots.EnergyDatasets}, {@link org.fedwan.plots.TimingDatasets},
 * {@link org.fedwan.plots.ComparisonDatasets}, {@link org.fedwan.plots.SweepDatasets}); charts
 * draw them, one class per family of figures ({@link org.fedwan.plots.RunCharts},
 * {@link org.fedwan.plots.EnergyCharts}, {@link org.fedwan.plots.TimingCharts},
 * {@link org.fedwan.plots.ComparisonCharts}, {@link org.fedwan.plots.SweepCharts}), in one paper
 * style ({@link org.fedwan.plots.PaperStyle};
 * printed sizes in {@link org.fedwan.plots.FigureWidth} and {@link org.fedwan.plots.FigureSize};
 * axis units chosen from the data by {@link org.fedwan.plots.AxisUnit}; logarithmic axes labelled at
 * 1, 2 and 5 by {@code PaperLogAxis}; grids of small panels on shared axes by
 * {@code SmallMultiplesPlot}); {@link org.fedwan.plots.FigureWriter} writes PNG at 300 dpi, SVG
 * (JFreeSVG) and PDF (OrsonPDF, text as outlines, so there is no font to embed), the same bytes for
 * the same tables. {@link org.fedwan.plots.Figures} is the catalogue of every figure;
 * {@link org.fedwan.plots.RunFigures} and {@link org.fedwan.plots.SweepFigures} write them for a
 * folder, and {@link org.fedwan.plots.Report} writes the self-contained {@code report.html}.
 *
 * <p>Datasets are kept apart from rendering so that tests check the numbers a figure shows, and
 * the files written, rather than pixels. Everything runs headless ({@code java.awt.headless} is
 * set to {@code true} unless already set) and nothing depends on the default locale.
 */
package org.fedwan.plots;
