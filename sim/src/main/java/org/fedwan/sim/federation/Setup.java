package org.fedwan.sim.federation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.stream.IntStream;
import org.fedwan.compression.ModelLayout;
import org.fedwan.compression.scheme.Scheme;
import org.fedwan.compression.scheme.Compression;
import org.fedwan.fl.data.ImageDataset;
import org.fedwan.fl.data.Partitions;
import org.fedwan.fl.model.ModelDefinition;
import org.fedwan.fl.strategy.Sampling;
import org.fedwan.fl.train.Pretraining;
import org.fedwan.fl.train.TrainResult;
import org.fedwan.sim.config.DataSection;
import org.fedwan.sim.config.RoundPolicySection;
import org.fedwan.sim.config.Scenario;
import org.fedwan.sim.random.RandomStreams;

/**
 * What a run starts from, drawn from its named random streams: the partition of the training set
 * among the clients (after the server's public split, when it pre-trains), the device speeds, the
 * availability trace, the training-evaluation subset, the initial model (pre-trained or not) and
 * the uplink scheme. A network-only run ({@code training: none}) has no data: no partition, no
 * training-evaluation subset, and the initial model of {@link SyntheticUpdates#initialWeights}.
 */
final class Setup {

    private static final long SERVER_ID = RoundController.SERVER_ID;

    private final Scenario scenario;
    private final RandomStreams streams;
    private final int[][] shares;
    private final ImageDataset trainEval;
    private final AvailabilityTrace availability;
    private final Scheme scheme;
    private float[][] initialWeights;
    private float[] initialBuffers;

    Setup(RunContext run, RandomStreams streams) {
        this.scenario = run.scenario();
        this.streams = streams;
        RoundPolicySection policy = scenario.policy();
        this.availability = policy.availabilityTrace() == null ? AvailabilityTrace.alwaysOnline(policy.clients())
                : readTrace(policy);
        if (scenario.training().networkOnly()) {
            // no data, no model: every client holds no sample and weighs 1 in averaging
            ModelLayout layout = scenario.training().layout(scenario.data().dataset());
            this.shares = new int[policy.clients()][0];
            this.trainEval = null;
            this.initialBuffers = new float[0];
            this.initialWeights = SyntheticUpdates.initialWeights(scenario.training(), scenario.data().dataset(), layout,
                    streams.seed(SERVER_ID, "model-init"));
            this.scheme = Compression.uplink(scenario.compression().uplinkCodec(), layout,
                    scenario.compression().uplinkOptions());
            return;
        }
        ImageDataset train = run.train();
        ModelDefinition model = run.pool().model();
        Pretraining.Split split = scenario.training().pretrainFraction() > 0
                ? Pretraining.holdOut(train.size(), scenario.training().pretrainFraction(), streams.seed(SERVER_ID, "pretrain-split"))
                : null;
        long partitionSeed = streams.seed(SERVER_ID, "partition");
        this.shares = split == null ? partition(scenario, train.labelArray(), train.numClasses(), partitionSeed)
                : Partitions.within(partition(scenario, Partitions.labelsOf(train.labelArray(), split.privateIndices()),
                        train.numClasses(), partitionSeed), split.privateIndices());
        this.initialBuffers = model.initialBuffers();
        this.trainEval = policy.trainEvalSamples() == 0 ? null
                : train.select(Sampling.sample(IntStream.range(0, train.size()).toArray(), policy.trainEvalSamples(),
                        streams.of(SERVER_ID, "train-eval")));
        this.initialWeights = model.initialWeights(streams.seed(SERVER_ID, "model-init"));
        if (split != null) {
            TrainResult pre = Pretraining.pretrain(run.pool(), initialWeights, train, split.publicIndices(),
                    scenario.training().pretrainEpochs(), streams.seed(SERVER_ID, "pretrain"));
            initialWeights = pre.weights();
            if (pre.buffers() != null && pre.buffers().length > 0) {
                initialBuffers = pre.buffers();
            }
        }
        this.scheme = Compression.uplink(scenario.compression().uplinkCodec(), model.layout(), scenario.compression().uplinkOptions());
    }

    /** The seeded partition of the training set among the clients. */
    static int[][] partition(Scenario s, int[] labels, int classes, long seed) {
        DataSection d = s.data();
        int clients = s.policy().clients();
        return switch (d.partition()) {
            case SHARDS -> Partitions.labelShards(labels, clients, d.shardsPerClient(), seed);
            case DIRICHLET -> Partitions.dirichlet(labels, classes, clients, d.dirichletAlpha(), seed);
            case UNEQUAL -> Partitions.iid(Partitions.unequalSizes(labels.length, clients, 1.0, seed), seed + 1);
            case IID -> Partitions.iid(labels.length, clients, seed);
        };
    }

    private static AvailabilityTrace readTrace(RoundPolicySection policy) {
        try {
            return AvailabilityTrace.read(policy.availabilityTrace(), policy.clients());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the availability trace " + policy.availabilityTrace(), e);
        }
    }

    int[][] shares() {
        return shares;
    }

    /** Client {@code c}'s weight in sample-weighted averaging: its samples, or 1 in a network-only run. */
    long samples(int c) {
        return scenario.training().networkOnly() ? 1 : shares[c].length;
    }

    /** Speed of client {@code c}'s device relative to the median: log-normal with sigma {@code device_speed_sigma}. */
    double speedFactor(int c) {
        return Math.exp(scenario.devices().deviceSpeedSigma() * streams.of(c, "compute-speed").nextGaussian());
    }

    AvailabilityTrace availability() {
        return availability;
    }

    ImageDataset trainEval() {
        return trainEval;
    }

    float[][] initialWeights() {
        return initialWeights;
    }

    float[] initialBuffers() {
        return initialBuffers;
    }

    Scheme scheme() {
        return scheme;
    }
}
