package org.fedwan.sim.federation;

import org.fedwan.results.ClientOutcome;
import org.fedwan.results.ClientRoundRecord;
import org.fedwan.results.Direction;
import org.fedwan.results.EnergyRecord;
import org.fedwan.results.EnergyState;
import org.fedwan.results.FrameOutcome;
import org.fedwan.results.FrameRecord;
import org.fedwan.results.RoundRecord;
import org.fedwan.results.RunListener;
import org.fedwan.sim.link.LinkEvents;

/**
 * Turns what the links report into the run's records (ns-3's trackers): every frame and energy
 * interval goes to the listener with the round it belongs to, and is tallied into the round's
 * bytes, frames and energy and into its client's ledger entry. A frame of a message the server no
 * longer wants (the round closed, the upload was aborted) is recorded as {@code late}.
 */
final class RoundLog implements LinkEvents {

    private final RoundController controller;
    private final ClientState[] clients;
    private final RunListener listener;

    // the current round
    private long uplinkBytes;
    private long downlinkBytes;
    private int uplinkFrames;
    private int downlinkFrames;
    private long updateBytes;
    private double energyJ;

    // the run
    long totalUplinkBytes;
    long totalDownlinkBytes;
    long totalUplinkFrames;
    long totalDownlinkFrames;
    long totalUpdateBytes;
    double totalEnergyJ;

    RoundLog(RoundController controller, ClientState[] clients, RunListener listener) {
        this.controller = controller;
        this.clients = clients;
        this.listener = listener;
    }

    @Override
    public void uplinkFrame(int client, int fragment, long startUs, long endUs, int phyBytes, int frmBytes, double energyJ,
            FrameOutcome outcome) {
        ClientState c = clients[client];
        uplinkBytes += phyBytes;
        uplinkFrames++;
        if (c.uploadStartUs < 0) {
            c.uploadStartUs = startUs;
        }
        c.uploadEndUs = endUs;
        c.airtimeUs += endUs - startUs;
        c.frames++;
        this.energyJ += energyJ;
        listener.onFrame(new FrameRecord(controller.recordRound(), c.device, Direction.UPLINK, fragment, startUs, endUs,
                phyBytes, frmBytes, energyJ, controller.wanted(c) ? outcome : FrameOutcome.LATE));
        controller.frameEnded();
    }

    @Override
    public void broadcastSent(long phyBytes) {
        downlinkBytes += phyBytes;
        downlinkFrames++;
    }

    @Override
    public void downlinkFrame(int client, int fragment, long startUs, long endUs, int phyBytes, int frmBytes,
            double energyJ) {
        this.energyJ += energyJ;
        listener.onFrame(new FrameRecord(controller.recordRound(), clients[client].device, Direction.DOWNLINK, fragment,
                startUs, endUs, phyBytes, frmBytes, energyJ, FrameOutcome.RECEIVED));
    }

    @Override
    public void energy(int client, EnergyState state, long startUs, long endUs, double energyJ) {
        this.energyJ += energyJ;
        listener.onEnergy(new EnergyRecord(controller.recordRound(), clients[client].device, state, startUs, endUs, energyJ));
    }

    /** Training energy of a client over {@code [startUs, endUs]}: its own row, charged to its ledger entry. */
    void compute(ClientState c, long startUs, long endUs, double joules) {
        energyJ += joules;
        c.computeJ += joules;
        listener.onEnergy(new EnergyRecord(controller.recordRound(), c.device, EnergyState.COMPUTE, startUs, endUs, joules));
    }

    /** An update that arrived in time. */
    void updateArrived(int bytes) {
        updateBytes += bytes;
    }

    /** One client's row of the round, from its ledger entry. */
    void client(int round, ClientState c, ClientOutcome outcome) {
        listener.onClientRound(new ClientRoundRecord(round, c.device, c.computeUs, c.computeEndUs, c.uploadStartUs,
                c.uploadEndUs, c.airtimeUs, c.link.waitingTimeUs() - c.waitAtStartUs, c.frames,
                c.message == null ? 0 : c.message.length, outcome, c.protocol));
    }

    /**
     * The round's row; what happens from now until the next round starts belongs to the next round.
     *
     * @param r the round's record without its tallies (they are filled in here)
     */
    void roundEnded(RoundRecord r) {
        listener.onRound(new RoundRecord(r.round(), r.startUs(), r.endUs(), r.accuracy(), r.loss(), uplinkBytes, downlinkBytes,
                uplinkFrames, downlinkFrames, updateBytes, energyJ, r.clientsOk(), r.clientsDropped(), r.dutyCycleWaitUs(),
                r.aggregatedAtUs(), r.trainLoss(), r.trainAccuracy(), r.gradientNorm(), r.lateUpdates()));
        totalUplinkBytes += uplinkBytes;
        totalDownlinkBytes += downlinkBytes;
        totalUplinkFrames += uplinkFrames;
        totalDownlinkFrames += downlinkFrames;
        totalUpdateBytes += updateBytes;
        totalEnergyJ += energyJ;
        uplinkBytes = 0;
        downlinkBytes = 0;
        uplinkFrames = 0;
        downlinkFrames = 0;
        updateBytes = 0;
        energyJ = 0;
    }
}
