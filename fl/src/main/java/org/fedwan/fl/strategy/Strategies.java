package org.fedwan.fl.strategy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Registry from a scenario's strategy name to a new {@link Strategy} and its documentation
 * (Flower's strategy family). Adding a strategy is its class and one line in the static block.
 *
 * <table>
 * <caption>Strategies</caption>
 * <tr><th>name</th><th>server step</th><th>options</th></tr>
 * <tr><td>{@code fedavg}</td><td>{@link FedAvg}</td><td>none</td></tr>
 * <tr><td>{@code fedavgm}</td><td>{@link FedAvgM}</td><td>{@code server_momentum}</td></tr>
 * <tr><td>{@code fedadagrad}</td><td>{@link FedAdagrad}</td><td>{@code eta, beta_1, tau}</td></tr>
 * <tr><td>{@code fedadam}</td><td>{@link FedAdam}</td><td>{@code eta, beta_1, beta_2, tau}</td></tr>
 * <tr><td>{@code fedyogi}</td><td>{@link FedYogi}</td><td>{@code eta, beta_1, beta_2, tau}</td></tr>
 * <tr><td>{@code fedprox}</td><td>{@link FedAvg}, clients add the proximal term</td><td>{@code proximal_mu}</td></tr>
 * <tr><td>{@code fedmedian}</td><td>{@link FedMedian}</td><td>none</td></tr>
 * </table>
 */
public final class Strategies {

    private record Entry(StrategyDoc doc, BiFunction<StrategyContext, Map<String, Double>, Strategy> factory) {
    }

    private static final Map<String, Entry> REGISTRY = new LinkedHashMap<>();

    static {
        add(FedAvg.DOC, (c, o) -> new FedAvg(c));
        add(FedAvgM.DOC, (c, o) -> new FedAvgM(c, o.get("server_momentum")));
        add(FedAdagrad.DOC, (c, o) -> new FedAdagrad(c, o.get("eta"), o.get("beta_1"), o.get("tau")));
        add(FedAdam.DOC, (c, o) -> new FedAdam(c, o.get("eta"), o.get("beta_1"), o.get("beta_2"), o.get("tau")));
        add(FedYogi.DOC, (c, o) -> new FedYogi(c, o.get("eta"), o.get("beta_1"), o.get("beta_2"), o.get("tau")));
        add(FedProx.DOC, (c, o) -> new FedProx(c, o.get("proximal_mu")));
        add(FedMedian.DOC, (c, o) -> new FedMedian(c));
    }

    private Strategies() {
    }

    private static void add(StrategyDoc doc, BiFunction<StrategyContext, Map<String, Double>, Strategy> factory) {
        REGISTRY.put(doc.name(), new Entry(doc, factory));
    }

    /** The known names, in documentation order. */
    public static List<String> names() {
        return List.copyOf(REGISTRY.keySet());
    }

    /** Documentation of every strategy, in the order of {@link #names()}. */
    public static List<StrategyDoc> docs() {
        List<StrategyDoc> out = new ArrayList<>();
        for (Entry e : REGISTRY.values()) {
            out.add(e.doc());
        }
        return out;
    }

    /**
     * Documentation of strategy {@code name}.
     *
     * @throws IllegalArgumentException naming the value and the allowed names
     */
    public static StrategyDoc doc(String name) {
        return entry(name).doc();
    }

    /**
     * A new strategy for one run.
     *
     * @param name    registry name
     * @param options the strategy's own options, key to text as in the scenario file; {@code null}
     *                means none
     * @param context what the clients send, the averaging rule and the learning rates
     * @throws IllegalArgumentException for an unknown name, an unknown option, a bad value, or a
     *                                  server learning rate other than 1 for a strategy that does not use it
     */
    public static Strategy create(String name, Map<String, String> options, StrategyContext context) {
        Entry e = entry(name);
        if (context == null) {
            throw new IllegalArgumentException("strategy '" + name + "' needs a strategy context");
        }
        return e.factory().apply(context, e.doc().resolve(options));
    }

    private static Entry entry(String name) {
        Entry e = REGISTRY.get(name);
        if (e == null) {
            throw new IllegalArgumentException("unknown strategy '" + name + "'; allowed: "
                    + String.join(", ", REGISTRY.keySet()));
        }
        return e;
    }
}
