package org.fedwan.fl.model;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Maps scenario model names to definitions: {@value CnnMnist#NAME}, the seed papers'
 * architectures of {@link SeedModels}, the members of the parametric family
 * {@link MlpFamily} ({@code mlp:784-200-10}), and ONNX files ({@code onnx:PATH}, {@link OnnxModel}).
 */
public final class ModelZoo {

    private static final Map<String, Supplier<ModelDefinition>> MODELS = new TreeMap<>();

    static {
        MODELS.put(CnnMnist.NAME, CnnMnist::new);
        MODELS.put(SeedModels.CNN6_CIFAR, SeedModels::cnn6Cifar);
        MODELS.put(SeedModels.CNN_MNIST_OCTAV, SeedModels::cnnMnistOctav);
        MODELS.put(SeedModels.CNN_CIFAR_OCTAV, SeedModels::cnnCifarOctav);
        MODELS.put(SeedModels.MLP_MNIST_QRR, SeedModels::mlpMnistQrr);
        MODELS.put(SeedModels.CNN_MNIST_QRR, SeedModels::cnnMnistQrr);
        MODELS.put(SeedModels.VGG_CIFAR_QRR, SeedModels::vggCifarQrr);
        MODELS.put(SeedModels.LENET5, SeedModels::lenet5);
    }

    /** What an ONNX model name may be, for error messages. */
    private static final String ONNX_ALLOWED = OnnxModel.PREFIX + "PATH (an ONNX file, e.g. exported from PyTorch)";

    private ModelZoo() {
    }

    /** Known names, sorted. */
    public static List<String> names() {
        return List.copyOf(MODELS.keySet());
    }

    /** @throws IllegalArgumentException naming the value and the allowed names */
    public static ModelDefinition create(String name) {
        if (OnnxModel.isOnnx(name)) {
            return OnnxModel.load(name);
        }
        if (MlpFamily.isFamily(name)) {
            return MlpFamily.create(name);
        }
        Supplier<ModelDefinition> s = MODELS.get(name);
        if (s == null) {
            throw new IllegalArgumentException("unknown model '" + name + "'; allowed: " + String.join(", ", names()) + ", or "
                    + MlpFamily.ALLOWED + "; or " + ONNX_ALLOWED);
        }
        return s.get();
    }

    /**
     * The name as the zoo writes it: a zoo name matched without regard to case, the canonical
     * name of a family member ({@link MlpFamily#canonical}), or {@code onnx:PATH} once the file
     * has been read and found a model.
     *
     * @throws IllegalArgumentException saying what is wrong and what is allowed
     */
    public static String canonical(String name) {
        if (OnnxModel.isOnnx(name)) {
            return OnnxModel.load(name).name();
        }
        if (MlpFamily.isFamily(name)) {
            return MlpFamily.canonical(name);
        }
        for (String n : MODELS.keySet()) {
            if (n.equalsIgnoreCase(name.trim())) {
                return n;
            }
        }
        throw new IllegalArgumentException("allowed: " + allowed());
    }

    /** What a model name may be: a zoo name or a family member. */
    public static String allowed() {
        return "one of " + String.join(", ", names()) + ", or " + MlpFamily.ALLOWED + "; or " + ONNX_ALLOWED;
    }
}
