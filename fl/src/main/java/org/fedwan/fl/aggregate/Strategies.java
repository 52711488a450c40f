package org.fedwan.fl.aggregate;

import java.util.List;

/**
 * Registry from a scenario's aggregation name to a new {@link Strategy}.
 *
 * <table>
 * <caption>Strategies</caption>
 * <tr><th>name</th><th>mode</th><th>rule</th><th>{@code serverLearningRate}</th></tr>
 * <tr><td>{@code fedavg}</td><td>model</td><td>{@link LayerAverage#fedAvg()}</td><td>eta of {@link ServerLearningRate} (1 = plain)</td></tr>
 * <tr><td>{@code xfl}</td><td>model</td><td>{@link LayerAverage#xfl()}</td><td>as above</td></tr>
 * <tr><td>{@code inverse-mse}</td><td>model</td><td>{@link LayerAverage#inverseMse()}</td><td>as above</td></tr>
 * <tr><td>{@code gradient-sum}</td><td>gradient</td><td>{@link GradientStep} with {@link GradientStep.Reduction#SUM}</td><td>step size</td></tr>
 * <tr><td>{@code gradient-mean}</td><td>gradient</td><td>{@link GradientStep} with {@link GradientStep.Reduction#SAMPLE_MEAN}</td><td>step size</td></tr>
 * <tr><td>{@code laq}</td><td>gradient</td><td>{@link LaqAggregator} (stateful: one per run)</td><td>step size</td></tr>
 * </table>
 */
public final class Strategies {

    private static final List<String> NAMES = List.of("fedavg", "xfl", "inverse-mse", "gradient-sum", "gradient-mean", "laq");
    private static final List<String> GRADIENT = List.of("gradient-sum", "gradient-mean", "laq");

    private Strategies() {
    }

    /** The known names, in a fixed order. */
    public static List<String> names() {
        return NAMES;
    }

    /** True if strategy {@code name} expects gradients rather than trained models from the clients. */
    public static boolean takesGradients(String name) {
        check(name);
        return GRADIENT.contains(name);
    }

    /**
     * A new strategy.
     *
     * @param serverLearningRate server step size ({@code > 0}); see the table
     * @throws IllegalArgumentException naming the value and the allowed names
     */
    public static Strategy create(String name, double serverLearningRate) {
        check(name);
        return switch (name) {
            case "fedavg" -> serverRate(LayerAverage.fedAvg(), serverLearningRate);
            case "xfl" -> serverRate(LayerAverage.xfl(), serverLearningRate);
            case "inverse-mse" -> serverRate(LayerAverage.inverseMse(), serverLearningRate);
            case "gradient-sum" -> new GradientStep(serverLearningRate, GradientStep.Reduction.SUM);
            case "gradient-mean" -> new GradientStep(serverLearningRate, GradientStep.Reduction.SAMPLE_MEAN);
            default -> new LaqAggregator(serverLearningRate);
        };
    }

    private static Strategy serverRate(Strategy s, double eta) {
        return eta == 1.0 ? s : new ServerLearningRate(s, eta);
    }

    private static void check(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown aggregation '" + name + "'; allowed: " + String.join(", ", NAMES));
        }
    }
}
