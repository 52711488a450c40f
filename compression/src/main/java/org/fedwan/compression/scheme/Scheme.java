package org.fedwan.compression.scheme;

import java.util.Map;
import java.util.random.RandomGenerator;
import org.fedwan.compression.ModelLayout;

/**
 * A compression scheme bound to a model layout and its options: the uplink codec with its client
 * and server state, and exact bit accounting. Obtain one from {@link Compression#uplink}; the
 * server's broadcast has its own codec, {@link Compression#downlink}.
 *
 * <p>Each round a client's {@link ClientEncoder} turns one {@code float[]} per layer into a
 * message; the server's {@link ServerDecoder} turns it back into per-layer values plus side data.
 * Every message starts with a CRC-32 ({@link org.fedwan.compression.Integrity}), counted as side
 * bits.
 */
public interface Scheme {

    /** Scenario name, e.g. {@code octav} or {@code ef:topk}. */
    String name();

    /** The options in force, defaults filled in, sorted by key. */
    Map<String, String> options();

    /** The model layout both ends agree on. */
    ModelLayout layout();

    /** What the scheme compresses. */
    Quantity quantity();

    /** What each client keeps between rounds, in words, with its size. */
    String clientState();

    /** What the server keeps between rounds, in words, with its size. */
    String serverState();

    /** Whether {@link RoundInput#globalModel()} must be given (SLAQ). */
    default boolean needsGlobalModel() {
        return false;
    }

    /** How the server must average what this scheme's decoder gives. */
    AveragingRule averagingRule();

    /**
     * Rounds after which {@link #uplinkBits} repeats: the number of layers for layer-wise schemes,
     * the codebook refresh period for QuantFL, 1 otherwise.
     */
    int cycleRounds();

    /**
     * Exact bits of the uplink message of a client that takes part in every round from round 0,
     * at {@code round} (for layer-wise schemes: the client with cycle offset 0). Schemes whose size
     * depends on data (SLAQ skipping) give the size of a message that is sent.
     */
    MessageBits uplinkBits(int round);

    /**
     * A new client-side encoder.
     *
     * @param random the client's named random stream for stochastic rounding and stochastic layer
     *               selection; deterministic schemes never draw from it
     */
    ClientEncoder newClient(int clientId, RandomGenerator random);

    /** A new server-side decoder (holds the state of all clients). */
    ServerDecoder newServer();
}
