package org.fedwan.fl.strategy;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The server side of a federated run, Flower's split of {@code Strategy}: which clients train
 * ({@link #configureFit}), how each trains ({@link #configureClient}), and how their results become
 * the next global model ({@link #aggregateFit}). One instance per run: strategies with server
 * optimizer state (momentum, adaptive moments) keep it between rounds. Not thread-safe.
 *
 * <p>Implementations must not modify their arguments, must sum in the order of {@code results}
 * (which the caller fixes, e.g. by client index) so that a seeded run gives the same bytes, and
 * must treat failures as data, never throw for them. Strategies are created by name through
 * {@link Strategies#create}.
 */
public interface Strategy {

    /** The registry name, e.g. {@code fedavg}. */
    String name();

    /**
     * The clients that train in round {@code round}, ascending when drawn: by default
     * {@link Sampling#select}, {@code min(n, ceil(clientsPerRound x overSelection))} of the
     * {@code available} clients drawn without replacement from {@code rng}, or all of them
     * (the array itself, no draw) when that is every one.
     *
     * @param round           round number, from 1
     * @param available       clients that can take part this round (online, not busy)
     * @param clientsPerRound clients the round waits for ({@code >= 1})
     * @param overSelection   selection factor ({@code >= 1}; FedScale's over-commitment)
     * @param rng             the server's selection stream
     */
    default int[] configureFit(int round, int[] available, int clientsPerRound, double overSelection, RandomGenerator rng) {
        return Sampling.select(available, clientsPerRound, overSelection, rng);
    }

    /** The local-training configuration of client {@code clientId} in round {@code round}; by default none. */
    default ClientConfig configureClient(int round, int clientId) {
        return ClientConfig.NONE;
    }

    /**
     * The next global model.
     *
     * @param round    round number, from 1
     * @param global   the global model the round started from, one array per layer
     * @param results  decoded client results, in a deterministic order
     * @param failures selected clients that delivered nothing
     * @return the next global model; {@code global} itself when {@code results} is empty
     */
    float[][] aggregateFit(int round, float[][] global, List<ClientResult> results, List<Failure> failures);
}
