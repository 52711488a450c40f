package org.fedwan.sim.federation;

import org.fedwan.compression.scheme.ClientEncoder;
import org.fedwan.fl.train.OptimizerState;
import org.fedwan.results.LossCause;
import org.fedwan.sim.link.ClientLink;

/**
 * Everything the round controller keeps about one client: what persists across rounds (its data
 * share, device speed, optimizer state, encoder, training energy so far) and the state of its
 * current round (times, frames, the message it sends and the one the server holds). One
 * instance per client, in one array: the ledger of the run.
 */
final class ClientState {

    /** No time recorded (yet). */
    static final long NONE = -1;

    final int client;
    final String device;
    final int[] share;
    /** Its weight in sample-weighted averaging: its training samples, or 1 in a network-only run (no data). */
    final long samples;
    final double speedFactor;
    final ClientLink link;
    final String protocol;

    // across rounds
    OptimizerState optimizer = OptimizerState.NONE;
    float[] buffers;
    ClientEncoder encoder;
    double computeJ;

    // the current round (or the round of a late update still on its way)
    long computeUs;
    long computeEndUs;
    long uploadStartUs;
    long uploadEndUs;
    long airtimeUs;
    long waitAtStartUs;
    int frames;
    boolean droppedOut;
    /** Its update missed the deadline and is still on its way ({@code late_updates: next-round}). */
    boolean carrying;
    /** A late update that has arrived and waits for the next aggregation. */
    boolean lateArrived;
    boolean arrived;
    int messageRound;
    byte[] message;
    byte[] received;
    LossCause lossCause;

    ClientState(int client, int[] share, long samples, double speedFactor, ClientLink link, String protocol) {
        this.client = client;
        this.device = "dev-" + client;
        this.share = share;
        this.samples = samples;
        this.speedFactor = speedFactor;
        this.link = link;
        this.protocol = protocol;
    }

    /** Whether the client is busy with an earlier round's update (carrying it or holding it for aggregation). */
    boolean busyWithLateUpdate() {
        return carrying || lateArrived;
    }

    /** Clears what a new round of this client starts from. */
    void startRound(long waitUs) {
        computeUs = 0;
        computeEndUs = NONE;
        uploadStartUs = NONE;
        uploadEndUs = NONE;
        airtimeUs = 0;
        frames = 0;
        waitAtStartUs = waitUs;
        droppedOut = true;
        lossCause = null;
    }

    /** Forgets the message of a round that is over (not for a late update still in flight or waiting). */
    void forgetMessage() {
        arrived = false;
        message = null;
        received = null;
    }

    /** Number of training samples (its weight in sample-weighted averaging); 1 in a network-only run. */
    long samples() {
        return samples;
    }
}
