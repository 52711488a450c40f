/**
 * LoRaWAN entities and their events: a {@link org.fedwan.sim.network.LorawanDevice} sends a
 * message as application-level fragments, one frame at a time, each frame a start and an end
 * event, waiting for its duty cycle between frames; a {@link org.fedwan.sim.network.Gateway}
 * broadcasts a message to devices under its own duty cycle. Physics comes from
 * {@code channel-models}; these classes only decide when things happen.
 */
package org.fedwan.sim.network;
