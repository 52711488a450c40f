package org.fedwan.sim.federation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.stream.IntStream;
import org.fedwan.compression.scheme.Scheme;
import org.fedwan.compression.scheme.Compression;
import org.fedwan.fl.data.ImageDataset;
import org.fedwan.fl.data.Partitions;
import org.fedwan.fl.model.ModelDefinition;
import org.fedwan.fl.strategy.Sampling;
import org.fedwan.fl.train.Pretraining;
import org.fedwan.fl.train.TrainResult;
import org.fedwan.sim.config.RunConfig;
import org.fedwan.sim.random.RandomStreams;

/**
 * What a run starts from, drawn from its named random streams: the partition of the training set
 * among the clients (after the server's public split, when it pre-trains), the device speeds, the
 * availability trace, the training-evaluation subset, the initial model (pre-trained or not) and
 * the uplink scheme.
 */
final class Setup {

    private static final long SERVER_ID = RoundController.SERVER_ID;

    private final RunConfig config;
    private final RandomStreams streams;
    private final int[][] shares;
    private final ImageDataset trainEval;
    private final AvailabilityTrace availability;
    private final Scheme scheme;
    private float[][] initialWeights;
    private float[] initialBuffers;

    Setup(RunContext run, RandomStreams streams) {
        this.config = run.config();
        this.streams = streams;
        ImageDataset train = run.train();
        ModelDefinition model = run.pool().model();
        Pretraining.Split split = config.pretrainFraction() > 0
                ? Pretraining.holdOut(train.size(), config.pretrainFraction(), streams.seed(SERVER_ID, "pretrain-split"))
                : null;
        long partitionSeed = streams.seed(SERVER_ID, "partition");
        this.shares = split == null ? partition(config, train.labelArray(), train.numClasses(), partitionSeed)
                : Partitions.within(partition(config, Partitions.labelsOf(train.labelArray(), split.privateIndices()),
                        train.numClasses(), partitionSeed), split.privateIndices());
        this.initialBuffers = model.initialBuffers();
        this.availability = config.availabilityTrace() == null ? AvailabilityTrace.alwaysOnline(config.clients())
                : readTrace(config);
        this.trainEval = config.trainEvalSamples() == 0 ? null
                : train.select(Sampling.sample(IntStream.range(0, train.size()).toArray(), config.trainEvalSamples(),
                        streams.of(SERVER_ID, "train-eval")));
        this.initialWeights = model.initialWeights(streams.seed(SERVER_ID, "model-init"));
        if (split != null) {
            TrainResult pre = Pretraining.pretrain(run.pool(), initialWeights, train, split.publicIndices(),
                    config.pretrainEpochs(), streams.seed(SERVER_ID, "pretrain"));
            initialWeights = pre.weights();
            if (pre.buffers() != null && pre.buffers().length > 0) {
                initialBuffers = pre.buffers();
            }
        }
        this.scheme = Compression.uplink(config.uplinkCodec(), model.layout(), Compression.parseOptions(config.uplinkOptions()));
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

    private static AvailabilityTrace readTrace(RunConfig config) {
        try {
            return AvailabilityTrace.read(config.availabilityTrace(), config.clients());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the availability trace " + config.availabilityTrace(), e);
        }
    }

    int[][] shares() {
        return shares;
    }

    /** Speed of client {@code c}'s device relative to the median: log-normal with sigma {@code device_speed_sigma}. */
    double speedFactor(int c) {
        return Math.exp(config.deviceSpeedSigma() * streams.of(c, "compute-speed").nextGaussian());
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
