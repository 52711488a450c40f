package org.fedwan.fl.strategy;

import org.fedwan.compression.scheme.AveragingRule;

/**
 * What every strategy of a run is built with, besides its own options.
 *
 * @param kind               what the clients send
 * @param rule               how client values are averaged per layer, as the uplink scheme declares it
 *                           ({@link AveragingRule#LATEST_OF_EVERY_CLIENT} averages like {@link AveragingRule#MEAN}:
 *                           the caller passes the latest value of every client as the results)
 * @param clientLearningRate the clients' SGD learning rate (dimensionless, {@code > 0}); with
 *                           {@link ValueKind#GRADIENTS} the server steps by
 *                           {@code -clientLearningRate x serverLearningRate x mean gradient}
 *                           (seeds 003 and 004)
 * @param serverLearningRate server step size of {@code fedavg}, {@code fedavgm} and {@code fedprox}
 *                           (dimensionless, {@code > 0}; 1 = plain averaging), Flower's
 *                           {@code server_learning_rate}; the adaptive strategies step by their
 *                           option {@code eta} instead and need this at 1
 */
public record StrategyContext(ValueKind kind, AveragingRule rule, double clientLearningRate, double serverLearningRate) {

    /** @throws IllegalArgumentException if a field is null or a rate is not a finite number {@code > 0} */
    public StrategyContext {
        if (kind == null || rule == null) {
            throw new IllegalArgumentException("a strategy context needs a value kind and an averaging rule");
        }
        if (!(clientLearningRate > 0) || !Double.isFinite(clientLearningRate)) {
            throw new IllegalArgumentException("client learning rate must be a finite number > 0, got " + clientLearningRate);
        }
        if (!(serverLearningRate > 0) || !Double.isFinite(serverLearningRate)) {
            throw new IllegalArgumentException("server learning rate must be a finite number > 0, got " + serverLearningRate);
        }
    }
}
