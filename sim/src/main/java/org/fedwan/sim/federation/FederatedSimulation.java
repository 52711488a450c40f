package org.fedwan.sim.federation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.fedwan.channel.energy.Energy;
import org.fedwan.channel.energy.RadioProfile;
import org.fedwan.channel.energy.RadioState;
import org.fedwan.channel.lorawan.Reassembler;
import org.fedwan.channel.lorawan.Region;
import org.fedwan.compression.scheme.Aggregation;
import org.fedwan.compression.scheme.AveragingRule;
import org.fedwan.compression.scheme.ClientEncoder;
import org.fedwan.compression.scheme.Compression;
import org.fedwan.compression.scheme.DecodedUpdate;
import org.fedwan.compression.scheme.DownlinkCodec;
import org.fedwan.compression.scheme.EncodedUpdate;
import org.fedwan.compression.scheme.Quantity;
import org.fedwan.compression.scheme.RoundInput;
import org.fedwan.compression.scheme.Scheme;
import org.fedwan.compression.scheme.ServerDecoder;
import org.fedwan.compression.ModelLayout;
import org.fedwan.fl.data.ImageDataset;
import org.fedwan.fl.data.Partitions;
import org.fedwan.fl.model.ModelDefinition;
import org.fedwan.fl.model.ModelZoo;
import org.fedwan.fl.train.Evaluation;
import org.fedwan.fl.train.TrainerPool;
import org.fedwan.sim.kernel.Event;
import org.fedwan.sim.kernel.ExternalEvent;
import org.fedwan.sim.kernel.Model;
import org.fedwan.sim.network.FrameOutcome;
import org.fedwan.sim.network.LorawanDevice;
import org.fedwan.sim.network.LorawanNetwork;
import org.fedwan.sim.network.NetworkSettings;
import org.fedwan.sim.results.FrameRecord;
import org.fedwan.sim.results.RoundRecord;
import org.fedwan.sim.results.RunListener;

/**
 * Federated learning over a LoRaWAN star network. Each round:
 * <ol>
 *   <li>the server selects clients (all, or {@code clientsPerRound} drawn without replacement);</li>
 *   <li>each selected client trains for real (ND4J, in parallel across cores while the simulated
 *       clock stands still) and is busy for a simulated compute time of
 *       {@code 3 x forward FLOPs x samples x epochs / device speed} (training counted as three
 *       forward passes, lpwan-facts C(b)); device speeds are log-normal around
 *       {@code deviceMflops};</li>
 *   <li>it encodes its model with the uplink codec and sends the real bytes as fragments, one
 *       frame at a time under its duty cycle;</li>
 *   <li>the server aggregates (FedAvg, sample-weighted) when the last update has arrived or the
 *       round deadline passes; clients still computing or sending then are dropped, and a frame
 *       already on the air finishes as {@code late};</li>
 *   <li>it evaluates the new model on the test set and broadcasts it (downlink codec) to every
 *       device; the round ends when the broadcast, and any late frame, has ended.</li>
 * </ol>
 * Randomness comes from named streams of the model (partition, model initialisation, device
 * speeds, client selection, local shuffles), so results depend on the configuration and seed only.
 */
public final class FederatedSimulation extends Model {

    /** Entity id of the server in random stream names. */
    static final long SERVER_ID = -1;

    private final RunConfig config;
    private final ModelLayout layout;
    private final Scheme scheme;
    private final ServerDecoder decoder;
    private final ClientEncoder[] encoders;
    private final DownlinkCodec downlinkCodec;
    private final ImageDataset train;
    private final ImageDataset test;
    private final TrainerPool pool;
    private final RunListener listener;
    private final RadioProfile radio;
    private final long flopsPerSamplePass;

    private final int[][] shares;
    private final double[] speedFactor;
    private final LorawanDevice[] devices;
    private final ComputeDone[] computeDone;
    private final LorawanNetwork network;
    /** Clients 0 .. loraClients-1 are on LoRaWAN, the others on one NB-IoT cell. */
    private final int loraClients;
    private int pendingBroadcasts;
    private final NbiotClients nbiotClients;
    private final RandomGenerator selection;
    private final RoundStart roundStart;
    private final Deadline deadline;

    private float[][] global;
    /** Batch-norm running statistics of the global model (outside the layout: never on the air). */
    private float[] buffers;
    /** Each client's optimizer state (momentum), kept between its rounds. */
    private final org.fedwan.fl.train.OptimizerState[] states;
    private final float[][] clientBuffers;
    // per-client tallies of the current round
    private final long[] computeUs;
    private final long[] computeEndUs;
    private final long[] uploadStartUs;
    private final long[] uploadEndUs;
    private final long[] airtimeUs;
    private final long[] clientWaitAtStartUs;
    private final int[] frameCount;
    private final boolean[] droppedOut;
    /** Clients whose update missed the deadline and is still on its way (late_updates: next-round). */
    private final boolean[] carrying;
    /** Late updates that have arrived and wait for the next aggregation. */
    private final boolean[] lateArrived;
    /** The round each client's message belongs to. */
    private final int[] messageRound;
    private int lateUsed;
    /** Training energy charged to each client so far (compute rows), J. */
    private final double[] computeJ;
    private final AvailabilityTrace availability;
    /** The fixed training subset the global model's training loss and gradient norm are measured on, or null. */
    private final ImageDataset trainEval;
    private double trainLoss = Double.NaN;
    private double trainAccuracy = Double.NaN;
    private double gradientNorm = Double.NaN;
    /** Updates the round waits for: clientsPerRound, or fewer when clients dropped out. */
    private int expectedArrivals;

    // state of the current round
    private int round;
    private long roundStartUs;
    private boolean collecting;
    private boolean broadcastDone;
    private int[] selected = new int[0];
    private final byte[][] messages;
    private final Reassembler[] reassemblers;
    private final boolean[] arrived;
    private int arrivedCount;
    private long uplinkBytes;
    private long downlinkBytes;
    private int uplinkFrames;
    private int downlinkFrames;
    private long updateBytes;
    private double energyJ;
    private long waitAtStartUs;
    private long aggregatedAtUs;
    private Evaluation evaluation = Evaluation.EMPTY;
    private double accuracy = Double.NaN;
    private double loss = Double.NaN;
    private int clientsOk;
    /** True from a round's end to the next round's start: records then belong to the next round. */
    private boolean betweenRounds;

    private long totalUplinkBytes;
    private long totalDownlinkBytes;
    private long totalUplinkFrames;
    private long totalDownlinkFrames;
    private long totalUpdateBytes;
    private double totalEnergyJ;
    private long updateMessageBytes;

    private FederatedSimulation(RunConfig config, ImageDataset train, ImageDataset test, TrainerPool pool,
            RunListener listener) {
        super(config.name(), config.seed(), config.replication());
        this.config = config;
        ModelDefinition model = pool.model();
        this.layout = model.layout();
        this.scheme = Compression.uplink(config.uplinkCodec(), layout, parseOptions(config.uplinkOptions()));
        this.decoder = scheme.newServer();
        this.encoders = new ClientEncoder[config.clients()];
        this.downlinkCodec = Compression.downlink(config.downlinkCodec(), layout);
        this.train = train;
        this.test = test;
        this.pool = pool;
        this.listener = listener;
        this.radio = RadioProfile.byName(config.radio());
        this.flopsPerSamplePass = 3 * model.forwardFlopsPerSample();

        Region region = Region.byName(config.region());
        int n = config.clients();
        org.fedwan.fl.train.Pretraining.Split split = config.pretrainFraction() > 0
                ? org.fedwan.fl.train.Pretraining.holdOut(train.size(), config.pretrainFraction(),
                        streams().seed(SERVER_ID, "pretrain-split"))
                : null;
        this.shares = split == null ? partition(config, train.labelArray(), train.numClasses(), streams().seed(SERVER_ID, "partition"))
                : Partitions.within(partition(config, Partitions.labelsOf(train.labelArray(), split.privateIndices()),
                        train.numClasses(), streams().seed(SERVER_ID, "partition")), split.privateIndices());
        this.states = new org.fedwan.fl.train.OptimizerState[n];
        java.util.Arrays.fill(states, org.fedwan.fl.train.OptimizerState.NONE);
        this.buffers = model.initialBuffers();
        this.speedFactor = new double[n];
        this.computeDone = new ComputeDone[n];
        int nbiotCount = switch (config.protocol()) {
            case "nbiot" -> n;
            case "mixed" -> (int) Math.round(n * config.nbiotShare());
            default -> 0;
        };
        this.loraClients = n - nbiotCount;
        this.devices = new LorawanDevice[loraClients];
        this.network = loraClients == 0 ? null : new LorawanNetwork(this, networkSettings(config, region, radio),
                loraClients, this::uplinkFrameEnded, this::broadcastFrameEnded);
        this.nbiotClients = nbiotCount == 0 ? null : new NbiotClients(this, loraClients, nbiotCount, config,
                new NbiotClients.Sink() {
                    @Override
                    public void uplinkBlock(int c, int bytes, long startUs, long endUs) {
                        nbiotBlock(c, bytes, startUs, endUs);
                    }

                    @Override
                    public void energy(int c, String state, long startUs, long endUs, double joules) {
                        nbiotEnergy(c, state, startUs, endUs, joules);
                    }
                });
        for (int c = 0; c < n; c++) {
            speedFactor[c] = Math.exp(config.deviceSpeedSigma() * streams().of(c, "compute-speed").nextGaussian());
            if (!onNbiot(c)) {
                devices[c] = network.device(c);
            }
            computeDone[c] = new ComputeDone(this, c);
        }
        this.selection = streams().of(SERVER_ID, "selection");
        this.roundStart = new RoundStart(this);
        this.deadline = new Deadline(this);
        this.messages = new byte[n][];
        this.clientBuffers = new float[n][];
        this.computeUs = new long[n];
        this.computeEndUs = new long[n];
        this.uploadStartUs = new long[n];
        this.uploadEndUs = new long[n];
        this.airtimeUs = new long[n];
        this.clientWaitAtStartUs = new long[n];
        this.frameCount = new int[n];
        this.droppedOut = new boolean[n];
        this.carrying = new boolean[n];
        this.computeJ = new double[n];
        this.lateArrived = new boolean[n];
        this.messageRound = new int[n];
        this.availability = config.availabilityTrace() == null ? AvailabilityTrace.alwaysOnline(n)
                : readTrace(config.availabilityTrace(), n);
        this.trainEval = config.trainEvalSamples() == 0 ? null
                : train.select(sample(java.util.stream.IntStream.range(0, train.size()).toArray(),
                        config.trainEvalSamples(), streams().of(SERVER_ID, "train-eval")));
        this.reassemblers = new Reassembler[n];
        this.arrived = new boolean[n];
        this.global = model.initialWeights(streams().seed(SERVER_ID, "model-init"));
        if (split != null) {
            org.fedwan.fl.train.TrainResult pre = org.fedwan.fl.train.Pretraining.pretrain(pool, global, train,
                    split.publicIndices(), config.pretrainEpochs(), streams().seed(SERVER_ID, "pretrain"));
            global = pre.weights();
            if (pre.buffers() != null && pre.buffers().length > 0) {
                buffers = pre.buffers();
            }
        }
    }

    private static AvailabilityTrace readTrace(java.nio.file.Path file, int clients) {
        try {
            return AvailabilityTrace.read(file, clients);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read the availability trace " + file, e);
        }
    }

    /**
     * {@code min(k, candidates.length)} distinct values of {@code candidates} drawn from {@code rng}
     * (the first steps of a Fisher-Yates shuffle, which reorders {@code candidates}), ascending.
     */
    static int[] sample(int[] candidates, int k, RandomGenerator rng) {
        int n = candidates.length;
        int m = Math.min(n, k);
        for (int i = 0; i < m; i++) {
            int j = i + rng.nextInt(n - i);
            int t = candidates[i];
            candidates[i] = candidates[j];
            candidates[j] = t;
        }
        int[] out = Arrays.copyOf(candidates, m);
        Arrays.sort(out);
        return out;
    }

    /**
     * Runs {@code config.rounds()} rounds.
     *
     * @param pool     trainers of the configured model (its thread count does not change results)
     * @param listener receives every frame and round record
     */
    public static RunSummary run(RunConfig config, ImageDataset train, ImageDataset test, TrainerPool pool,
            RunListener listener) {
        if (!pool.model().name().equals(config.model())) {
            throw new IllegalArgumentException("trainer pool is for model " + pool.model().name() + ", the run needs "
                    + config.model());
        }
        FederatedSimulation sim = new FederatedSimulation(config, train, test, pool, listener);
        sim.roundStart.schedule(0);
        sim.scheduler().run();
        while (sim.collecting) {
            // every remaining update was lost and no deadline was set: the round closes when nothing is left to happen
            sim.closeRound();
            sim.scheduler().run();
        }
        if (sim.nbiotClients != null) {
            sim.nbiotClients.deviceRecords(sim.nowUs(), sim.computeJ).forEach(listener::onDevice);
        }
        for (LorawanDevice d : sim.devices) {
            org.fedwan.sim.network.DeviceEnergy e = d.energy(sim.nowUs());
            listener.onDevice(new org.fedwan.sim.results.DeviceRecord(d.name(), d.dataRateIndex(), e.txJ(), e.rxJ(),
                    e.standbyJ(), e.sleepJ(), e.mcuJ(), e.txTimeUs(), e.rxTimeUs(), d.dutyCycleWaitUs(), d.fairUseWaitUs(),
                    e.depletedAtUs() == Long.MAX_VALUE ? -1 : e.depletedAtUs(), "lorawan"));
        }
        return new RunSummary(sim.round, sim.nowUs(), sim.evaluation.accuracy(), sim.evaluation.meanLoss(),
                sim.totalUplinkBytes, sim.totalDownlinkBytes, sim.totalUplinkFrames, sim.totalDownlinkFrames,
                sim.totalUpdateBytes, sim.totalEnergyJ, sim.scheduler().eventsProcessed(), sim.layout.parameterCount(),
                sim.updateMessageBytes);
    }

    /**
     * The network a run uses: the ideal link (the network only delays: no path loss, shadowing or
     * collisions) or the realistic one (Bor log-distance path loss with shadowing, collisions with
     * capture, 8-path gateways in a disc), with the run's data rates, duty cycles, SF policy,
     * confirmed uplinks, fair use and battery.
     */
    static NetworkSettings networkSettings(RunConfig c, Region region, RadioProfile radio) {
        NetworkSettings.Builder b = NetworkSettings.idealLink(region, c.dataRate(), c.downlinkDataRate(), radio,
                c.dutyCycle(), c.gatewayDutyCycle()).toBuilder();
        if (c.link().equals("realistic")) {
            NetworkSettings.Builder d = NetworkSettings.builder();
            b.radiusM = c.radiusM();
            b.pathLoss = d.pathLoss;
            b.shadowingSigmaDb = d.shadowingSigmaDb;
            b.interference = d.interference;
            b.gateways = c.gateways();
        }
        b.sfPolicy = switch (c.sfPolicy()) {
            case "link-budget" -> org.fedwan.sim.network.SfPolicy.LINK_BUDGET;
            case "adr" -> org.fedwan.sim.network.SfPolicy.ADR;
            default -> org.fedwan.sim.network.SfPolicy.FIXED;
        };
        b.confirmed = c.confirmed();
        b.fairUse = c.fairUse();
        b.batteryCapacityJ = c.batteryCapacityJ() == 0 ? Double.POSITIVE_INFINITY : c.batteryCapacityJ();
        return b.build();
    }

    /** Compute time of client {@code c} for one round, in µs. */
    long computeTimeUs(int c) {
        double flops = (double) flopsPerSamplePass * samplesProcessed(c);
        double seconds = flops / (config.deviceMflops() * 1e6 * speedFactor[c]);
        return Math.round(seconds * 1e6);
    }

    /** Samples client {@code c} passes forward and backward in a round. */
    private long samplesProcessed(int c) {
        if (gradientMode()) {
            return config.gradientBatch().equals("full") ? shares[c].length : Math.min(config.batchSize(), shares[c].length);
        }
        if (config.localSteps() > 0) {
            return (long) config.localSteps() * Math.min(config.batchSize(), shares[c].length);
        }
        return (long) shares[c].length * config.localEpochs();
    }

    private boolean gradientMode() {
        return config.clientMode().equals("gradient");
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
        for (int c = 0; c < messages.length; c++) {
            if (!carrying[c] && !lateArrived[c]) {
                arrived[c] = false;
                messages[c] = null;
            }
        }
        selected = select();
        int[] active = Arrays.stream(selected)
                .filter(c -> !(config.dropoutProbability() > 0
                        && streams().of(c, "dropout-round-" + round).nextDouble() < config.dropoutProbability()))
                .toArray();
        expectedArrivals = Math.min(config.clientsPerRound(), active.length);
        for (int c : selected) {
            computeUs[c] = 0;
            computeEndUs[c] = -1;
            uploadStartUs[c] = -1;
            uploadEndUs[c] = -1;
            airtimeUs[c] = 0;
            frameCount[c] = 0;
            clientWaitAtStartUs[c] = waitUs(c);
            droppedOut[c] = true;
        }
        for (int c : active) {
            droppedOut[c] = false;
        }
        if (expectedArrivals == 0) {
            // nobody will report: the server closes the round at once
            scheduler().schedule(nowUs(), 0, this::closeRound);
        }

        List<TrainerPool.Job> jobs = new ArrayList<>(active.length);
        for (int c : active) {
            TrainerPool.Job job = new TrainerPool.Job(global, buffers, train, shares[c],
                    streams().seed(c, "train-round-" + round), states[c]);
            jobs.add(config.quantizationAware() ? job.withProjection(projection(c, streams().seed(c, "qat-round-" + round)))
                    : job);
        }
        List<float[][]> models;
        if (gradientMode()) {
            models = pool.gradients(jobs, config.gradientBatch().equals("full")
                    ? org.fedwan.fl.train.GradientMode.FULL_LOCAL_DATA : org.fedwan.fl.train.GradientMode.ONE_MINIBATCH);
        } else {
            List<org.fedwan.fl.train.TrainResult> results = pool.train(jobs);
            models = new ArrayList<>(results.size());
            for (int i = 0; i < active.length; i++) {
                int c = active[i];
                models.add(results.get(i).weights());
                states[c] = results.get(i).state();
                clientBuffers[c] = results.get(i).buffers();
            }
        }
        for (int i = 0; i < active.length; i++) {
            int c = active[i];
            if (encoders[c] == null) {
                encoders[c] = scheme.newClient(c, streams().of(c, "codec"));
            }
            // gradients and trained weights go as they are; update schemes get trained - global
            float[][] values = gradientMode() || scheme.quantity() == Quantity.WEIGHTS ? models.get(i)
                    : delta(models.get(i), global);
            EncodedUpdate update = encoders[c].encode(new RoundInput(round, values,
                    scheme.needsGlobalModel() ? global : null));
            messages[c] = update.message();
            messageRound[c] = round;
            updateMessageBytes = Math.max(updateMessageBytes, messages[c].length);
            reassemblers[c] = new Reassembler(messageTag());
            if (!onNbiot(c)) {
                devices[c].setComputing(nowUs(), true);
            }
            computeUs[c] = computeTimeUs(c);
            computeDone[c].schedule(computeUs[c]);
        }
        if (config.roundDeadlineS() > 0) {
            deadline.schedule(Math.round(config.roundDeadlineS() * 1e6));
        }
    }

    /**
     * Quantization-aware training of client {@code c} (seed 002): every local step runs at the
     * weights the uplink scheme would deliver, a round trip through a fresh encoder and decoder of
     * the scheme (its stochastic rounding drawn from {@code seed} and the step); layers a message
     * leaves out (XFL) stay at full precision. Only for schemes that send weights.
     */
    private org.fedwan.fl.train.WeightProjection projection(int c, long seed) {
        return (weights, step) -> {
            java.util.SplittableRandom random = new java.util.SplittableRandom(seed + 0x9E3779B97F4A7C15L * (step + 1));
            EncodedUpdate e = scheme.newClient(c, random).encode(new RoundInput(round, weights, null));
            DecodedUpdate d = scheme.newServer().decode(c, round, e.message());
            float[][] out = new float[weights.length][];
            for (int l = 0; l < out.length; l++) {
                out[l] = d.has(l) ? d.values()[l] : weights[l];
            }
            return out;
        };
    }

    /** The seeded partition of the training set among the clients. */
    static int[][] partition(RunConfig c, int[] labels, int classes, long seed) {
        return switch (c.partition()) {
            case "shards" -> Partitions.labelShards(labels, c.clients(), c.shardsPerClient(), seed);
            case "dirichlet" -> Partitions.dirichlet(labels, classes, c.clients(), c.dirichletAlpha(), seed);
            case "unequal" -> Partitions.iid(Partitions.unequalSizes(labels.length, c.clients(), 1.0, seed), seed + 1);
            default -> Partitions.iid(labels.length, c.clients(), seed);
        };
    }

    /** Client update {@code trained - global}, layer by layer. */
    static float[][] delta(float[][] trained, float[][] global) {
        float[][] d = new float[trained.length][];
        for (int l = 0; l < trained.length; l++) {
            d[l] = new float[trained[l].length];
            for (int i = 0; i < d[l].length; i++) {
                d[l][i] = trained[l][i] - global[l][i];
            }
        }
        return d;
    }

    /** Scheme options written as text: {@link Compression#parseOptions}. */
    public static java.util.Map<String, String> parseOptions(String text) {
        return Compression.parseOptions(text);
    }

    /**
     * The clients of this round: {@code ceil(clientsPerRound x overSelection)} drawn without
     * replacement from the clients that are online (availability probability and trace) and not
     * still sending a late update; all of them when there are not more.
     */
    private int[] select() {
        int[] all = java.util.stream.IntStream.range(0, config.clients())
                .filter(c -> !carrying[c] && !lateArrived[c] && online(c))
                .toArray();
        int n = all.length;
        int k = (int) Math.min(n, Math.ceil(config.clientsPerRound() * config.overSelection() - 1e-9));
        return k == n ? all : sample(all, k, selection);
    }

    /**
     * Whether client {@code c} can be selected at this round's start: its battery is not empty, the
     * trace has it online, and the availability probability draw says so.
     */
    private boolean online(int c) {
        boolean depleted = onNbiot(c)
                ? nbiotClients.device(c).battery() != null && nbiotClients.device(c).battery().depletedAtUs() <= nowUs()
                : devices[c].isDead();
        if (depleted || !availability.online(c, nowUs())) {
            return false;
        }
        return config.availability() >= 1 || streams().of(c, "availability-round-" + round).nextDouble() < config.availability();
    }

    private int messageTag() {
        return round & 0xFF;
    }

    private void uplinkFrameEnded(LorawanDevice sender, byte[] frmPayload, long startUs, long endUs, int phyPayloadBytes,
            FrameOutcome frameOutcome) {
        int c = (int) sender.id();
        double e = sender.txEnergyJ(phyPayloadBytes);
        boolean wanted = collecting || carrying[c];
        String outcome = wanted ? frameOutcome.label() : "late";
        if (wanted && frameOutcome.delivered()) {
            reassemblers[c].accept(frmPayload);
        }
        uplinkBytes += phyPayloadBytes;
        uplinkFrames++;
        if (uploadStartUs[c] < 0) {
            uploadStartUs[c] = startUs;
        }
        uploadEndUs[c] = endUs;
        airtimeUs[c] += endUs - startUs;
        frameCount[c]++;
        energyJ += e;
        listener.onFrame(new FrameRecord(recordRound(), sender.name(), FrameRecord.UPLINK,
                org.fedwan.channel.lorawan.Fragmentation.fragmentIndex(frmPayload), startUs, endUs, phyPayloadBytes,
                frmPayload.length, e, outcome));
        if (!collecting) {
            maybeEndRound();
        }
    }

    /** What the server holds of client {@code c}'s message: reassembled from LoRaWAN fragments, or as sent. */
    private byte[] received(int c) {
        return messages[c].length == 0 || onNbiot(c) ? messages[c] : reassemblers[c].message();
    }

    private void updateArrived(int c) {
        if (!collecting && !carrying[c]) {
            return;
        }
        byte[] received = received(c);
        if (!Arrays.equals(received, messages[c])) {
            throw new IllegalStateException("reassembled update of client " + c + " differs from what it sent");
        }
        if (carrying[c]) {
            // a late update: it joins the next aggregation
            carrying[c] = false;
            lateArrived[c] = true;
            if (!collecting) {
                maybeEndRound();
            }
            return;
        }
        arrived[c] = true;
        arrivedCount++;
        updateBytes += received.length;
        if (arrivedCount == expectedArrivals) {
            closeRound();
        }
    }

    private void closeRound() {
        if (!collecting) {
            return;
        }
        collecting = false;
        deadline.cancel();
        List<DecodedUpdate> decoded = new ArrayList<>();
        List<Double> sampleWeights = new ArrayList<>();
        int ok = 0;
        for (int c : selected) {
            if (arrived[c]) {
                ok++;
                byte[] message = received(c);
                if (message.length > 0) {
                    decoded.add(decoder.decode(c, round, message));
                    sampleWeights.add((double) shares[c].length);
                }
            } else if (config.lateUpdates().equals("next-round") && !droppedOut[c] && round < config.rounds()) {
                // it finishes computing and sending; its update joins the first aggregation after it arrives
                carrying[c] = true;
            } else {
                if (computeDone[c].isScheduled()) {
                    computeDone[c].cancel();
                    chargeCompute(c, nowUs() - roundStartUs);
                    if (!onNbiot(c)) {
                        devices[c].setComputing(nowUs(), false);
                    }
                }
                if (onNbiot(c)) {
                    nbiotClients.device(c).abort();
                } else {
                    devices[c].abort();
                }
            }
        }
        clientsOk = ok;
        List<Integer> late = new ArrayList<>();
        for (int c = 0; c < config.clients(); c++) {
            if (lateArrived[c]) {
                late.add(c);
                byte[] message = received(c);
                if (message.length > 0) {
                    decoded.add(decoder.decode(c, messageRound[c], message));
                    sampleWeights.add((double) shares[c].length);
                }
            }
        }
        lateUsed = late.size();
        global = aggregate(decoded, sampleWeights);
        if (buffers.length > 0) {
            List<float[]> arrivedBuffers = new ArrayList<>();
            List<Long> samples = new ArrayList<>();
            for (int c : selected) {
                if (arrived[c] && clientBuffers[c] != null) {
                    arrivedBuffers.add(clientBuffers[c]);
                    samples.add((long) shares[c].length);
                }
            }
            for (int c : late) {
                if (clientBuffers[c] != null) {
                    arrivedBuffers.add(clientBuffers[c]);
                    samples.add((long) shares[c].length);
                }
            }
            buffers = org.fedwan.fl.aggregate.FedAvg.averageBuffers(buffers, arrivedBuffers, samples);
        }
        for (int c : late) {
            lateArrived[c] = false;
            emitClientRecord(c, "late-used");
            arrived[c] = false;
            messages[c] = null;
        }
        aggregatedAtUs = nowUs();
        evaluate();
        // the devices receive what the downlink codec delivers, which is what they train from next round
        byte[] broadcast = downlinkCodec.encode(global);
        global = downlinkCodec.decode(broadcast);
        pendingBroadcasts = (network == null ? 0 : 1) + (nbiotClients == null ? 0 : 1);
        Runnable done = () -> {
            pendingBroadcasts--;
            if (pendingBroadcasts == 0) {
                broadcastDone = true;
                maybeEndRound();
            }
        };
        if (nbiotClients != null) {
            // single-cell point-to-multipoint: one transmission of the message, counted once
            downlinkBytes += broadcast.length;
            downlinkFrames++;
            nbiotClients.broadcast(broadcast.length, done);
        }
        if (network != null) {
            network.multicast(broadcast, messageTag(), done);
        }
    }

    /**
     * The new global model from this round's decoded messages: weights are averaged layer by layer
     * over the clients that sent each layer (FedAvg, sample-weighted; seed 000 eq. 1 for partial
     * messages), or by inverse quantization MSE when the scheme reports it (seed 002 eq. 8);
     * updates and (pseudo-)gradients are averaged the same way and added to the model; schemes that
     * code innovations (LAQ, SLAQ, QRR) are aggregated lazily over the latest value the server holds
     * for every client, as in seed 004.
     */
    private float[][] aggregate(List<DecodedUpdate> decoded, List<Double> sampleWeights) {
        boolean weights = scheme.quantity() == Quantity.WEIGHTS && !gradientMode();
        float[][] zeros = new float[global.length][];
        for (int l = 0; l < global.length; l++) {
            zeros[l] = new float[global[l].length];
        }
        float[][] mean;
        if (scheme.averagingRule() == AveragingRule.LATEST_OF_EVERY_CLIENT) {
            List<DecodedUpdate> latest = new ArrayList<>();
            List<Double> w = new ArrayList<>();
            for (int c = 0; c < config.clients(); c++) {
                java.util.Optional<float[][]> v = decoder.latest(c);
                if (v.isPresent()) {
                    latest.add(new DecodedUpdate(c, round, v.get(), null));
                    w.add((double) shares[c].length);
                }
            }
            mean = Aggregation.layerwise(zeros, latest, w.stream().mapToDouble(Double::doubleValue).toArray());
        } else if (scheme.averagingRule() == AveragingRule.INVERSE_MSE) {
            mean = Aggregation.inverseMse(weights ? global : zeros, decoded);
        } else {
            mean = Aggregation.layerwise(weights ? global : zeros, decoded,
                    sampleWeights.stream().mapToDouble(Double::doubleValue).toArray());
        }
        // a gradient-mode client sends a gradient: the server descends along it
        double eta = gradientMode() ? -config.learningRate() * config.serverLearningRate() : config.serverLearningRate();
        if (weights && eta == 1) {
            return mean;
        }
        float[][] next = new float[global.length][];
        for (int l = 0; l < global.length; l++) {
            next[l] = new float[global[l].length];
            for (int i = 0; i < next[l].length; i++) {
                double step = weights ? mean[l][i] - global[l][i] : mean[l][i];
                next[l][i] = (float) (global[l][i] + eta * step);
            }
        }
        return next;
    }

    private void broadcastFrameEnded(byte[] frmPayload, long startUs, long endUs, int phyPayloadBytes) {
        downlinkBytes += phyPayloadBytes;
        downlinkFrames++;
        double rxEnergyJ = Energy.joules(radio.supplyVoltageV(), radio.currentA(RadioState.RX), endUs - startUs);
        int index = org.fedwan.channel.lorawan.Fragmentation.fragmentIndex(frmPayload);
        for (LorawanDevice d : devices) {
            energyJ += rxEnergyJ;
            listener.onFrame(new FrameRecord(recordRound(), d.name(), FrameRecord.DOWNLINK, index, startUs, endUs,
                    phyPayloadBytes, frmPayload.length, rxEnergyJ, "received"));
        }
    }

    private void maybeEndRound() {
        if (!broadcastDone) {
            return;
        }
        for (LorawanDevice d : devices) {
            if (d.isSending() && !carrying[(int) d.id()]) {
                return;
            }
        }
        if (nbiotClients != null) {
            for (int c = loraClients; c < config.clients(); c++) {
                if (nbiotClients.device(c).isSending() && !carrying[c]) {
                    return;
                }
            }
        }
        broadcastDone = false;
        for (int c : selected) {
            String outcome;
            if (droppedOut[c]) {
                outcome = "dropped-out";
            } else if (arrived[c]) {
                outcome = messages[c].length == 0 ? "skipped" : "ok";
            } else if (carrying[c] || lateArrived[c]) {
                outcome = "late";
            } else if (computeEndUs[c] < 0) {
                outcome = "dropped-computing";
            } else if (frameCount[c] > 0 && uploadEndUs[c] >= aggregatedAtUs) {
                outcome = "dropped-sending";
            } else {
                outcome = frameCount[c] > 0 ? "lost" : "dropped-sending";
            }
            emitClientRecord(c, outcome);
        }
        long waitUs = totalWaitUs() - waitAtStartUs;
        listener.onRound(new RoundRecord(round, roundStartUs, nowUs(), accuracy, loss,
                uplinkBytes, downlinkBytes, uplinkFrames, downlinkFrames, updateBytes, energyJ, clientsOk,
                selected.length - clientsOk, waitUs, aggregatedAtUs, trainLoss, trainAccuracy, gradientNorm, lateUsed));
        totalUplinkBytes += uplinkBytes;
        totalDownlinkBytes += downlinkBytes;
        totalUplinkFrames += uplinkFrames;
        totalDownlinkFrames += downlinkFrames;
        totalUpdateBytes += updateBytes;
        totalEnergyJ += energyJ;
        // what happens from now until the next round starts (zero-delay events) belongs to the next round
        uplinkBytes = 0;
        downlinkBytes = 0;
        uplinkFrames = 0;
        downlinkFrames = 0;
        updateBytes = 0;
        energyJ = 0;
        betweenRounds = true;
        if (round < config.rounds()) {
            roundStart.schedule(0);
        } else {
            // devices may keep timers forever (NB-IoT periodic TAU, paging): the run ends with its last round
            scheduler().stop();
        }
    }

    private void emitClientRecord(int c, String outcome) {
        listener.onClientRound(new org.fedwan.sim.results.ClientRoundRecord(round, "dev-" + c, computeUs[c],
                computeEndUs[c], uploadStartUs[c], uploadEndUs[c], airtimeUs[c],
                waitUs(c) - clientWaitAtStartUs[c], frameCount[c],
                messages[c] == null ? 0 : messages[c].length, outcome, onNbiot(c) ? "nbiot" : "lorawan"));
    }

    /**
     * Evaluates the new global model on the test set every {@code evalEvery} rounds and after the
     * last round (NaN in between), and on the training-evaluation subset: its loss, accuracy and the
     * norm of the full gradient there (the gradient in chunks of fixed size, averaged by size, so the
     * result does not depend on the thread count).
     */
    private void evaluate() {
        if (round % config.evalEvery() != 0 && round != config.rounds()) {
            accuracy = Double.NaN;
            loss = Double.NaN;
            trainLoss = Double.NaN;
            trainAccuracy = Double.NaN;
            gradientNorm = Double.NaN;
            return;
        }
        evaluation = pool.evaluate(global, buffers, test);
        accuracy = evaluation.accuracy();
        loss = evaluation.meanLoss();
        if (trainEval == null) {
            return;
        }
        Evaluation e = pool.evaluate(global, buffers, trainEval);
        trainLoss = e.meanLoss();
        trainAccuracy = e.accuracy();
        gradientNorm = gradientNorm(pool, global, buffers, trainEval, GRADIENT_CHUNK, streams().seed(SERVER_ID, "gradient-norm"));
    }

    /**
     * L2 norm of the gradient of the mean loss over all of {@code data} at {@code weights}: the
     * gradients of fixed chunks of {@code chunk} samples (in parallel), averaged by chunk size.
     */
    static double gradientNorm(TrainerPool pool, float[][] weights, float[] buffers, ImageDataset data, int chunk, long seed) {
        List<TrainerPool.Job> jobs = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (int from = 0; from < data.size(); from += chunk) {
            int to = Math.min(data.size(), from + chunk);
            jobs.add(new TrainerPool.Job(weights, buffers, data, java.util.stream.IntStream.range(from, to).toArray(), seed,
                    org.fedwan.fl.train.OptimizerState.NONE));
            sizes.add(to - from);
        }
        List<float[][]> parts = pool.gradients(jobs, org.fedwan.fl.train.GradientMode.FULL_LOCAL_DATA);
        double sumSquares = 0;
        for (int l = 0; l < weights.length; l++) {
            for (int i = 0; i < weights[l].length; i++) {
                double g = 0;
                for (int k = 0; k < parts.size(); k++) {
                    g += (double) parts.get(k)[l][i] * sizes.get(k) / data.size();
                }
                sumSquares += g * g;
            }
        }
        return Math.sqrt(sumSquares);
    }

    /** Samples per chunk of the gradient-norm measurement. */
    private static final int GRADIENT_CHUNK = 1000;

    /**
     * Training energy of client {@code c} for {@code busyUs} of its compute time: FLOPs done x the
     * energy per MFLOP (lpwan-facts C(b)), as a row of its own ({@code direction = compute}).
     */
    private void chargeCompute(int c, long busyUs) {
        if (config.computeEnergyMjPerMflop() == 0 || computeUs[c] == 0) {
            return;
        }
        double fraction = Math.min(1.0, (double) busyUs / computeUs[c]);
        double flops = (double) flopsPerSamplePass * samplesProcessed(c) * fraction;
        double joules = flops / 1e6 * config.computeEnergyMjPerMflop() / 1e3;
        energyJ += joules;
        computeJ[c] += joules;
        listener.onFrame(new FrameRecord(recordRound(), "dev-" + c, FrameRecord.COMPUTE, -1, roundStartUs,
                roundStartUs + busyUs, 0, 0, joules, "trained"));
    }

    /** The round a record made now belongs to. */
    private int recordRound() {
        return betweenRounds ? round + 1 : round;
    }

    /** Whether client {@code c} is on NB-IoT. */
    private boolean onNbiot(int c) {
        return c >= loraClients;
    }

    /** Client {@code c}'s duty-cycle waiting so far (NB-IoT has no duty cycle). */
    private long waitUs(int c) {
        return onNbiot(c) ? 0 : devices[c].dutyCycleWaitUs();
    }

    /** An NB-IoT uplink transport block of client {@code c} ended. */
    private void nbiotBlock(int c, int bytes, long startUs, long endUs) {
        uplinkBytes += bytes;
        uplinkFrames++;
        if (uploadStartUs[c] < 0) {
            uploadStartUs[c] = startUs;
        }
        uploadEndUs[c] = endUs;
        airtimeUs[c] += endUs - startUs;
        frameCount[c]++;
        listener.onFrame(new FrameRecord(recordRound(), "dev-" + c, FrameRecord.UPLINK, frameCount[c] - 1, startUs, endUs, bytes,
                bytes, 0, collecting ? "delivered" : "late"));
    }

    /**
     * Energy an NB-IoT device spent in a power state: a row of its own ({@code direction =
     * energy}, the state as outcome), so that energies still add up over rows.
     */
    private void nbiotEnergy(int c, String state, long startUs, long endUs, double joules) {
        energyJ += joules;
        listener.onFrame(new FrameRecord(recordRound(), "dev-" + c, FrameRecord.ENERGY, -1, startUs, endUs, 0, 0, joules, state));
    }

    private long totalWaitUs() {
        long sum = 0;
        for (LorawanDevice d : devices) {
            sum += d.dutyCycleWaitUs();
        }
        return sum;
    }

    private final class RoundStart extends ExternalEvent {
        RoundStart(Model model) {
            super(model, "round-start");
        }

        @Override
        protected void eventRoutine() {
            startRound();
        }
    }

    private final class Deadline extends ExternalEvent {
        Deadline(Model model) {
            super(model, "round-deadline");
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
        private final int c;

        ComputeDone(Model model, int client) {
            super(model, "compute-done");
            this.c = client;
        }

        @Override
        protected void eventRoutine() {
            long now = nowUs();
            if (!onNbiot(c)) {
                devices[c].setComputing(now, false);
            }
            computeEndUs[c] = now;
            chargeCompute(c, computeUs[c]);
            if (messages[c].length == 0) {
                updateArrived(c);
                return;
            }
            if (onNbiot(c)) {
                nbiotClients.device(c).send(messages[c], messageTag(), () -> updateArrived(c));
            } else {
                devices[c].send(messages[c], messageTag(), () -> updateArrived(c));
            }
        }
    }
}
