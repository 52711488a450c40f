package org.fedwan.channel.propagation;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Log-normal shadowing: an extra loss {@code X ~ N(0, sigma^2)} dB added to the median path
 * loss. The default sigma, 3.57 dB, is FLoRa's {@code LoRaLogNormalShadowing} default for the
 * Bor et al. model (lpwan-facts A7). The caller passes the generator, so the draw belongs to a
 * named stream of the engine and physics stays free of hidden state.
 *
 * @param sigmaDb standard deviation in dB, at least 0 (0 = no shadowing)
 */
public record Shadowing(double sigmaDb) {

    /** FLoRa's sigma for the Bor et al. log-distance model. */
    public static final Shadowing FLORA = new Shadowing(3.57);
    /** No shadowing. */
    public static final Shadowing NONE = new Shadowing(0.0);

    /** Validates sigma. */
    public Shadowing {
        if (!(sigmaDb >= 0.0) || !Double.isFinite(sigmaDb)) {
            throw new IllegalArgumentException("sigmaDb = " + sigmaDb + " is not allowed; allowed: finite and >= 0");
        }
    }

    /**
     * @param rng the generator to draw from; not touched when sigma is 0
     * @return one shadowing loss in dB (positive values weaken the signal)
     */
    public double drawDb(RandomGenerator rng) {
        if (sigmaDb == 0.0) {
            return 0.0;
        }
        return sigmaDb * Objects.requireNonNull(rng, "rng is null").nextGaussian();
    }
}
