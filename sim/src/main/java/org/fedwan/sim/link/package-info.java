/**
 * The protocol-neutral contract between the FL round controller and the radios: a
 * {@link org.fedwan.sim.link.ClientLink} sends a message of N bytes and reports it delivered or
 * lost with a cause ({@link org.fedwan.sim.link.Upload}), can be aborted, reports its waiting time
 * and battery state; a {@link org.fedwan.sim.link.LinkGroup} holds the links of one network and
 * broadcasts the global model to them; links report frames and energy as
 * {@link org.fedwan.sim.link.LinkEvents}. Implementations live in the protocol packages
 * ({@code org.fedwan.sim.lorawan}, {@code org.fedwan.sim.nbiot}, {@code org.fedwan.sim.ideal}) and
 * are named in {@link org.fedwan.sim.Protocols}; nothing here knows a protocol.
 */
package org.fedwan.sim.link;
