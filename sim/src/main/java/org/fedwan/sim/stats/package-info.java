/**
 * Streaming summary statistics for simulation outputs: {@link org.fedwan.sim.stats.Tally} for
 * observations (DESMO-J's {@code Tally}) and {@link org.fedwan.sim.stats.TimeWeightedAverage}
 * for piecewise-constant quantities over simulation time (DESMO-J's {@code Accumulate}).
 * Neither stores history: memory is constant however long the run.
 */
package org.fedwan.sim.stats;
