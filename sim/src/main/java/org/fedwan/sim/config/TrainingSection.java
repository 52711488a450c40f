package org.fedwan.sim.config;

import java.util.List;
import org.fedwan.fl.model.ModelZoo;

/**
 * The model and how clients train it.
 *
 * @param model                   model architecture (a name of the model zoo)
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
 */
public record TrainingSection(String model, int localEpochs, int localSteps, int batchSize, double learningRate,
        double momentum, double weightDecay, ClientMode clientMode, GradientBatch gradientBatch, boolean quantizationAware,
        double pretrainFraction, int pretrainEpochs) {

    public static final Section<TrainingSection> SECTION = new Section<>("training",
            "the model and local training", TrainingSection.class, List.of(
            Key.of("model", Types.choice(ModelZoo::names), "cnn-mnist", "model architecture"),
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
            Key.of("pretrain_epochs", Types.integer(1, 10_000), 1, "epochs of server pre-training on the public split")));

    public TrainingSection {
        if (quantizationAware && clientMode != ClientMode.TRAIN) {
            throw new KeyProblem("quantization_aware", "with client_mode " + clientMode.label()
                    + ": allowed: a scheme that sends weights, in client_mode train");
        }
    }
}
