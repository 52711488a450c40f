package org.fedwan.sim.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fedwan.compression.LayerSpec;
import org.fedwan.compression.ModelLayout;
import org.fedwan.compression.TensorSpec;
import org.fedwan.fl.data.DatasetCatalog;
import org.fedwan.fl.model.CnnMnist;
import org.fedwan.fl.model.LayerList;
import org.fedwan.fl.model.ModelDefinition;
import org.fedwan.fl.model.MlpFamily;
import org.fedwan.fl.model.ModelZoo;
import org.fedwan.fl.model.OnnxModel;

/**
 * The model and how clients train it; or, with {@code training: none}, the layout of the updates
 * clients send without training (network-only runs: no data set is loaded and no model is built;
 * see {@code docs/fl.md}, "Network-only runs").
 *
 * @param model                   model architecture (a name of the model zoo, a member of its families, e.g.
 *                                {@code mlp:784-200-10}, or {@code onnx:PATH}, an ONNX file, trained only when it maps onto
 *                                FedWAN's blocks), or {@value LayerList#NAME} when {@code layers} describes it
 * @param layers                  the model as a list of layers ({@code docs/fl.md}, "Models in the scenario: layers"), or null
 * @param localEpochs             local epochs per round
 * @param localSteps              mini-batch steps per round instead of epochs, 0 = count epochs
 * @param batchSize               local mini-batch size
 * @param learningRate            local SGD learning rate
 * @param momentum                local SGD heavy-ball momentum in [0, 1), kept per client across rounds
 * @param weightDecay             local SGD L2 weight decay
 * @param clientMode              what a client sends each round
 * @param gradientBatch           in gradient mode: the data the gradient is taken over
 * @param quantizationAware       clients train through the uplink quantizer (seed 002)
 * @param pretrainFraction        share of the training set held out for server pre-training (seed 001), 0 = none
 * @param pretrainEpochs          epochs of server pre-training on the held-out share
 * @param training                real training, or none (network-only)
 * @param updateParameters        network-only: float32 parameters of a one-layer update, 0 = not given
 * @param updateLayout            network-only: parameters of each layer of the update, empty = not given
 * @param computeMflop            network-only: MFLOP of one client's local work per round (compute time and energy)
 * @param updateStd               network-only: standard deviation of the pseudo-random update values
 */
public record TrainingSection(String model, LayerList layers, int localEpochs, int localSteps, int batchSize, double learningRate,
        double momentum, double weightDecay, ClientMode clientMode, GradientBatch gradientBatch, boolean quantizationAware,
        double pretrainFraction, int pretrainEpochs, TrainingMode training, int updateParameters, List<Integer> updateLayout,
        double computeMflop, double updateStd) {

    /** Largest number of parameters of a network-only update, over all its layers (400 MB of float32 per client). */
    public static final int MAX_UPDATE_PARAMETERS = 100_000_000;
    /** Largest number of layers of {@code update_layout}. */
    public static final int MAX_UPDATE_LAYERS = 10_000;

    public static final Section<TrainingSection> SECTION = new Section<>("training",
            "the model and local training", TrainingSection.class, List.of(
            Key.derived("model", ModelKey.type(),
                    CnnMnist.NAME + " (" + LayerList.NAME + " when layers is given)",
                    "model architecture: a name of the model zoo, a multilayer perceptron by its widths, e.g. "
                            + "mlp:784-200-10 (fc1, fc2, ...; ReLU between them), onnx:PATH, an ONNX file relative to the "
                            + "scenario file (docs/fl.md, 'Bring your own model (ONNX)'), or layers: the list of the key layers"),
            Key.of("layers", new LayerListType("layers"), null,
                    "the model as a list of layers, one per entry (conv, pool, dense, batch_norm, dropout, activation: relu, "
                            + "flatten), shapes inferred from the data set, the last dense layer's width the number of "
                            + "classes; model is then left out (or layers); see docs/fl.md, \"Models in the scenario: layers\""),
            Key.of("local_epochs", Types.integer(1, 10_000), 1, "local epochs per round"),
            Key.of("local_steps", Types.integer(0, 1_000_000), 0,
                    "mini-batch steps per round instead of local_epochs (0 = count epochs); steps continue over reshuffled epochs"),
            Key.of("batch_size", Types.integer(1, 1_000_000), 32, "local mini-batch size"),
            Key.of("learning_rate", Types.number(0, false, 100), 0.05, "local SGD learning rate"),
            Key.of("momentum", Types.number(0, true, 0.999999), 0.0,
                    "local SGD heavy-ball momentum (PyTorch's rule), kept per client between its rounds"),
            Key.of("weight_decay", Types.number(0, true, 1), 0.0, "local SGD L2 weight decay"),
            Key.of("client_mode", Types.label(ClientMode.class), ClientMode.TRAIN,
                    "train (local SGD; clients send models or updates) or gradient (clients send the gradient of their loss; "
                            + "the server steps by learning_rate x server_learning_rate; seeds 003, 004)"),
            Key.of("gradient_batch", Types.label(GradientBatch.class), GradientBatch.MINIBATCH,
                    "gradient mode: minibatch (one mini-batch of batch_size, seed 004) or full (all local samples, seed 003 / LAQ)"),
            Key.of("quantization_aware", Types.bool(), false,
                    "clients train through the uplink quantizer: each local step's forward and backward pass runs at the "
                            + "weights the scheme would deliver, its gradient updates full-precision weights (straight-through "
                            + "estimator, seed 002); for schemes that send weights, in client_mode train"),
            Key.of("pretrain_fraction", Types.number(0, true, 0.99), 0.0,
                    "share of the training set held out as a public split the server pre-trains the initial model on "
                            + "(seed 001); the clients share the rest; 0 = start from scratch"),
            Key.of("pretrain_epochs", Types.integer(1, 10_000), 1, "epochs of server pre-training on the public split"),
            Key.of("training", Types.label(TrainingMode.class), TrainingMode.REAL,
                    "real (clients train the model on the data set) or none (network-only: no data set is loaded and no "
                            + "model trained; each selected client sends a pseudo-random update of update_parameters, "
                            + "update_layout or the model's layout, coded by the real uplink scheme; accuracy is not measured)"),
            Key.of("update_parameters", Types.integer(0, MAX_UPDATE_PARAMETERS), 0,
                    "training none: the update is one layer of this many float32 parameters (12500 = 50,000 bytes in fp32); "
                            + "0 = not given"),
            Key.of("update_layout", Types.integerList(1, MAX_UPDATE_PARAMETERS), List.of(),
                    "training none: the update's layers, the parameters of each (e.g. [784, 200, 10] or \"784 200 10\"), "
                            + "instead of update_parameters; neither given: the layout of model"),
            Key.of("compute_mflop", Types.number(0, true, 1e12), 0.0,
                    "training none: MFLOP of one client's local work per round; compute time = compute_mflop / "
                            + "(device_mflops x speed factor), energy = compute_mflop x compute_energy_mj_per_mflop "
                            + "(0 = no compute time and no training energy)"),
            Key.of("update_std", Types.number(0, false, 1e6), 0.01,
                    "training none: standard deviation of the pseudo-random update values, drawn N(0, update_std^2) per "
                            + "parameter; the message sizes of the fixed-rate schemes (fp32, fp16, bf16, int8, int4, sign, "
                            + "topk, qsgd, octav, ...) do not depend on it")));

    public TrainingSection {
        model = model != null ? model : layers != null ? LayerList.NAME : CnnMnist.NAME;
        checkLayers(model, layers, training, updateParameters, updateLayout);
        if (quantizationAware && clientMode != ClientMode.TRAIN) {
            throw new KeyProblem("quantization_aware", "with client_mode " + clientMode.label()
                    + ": allowed: a scheme that sends weights, in client_mode train");
        }
        updateLayout = List.copyOf(updateLayout);
        if (training == TrainingMode.REAL && OnnxModel.isOnnx(model) && ModelZoo.create(model) instanceof OnnxModel m
                && !m.trainable()) {
            throw new KeyProblem("model", m.trainingRefusal());
        }
        checkNetworkOnly(training, updateParameters, updateLayout, computeMflop, quantizationAware, pretrainFraction);
    }

    private static void checkNetworkOnly(TrainingMode training, int updateParameters, List<Integer> updateLayout,
            double computeMflop, boolean quantizationAware, double pretrainFraction) {
        if (training == TrainingMode.REAL) {
            String only = ": allowed only with training: none";
            if (updateParameters > 0) {
                throw new KeyProblem("update_parameters", updateParameters + only);
            }
            if (!updateLayout.isEmpty()) {
                throw new KeyProblem("update_layout", "given" + only);
            }
            if (computeMflop > 0) {
                throw new KeyProblem("compute_mflop", computeMflop + only + " (real training takes its compute time from the "
                        + "model's FLOPs)");
            }
            return;
        }
        if (updateParameters > 0 && !updateLayout.isEmpty()) {
            throw new KeyProblem("update_layout", "given with update_parameters; allowed: one of the two");
        }
        if (updateLayout.size() > MAX_UPDATE_LAYERS) {
            throw new KeyProblem("update_layout", updateLayout.size() + " layers; allowed: at most " + MAX_UPDATE_LAYERS);
        }
        long total = updateLayout.stream().mapToLong(Integer::longValue).sum();
        if (total > MAX_UPDATE_PARAMETERS) {
            throw new KeyProblem("update_layout", total + " parameters in all; allowed: at most " + MAX_UPDATE_PARAMETERS);
        }
        if (quantizationAware) {
            throw new KeyProblem("quantization_aware", "with training: none (nothing is trained); allowed: false");
        }
        if (pretrainFraction > 0) {
            throw new KeyProblem("pretrain_fraction", "with training: none (nothing is trained); allowed: 0");
        }
    }

    /** The names {@code model} may take: the zoo's and its family's, or {@value LayerList#NAME}. */
    static String allowedModels() {
        return ModelZoo.allowed() + ", or " + LayerList.NAME + " (the model is the list of the key layers)";
    }

    /** {@code model} as written in canonical form: {@value LayerList#NAME}, or the zoo's form of the name. */
    static String canonicalModel(String name) {
        if (name.trim().equalsIgnoreCase(LayerList.NAME)) {
            return LayerList.NAME;
        }
        try {
            return ModelZoo.canonical(name);
        } catch (IllegalArgumentException e) {
            if (MlpFamily.isFamily(name)) {
                throw e;
            }
            throw new IllegalArgumentException(e.getMessage() + ", or " + LayerList.NAME + " (the model is the list of the key "
                    + "layers)");
        }
    }

    /** {@code model} and {@code layers} agree; a list and a given update layout exclude each other. */
    private static void checkLayers(String model, LayerList layers, TrainingMode training, int updateParameters,
            List<Integer> updateLayout) {
        if (layers != null && !model.equals(LayerList.NAME)) {
            throw new KeyProblem("model", "with a layers list: allowed: leave model out (or write model: " + LayerList.NAME
                    + ") when layers describes the model, or remove layers");
        }
        if (layers == null && model.equals(LayerList.NAME)) {
            throw new KeyProblem("model", "with no layers list: allowed: a layers list, or " + ModelZoo.allowed());
        }
        if (layers != null && training == TrainingMode.NONE && (updateParameters > 0 || !updateLayout.isEmpty())) {
            throw new KeyProblem("layers", "with " + (updateParameters > 0 ? "update_parameters" : "update_layout")
                    + ": allowed: one of the two (the layers list's layout, or the layout given)");
        }
    }

    /** Whether this is a network-only run ({@code training: none}). */
    public boolean networkOnly() {
        return training == TrainingMode.NONE;
    }

    /** Whether the update's layout is given by {@code update_parameters} or {@code update_layout} rather than the model. */
    public boolean layoutGiven() {
        return updateParameters > 0 || !updateLayout.isEmpty();
    }

    /**
     * The model: the zoo's (or its family's) named {@code model}, or the {@code layers} list on
     * the images of {@code dataset}.
     *
     * @param dataset the data set's catalog name: the list's input geometry and classes
     * @throws IllegalArgumentException if the list does not fit the data set (a {@code LayerListException}
     *                                  naming the entry, its key path, value and what is allowed)
     */
    public ModelDefinition definition(String dataset) {
        if (layers == null) {
            return ModelZoo.create(model);
        }
        return layers.model("layers", DatasetCatalog.inputShape(dataset), DatasetCatalog.CLASSES, MAX_UPDATE_PARAMETERS);
    }

    /**
     * The layout the clients send: in a network-only run with {@code update_parameters} one layer
     * {@code update} (tensor {@code update.values}), with {@code update_layout} layers
     * {@code layer1}, {@code layer2}, ... (tensors {@code layerK.values}); otherwise the model's
     * ({@link #definition}).
     *
     * @param dataset the data set's catalog name (the input of a {@code layers} list)
     */
    public ModelLayout layout(String dataset) {
        if (!networkOnly() || !layoutGiven()) {
            return definition(dataset).layout();
        }
        if (updateParameters > 0) {
            return new ModelLayout(List.of(new LayerSpec("update", List.of(new TensorSpec("update.values",
                    new int[] {updateParameters})))));
        }
        List<LayerSpec> layers = new ArrayList<>();
        for (int i = 0; i < updateLayout.size(); i++) {
            String name = "layer" + (i + 1);
            layers.add(new LayerSpec(name, List.of(new TensorSpec(name + ".values", new int[] {updateLayout.get(i)}))));
        }
        return new ModelLayout(layers);
    }

    /**
     * What the run's summary calls its model: the model's name ({@code onnx:} and the file's name,
     * without its folder, for an ONNX file), or in a network-only run with a given layout {@code update:N} ({@code update_parameters}) or {@code update:N1-N2-...}
     * ({@code update_layout}).
     */
    public String modelLabel() {
        if (OnnxModel.isOnnx(model) && !(networkOnly() && layoutGiven())) {
            // the file name only: the resolved path is the machine's, and result tables must not
            // depend on where the scenario lies (the manifest keeps the path)
            Path file = Path.of(OnnxModel.path(model)).getFileName();
            return OnnxModel.PREFIX + (file == null ? "" : file);
        }
        if (!networkOnly() || !layoutGiven()) {
            return model;
        }
        if (updateParameters > 0) {
            return "update:" + updateParameters;
        }
        List<String> parts = new ArrayList<>();
        updateLayout.forEach(n -> parts.add(String.valueOf(n)));
        return "update:" + String.join("-", parts);
    }
}
