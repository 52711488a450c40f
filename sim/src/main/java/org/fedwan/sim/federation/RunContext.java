package org.fedwan.sim.federation;

import org.fedwan.fl.data.ImageDataset;
import org.fedwan.fl.train.TrainerPool;
import org.fedwan.results.RunListener;
import org.fedwan.sim.config.Scenario;
import org.fedwan.sim.link.LinkPlan;

/**
 * The inputs of one run.
 *
 * @param scenario the validated scenario
 * @param train    training set (partitioned among the clients); null in a network-only run
 * @param test     test set; null in a network-only run
 * @param pool     trainers of the configured model (its thread count does not change results); null in a network-only run
 * @param listener receives every record of the run
 * @param links    puts the clients on their link groups
 */
record RunContext(Scenario scenario, ImageDataset train, ImageDataset test, TrainerPool pool, RunListener listener,
        LinkPlan links) {
}
