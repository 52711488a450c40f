package org.fedwan.fl.model;

import java.util.List;
import org.fedwan.fl.model.Block.BatchNorm;
import org.fedwan.fl.model.Block.Conv;
import org.fedwan.fl.model.Block.Dense;
import org.fedwan.fl.model.Block.Dropout;
import org.fedwan.fl.model.Block.Flatten;
import org.fedwan.fl.model.Block.MaxPool;
import org.fedwan.fl.model.Block.Relu;

/**
 * The seed papers' architectures, and LeNet-5, as {@link SequentialModel}s. Each keeps the
 * input geometry of its paper; other data sets are fitted by {@link InputAdaptation}.
 */
public final class SeedModels {

    public static final String CNN6_CIFAR = "cnn6-cifar";
    public static final String CNN_MNIST_OCTAV = "cnn-mnist-octav";
    public static final String CNN_CIFAR_OCTAV = "cnn-cifar-octav";
    public static final String MLP_MNIST_QRR = "mlp-mnist-qrr";
    public static final String CNN_MNIST_QRR = "cnn-mnist-qrr";
    public static final String VGG_CIFAR_QRR = "vgg-cifar-qrr";
    public static final String LENET5 = "lenet5";

    private static final int[] CIFAR = {3, 32, 32};
    private static final int[] MNIST = {1, 28, 28};

    private SeedModels() {
    }

    /**
     * Seed 000 (XFL-Q, section IV-A): the 6-layer CIFAR-10 CNN of 231,338 parameters. Four 3x3
     * convolutions (16, 32, 64, 128 channels, padding 1), each followed by ReLU and 2x2 max
     * pooling (32 -> 16 -> 8 -> 4 -> 2), then FC1 512 -> 256 with ReLU and FC2 256 -> 10. Per
     * layer: conv1 448, conv2 4,640, conv3 18,496, conv4 73,856, fc1 131,328, fc2 2,570, as the
     * paper lists them (its 512 inputs of FC1 are 128 channels x 2 x 2).
     */
    public static SequentialModel cnn6Cifar() {
        return new SequentialModel(CNN6_CIFAR, CIFAR, 10, List.of(
                conv("conv1", 3, 16, 3), new Relu(), new MaxPool(2),
                conv("conv2", 16, 32, 3), new Relu(), new MaxPool(2),
                conv("conv3", 32, 64, 3), new Relu(), new MaxPool(2),
                conv("conv4", 64, 128, 3), new Relu(), new MaxPool(2),
                new Flatten(),
                dense("fc1", 512, 256), new Relu(),
                dense("fc2", 256, 10)));
    }

    /**
     * Seed 002 (OCTAV), Table I, MNIST: conv1 3x3 1 -> 16 (28x28, padding 1), bn1, max-pool 2;
     * conv2 3x3 16 -> 16, bn2, max-pool 2 (7x7); fc1 784 -> 100, bn3; fc2 100 -> 10, bn4;
     * softmax. The table lists no activation; ReLU follows bn1, bn2 and bn3 (as in the CNN of
     * McMahan et al. the paper says it resembles). Four layout layers, conv1, conv2, fc1, fc2,
     * each with its batch normalisation, as the paper counts four layers (Table II: 144, 2,304,
     * 78,400 and 1,000 weights, biases and normalisation parameters not counted there).
     */
    public static SequentialModel cnnMnistOctav() {
        return octav(CNN_MNIST_OCTAV, MNIST, 16 * 7 * 7);
    }

    /** Seed 002 (OCTAV), Table III, CIFAR-10: as {@link #cnnMnistOctav()} on 3x32x32, fc1 1,024 -> 100. */
    public static SequentialModel cnnCifarOctav() {
        return octav(CNN_CIFAR_OCTAV, CIFAR, 16 * 8 * 8);
    }

    private static SequentialModel octav(String name, int[] input, int flat) {
        return new SequentialModel(name, input, 10, List.of(
                conv("conv1", input[0], 16, 3), bn("conv1", "bn1", 16), new Relu(), new MaxPool(2),
                conv("conv2", 16, 16, 3), bn("conv2", "bn2", 16), new Relu(), new MaxPool(2),
                new Flatten(),
                dense("fc1", flat, 100), bn("fc1", "bn3", 100), new Relu(),
                dense("fc2", 100, 10), bn("fc2", "bn4", 10)));
    }

    /**
     * Seed 004 (QRR, section III-B, first experiment): MLP 784 -> 200 (ReLU) -> 10, layers
     * {@code hidden} and {@code output} as in the QRR reference code; 159,010 parameters.
     */
    public static SequentialModel mlpMnistQrr() {
        return new SequentialModel(MLP_MNIST_QRR, MNIST, 10, List.of(
                new Flatten(),
                dense("hidden", 784, 200), new Relu(),
                dense("output", 200, 10)));
    }

    /**
     * Seed 004 (QRR, second experiment): 3x3 convolutions with 16 and 32 channels (padding 1,
     * ReLU after each), one 2x2 max pooling (28 -> 14), then a fully connected layer 6,272 -> 64
     * with ReLU and the output layer 64 -> 10, as in the QRR reference code (the paper's text
     * names one fully connected layer besides the output); 406,922 parameters.
     */
    public static SequentialModel cnnMnistQrr() {
        return new SequentialModel(CNN_MNIST_QRR, MNIST, 10, List.of(
                conv("conv1", 1, 16, 3), new Relu(),
                conv("conv2", 16, 32, 3), new Relu(), new MaxPool(2),
                new Flatten(),
                dense("fc1", 32 * 14 * 14, 64), new Relu(),
                dense("fc2", 64, 10)));
    }

    /**
     * Seed 004 (QRR, third experiment): the small VGG-like CIFAR-10 CNN of the QRR reference
     * code. Three blocks of two 3x3 convolutions (32, 64, 128 channels, padding 1, ReLU), 2x2 max
     * pooling and dropout 0.2; then fc1 2,048 -> 128 with ReLU and dropout 0.2, and fc2 128 -> 10;
     * 550,570 parameters.
     */
    public static SequentialModel vggCifarQrr() {
        return new SequentialModel(VGG_CIFAR_QRR, CIFAR, 10, List.of(
                conv("conv1_1", 3, 32, 3), new Relu(), conv("conv1_2", 32, 32, 3), new Relu(), new MaxPool(2),
                new Dropout("dropout1", 0.2),
                conv("conv2_1", 32, 64, 3), new Relu(), conv("conv2_2", 64, 64, 3), new Relu(), new MaxPool(2),
                new Dropout("dropout2", 0.2),
                conv("conv3_1", 64, 128, 3), new Relu(), conv("conv3_2", 128, 128, 3), new Relu(), new MaxPool(2),
                new Dropout("dropout3", 0.2),
                new Flatten(),
                dense("fc1", 128 * 4 * 4, 128), new Relu(), new Dropout("dropout_fc", 0.2),
                dense("fc2", 128, 10)));
    }

    /**
     * LeNet-5 (LeCun et al. 1998) in its common modern form: input 1x32x32 (MNIST padded to 32,
     * as in the original), C1 5x5 6 channels, S2 2x2 max pooling, C3 5x5 16 channels (full
     * connectivity), S4 2x2 max pooling, F5 400 -> 120, F6 120 -> 84, output 84 -> 10, ReLU
     * after every hidden layer; 61,706 parameters. The original's tanh-like squashing, trainable
     * sub-sampling, partial C3 connections and RBF output are not reproduced.
     */
    public static SequentialModel lenet5() {
        return new SequentialModel(LENET5, new int[] {1, 32, 32}, 10, List.of(
                new Conv("conv1", "conv1", 1, 6, 5, false), new Relu(), new MaxPool(2),
                new Conv("conv2", "conv2", 6, 16, 5, false), new Relu(), new MaxPool(2),
                new Flatten(),
                dense("fc1", 400, 120), new Relu(),
                dense("fc2", 120, 84), new Relu(),
                dense("fc3", 84, 10)));
    }

    private static Conv conv(String name, int in, int out, int k) {
        return new Conv(name, name, in, out, k, true);
    }

    private static Dense dense(String name, int in, int out) {
        return new Dense(name, name, in, out);
    }

    private static BatchNorm bn(String layer, String prefix, int channels) {
        return new BatchNorm(layer, prefix, channels);
    }
}
