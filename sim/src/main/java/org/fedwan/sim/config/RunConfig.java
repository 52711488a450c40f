package org.fedwan.sim.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything a federated run over LoRaWAN needs, validated on construction. Units are in the
 * names; scenario files map their keys one to one onto these fields (see the scenarios module).
 *
 * @param name                  run name (used in reports)
 * @param seed                  master seed of every random stream
 * @param replication           replication index (a second key of the random streams)
 * @param rounds                number of FL rounds
 * @param clients               number of client devices
 * @param clientsPerRound       clients selected per round (at most {@code clients})
 * @param dataset               {@code mnist} or {@code synthetic}
 * @param dataDir               folder that holds (or receives) data sets
 * @param trainSamples          training samples used, 0 = all of the data set
 * @param testSamples           test samples used for evaluation, 0 = all
 * @param model                 model zoo name
 * @param localEpochs           local epochs per round
 * @param batchSize             local mini-batch size
 * @param learningRate          local SGD learning rate
 * @param uplinkCodec           compression scheme of client updates (a name of the compression scheme registry)
 * @param uplinkOptions         the scheme's options, {@code key=value} pairs separated by spaces or commas
 * @param downlinkCodec         codec of the broadcast global model
 * @param region                LoRaWAN region name
 * @param dataRate              uplink data rate index of the region
 * @param downlinkDataRate      data rate index of the model broadcast
 * @param dutyCycle             device duty cycle (fraction, 0 &lt; dc &lt;= 1)
 * @param gatewayDutyCycle      gateway duty cycle for the broadcast (fraction)
 * @param radio                 radio profile name of the devices
 * @param deviceMflops          median device training speed in MFLOP/s
 * @param deviceSpeedSigma      sigma of the log-normal spread of device speeds (0 = identical devices)
 * @param roundDeadlineS        round deadline in seconds after the round starts, 0 = none
 * @param targetAccuracy        test accuracy whose first attainment the reports time, in (0, 1]
 * @param link                  {@code ideal} (no path loss, shadowing or collisions: the network only delays)
 *                              or {@code realistic} (path loss, shadowing, collisions and capture, gateways)
 * @param radiusM               radius of the disc the devices are placed in (realistic link), m
 * @param gateways              gateways (realistic link)
 * @param sfPolicy              {@code fixed} (data_rate), {@code link-budget} or {@code adr}
 * @param confirmed             confirmed uplinks (ACK in RX1/RX2, retransmissions)
 * @param fairUse               TTN fair use: 30 s uplink airtime per device per day
 * @param batteryCapacityJ      battery per device in J, 0 = unlimited
 * @param partition             {@code iid}, {@code shards} (label shards), {@code dirichlet} (label skew) or
 *                              {@code unequal} (IID labels, log-normal client sizes)
 * @param shardsPerClient       label shards per client (partition shards)
 * @param dirichletAlpha        concentration of the Dirichlet label skew (partition dirichlet)
 * @param momentum              local SGD heavy-ball momentum in [0, 1), kept per client across rounds
 * @param weightDecay           local SGD L2 weight decay
 * @param protocol              {@code lorawan}, {@code nbiot} (every client on one NB-IoT cell) or {@code mixed}
 *                              (the last round(clients x nbiotShare) clients on NB-IoT, the others on LoRaWAN)
 * @param couplingLossDb        NB-IoT coupling loss of every device, dB (144 / 154 / 164: CE0 / CE1 / CE2 edges)
 * @param nbiotProfile          NB-IoT module power profile
 * @param overSelection         clients selected per round = ceil(clientsPerRound x this); the round closes at
 *                              clientsPerRound updates (FedScale's over-commitment, 1.3 there; 1 = none)
 * @param dropoutProbability    probability that a selected client drops out of a round (trains and sends nothing)
 * @param computeEnergyMjPerMflop training energy per MFLOP, mJ (lpwan-facts C(b): 0.33-1.3 for a Cortex-M4F class MCU)
 * @param serverLearningRate    server step: new global = global + rate x (aggregate - global); 1 = plain aggregation
 * @param nbiotShare            share of the clients on NB-IoT when {@code protocol} is {@code mixed}
 * @param clientMode            {@code train} (local SGD; a gradient scheme codes the update of the local steps)
 *                              or {@code gradient} (each client sends the gradient of its loss; the server steps
 *                              global - learningRate x serverLearningRate x aggregate, seeds 003 and 004)
 * @param gradientBatch         in gradient mode: {@code minibatch} (one mini-batch of batchSize, seed 004) or
 *                              {@code full} (all the client's samples, seed 003 / LAQ)
 * @param localSteps            mini-batch steps per round instead of epochs, 0 = count {@code localEpochs}
 * @param evalEvery             evaluate the global model every this many rounds (and after the last round)
 * @param trainEvalSamples      training samples (a fixed seeded subset) on which the global model's training
 *                              loss, accuracy and full-gradient norm are measured when it is evaluated, 0 = none
 * @param lateUpdates           what the server does with an update that misses the round deadline:
 *                              {@code discard} (the client stops) or {@code next-round} (the client finishes, and
 *                              the update joins the first aggregation after it arrives)
 * @param availability          probability that a device is online at a round start (only online devices are selected)
 * @param availabilityTrace     CSV file of online windows ({@code device,start_s,end_s}), or {@code null}: a device
 *                              the trace names is online only inside its windows; devices it does not name always are
 * @param pretrainFraction      share of the training set held out for server pre-training (seed 001), 0 = from scratch
 * @param pretrainEpochs        epochs of server pre-training on the held-out share
 * @param quantizationAware     clients train through the uplink quantizer (straight-through estimator, seed 002);
 *                              for schemes that send weights, in train mode
 */
public record RunConfig(
        String name,
        long seed,
        int replication,
        int rounds,
        int clients,
        int clientsPerRound,
        String dataset,
        Path dataDir,
        int trainSamples,
        int testSamples,
        String model,
        int localEpochs,
        int batchSize,
        double learningRate,
        String uplinkCodec,
        String uplinkOptions,
        String downlinkCodec,
        String region,
        int dataRate,
        int downlinkDataRate,
        double dutyCycle,
        double gatewayDutyCycle,
        String radio,
        double deviceMflops,
        double deviceSpeedSigma,
        double roundDeadlineS,
        double targetAccuracy,
        String link,
        double radiusM,
        int gateways,
        String sfPolicy,
        boolean confirmed,
        boolean fairUse,
        double batteryCapacityJ,
        String partition,
        int shardsPerClient,
        double dirichletAlpha,
        double momentum,
        double weightDecay,
        String protocol,
        double couplingLossDb,
        String nbiotProfile,
        double overSelection,
        double dropoutProbability,
        double computeEnergyMjPerMflop,
        double serverLearningRate,
        double nbiotShare,
        String clientMode,
        String gradientBatch,
        int localSteps,
        int evalEvery,
        int trainEvalSamples,
        String lateUpdates,
        double availability,
        Path availabilityTrace,
        double pretrainFraction,
        int pretrainEpochs,
        boolean quantizationAware) {

    public RunConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(uplinkCodec, "uplinkCodec");
        Objects.requireNonNull(uplinkOptions, "uplinkOptions");
        Objects.requireNonNull(downlinkCodec, "downlinkCodec");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(radio, "radio");
        positive("rounds", rounds);
        positive("clients", clients);
        positive("clientsPerRound", clientsPerRound);
        if (clientsPerRound > clients) {
            throw new IllegalArgumentException("clientsPerRound " + clientsPerRound + " exceeds clients " + clients);
        }
        if (replication < 0 || trainSamples < 0 || testSamples < 0) {
            throw new IllegalArgumentException("replication, trainSamples and testSamples must be >= 0");
        }
        positive("localEpochs", localEpochs);
        positive("batchSize", batchSize);
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be > 0, got " + learningRate);
        }
        fraction("dutyCycle", dutyCycle);
        fraction("gatewayDutyCycle", gatewayDutyCycle);
        if (!(deviceMflops > 0) || !Double.isFinite(deviceMflops)) {
            throw new IllegalArgumentException("deviceMflops must be > 0, got " + deviceMflops);
        }
        if (!(deviceSpeedSigma >= 0) || !Double.isFinite(deviceSpeedSigma)) {
            throw new IllegalArgumentException("deviceSpeedSigma must be >= 0, got " + deviceSpeedSigma);
        }
        if (!(roundDeadlineS >= 0) || !Double.isFinite(roundDeadlineS)) {
            throw new IllegalArgumentException("roundDeadlineS must be >= 0, got " + roundDeadlineS);
        }
        fraction("targetAccuracy", targetAccuracy);
        if (!LINKS.contains(link)) {
            throw new IllegalArgumentException("link must be one of " + LINKS + ", got " + link);
        }
        if (!SF_POLICIES.contains(sfPolicy)) {
            throw new IllegalArgumentException("sfPolicy must be one of " + SF_POLICIES + ", got " + sfPolicy);
        }
        if (!(radiusM > 0) || !Double.isFinite(radiusM)) {
            throw new IllegalArgumentException("radiusM must be > 0, got " + radiusM);
        }
        positive("gateways", gateways);
        if (!PARTITIONS.contains(partition)) {
            throw new IllegalArgumentException("partition must be one of " + PARTITIONS + ", got " + partition);
        }
        positive("shardsPerClient", shardsPerClient);
        if (!(dirichletAlpha > 0) || !Double.isFinite(dirichletAlpha)) {
            throw new IllegalArgumentException("dirichletAlpha must be > 0, got " + dirichletAlpha);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        if (!(weightDecay >= 0) || !Double.isFinite(weightDecay)) {
            throw new IllegalArgumentException("weightDecay must be >= 0, got " + weightDecay);
        }
        if (!PROTOCOLS.contains(protocol)) {
            throw new IllegalArgumentException("protocol must be one of " + PROTOCOLS + ", got " + protocol);
        }
        if (!Double.isFinite(couplingLossDb)) {
            throw new IllegalArgumentException("couplingLossDb must be finite, got " + couplingLossDb);
        }
        Objects.requireNonNull(nbiotProfile, "nbiotProfile");
        if (!(overSelection >= 1) || !Double.isFinite(overSelection)) {
            throw new IllegalArgumentException("overSelection must be >= 1, got " + overSelection);
        }
        if (!(dropoutProbability >= 0 && dropoutProbability < 1)) {
            throw new IllegalArgumentException("dropoutProbability must be in [0, 1), got " + dropoutProbability);
        }
        if (!(computeEnergyMjPerMflop >= 0) || !Double.isFinite(computeEnergyMjPerMflop)) {
            throw new IllegalArgumentException("computeEnergyMjPerMflop must be >= 0, got " + computeEnergyMjPerMflop);
        }
        if (!CLIENT_MODES.contains(clientMode)) {
            throw new IllegalArgumentException("clientMode must be one of " + CLIENT_MODES + ", got " + clientMode);
        }
        if (!GRADIENT_BATCHES.contains(gradientBatch)) {
            throw new IllegalArgumentException("gradientBatch must be one of " + GRADIENT_BATCHES + ", got " + gradientBatch);
        }
        if (!(nbiotShare >= 0 && nbiotShare <= 1)) {
            throw new IllegalArgumentException("nbiotShare must be in [0, 1], got " + nbiotShare);
        }
        if (!(serverLearningRate > 0) || !Double.isFinite(serverLearningRate)) {
            throw new IllegalArgumentException("serverLearningRate must be > 0, got " + serverLearningRate);
        }
        if (!(batteryCapacityJ >= 0) || !Double.isFinite(batteryCapacityJ)) {
            throw new IllegalArgumentException("batteryCapacityJ must be >= 0 (0 = unlimited), got " + batteryCapacityJ);
        }
        if (localSteps < 0 || trainEvalSamples < 0) {
            throw new IllegalArgumentException("localSteps and trainEvalSamples must be >= 0");
        }
        positive("evalEvery", evalEvery);
        positive("pretrainEpochs", pretrainEpochs);
        if (!LATE_UPDATES.contains(lateUpdates)) {
            throw new IllegalArgumentException("lateUpdates must be one of " + LATE_UPDATES + ", got " + lateUpdates);
        }
        fraction("availability", availability);
        if (quantizationAware && !clientMode.equals("train")) {
            throw new IllegalArgumentException("quantizationAware needs clientMode train, got " + clientMode);
        }
        if (!(pretrainFraction >= 0 && pretrainFraction < 1)) {
            throw new IllegalArgumentException("pretrainFraction must be in [0, 1), got " + pretrainFraction);
        }
    }

    /** What happens to an update that misses the round deadline. */
    public static final java.util.List<String> LATE_UPDATES = java.util.List.of("discard", "next-round");

    /** Link models. */
    public static final java.util.List<String> LINKS = java.util.List.of("ideal", "realistic");
    /** What clients send: trained models (or their updates), or gradients. */
    public static final java.util.List<String> CLIENT_MODES = java.util.List.of("train", "gradient");
    /** Data a gradient-mode client differentiates over. */
    public static final java.util.List<String> GRADIENT_BATCHES = java.util.List.of("minibatch", "full");
    /** Link protocols. */
    public static final java.util.List<String> PROTOCOLS = java.util.List.of("lorawan", "nbiot", "ideal", "mixed");
    /** Data partitions. */
    public static final java.util.List<String> PARTITIONS = java.util.List.of("iid", "shards", "dirichlet", "unequal");
    /** Spreading-factor policies. */
    public static final java.util.List<String> SF_POLICIES = java.util.List.of("fixed", "link-budget", "adr");

    private static void positive(String field, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(field + " must be >= 1, got " + value);
        }
    }

    private static void fraction(String field, double value) {
        if (!(value > 0 && value <= 1)) {
            throw new IllegalArgumentException(field + " must be in (0, 1], got " + value);
        }
    }

    /** Defaults of every field (the quickstart's network and training settings on MNIST). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder pre-filled with this configuration's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.name = name;
        b.seed = seed;
        b.replication = replication;
        b.rounds = rounds;
        b.clients = clients;
        b.clientsPerRound = clientsPerRound;
        b.dataset = dataset;
        b.dataDir = dataDir;
        b.trainSamples = trainSamples;
        b.testSamples = testSamples;
        b.model = model;
        b.localEpochs = localEpochs;
        b.batchSize = batchSize;
        b.learningRate = learningRate;
        b.uplinkCodec = uplinkCodec;
        b.uplinkOptions = uplinkOptions;
        b.downlinkCodec = downlinkCodec;
        b.region = region;
        b.dataRate = dataRate;
        b.downlinkDataRate = downlinkDataRate;
        b.dutyCycle = dutyCycle;
        b.gatewayDutyCycle = gatewayDutyCycle;
        b.radio = radio;
        b.deviceMflops = deviceMflops;
        b.deviceSpeedSigma = deviceSpeedSigma;
        b.roundDeadlineS = roundDeadlineS;
        b.targetAccuracy = targetAccuracy;
        b.link = link;
        b.radiusM = radiusM;
        b.gateways = gateways;
        b.sfPolicy = sfPolicy;
        b.confirmed = confirmed;
        b.fairUse = fairUse;
        b.batteryCapacityJ = batteryCapacityJ;
        b.partition = partition;
        b.shardsPerClient = shardsPerClient;
        b.dirichletAlpha = dirichletAlpha;
        b.momentum = momentum;
        b.weightDecay = weightDecay;
        b.protocol = protocol;
        b.couplingLossDb = couplingLossDb;
        b.nbiotProfile = nbiotProfile;
        b.overSelection = overSelection;
        b.dropoutProbability = dropoutProbability;
        b.computeEnergyMjPerMflop = computeEnergyMjPerMflop;
        b.serverLearningRate = serverLearningRate;
        b.nbiotShare = nbiotShare;
        b.clientMode = clientMode;
        b.gradientBatch = gradientBatch;
        b.localSteps = localSteps;
        b.evalEvery = evalEvery;
        b.trainEvalSamples = trainEvalSamples;
        b.lateUpdates = lateUpdates;
        b.availability = availability;
        b.availabilityTrace = availabilityTrace;
        b.pretrainFraction = pretrainFraction;
        b.pretrainEpochs = pretrainEpochs;
        b.quantizationAware = quantizationAware;
        return b;
    }

    /** Mutable builder; public fields keep the scenario loader's key table short. */
    public static final class Builder {
        public String name = "run";
        public long seed = 1;
        public int replication = 0;
        public int rounds = 5;
        public int clients = 10;
        public Integer clientsPerRound;
        /** Share of the clients selected per round; when set, clientsPerRound = ceil(share x clients). */
        public Double clientsFraction;
        public String dataset = "mnist";
        public Path dataDir = Path.of("data");
        public int trainSamples = 0;
        public int testSamples = 0;
        public String model = "cnn-mnist";
        public int localEpochs = 1;
        public int batchSize = 32;
        public double learningRate = 0.05;
        public String uplinkCodec = "int8";
        public String uplinkOptions = "";
        public String downlinkCodec = "fp32";
        public String region = "EU868";
        public int dataRate = 5;
        public Integer downlinkDataRate;
        public double dutyCycle = 0.01;
        public double gatewayDutyCycle = 0.1;
        public String radio = "sx1276_14dbm";
        public double deviceMflops = 50;
        public double deviceSpeedSigma = 0.6;
        public double roundDeadlineS = 0;
        public double targetAccuracy = 0.9;
        public String link = "ideal";
        public double radiusM = 500;
        public int gateways = 1;
        public String sfPolicy = "fixed";
        public boolean confirmed = false;
        public boolean fairUse = false;
        public double batteryCapacityJ = 0;
        public String partition = "iid";
        public int shardsPerClient = 2;
        public double dirichletAlpha = 0.5;
        public double momentum = 0;
        public double weightDecay = 0;
        public String protocol = "lorawan";
        public double couplingLossDb = 144;
        public String nbiotProfile = "SARA_N211";
        public double overSelection = 1;
        public double dropoutProbability = 0;
        public double computeEnergyMjPerMflop = 0.5;
        public double serverLearningRate = 1;
        public double nbiotShare = 0.5;
        public String clientMode = "train";
        public String gradientBatch = "minibatch";
        public int localSteps = 0;
        public int evalEvery = 1;
        public int trainEvalSamples = 0;
        public String lateUpdates = "discard";
        public double availability = 1;
        public Path availabilityTrace;
        public double pretrainFraction = 0;
        public int pretrainEpochs = 1;
        public boolean quantizationAware = false;

        public RunConfig build() {
            return new RunConfig(name, seed, replication, rounds, clients,
                    clientsFraction != null ? (int) Math.max(1, Math.ceil(clientsFraction * clients - 1e-9))
                            : clientsPerRound == null ? clients : clientsPerRound, dataset, dataDir, trainSamples, testSamples, model,
                    localEpochs, batchSize, learningRate, uplinkCodec, uplinkOptions, downlinkCodec, region, dataRate,
                    downlinkDataRate == null ? dataRate : downlinkDataRate, dutyCycle, gatewayDutyCycle, radio,
                    deviceMflops, deviceSpeedSigma, roundDeadlineS, targetAccuracy, link, radiusM, gateways, sfPolicy, confirmed,
                    fairUse, batteryCapacityJ, partition, shardsPerClient, dirichletAlpha, momentum, weightDecay,
                    protocol, couplingLossDb, nbiotProfile, overSelection, dropoutProbability, computeEnergyMjPerMflop,
                    serverLearningRate, nbiotShare, clientMode, gradientBatch, localSteps, evalEvery, trainEvalSamples,
                    lateUpdates, availability, availabilityTrace, pretrainFraction, pretrainEpochs, quantizationAware);
        }
    }
}
