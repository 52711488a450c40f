package org.fedwan.sim.federation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.fedwan.compression.scheme.Scheme;
import org.fedwan.fl.strategy.Failure;
import org.fedwan.results.ClientOutcome;
import org.fedwan.results.EnergyBreakdown;
import org.fedwan.results.LossCause;
import org.fedwan.results.RoundRecord;
import org.fedwan.sim.config.LateUpdates;
import org.fedwan.sim.config.RoundPolicySection;
import org.fedwan.sim.config.RunSection;
import org.fedwan.sim.kernel.ExternalEvent;
import org.fedwan.sim.kernel.Simulation;
import org.fedwan.sim.link.BackgroundReport;
import org.fedwan.sim.link.LinkGroup;
import org.fedwan.sim.link.Upload;

/**
 * The rounds of a federated run, whatever the links. Each round:
 * <ol>
 *   <li>the strategy selects clients among those online and free ({@code configureFit});</li>
 *   <li>each selected client trains for real and is busy for its simulated compute time
 *       ({@link ClientTraining}; in a network-only run it sends a pseudo-random update instead,
 *       {@link SyntheticUpdates});</li>
 *   <li>it sends its encoded update over its {@link org.fedwan.sim.link.ClientLink};</li>
 *   <li>the server aggregates when the updates it waits for have arrived or the round deadline
 *       passes; clients still computing or sending then are dropped (or, with
 *       {@code late_updates: next-round}, finish and join a later aggregation);</li>
 *   <li>it evaluates the new model and broadcasts it over every link group; the round ends when
 *       the broadcasts, and any frame still on the air, have ended.</li>
 * </ol>
 * Randomness comes from named streams (partition, model initialisation, device speeds, selection,
 * local shuffles), so results depend on the configuration and seed only.
 */
final class RoundController extends Simulation {

    /** Entity id of the server in random stream names. */
    static final long SERVER_ID = -1;

    private final RunContext run;
    private final RunSection runSection;
    private final RoundPolicySection policy;
    private final ClientState[] clients;
    private final List<LinkGroup> groups;
    private final LocalWork training;
    private final Server server;
    private final RoundLog log;
    private final AvailabilityTrace availability;
    private final RandomGenerator selection;
    private final ComputeDone[] computeDone;
    private final RoundStart roundStart = new RoundStart();
    private final Deadline deadline = new Deadline();

    private int round;
    private long roundStartUs;
    private boolean collecting;
    private boolean broadcastDone;
    /** True from a round's end to the next round's start: records then belong to the next round. */
    private boolean betweenRounds;
    private int pendingBroadcasts;
    private int[] selected = new int[0];
    /** Updates the round waits for: clientsPerRound, or fewer when clients dropped out. */
    private int expectedArrivals;
    private int arrivedCount;
    private int clientsOk;
    private int lateUsed;
    private long waitAtStartUs;
    private long aggregatedAtUs;
    private int largestMessageBytes;
    private final long parameterCount;
    /** Whether background sensors share the networks: their traffic never lets the scheduler run dry. */
    private final boolean background;

    RoundController(RunContext run) {
        super(run.scenario().run().name(), run.scenario().run().seed(), run.scenario().run().replication());
        this.run = run;
        this.runSection = run.scenario().run();
        this.policy = run.scenario().policy();
        int n = policy.clients();
        this.clients = new ClientState[n];
        this.log = new RoundLog(this, clients, run.listener());
        this.groups = run.links().groups(this, run.scenario(), log);
        this.background = groups.stream().anyMatch(g -> g.backgroundDevices() > 0);
        Setup setup = new Setup(run, streams());
        this.computeDone = new ComputeDone[n];
        for (LinkGroup g : groups) {
            for (int c = g.firstClient(); c < g.firstClient() + g.size(); c++) {
                clients[c] = new ClientState(c, setup.shares()[c], setup.samples(c), setup.speedFactor(c), g.link(c),
                        g.protocol());
                computeDone[c] = new ComputeDone(clients[c]);
            }
        }
        Scheme scheme = setup.scheme();
        this.parameterCount = scheme.layout().parameterCount();
        this.training = run.scenario().training().networkOnly()
                ? new SyntheticUpdates(run.scenario().training(), run.scenario().devices(), scheme, streams())
                : new ClientTraining(run.scenario().training(), run.scenario().devices(), run.pool(), run.train(), scheme,
                        streams());
        this.selection = streams().of(SERVER_ID, "selection");
        this.availability = setup.availability();
        this.server = new Server(run.scenario(), scheme, run.pool(), run.test(), setup.trainEval(), setup.initialWeights(),
                setup.initialBuffers(), streams().seed(SERVER_ID, "gradient-norm"));
    }

    /** Runs every round; returns the totals. */
    RunSummary run() {
        roundStart.schedule(0);
        scheduler().run();
        while (collecting) {
            // every remaining update was lost and no deadline was set: the round closes when nothing is left to happen
            closeRound();
            scheduler().run();
        }
        BackgroundReport sensors = BackgroundReport.NONE;
        for (LinkGroup g : groups) {
            log.devices(g.finish(nowUs()));
            sensors = sensors.plus(g.background(nowUs()));
        }
        return new RunSummary(round, nowUs(), server.evaluation().accuracy(), server.evaluation().meanLoss(),
                log.totalUplinkBytes, log.totalDownlinkBytes, log.totalUplinkFrames, log.totalDownlinkFrames,
                log.totalUpdateBytes, log.totalEnergy(), scheduler().eventsProcessed(), parameterCount, largestMessageBytes,
                log.totalLost(), sensors);
    }

    /** The round a record made now belongs to. */
    int recordRound() {
        return betweenRounds ? round + 1 : round;
    }

    /** Whether the server still wants client {@code c}'s message (its frames are not late). */
    boolean wanted(ClientState c) {
        return collecting || c.carrying;
    }

    /** A frame ended: after the round closed, it may have been the last thing the round waited for. */
    void frameEnded() {
        if (!collecting) {
            maybeEndRound();
        }
    }

    private void startRound() {
        round++;
        roundStartUs = nowUs();
        collecting = true;
        broadcastDone = false;
        arrivedCount = 0;
        clientsOk = 0;
        betweenRounds = false;
        waitAtStartUs = totalWaitUs();
        lateUsed = 0;
        for (ClientState c : clients) {
            if (!c.busyWithLateUpdate()) {
                c.forgetMessage();
            }
        }
        int[] available = IntStream.range(0, clients.length).filter(c -> !clients[c].busyWithLateUpdate() && online(c))
                .toArray();
        selected = server.strategy().configureFit(round, available, policy.perRound(), policy.overSelection(),
                selection);
        int[] active = Arrays.stream(selected).filter(c -> !(policy.dropoutProbability() > 0
                && streams().of(c, "dropout-round-" + round).nextDouble() < policy.dropoutProbability())).toArray();
        expectedArrivals = Math.min(policy.perRound(), active.length);
        for (int c : selected) {
            clients[c].startRound(clients[c].link.waitingTimeUs());
        }
        List<ClientState> training = new ArrayList<>(active.length);
        for (int c : active) {
            clients[c].droppedOut = false;
            training.add(clients[c]);
        }
        if (expectedArrivals == 0) {
            // nobody will report: the server closes the round at once
            scheduler().schedule(nowUs(), 0, this::closeRound);
        }
        largestMessageBytes = Math.max(largestMessageBytes, this.training.trainAndEncode(round, server.global(),
                server.buffers(), training, server.strategy()));
        for (ClientState c : training) {
            c.computeUs = this.training.computeTimeUs(c);
            computeDone[c.client].schedule(c.computeUs);
        }
        if (policy.roundDeadlineS() > 0) {
            deadline.schedule(Math.round(policy.roundDeadlineS() * 1e6));
        }
    }

    /**
     * Whether client {@code c} can be selected at this round's start: its battery is not empty, the
     * trace has it online, and the availability probability draw says so.
     */
    private boolean online(int c) {
        if (clients[c].link.batteryEmpty(nowUs()) || !availability.online(c, nowUs())) {
            return false;
        }
        return policy.availability() >= 1 || streams().of(c, "availability-round-" + round).nextDouble() < policy.availability();
    }

    private void computed(ClientState c) {
        long now = nowUs();
        c.computeEndUs = now;
        chargeCompute(c, c.computeUs);
        if (c.message.length == 0) {
            updateArrived(c, c.message);
            return;
        }
        c.link.send(c.message, round & 0xFF, new Upload() {
            @Override
            public void delivered(byte[] received) {
                updateArrived(c, received);
            }

            @Override
            public void lost(LossCause cause) {
                updateLost(c, cause);
            }
        });
    }

    /** The training energy of {@code busyUs} of client {@code c}'s compute time: a row of the ledger, drained from its battery. */
    private void chargeCompute(ClientState c, long busyUs) {
        if (training.chargesEnergy(c)) {
            double joules = training.computeEnergyJ(c, busyUs);
            log.compute(c, roundStartUs, roundStartUs + busyUs, joules);
            c.link.chargeTraining(nowUs(), joules);
        }
    }

    private void updateArrived(ClientState c, byte[] received) {
        if (!collecting && !c.carrying) {
            return;
        }
        if (!Arrays.equals(received, c.message)) {
            throw new IllegalStateException("the update the server received from client " + c.client
                    + " differs from what it sent");
        }
        c.received = received;
        if (c.carrying) {
            // a late update: it joins the next aggregation
            c.carrying = false;
            c.lateArrived = true;
            if (!collecting) {
                maybeEndRound();
            }
            return;
        }
        c.arrived = true;
        arrivedCount++;
        log.updateArrived(received.length);
        if (arrivedCount == expectedArrivals) {
            closeRound();
        }
    }

    private void updateLost(ClientState c, LossCause cause) {
        c.lossCause = cause;
        if (c.carrying) {
            // a late update that will never arrive: the client is free again
            c.carrying = false;
            if (!collecting) {
                maybeEndRound();
            }
        } else if (background && collecting && policy.roundDeadlineS() <= 0 && everyUpdateSettled()) {
            // without sensors the round closes when nothing is left to happen; their packets never stop
            scheduler().schedule(nowUs(), 0, this::closeRound);
        }
    }

    /** Whether every selected client that did not drop out has delivered its update or lost it. */
    private boolean everyUpdateSettled() {
        for (int s : selected) {
            ClientState c = clients[s];
            if (!c.droppedOut && !c.arrived && c.lossCause == null) {
                return false;
            }
        }
        return true;
    }

    private void closeRound() {
        if (!collecting) {
            return;
        }
        collecting = false;
        deadline.cancel();
        List<ClientState> arrived = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (int s : selected) {
            ClientState c = clients[s];
            if (c.arrived) {
                arrived.add(c);
            } else if (policy.lateUpdates() == LateUpdates.NEXT_ROUND && !c.droppedOut && round < runSection.rounds()) {
                // it finishes computing and sending; its update joins the first aggregation after it arrives
                c.carrying = true;
            } else {
                failures.add(new Failure(c.client, c.droppedOut ? "dropped-out" : "missed the round"));
                if (computeDone[s].isScheduled()) {
                    computeDone[s].cancel();
                    chargeCompute(c, nowUs() - roundStartUs);
                }
                c.link.abort();
            }
        }
        clientsOk = arrived.size();
        List<ClientState> late = Arrays.stream(clients).filter(c -> c.lateArrived).toList();
        lateUsed = late.size();
        server.aggregate(round, arrived, late, failures, clients);
        for (ClientState c : late) {
            c.lateArrived = false;
            log.client(round, c, ClientOutcome.LATE_USED, null);
            c.forgetMessage();
        }
        aggregatedAtUs = nowUs();
        server.evaluate(round);
        byte[] broadcast = server.broadcast();
        pendingBroadcasts = groups.size();
        for (LinkGroup g : groups) {
            g.broadcast(broadcast, round & 0xFF, () -> {
                pendingBroadcasts--;
                if (pendingBroadcasts == 0) {
                    broadcastDone = true;
                    maybeEndRound();
                }
            });
        }
    }

    private void maybeEndRound() {
        if (!broadcastDone) {
            return;
        }
        for (ClientState c : clients) {
            if (c.link.isSending() && !c.carrying) {
                return;
            }
        }
        broadcastDone = false;
        for (LinkGroup g : groups) {
            g.reportEnergy(nowUs());
        }
        for (int s : selected) {
            ClientOutcome outcome = outcome(clients[s]);
            log.client(round, clients[s], outcome, cause(clients[s], outcome));
        }
        log.roundEnded(new RoundRecord(round, roundStartUs, nowUs(), server.accuracy(), server.loss(), 0, 0, 0, 0, 0,
                EnergyBreakdown.ZERO, clientsOk, selected.length - clientsOk, totalWaitUs() - waitAtStartUs, aggregatedAtUs,
                server.trainLoss(), server.trainAccuracy(), server.gradientNorm(), lateUsed, Map.of()));
        betweenRounds = true;
        if (round < runSection.rounds()) {
            roundStart.schedule(0);
        } else {
            // devices may keep timers forever (NB-IoT periodic TAU, paging): the run ends with its last round
            scheduler().stop();
        }
    }

    private ClientOutcome outcome(ClientState c) {
        if (c.droppedOut) {
            return ClientOutcome.DROPPED_OUT;
        } else if (c.arrived) {
            return c.message.length == 0 ? ClientOutcome.SKIPPED : ClientOutcome.OK;
        } else if (c.carrying || c.lateArrived) {
            return ClientOutcome.LATE;
        } else if (c.computeEndUs < 0) {
            return ClientOutcome.DROPPED_COMPUTING;
        } else if (c.lossCause != null) {
            return ClientOutcome.LOST;
        } else if (c.frames > 0 && c.uploadEndUs >= aggregatedAtUs) {
            return ClientOutcome.DROPPED_SENDING;
        }
        return c.frames > 0 ? ClientOutcome.LOST : ClientOutcome.DROPPED_SENDING;
    }

    /** Why a selected client's update did not arrive in time, or null when it did (or is on its way). */
    private static LossCause cause(ClientState c, ClientOutcome outcome) {
        return switch (outcome) {
            case OK, SKIPPED, LATE, LATE_USED -> null;
            case DROPPED_OUT -> LossCause.DROPOUT;
            case LOST -> c.lossCause;
            case DROPPED_COMPUTING, DROPPED_SENDING -> c.lossCause != null ? c.lossCause : LossCause.DEADLINE;
        };
    }

    private long totalWaitUs() {
        long sum = 0;
        for (ClientState c : clients) {
            sum += c.link.waitingTimeUs();
        }
        return sum;
    }

    private final class RoundStart extends ExternalEvent {
        RoundStart() {
            super(RoundController.this, "round-start");
        }

        @Override
        protected void eventRoutine() {
            startRound();
        }
    }

    private final class Deadline extends ExternalEvent {
        Deadline() {
            super(RoundController.this, "round-deadline");
        }

        @Override
        protected void eventRoutine() {
            if (collecting) {
                closeRound();
            }
        }
    }

    /** A client finished local training: it starts sending its encoded update. */
    private final class ComputeDone extends ExternalEvent {
        private final ClientState c;

        ComputeDone(ClientState c) {
            super(RoundController.this, "compute-done");
            this.c = c;
        }

        @Override
        protected void eventRoutine() {
            computed(c);
        }
    }
}
