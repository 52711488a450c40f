/**
 * Benchmarks of the simulation engine, run on demand (e.g. {@code ./fedwan bench kernel}), never
 * as unit tests: {@link org.fedwan.sim.bench.KernelBenchmark} compares the event kernel with a
 * bare {@link java.util.PriorityQueue} loop doing the same work and reports allocation per
 * event; {@link org.fedwan.sim.bench.LorawanNetworkBenchmark} times {@code lorawan-net} with
 * 1,000 and 10,000 devices over one simulated day (pairwise and cumulative interference) and the
 * ns-3 {@code complete-network-example} set-up against ns-3's own wall time;
 * {@link org.fedwan.sim.bench.MemoryBenchmark} prints the memory of a long run after every round
 * and its slope from round 10.
 */
package org.fedwan.sim.bench;
