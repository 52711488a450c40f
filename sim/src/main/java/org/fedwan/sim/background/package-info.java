/**
 * Background traffic of FL runs, protocol-neutrally: the scenario keys
 * ({@link org.fedwan.sim.background.BackgroundSection}) and how packets are spaced
 * ({@link org.fedwan.sim.background.TrafficArrival}, shared with {@code lorawan-net}). The sensors
 * themselves are devices of each protocol's network ({@code org.fedwan.sim.lorawan.traffic},
 * {@code org.fedwan.sim.nbiot.traffic}); their totals reach the round controller as a
 * {@link org.fedwan.sim.link.BackgroundReport}.
 */
package org.fedwan.sim.background;
