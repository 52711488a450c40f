/**
 * The discrete-event kernel of FedWAN, written in the modelling style of DESMO-J
 * (a {@link org.fedwan.sim.kernel.Simulation} (DESMO-J's model) owns {@link org.fedwan.sim.kernel.Entity entities};
 * {@link org.fedwan.sim.kernel.Event events} act on one entity,
 * {@link org.fedwan.sim.kernel.ExternalEvent external events} on none) and kept small and fast.
 *
 * <p>Simulation time is a {@code long} count of microseconds ({@code ...Us}), never a
 * {@code double}. The {@link org.fedwan.sim.kernel.Scheduler} is an array-based binary
 * min-heap of intrusive {@link org.fedwan.sim.kernel.Schedulable} nodes: each node carries its
 * own time, priority, insertion sequence and heap index, so scheduling, firing and cancelling
 * allocate nothing. Ties break deterministically by (time, priority, insertion sequence), with
 * the smaller value firing first in each component. Runs are observed through
 * {@link org.fedwan.sim.kernel.EventListener}, never by subclassing the scheduler.
 */
package org.fedwan.sim.kernel;
