/**
 * The NB-IoT protocol's entities: an {@link org.fedwan.sim.nbiot.NbiotCell}
 * shares one 180 kHz uplink carrier (48 lanes of 3.75 kHz) and one downlink carrier among its
 * devices (uplink blocks granted in turn, downlink unicast and single-cell broadcast), resolves
 * NPRACH collisions; an {@link org.fedwan.sim.nbiot.NbiotDevice} runs the state machine
 * {@code PSM -> sync -> random access -> connected -> inactivity or release assistance -> idle
 * (DRX/eDRX, T3324) -> PSM} with per-state energy and a battery (its package-private parts:
 * {@code SegmentProgram}, the program of timed segments and its event; {@code NbiotTransfers},
 * message, TAU and downlink blocks; {@code NbiotIdleTimer}, T3324, T3412 and paging;
 * {@code NbiotDeviceEnergy}, power state, energy and battery); {@link org.fedwan.sim.nbiot.NbiotLinks}
 * puts FL clients on a cell behind the protocol-neutral link contract of {@code org.fedwan.sim.link}.
 * {@link org.fedwan.sim.nbiot.traffic.NbiotNetworkSimulation} runs N reporting devices
 * ({@code nbiot-net}). Durations and energies come from {@code org.fedwan.channel.nbiot}; these
 * classes only decide when things happen and who waits for whom.
 */
package org.fedwan.sim.nbiot;
