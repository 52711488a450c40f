package org.fedwan.fl.model;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Maps scenario model names to definitions: {@value CnnMnist#NAME} and the seed papers'
 * architectures of {@link SeedModels}.
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

    private ModelZoo() {
    }

    /** Known names, sorted. */
    public static List<String> names() {
        return List.copyOf(MODELS.keySet());
    }

    /** @throws IllegalArgumentException naming the value and the allowed names */
    public static ModelDefinition create(String name) {
        Supplier<ModelDefinition> s = MODELS.get(name);
        if (s == null) {
            throw new IllegalArgumentException("unknown model '" + name + "'; allowed: " + String.join(", ", names()));
        }
        return s.get();
    }
}
