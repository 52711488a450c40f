package org.fedwan.fl.strategy;

import java.util.List;

/**
 * FedProx (Li et al., "Federated Optimization in Heterogeneous Networks", MLSys 2020): each client
 * minimises its loss plus the proximal term {@code mu/2 ||w - w_global||^2} (eq. 2), which
 * {@link org.fedwan.fl.train.LocalTrainer} applies as the extra gradient {@code mu (w - w_global)};
 * the server aggregates as {@link FedAvg} (as Flower's {@code FedProx}, which sends
 * {@code proximal_mu} in the fit configuration). Stateless.
 */
public final class FedProx implements Strategy {

    /** Registry name. */
    public static final String NAME = "fedprox";

    /**
     * {@code proximal_mu}, default 1: the value of Flower's FedProx baseline
     * ({@code baselines/fedprox}, README "proximal mu 1.0"), within the set {0.001, 0.01, 0.1, 1}
     * Li et al. tune {@code mu} over.
     */
    public static final StrategyDoc.Option PROXIMAL_MU = new StrategyDoc.Option("proximal_mu", 1.0, 0, true,
            Double.POSITIVE_INFINITY, false,
            "weight mu of the proximal term mu/2 ||w - w_global||^2 added to each client's local loss (dimensionless; "
                    + "0 = FedAvg); default 1 as in Flower's FedProx baseline");

    /** Documentation. */
    public static final StrategyDoc DOC = new StrategyDoc(NAME,
            "FedAvg on the server, local loss plus the proximal term mu/2 ||w - w_global||^2 on the clients "
                    + "(Li et al., MLSys 2020)",
            true, List.of(PROXIMAL_MU));

    private final FedAvg server;
    private final ClientConfig client;

    /** @param proximalMu {@code mu >= 0} */
    public FedProx(StrategyContext context, double proximalMu) {
        this.server = new FedAvg(context);
        this.client = new ClientConfig(PROXIMAL_MU.check("strategy '" + NAME + "'", proximalMu));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ClientConfig configureClient(int round, int clientId) {
        return client;
    }

    @Override
    public float[][] aggregateFit(int round, float[][] global, List<ClientResult> results, List<Failure> failures) {
        return server.aggregateFit(round, global, results, failures);
    }
}
