/**
 * The network-only NB-IoT model behind {@code ./fedwan nbiot-net}:
 * {@link org.fedwan.sim.nbiot.traffic.NbiotNetworkSimulation} runs N devices that each report a
 * payload per period through one {@link org.fedwan.sim.nbiot.NbiotCell}, and returns a
 * {@link org.fedwan.sim.nbiot.traffic.NbiotNetworkReport}: deliveries, latencies, energy by state
 * and battery lifetime.
 */
package org.fedwan.sim.nbiot.traffic;
