package org.fedwan.fl.strategy;

import java.util.List;

/**
 * FedAdagrad (Reddi et al., ICLR 2021, Algorithm 2): {@link FedOpt} with
 * {@code v = v + delta^2}. Defaults are Flower's {@code FedAdagrad}
 * ({@code framework/py/flwr/serverapp/strategy/fedadagrad.py}, commit fdef7afb, 2026-03-29):
 * {@code eta = 0.1}, {@code tau = 1e-3}, and {@code beta_1 = 0} (Flower fixes it at 0, so
 * {@code m = delta}; the paper's Algorithm 2 has a {@code beta_1} for all three methods, hence the
 * option). Flower's older {@code server/strategy/fedadagrad.py} used {@code tau = 1e-9}.
 */
public final class FedAdagrad extends FedOpt {

    /** Registry name. */
    public static final String NAME = "fedadagrad";

    /** Documentation. */
    public static final StrategyDoc DOC = new StrategyDoc(NAME,
            "server Adagrad on the averaged step, v = v + delta^2 (Reddi et al., ICLR 2021, Algorithm 2)", false,
            List.of(option(ETA, 0.1, "server learning rate eta of x = x + eta m / (sqrt(v) + tau) (dimensionless); "
                            + "default as Flower's FedAdagrad"),
                    option(BETA_1, 0.0, "first-moment decay beta_1 of m = beta_1 m + (1 - beta_1) delta; default 0 as "
                            + "Flower's FedAdagrad (m = delta)"),
                    option(TAU, 1e-3, "adaptivity tau in sqrt(v) + tau (same unit as delta); default as Flower's "
                            + "FedAdagrad")));

    public FedAdagrad(StrategyContext context, double eta, double beta1, double tau) {
        super(context, eta, beta1, tau);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    double secondMoment(double previous, double deltaSquared) {
        return previous + deltaSquared;
    }
}
