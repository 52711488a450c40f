package org.fedwan.sim.federation;

import org.fedwan.fl.data.ImageDataset;
import org.fedwan.fl.train.TrainerPool;
import org.fedwan.results.RunListener;
import org.fedwan.sim.config.RunConfig;
import org.fedwan.sim.link.LinkPlan;

/** Runs one federated-learning scenario over simulated links. */
public final class FederatedRun {

    private FederatedRun() {
    }

    /**
     * Runs {@code config.rounds()} rounds.
     *
     * @param pool     trainers of the configured model (its thread count does not change results)
     * @param listener receives every frame, energy interval, client, round and device record
     * @param links    puts the clients on their link groups (see {@code org.fedwan.sim.Protocols})
     * @return the run's totals
     */
    public static RunSummary run(RunConfig config, ImageDataset train, ImageDataset test, TrainerPool pool,
            RunListener listener, LinkPlan links) {
        if (!pool.model().name().equals(config.model())) {
            throw new IllegalArgumentException("trainer pool is for model " + pool.model().name() + ", the run needs "
                    + config.model());
        }
        return new RoundController(new RunContext(config, train, test, pool, listener, links)).run();
    }
}
