package org.fedwan.sim.link;

import java.util.List;
import org.fedwan.sim.config.Scenario;
import org.fedwan.sim.kernel.Simulation;

/** Which link groups a run's clients are on: one group per protocol, clients in contiguous ranges from 0. */
@FunctionalInterface
public interface LinkPlan {

    /**
     * @param simulation the simulation the devices live in
     * @param scenario   the run's scenario
     * @param events     where every group reports frames and energy
     * @return the groups, in client order, together covering clients {@code 0 .. clients - 1}
     */
    List<LinkGroup> groups(Simulation simulation, Scenario scenario, LinkEvents events);
}
