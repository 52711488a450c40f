/**
 * Server aggregation rules as pure functions over layer arrays (Flower's style: maths apart from
 * transport). {@link org.fedwan.fl.aggregate.Strategy} is the one extension point: it takes the
 * round's global model, the decoded {@link org.fedwan.fl.aggregate.ClientResult}s (with per-layer
 * presence) and the {@link org.fedwan.fl.aggregate.Failure}s, and returns the next global model.
 * Model-mode rules: {@link org.fedwan.fl.aggregate.LayerAverage} (FedAvg, XFL per-layer mean,
 * OCTAV inverse-MSE), optionally wrapped in {@link org.fedwan.fl.aggregate.ServerLearningRate};
 * gradient-mode rules: {@link org.fedwan.fl.aggregate.GradientStep} and the stateful
 * {@link org.fedwan.fl.aggregate.LaqAggregator}. {@link org.fedwan.fl.aggregate.Strategies} maps
 * scenario names to them. {@link org.fedwan.fl.aggregate.FedAvg} is the original FedAvg function
 * (and averages batch-norm buffers).
 */
package org.fedwan.fl.aggregate;
