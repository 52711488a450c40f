package org.fedwan.sim.federation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.fedwan.compression.scheme.DecodedUpdate;
import org.fedwan.compression.scheme.EncodedUpdate;
import org.fedwan.compression.scheme.Quantity;
import org.fedwan.compression.scheme.RoundInput;
import org.fedwan.compression.scheme.Scheme;
import org.fedwan.fl.data.ImageDataset;
import org.fedwan.fl.strategy.Strategy;
import org.fedwan.fl.train.GradientMode;
import org.fedwan.fl.train.TrainResult;
import org.fedwan.fl.train.TrainerPool;
import org.fedwan.fl.train.WeightProjection;
import org.fedwan.sim.config.ClientMode;
import org.fedwan.sim.config.ClockLimits;
import org.fedwan.sim.config.DeviceSection;
import org.fedwan.sim.config.GradientBatch;
import org.fedwan.sim.config.TrainingSection;
import org.fedwan.sim.random.RandomStreams;

/**
 * The clients' side of a round, in simulated zero time: real local training (ND4J, in parallel
 * across cores, results independent of the thread count), then encoding with the uplink scheme;
 * and the simulated cost of it: compute time {@code 3 x forward FLOPs x samples / device speed}
 * (training counted as three forward passes, lpwan-facts C(b)) and training energy per MFLOP.
 */
final class ClientTraining implements LocalWork {

    private final TrainingSection config;
    private final DeviceSection devices;
    private final TrainerPool pool;
    private final ImageDataset train;
    private final Scheme scheme;
    private final RandomStreams streams;
    private final long flopsPerSamplePass;
    private final boolean gradientMode;

    ClientTraining(TrainingSection config, DeviceSection devices, TrainerPool pool, ImageDataset train, Scheme scheme,
            RandomStreams streams) {
        this.config = config;
        this.devices = devices;
        this.pool = pool;
        this.train = train;
        this.scheme = scheme;
        this.streams = streams;
        this.flopsPerSamplePass = 3 * pool.model().forwardFlopsPerSample();
        this.gradientMode = config.clientMode() == ClientMode.GRADIENT;
    }

    /**
     * Trains (or takes the gradient of) every client of {@code active} from the global model and
     * encodes what it sends: each client's {@link ClientState#message} holds its encoded update.
     *
     * @return the size of the largest message, bytes
     */
    @Override
    public int trainAndEncode(int round, float[][] global, float[] buffers, List<ClientState> active, Strategy strategy) {
        List<TrainerPool.Job> jobs = new ArrayList<>(active.size());
        for (ClientState c : active) {
            TrainerPool.Job job = new TrainerPool.Job(global, buffers, train, c.share,
                    streams.seed(c.client, "train-round-" + round), c.optimizer)
                    .withProximalMu(strategy.configureClient(round, c.client).proximalMu());
            jobs.add(config.quantizationAware() ? job.withProjection(projection(round, c.client,
                    streams.seed(c.client, "qat-round-" + round))) : job);
        }
        List<float[][]> models;
        if (gradientMode) {
            models = pool.gradients(jobs, config.gradientBatch() == GradientBatch.FULL ? GradientMode.FULL_LOCAL_DATA
                    : GradientMode.ONE_MINIBATCH);
        } else {
            List<TrainResult> results = pool.train(jobs);
            models = new ArrayList<>(results.size());
            for (int i = 0; i < active.size(); i++) {
                ClientState c = active.get(i);
                models.add(results.get(i).weights());
                c.optimizer = results.get(i).state();
                c.buffers = results.get(i).buffers();
            }
        }
        for (int i = 0; i < active.size(); i++) {
            requireFinite(round, active.get(i).client, models.get(i), gradientMode, config.learningRate());
        }
        int largest = 0;
        for (int i = 0; i < active.size(); i++) {
            ClientState c = active.get(i);
            if (c.encoder == null) {
                c.encoder = scheme.newClient(c.client, streams.of(c.client, "codec"));
            }
            // gradients and trained weights go as they are; update schemes get trained - global
            float[][] values = gradientMode || scheme.quantity() == Quantity.WEIGHTS ? models.get(i)
                    : delta(models.get(i), global);
            EncodedUpdate update = c.encoder.encode(new RoundInput(round, values, scheme.needsGlobalModel() ? global : null));
            c.message = update.message();
            c.messageRound = round;
            largest = Math.max(largest, c.message.length);
        }
        return largest;
    }

    /**
     * Quantization-aware training (seed 002): every local step runs at the weights the uplink
     * scheme would deliver, a round trip through a fresh encoder and decoder of the scheme (its
     * stochastic rounding drawn from {@code seed} and the step); layers a message leaves out (XFL)
     * stay at full precision. Only for schemes that send weights.
     */
    private WeightProjection projection(int round, int client, long seed) {
        return (weights, step) -> {
            SplittableRandom random = new SplittableRandom(seed + 0x9E3779B97F4A7C15L * (step + 1));
            EncodedUpdate e = scheme.newClient(client, random).encode(new RoundInput(round, weights, null));
            DecodedUpdate d = scheme.newServer().decode(client, round, e.message());
            float[][] out = new float[weights.length][];
            for (int l = 0; l < out.length; l++) {
                out[l] = d.has(l) ? d.values()[l] : weights[l];
            }
            return out;
        };
    }

    /**
     * Stops a diverging run where it diverges: a client whose training gave a NaN or infinite
     * weight (or gradient) names the round, the client and the value, rather than letting it
     * poison the aggregate.
     *
     * @throws IllegalStateException naming round, client, layer and index
     */
    static void requireFinite(int round, int client, float[][] values, boolean gradients, double learningRate) {
        for (int l = 0; l < values.length; l++) {
            for (int j = 0; j < values[l].length; j++) {
                if (!Float.isFinite(values[l][j])) {
                    throw new IllegalStateException(String.format(Locale.ROOT, "round %d, client %d: local training diverged "
                            + "(%s %d of layer %d is %s); a smaller learning_rate (now %s) may help",
                            round, client, gradients ? "gradient" : "weight", j, l, values[l][j], learningRate));
                }
            }
        }
    }

    /** Compute time of client {@code c} for one round, µs. */
    @Override
    public long computeTimeUs(ClientState c) {
        double flops = (double) flopsPerSamplePass * samplesProcessed(c);
        double seconds = flops / (devices.deviceMflops() * 1e6 * c.speedFactor);
        if (!(seconds * 1e6 <= ClockLimits.MAX_SIM_TIME_US * ClockLimits.TRAINING_SHARE_OF_CLOCK)) {
            throw new IllegalStateException(String.format(Locale.ROOT, "client %d: one round of training takes %.3g s on its "
                    + "device (device_mflops %s x speed factor %.3g from device_speed_sigma), beyond the engine's clock "
                    + "(simulated time is a long of µs, at most %.0f years)", c.client, seconds, devices.deviceMflops(),
                    c.speedFactor, ClockLimits.MAX_SIM_TIME_YEARS));
        }
        return Math.round(seconds * 1e6);
    }

    /**
     * Training energy of client {@code c} for {@code busyUs} of its compute time: FLOPs done x the
     * energy per MFLOP (lpwan-facts C(b)), J; 0 when the energy per MFLOP is 0.
     */
    @Override
    public double computeEnergyJ(ClientState c, long busyUs) {
        double fraction = Math.min(1.0, (double) busyUs / c.computeUs);
        double flops = (double) flopsPerSamplePass * samplesProcessed(c) * fraction;
        return flops / 1e6 * devices.computeEnergyMjPerMflop() / 1e3;
    }

    /** Whether training costs energy in this run. */
    @Override
    public boolean chargesEnergy(ClientState c) {
        return devices.computeEnergyMjPerMflop() != 0 && c.computeUs != 0;
    }

    /** Samples client {@code c} passes forward and backward in a round. */
    private long samplesProcessed(ClientState c) {
        int n = c.share.length;
        if (gradientMode) {
            return config.gradientBatch() == GradientBatch.FULL ? n : Math.min(config.batchSize(), n);
        }
        if (config.localSteps() > 0) {
            return (long) config.localSteps() * Math.min(config.batchSize(), n);
        }
        return (long) n * config.localEpochs();
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
}
