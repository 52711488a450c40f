package org.fedwan.fl.model;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/** Maps scenario model names to definitions. */
public final class ModelZoo {

    private static final Map<String, Supplier<ModelDefinition>> MODELS = new TreeMap<>();

    static {
        MODELS.put(CnnMnist.NAME, CnnMnist::new);
    }

    private ModelZoo() {
    }

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
