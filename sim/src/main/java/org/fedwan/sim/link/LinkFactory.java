package org.fedwan.sim.link;

import org.fedwan.sim.config.Scenario;
import org.fedwan.sim.kernel.Simulation;

/** Builds the link group of one protocol for a range of clients; one registry line per protocol. */
@FunctionalInterface
public interface LinkFactory {

    /**
     * @param simulation  the simulation the devices live in
     * @param scenario    the run's scenario (the protocol reads its own section)
     * @param firstClient the group's first client (also the first device's entity id)
     * @param count       clients in the group, at least 1
     * @param events      where the group reports frames and energy
     */
    LinkGroup create(Simulation simulation, Scenario scenario, int firstClient, int count, LinkEvents events);
}
