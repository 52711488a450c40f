package org.fedwan.sim.federation;

import org.fedwan.fl.data.ImageDataset;
import org.fedwan.fl.train.TrainerPool;
import org.fedwan.results.RunListener;
import org.fedwan.sim.config.Scenario;
import org.fedwan.sim.link.LinkPlan;

/** Runs one federated-learning scenario over simulated links. */
public final class FederatedRun {

    private FederatedRun() {
    }

    /**
     * Runs the scenario's rounds.
     *
     * @param pool     trainers of the configured model (its thread count does not change results)
     * @param listener receives every frame, energy interval, client, round and device record
     * @param links    puts the clients on their link groups (see {@code org.fedwan.sim.Protocols})
     * @return the run's totals
     */
    public static RunSummary run(Scenario scenario, ImageDataset train, ImageDataset test, TrainerPool pool,
            RunListener listener, LinkPlan links) {
        if (!pool.model().name().equals(scenario.training().model())) {
            throw new IllegalArgumentException("trainer pool is for model " + pool.model().name() + ", the run needs "
                    + scenario.training().model());
        }
        return new RoundController(new RunContext(scenario, train, test, pool, listener, links)).run();
    }

    /**
     * Runs a network-only scenario ({@code training: none}): no data set, no model, no trainer;
     * clients send pseudo-random updates of the scenario's layout through the real uplink scheme.
     *
     * @param listener receives every frame, energy interval, client, round and device record
     * @param links    puts the clients on their link groups (see {@code org.fedwan.sim.Protocols})
     * @return the run's totals (accuracy and loss NaN: not measured)
     * @throws IllegalArgumentException if the scenario trains ({@code training: real})
     */
    public static RunSummary runNetworkOnly(Scenario scenario, RunListener listener, LinkPlan links) {
        if (!scenario.training().networkOnly()) {
            throw new IllegalArgumentException("runNetworkOnly needs training: none, the scenario has training: "
                    + scenario.training().training().label());
        }
        return new RoundController(new RunContext(scenario, null, null, null, listener, links)).run();
    }
}
