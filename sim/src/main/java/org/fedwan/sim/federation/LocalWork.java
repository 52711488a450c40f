package org.fedwan.sim.federation;

import java.util.List;
import org.fedwan.fl.strategy.Strategy;

/**
 * What the selected clients do between receiving the global model and sending their update, and
 * what it costs them in simulated time and energy: real local training ({@link ClientTraining})
 * or, in a network-only run, a pseudo-random update of the layout ({@link SyntheticUpdates}).
 */
interface LocalWork {

    /**
     * Produces and encodes the update of every client of {@code active} from the global model:
     * each client's {@link ClientState#message} holds its encoded update afterwards.
     *
     * @return the size of the largest message, bytes
     */
    int trainAndEncode(int round, float[][] global, float[] buffers, List<ClientState> active, Strategy strategy);

    /** Compute time of client {@code c} for one round, µs. */
    long computeTimeUs(ClientState c);

    /** Training energy of client {@code c} for {@code busyUs} of its compute time, J. */
    double computeEnergyJ(ClientState c, long busyUs);

    /** Whether client {@code c}'s local work costs energy in this run. */
    boolean chargesEnergy(ClientState c);
}
