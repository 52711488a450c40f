/**
 * The server side of a federated run, after Flower's {@code Strategy}: one {@link
 * org.fedwan.fl.strategy.Strategy} per run selects the clients of a round
 * ({@code configureFit}, by default {@link org.fedwan.fl.strategy.Sampling#select}), configures
 * their local training ({@code configureClient}, FedProx's {@code mu}) and turns their
 * {@link org.fedwan.fl.strategy.ClientResult}s and {@link org.fedwan.fl.strategy.Failure}s into the
 * next global model ({@code aggregateFit}).
 *
 * <p>The averaging maths are pure functions in {@link org.fedwan.fl.strategy.Averaging}
 * (sample-weighted per-layer mean, seed 002's inverse-MSE weighting, batch-norm buffer average);
 * each strategy composes one of them, chosen by the run's {@link org.fedwan.compression.scheme.AveragingRule} (declared by the uplink scheme),
 * with its server step, read according to the {@link org.fedwan.fl.strategy.ValueKind} the clients
 * send: {@link org.fedwan.fl.strategy.FedAvg}, {@link org.fedwan.fl.strategy.FedAvgM}, the adaptive
 * {@link org.fedwan.fl.strategy.FedAdagrad}, {@link org.fedwan.fl.strategy.FedAdam} and
 * {@link org.fedwan.fl.strategy.FedYogi} (on {@link org.fedwan.fl.strategy.FedOpt}), and
 * {@link org.fedwan.fl.strategy.FedProx}. {@link org.fedwan.fl.strategy.Strategies} maps scenario
 * names to them, validates their options and documents them ({@link org.fedwan.fl.strategy.StrategyDoc}).
 */
package org.fedwan.fl.strategy;
