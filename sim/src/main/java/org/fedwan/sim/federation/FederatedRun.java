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
}
