package org.fedwan.fl.aggregate;

import java.util.List;

/**
 * The server's aggregation rule, the one extension point of the server side (Flower's
 * {@code Strategy.aggregate_fit}): from the global model of the round and what the clients
 * delivered, the next global model. Implementations must not modify their arguments, must sum
 * in the order of {@code results} (or another order fixed by the data, such as client index) so
 * that results do not depend on thread timing, and must leave a layer that nobody sent as it was.
 */
public interface Strategy {

    /**
     * @param global   the global model the round started from, one array per layer
     * @param results  decoded client results, in a deterministic order (e.g. by client index)
     * @param failures selected clients that delivered nothing
     * @param round    round number, from 1
     * @return the next global model (may be {@code global} itself when nothing changes)
     */
    float[][] aggregate(float[][] global, List<ClientResult> results, List<Failure> failures, int round);
}
