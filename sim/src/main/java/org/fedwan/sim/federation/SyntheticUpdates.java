package org.fedwan.sim.federation;

import java.util.List;
import java.util.random.RandomGenerator;
import org.fedwan.compression.ModelLayout;
import org.fedwan.compression.scheme.EncodedUpdate;
import org.fedwan.compression.scheme.Quantity;
import org.fedwan.compression.scheme.RoundInput;
import org.fedwan.compression.scheme.Scheme;
import org.fedwan.fl.strategy.Strategy;
import org.fedwan.sim.config.ClientMode;
import org.fedwan.sim.config.DeviceSection;
import org.fedwan.sim.config.TrainingSection;
import org.fedwan.sim.random.RandomStreams;

/**
 * The clients' side of a round in a network-only run ({@code training: none}): no data, no
 * training. Each selected client draws an update δ of the layout, every value
 * {@code N(0, update_std^2)} from its stream {@code (client, "update-round-<round>")}, and encodes
 * it with the run's real uplink scheme, so every message has the exact size the scheme gives
 * those values: δ itself for schemes that send updates or gradients, {@code global + δ} for
 * schemes that send weights. Its compute time is {@code compute_mflop / (device_mflops x speed
 * factor)} and its energy {@code compute_mflop x compute_energy_mj_per_mflop} (lpwan-facts C(b)),
 * the same formulas as {@link ClientTraining} with the FLOPs given instead of counted.
 */
final class SyntheticUpdates implements LocalWork {

    private final TrainingSection config;
    private final DeviceSection devices;
    private final Scheme scheme;
    private final RandomStreams streams;
    private final boolean sendsWeights;

    SyntheticUpdates(TrainingSection config, DeviceSection devices, Scheme scheme, RandomStreams streams) {
        this.config = config;
        this.devices = devices;
        this.scheme = scheme;
        this.streams = streams;
        this.sendsWeights = config.clientMode() != ClientMode.GRADIENT && scheme.quantity() == Quantity.WEIGHTS;
    }

    /**
     * The global model a network-only run starts from: the model's seeded initial weights when
     * the layout is the model's, zeros for a layout given by {@code update_parameters} or
     * {@code update_layout}.
     *
     * @param dataset the data set's catalog name: the input geometry of a {@code layers} list
     */
    static float[][] initialWeights(TrainingSection config, String dataset, ModelLayout layout, long seed) {
        if (!config.layoutGiven()) {
            return config.definition(dataset).initialWeights(seed);
        }
        float[][] w = new float[layout.layerCount()][];
        for (int l = 0; l < w.length; l++) {
            w[l] = new float[layout.layers().get(l).parameterCount()];
        }
        return w;
    }

    @Override
    public int trainAndEncode(int round, float[][] global, float[] buffers, List<ClientState> active, Strategy strategy) {
        int largest = 0;
        for (ClientState c : active) {
            if (c.encoder == null) {
                c.encoder = scheme.newClient(c.client, streams.of(c.client, "codec"));
            }
            float[][] values = update(streams.of(c.client, "update-round-" + round), global);
            EncodedUpdate update = c.encoder.encode(new RoundInput(round, values, scheme.needsGlobalModel() ? global : null));
            c.message = update.message();
            c.messageRound = round;
            largest = Math.max(largest, c.message.length);
        }
        return largest;
    }

    /** δ, or {@code global + δ} for a scheme that sends weights. */
    private float[][] update(RandomGenerator random, float[][] global) {
        double std = config.updateStd();
        float[][] out = new float[global.length][];
        for (int l = 0; l < global.length; l++) {
            out[l] = new float[global[l].length];
            for (int i = 0; i < out[l].length; i++) {
                float delta = (float) (std * random.nextGaussian());
                out[l][i] = sendsWeights ? global[l][i] + delta : delta;
            }
        }
        return out;
    }

    @Override
    public long computeTimeUs(ClientState c) {
        double seconds = config.computeMflop() * 1e6 / (devices.deviceMflops() * 1e6 * c.speedFactor);
        return Math.round(seconds * 1e6);
    }

    @Override
    public double computeEnergyJ(ClientState c, long busyUs) {
        double fraction = Math.min(1.0, (double) busyUs / c.computeUs);
        return config.computeMflop() * fraction * devices.computeEnergyMjPerMflop() / 1e3;
    }

    @Override
    public boolean chargesEnergy(ClientState c) {
        return devices.computeEnergyMjPerMflop() != 0 && c.computeUs != 0;
    }
}
