/**
 * The network-only LoRaWAN model behind {@code ./fedwan lorawan-net}: every device sends one
 * packet per period (fixed period with a random phase, as ns-3's {@code PeriodicSender}, or
 * Poisson arrivals, as LoRaSim) through the same {@link org.fedwan.sim.lorawan.LorawanNetwork}
 * engine the FL runs use, and {@link org.fedwan.sim.lorawan.traffic.LorawanNetworkSimulation#run}
 * returns a {@link org.fedwan.sim.lorawan.traffic.LorawanNetworkReport}: frames sent and received, losses
 * by cause, packet delivery ratio, energy per device, events and wall time.
 */
package org.fedwan.sim.lorawan.traffic;
