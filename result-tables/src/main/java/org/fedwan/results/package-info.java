/**
 * The schema of a run's results, shared by the module that writes them and the one that reads
 * them: typed records a run streams to {@link org.fedwan.results.RunListener}s, the enums whose
 * labels appear in the tables ({@link org.fedwan.results.Labeled}), each table's columns with
 * unit and meaning ({@link org.fedwan.results.RoundsTable}, {@link org.fedwan.results.TransmissionsTable},
 * {@link org.fedwan.results.EnergyTable}, {@link org.fedwan.results.ClientsTable},
 * {@link org.fedwan.results.DevicesTable}), the one writer ({@link org.fedwan.results.TableWriter}) and the
 * one reader ({@link org.fedwan.results.ResultTable}, which looks values up by
 * {@link org.fedwan.results.Field}); the keys of {@code summary.json} ({@link org.fedwan.results.Summary}) and
 * the columns of {@code sweep.csv} ({@link org.fedwan.results.SweepColumns}); and the reference of all of them
 * as Markdown ({@link org.fedwan.results.ResultsReference}).
 * A leaf module: it depends on nothing of FedWAN.
 */
package org.fedwan.results;
