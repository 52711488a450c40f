package org.fedwan.fl.strategy;

import java.util.Arrays;
import java.util.List;

/**
 * Coordinate-wise median aggregation (Yin, Chen, Ramchandran, Bartlett, "Byzantine-Robust
 * Distributed Learning: Towards Optimal Statistical Rates", ICML 2018, the median option of
 * Algorithm 1; Flower's {@code FedMedian}, which takes {@code numpy.median} over the client models):
 * every coordinate of every layer is the median of the values the clients sent for it (the mean
 * of the two middle values for an even count), unweighted, over the clients that sent the layer.
 * The median then steps the model as {@link FedAvg}'s mean does: for weights with a server
 * learning rate of 1 it is the new model; otherwise {@code global + eta x step}. Robust to a
 * minority of arbitrary (Byzantine) updates, at the cost of ignoring sample counts. Stateless.
 */
public final class FedMedian implements Strategy {

    /** Registry name. */
    public static final String NAME = "fedmedian";

    /** Documentation; no options of its own (the step is the context's server learning rate). */
    public static final StrategyDoc DOC = new StrategyDoc(NAME,
            "coordinate-wise median of the client values, unweighted (Yin et al., ICML 2018), robust to a minority of "
                    + "arbitrary updates; stepped by server_learning_rate",
            true, List.of());

    private final StrategyContext context;

    public FedMedian(StrategyContext context) {
        if (context == null) {
            throw new IllegalArgumentException(NAME + " needs a strategy context");
        }
        this.context = context;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public float[][] aggregateFit(int round, float[][] global, List<ClientResult> results, List<Failure> failures) {
        if (results.isEmpty()) {
            return global;
        }
        boolean weights = context.kind() == ValueKind.WEIGHTS;
        float[][] median = new float[global.length][];
        for (int l = 0; l < global.length; l++) {
            median[l] = median(results, l, global[l].length);
            if (median[l] == null) {
                median[l] = weights ? global[l] : new float[global[l].length];
            }
        }
        double eta = context.kind() == ValueKind.GRADIENTS ? -context.clientLearningRate() * context.serverLearningRate()
                : context.serverLearningRate();
        if (weights && eta == 1) {
            return median;
        }
        float[][] next = new float[global.length][];
        for (int l = 0; l < global.length; l++) {
            next[l] = new float[global[l].length];
            for (int i = 0; i < next[l].length; i++) {
                double step = weights ? median[l][i] - global[l][i] : median[l][i];
                next[l][i] = (float) (global[l][i] + eta * step);
            }
        }
        return next;
    }

    /** The coordinate-wise median of layer {@code l} over the results that carry it, or null if none does. */
    static float[] median(List<ClientResult> results, int l, int size) {
        int n = 0;
        for (ClientResult r : results) {
            n += r.has(l) ? 1 : 0;
        }
        if (n == 0) {
            return null;
        }
        float[] out = new float[size];
        float[] column = new float[n];
        for (int i = 0; i < size; i++) {
            int k = 0;
            for (ClientResult r : results) {
                if (r.has(l)) {
                    column[k++] = r.values()[l][i];
                }
            }
            Arrays.sort(column);
            out[i] = n % 2 == 1 ? column[n / 2] : (float) (((double) column[n / 2 - 1] + column[n / 2]) / 2);
        }
        return out;
    }
}
