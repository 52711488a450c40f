package org.fedwan.sim.link;

import org.fedwan.sim.config.RunConfig;
import org.fedwan.sim.kernel.Simulation;

/** Builds the link group of one protocol for a range of clients; one registry line per protocol. */
@FunctionalInterface
public interface LinkFactory {

    /**
     * @param simulation  the simulation the devices live in
     * @param config      the run's configuration (the protocol reads its own settings)
     * @param firstClient the group's first client (also the first device's entity id)
     * @param count       clients in the group, at least 1
     * @param events      where the group reports frames and energy
     */
    LinkGroup create(Simulation simulation, RunConfig config, int firstClient, int count, LinkEvents events);
}
