package org.fedwan.sim.federation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.fedwan.compression.ModelLayout;
import org.fedwan.compression.scheme.AveragingRule;
import org.fedwan.compression.scheme.Compression;
import org.fedwan.compression.scheme.DecodedUpdate;
import org.fedwan.compression.scheme.DownlinkCodec;
import org.fedwan.compression.scheme.Quantity;
import org.fedwan.compression.scheme.Scheme;
import org.fedwan.compression.scheme.ServerDecoder;
import org.fedwan.fl.data.ImageDataset;
import org.fedwan.compression.scheme.AveragingRule;
import org.fedwan.fl.strategy.Averaging;
import org.fedwan.fl.strategy.ClientResult;
import org.fedwan.fl.strategy.Failure;
import org.fedwan.fl.strategy.Strategy;
import org.fedwan.fl.strategy.StrategyContext;
import org.fedwan.fl.strategy.ValueKind;
import org.fedwan.fl.train.Evaluation;
import org.fedwan.fl.train.GradientMode;
import org.fedwan.fl.train.OptimizerState;
import org.fedwan.fl.train.TrainerPool;
import org.fedwan.fl.strategy.Strategies;
import org.fedwan.sim.config.ClientMode;
import org.fedwan.sim.config.Scenario;
import org.fedwan.sim.config.ServerSection;

/**
 * The server's side of a round: it decodes what arrived, hands the results to the run's
 * {@link Strategy} for the next global model (schemes that code innovations are aggregated
 * lazily over the latest value the server holds of every client, as in seed 004), averages the
 * batch-norm buffers, evaluates the new model, and encodes the broadcast with the downlink codec
 * (the devices train from what the downlink delivers).
 */
final class Server {

    /** Samples per chunk of the gradient-norm measurement. */
    private static final int GRADIENT_CHUNK = 1000;

    private final int evalEvery;
    private final int rounds;
    private final Scheme scheme;
    private final ServerDecoder decoder;
    private final DownlinkCodec downlink;
    private final ModelLayout layout;
    private final Strategy strategy;
    private final TrainerPool pool;
    private final ImageDataset test;
    private final ImageDataset trainEval;
    private final long gradientNormSeed;

    private float[][] global;
    /** Batch-norm running statistics of the global model (outside the layout: never on the air). */
    private float[] buffers;
    private Evaluation evaluation = Evaluation.EMPTY;
    private double accuracy = Double.NaN;
    private double loss = Double.NaN;
    private double trainLoss = Double.NaN;
    private double trainAccuracy = Double.NaN;
    private double gradientNorm = Double.NaN;

    Server(Scenario scenario, Scheme scheme, TrainerPool pool, ImageDataset test, ImageDataset trainEval,
            float[][] initialWeights, float[] initialBuffers, long gradientNormSeed) {
        this.evalEvery = scenario.policy().evalEvery();
        this.rounds = scenario.run().rounds();
        this.scheme = scheme;
        this.decoder = scheme.newServer();
        this.layout = scheme.layout();
        this.downlink = Compression.downlink(scenario.compression().downlinkCodec(), layout);
        this.pool = pool;
        this.test = test;
        this.trainEval = trainEval;
        this.global = initialWeights;
        this.buffers = initialBuffers;
        this.gradientNormSeed = gradientNormSeed;
        this.strategy = strategy(scenario, scheme);
    }

    /** The run's strategy, from what the clients send and how the scheme's values average. */
    static Strategy strategy(Scenario scenario, Scheme scheme) {
        boolean gradients = scenario.training().clientMode() == ClientMode.GRADIENT;
        ServerSection s = scenario.server();
        ValueKind kind = gradients ? ValueKind.GRADIENTS
                : scheme.quantity() == Quantity.WEIGHTS ? ValueKind.WEIGHTS : ValueKind.UPDATES;
        return Strategies.create(s.strategy(), s.strategyOptions(),
                new StrategyContext(kind, scheme.averagingRule(), scenario.training().learningRate(), s.serverLearningRate()));
    }

    Strategy strategy() {
        return strategy;
    }

    float[][] global() {
        return global;
    }

    float[] buffers() {
        return buffers;
    }

    Evaluation evaluation() {
        return evaluation;
    }

    /**
     * The next global model from the messages of {@code arrived} (this round's, in selection
     * order) and {@code late} (earlier rounds' that arrived since, in client order); failures are
     * the selected clients that delivered nothing.
     */
    void aggregate(int round, List<ClientState> arrived, List<ClientState> late, List<Failure> failures,
            ClientState[] clients) {
        List<ClientResult> results = new ArrayList<>();
        for (ClientState c : arrived) {
            decode(c, round, results);
        }
        for (ClientState c : late) {
            decode(c, c.messageRound, results);
        }
        if (scheme.averagingRule() == AveragingRule.LATEST_OF_EVERY_CLIENT) {
            // lazy aggregation: every client the server has heard from counts with its latest value
            results.clear();
            for (ClientState c : clients) {
                Optional<float[][]> v = decoder.latest(c.client);
                v.ifPresent(values -> results.add(ClientResult.of(c.client, values, c.samples())));
            }
        }
        global = strategy.aggregateFit(round, global, results, failures);
        if (buffers.length > 0) {
            List<float[]> arrivedBuffers = new ArrayList<>();
            List<Long> samples = new ArrayList<>();
            for (ClientState c : arrived) {
                if (c.buffers != null) {
                    arrivedBuffers.add(c.buffers);
                    samples.add(c.samples());
                }
            }
            for (ClientState c : late) {
                if (c.buffers != null) {
                    arrivedBuffers.add(c.buffers);
                    samples.add(c.samples());
                }
            }
            buffers = Averaging.averageBuffers(buffers, arrivedBuffers, samples);
        }
    }

    private void decode(ClientState c, int round, List<ClientResult> results) {
        if (c.received.length > 0) {
            DecodedUpdate d = decoder.decode(c.client, round, c.received);
            results.add(new ClientResult(c.client, d.values(), c.samples(), d.layerMse()));
        }
    }

    /**
     * The broadcast of the new global model; the global model becomes what it decodes to, which
     * is what the devices train from next round.
     */
    byte[] broadcast() {
        byte[] message = downlink.encode(global);
        global = downlink.decode(message);
        return message;
    }

    /**
     * Evaluates the global model on the test set every {@code evalEvery} rounds and after the last
     * round (NaN in between), and on the training-evaluation subset: its loss, accuracy and the
     * norm of the full gradient there. A network-only run (no trainer pool) measures nothing: NaN.
     */
    void evaluate(int round) {
        if (pool == null || round % evalEvery != 0 && round != rounds) {
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
        gradientNorm = gradientNorm(pool, global, buffers, trainEval, GRADIENT_CHUNK, gradientNormSeed);
    }

    double accuracy() {
        return accuracy;
    }

    double loss() {
        return loss;
    }

    double trainLoss() {
        return trainLoss;
    }

    double trainAccuracy() {
        return trainAccuracy;
    }

    double gradientNorm() {
        return gradientNorm;
    }

    /**
     * L2 norm of the gradient of the mean loss over all of {@code data} at {@code weights}: the
     * gradients of fixed chunks of {@code chunk} samples (in parallel), averaged by chunk size, so
     * the result does not depend on the thread count.
     */
    static double gradientNorm(TrainerPool pool, float[][] weights, float[] buffers, ImageDataset data, int chunk, long seed) {
        List<TrainerPool.Job> jobs = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (int from = 0; from < data.size(); from += chunk) {
            int to = Math.min(data.size(), from + chunk);
            jobs.add(new TrainerPool.Job(weights, buffers, data, IntStream.range(from, to).toArray(), seed,
                    OptimizerState.NONE));
            sizes.add(to - from);
        }
        List<float[][]> parts = pool.gradients(jobs, GradientMode.FULL_LOCAL_DATA);
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
}
