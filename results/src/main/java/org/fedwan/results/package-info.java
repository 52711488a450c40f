/**
 * The schema of a run's results, shared by the module that writes them and the one that reads
 * them: typed records a run streams to {@link org.fedwan.results.RunListener}s, the enums whose
 * labels appear in the tables ({@link org.fedwan.results.Labeled}), each table's columns with
 * unit and meaning ({@link org.fedwan.results.RoundsTable}, {@link org.fedwan.results.TransmissionsTable},
 * {@link org.fedwan.results.EnergyTable}, {@link org.fedwan.results.ClientsTable},
 * {@link org.fedwan.results.DevicesTable}), and the one writer ({@link org.fedwan.results.TableWriter}).
 * A leaf module: it depends on nothing of FedWAN.
 */
package org.fedwan.results;
