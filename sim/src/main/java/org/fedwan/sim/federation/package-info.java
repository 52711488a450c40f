/**
 * The co-simulation of federated learning over the simulated network: a round is server selects
 * clients, each trains (real ND4J training; simulated time from a per-device compute model),
 * encodes its update with a real codec, sends it over its link (LoRaWAN, NB-IoT or the ideal link), the server
 * aggregates when the last update arrives or the round deadline passes, and broadcasts the new
 * model. A {@link org.fedwan.sim.config.Scenario} is the complete, validated input of a run; nothing here
 * knows a link protocol (see {@code org.fedwan.sim.link}).
 */
package org.fedwan.sim.federation;
