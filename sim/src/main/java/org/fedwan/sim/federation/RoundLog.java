package org.fedwan.sim.federation;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.fedwan.results.ClientOutcome;
import org.fedwan.results.ClientRoundRecord;
import org.fedwan.results.DeviceRecord;
import org.fedwan.results.Direction;
import org.fedwan.results.EnergyBreakdown;
import org.fedwan.results.EnergyRecord;
import org.fedwan.results.EnergyState;
import org.fedwan.results.FrameOutcome;
import org.fedwan.results.FrameRecord;
import org.fedwan.results.LossCause;
import org.fedwan.results.RoundRecord;
import org.fedwan.results.RunListener;
import org.fedwan.sim.link.DeviceStatus;
import org.fedwan.sim.link.LinkEvents;

/**
 * Turns what the links report into the run's records (ns-3's trackers), and keeps the energy
 * ledger: every joule a link reports, and every client's training energy, goes to the listener
 * as a row of the round it belongs to and is added to that round's and that device's totals, so
 * that the round's energy, the device's total and the run's total are sums of the same rows. A
 * frame of a message the server no longer wants (the round closed, the upload was aborted) is
 * recorded as {@code late}.
 */
final class RoundLog implements LinkEvents {

    private final RoundController controller;
    private final ClientState[] clients;
    private final RunListener listener;
    private final EnergyBreakdown.Accumulator[] deviceEnergy;

    // the current round
    private long uplinkBytes;
    private long downlinkBytes;
    private int uplinkFrames;
    private int downlinkFrames;
    private long updateBytes;
    private final EnergyBreakdown.Accumulator roundEnergy = new EnergyBreakdown.Accumulator();
    private final Map<LossCause, Integer> lost = new EnumMap<>(LossCause.class);

    // the run
    long totalUplinkBytes;
    long totalDownlinkBytes;
    long totalUplinkFrames;
    long totalDownlinkFrames;
    long totalUpdateBytes;
    private EnergyBreakdown totalEnergy = EnergyBreakdown.ZERO;
    private final Map<LossCause, Integer> totalLost = new EnumMap<>(LossCause.class);

    RoundLog(RoundController controller, ClientState[] clients, RunListener listener) {
        this.controller = controller;
        this.clients = clients;
        this.listener = listener;
        this.deviceEnergy = new EnergyBreakdown.Accumulator[clients.length];
        for (int c = 0; c < clients.length; c++) {
            deviceEnergy[c] = new EnergyBreakdown.Accumulator();
        }
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
        listener.onFrame(new FrameRecord(controller.recordRound(), clients[client].device, Direction.DOWNLINK, fragment,
                startUs, endUs, phyBytes, frmBytes, energyJ, FrameOutcome.RECEIVED));
    }

    /** Unicast downlinks (LoRaWAN ARQ feedback) become rows whether the device received them or not. */
    @Override
    public void downlinkFrame(int client, int fragment, long startUs, long endUs, int phyBytes, int frmBytes,
            double energyJ, FrameOutcome outcome) {
        listener.onFrame(new FrameRecord(controller.recordRound(), clients[client].device, Direction.DOWNLINK, fragment,
                startUs, endUs, phyBytes, frmBytes, energyJ, outcome));
    }

    @Override
    public void energy(int client, EnergyState state, long startUs, long endUs, double energyJ, double txPowerDbm) {
        long nanojoules = EnergyBreakdown.toNanojoules(energyJ);
        roundEnergy.add(state, nanojoules);
        deviceEnergy[client].add(state, nanojoules);
        listener.onEnergy(new EnergyRecord(controller.recordRound(), clients[client].device, state, startUs, endUs,
                EnergyBreakdown.toJoules(nanojoules), txPowerDbm));
    }

    /** Training energy of a client over {@code [startUs, endUs]}: a row of the ledger. */
    void compute(ClientState c, long startUs, long endUs, double joules) {
        c.computeJ += joules;
        energy(c.client, EnergyState.MCU_TRAINING, startUs, endUs, joules, Double.NaN);
    }

    /** An update that arrived in time. */
    void updateArrived(int bytes) {
        updateBytes += bytes;
    }

    /** One client's row of the round, from its ledger entry; a lost update is counted by its cause. */
    void client(int round, ClientState c, ClientOutcome outcome, LossCause cause) {
        if (cause != null) {
            lost.merge(cause, 1, Integer::sum);
        }
        listener.onClientRound(new ClientRoundRecord(round, c.device, c.computeUs, c.computeEndUs, c.uploadStartUs,
                c.uploadEndUs, c.airtimeUs, c.link.waitingTimeUs() - c.waitAtStartUs, c.frames,
                c.message == null ? 0 : c.message.length, outcome, c.protocol, cause));
    }

    /**
     * The round's row; what happens from now until the next round starts belongs to the next round.
     *
     * @param r the round's record without its tallies (they are filled in here)
     */
    void roundEnded(RoundRecord r) {
        EnergyBreakdown energy = roundEnergy.snapshot();
        listener.onRound(new RoundRecord(r.round(), r.startUs(), r.endUs(), r.accuracy(), r.loss(), uplinkBytes, downlinkBytes,
                uplinkFrames, downlinkFrames, updateBytes, energy, r.clientsOk(), r.clientsDropped(), r.dutyCycleWaitUs(),
                r.aggregatedAtUs(), r.trainLoss(), r.trainAccuracy(), r.gradientNorm(), r.lateUpdates(), lost));
        totalUplinkBytes += uplinkBytes;
        totalDownlinkBytes += downlinkBytes;
        totalUplinkFrames += uplinkFrames;
        totalDownlinkFrames += downlinkFrames;
        totalUpdateBytes += updateBytes;
        totalEnergy = totalEnergy.plus(energy);
        lost.forEach((cause, n) -> totalLost.merge(cause, n, Integer::sum));
        uplinkBytes = 0;
        downlinkBytes = 0;
        uplinkFrames = 0;
        downlinkFrames = 0;
        updateBytes = 0;
        roundEnergy.clear();
        lost.clear();
    }

    /** One row per device at the end of the run, its energy the sum of its ledger rows. */
    void devices(List<DeviceStatus> statuses) {
        for (DeviceStatus s : statuses) {
            listener.onDevice(new DeviceRecord(clients[s.client()].device, s.dataRate(), deviceEnergy[s.client()].snapshot(),
                    s.txUs(), s.rxUs(), s.dutyCycleWaitUs(), s.fairUseWaitUs(), s.depletedAtUs(), s.protocol()));
        }
    }

    /** Energy of the rounds ended so far, by state. */
    EnergyBreakdown totalEnergy() {
        return totalEnergy;
    }

    /** Updates lost in the rounds ended so far, by cause. */
    Map<LossCause, Integer> totalLost() {
        return Map.copyOf(totalLost);
    }
}
