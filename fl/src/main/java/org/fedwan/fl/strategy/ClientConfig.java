package org.fedwan.fl.strategy;

/**
 * What the server asks of one client for its local training this round (Flower's
 * {@code configure_fit} config). Returned by {@link Strategy#configureClient}.
 *
 * @param proximalMu weight {@code mu} of FedProx's proximal term {@code mu/2 ||w - w_global||^2}
 *                   added to the local loss (Li et al., MLSys 2020, eq. 2), dimensionless, {@code >= 0};
 *                   0 = plain local SGD
 */
public record ClientConfig(double proximalMu) {

    /** Plain local training: no proximal term. */
    public static final ClientConfig NONE = new ClientConfig(0);

    /** @throws IllegalArgumentException if {@code proximalMu} is negative or not finite */
    public ClientConfig {
        if (!(proximalMu >= 0) || !Double.isFinite(proximalMu)) {
            throw new IllegalArgumentException("proximal mu must be a finite number >= 0, got " + proximalMu);
        }
    }
}
