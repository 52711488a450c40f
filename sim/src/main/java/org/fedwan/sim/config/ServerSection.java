package org.fedwan.sim.config;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fedwan.fl.strategy.StrategyDoc;
import org.fedwan.fl.strategy.Strategies;

/**
 * The server's strategy (Flower's split: client selection and configuration, aggregation) and its
 * step.
 *
 * @param strategy           the strategy's name
 * @param strategyOptions    the strategy's options (each strategy documents its own)
 * @param serverLearningRate server step of fedavg, fedavgm and fedprox: global + rate x (aggregate - global)
 */
public record ServerSection(String strategy, Map<String, String> strategyOptions, double serverLearningRate) {

    public static final Section<ServerSection> SECTION = new Section<>("server", "the server's strategy",
            ServerSection.class, List.of(
            Key.of("strategy", Types.choice(Strategies::names), "fedavg",
                    "server strategy: client selection and aggregation (see the strategies reference): fedavg, fedavgm, "
                            + "fedadagrad, fedadam, fedyogi (Reddi et al. 2021), fedprox (client proximal term proximal_mu), fedmedian "
                            + "(coordinate-wise median)"),
            new Key<>("strategy_options", Types.options(), Map.of(), "(none)",
                    "the strategy's options as key=value pairs or a mapping, e.g. \"eta=0.01 tau=0.001\" (fedadam) or "
                            + "\"proximal_mu=0.01\" (fedprox)"),
            Key.of("server_learning_rate", Types.number(0, false, 100), 1.0,
                    "server step of fedavg, fedavgm and fedprox: global + rate x (aggregate - global); 1 = plain "
                            + "aggregation (the adaptive strategies step by their option eta)")));

    public ServerSection {
        // sorted by key, always: Map.copyOf iterates in an order that changes from one JVM to the next,
        // which made the resolved scenario (its hash, the manifest) differ between runs of one study
        strategyOptions = Collections.unmodifiableMap(new TreeMap<>(strategyOptions));
        StrategyDoc doc = Strategies.doc(strategy);
        try {
            doc.resolve(strategyOptions);
        } catch (IllegalArgumentException e) {
            throw new KeyProblem("strategy_options", "for strategy " + strategy + ": " + e.getMessage());
        }
        if (!doc.usesServerLearningRate() && serverLearningRate != 1) {
            throw new KeyProblem("server_learning_rate", "with strategy " + strategy
                    + ": allowed: 1 (the adaptive strategies step by their option eta)");
        }
    }
}
