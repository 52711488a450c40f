package org.fedwan.fl.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model described in a scenario as a list of layers (the {@code layers:} key), e.g.
 *
 * <pre>
 * layers:
 *   - conv: {filters: 32, kernel: 5, padding: same}
 *   - activation: relu
 *   - pool: {size: 2}
 *   - batch_norm: {}
 *   - dropout: 0.25
 *   - dense: 128
 *   - activation: relu
 *   - dense: 10
 * </pre>
 *
 * The list is read without knowing the data set ({@link #parse}); {@link #model} then infers every
 * shape from the data set's input geometry and gives a {@link SequentialModel}, so layout, seeded
 * initial weights (He-normal, as every model), FLOPs and graph follow as for the zoo's models.
 *
 * <ul>
 * <li>{@code conv}: 2-D convolution, stride 1, {@code filters} output channels, a square
 *     {@code kernel}, {@code padding} {@code valid} (none, the default, PyTorch's and Keras's) or
 *     {@code same} (odd kernels: {@code (kernel - 1) / 2} on each side).</li>
 * <li>{@code pool}: max pooling, a square window of {@code size} with the same stride (floor).</li>
 * <li>{@code dense}: fully connected, its width; a flatten (channel-major, PyTorch's
 *     {@code flatten(1)}) is inserted before a dense layer whose input is still an image.</li>
 * <li>{@code batch_norm}: over channels after a convolution, over features after a dense layer;
 *     momentum {@value BatchNormStatistics#MOMENTUM}, epsilon {@value BatchNormStatistics#EPSILON}
 *     (PyTorch's defaults).</li>
 * <li>{@code dropout}: inverted dropout with the given rate in [0, 1), off in evaluation.</li>
 * <li>{@code activation}: {@code relu} only: the trainer differentiates the graph with SameDiff,
 *     and no other activation is offered until it has a gradient-check test.</li>
 * <li>{@code flatten}: explicit flatten of an image.</li>
 * </ul>
 *
 * Layout layers are named as the seed models name theirs: convolutions {@code conv1},
 * {@code conv2}, ..., dense layers {@code fc1}, {@code fc2}, ...; a batch normalisation
 * ({@code bn1}, {@code bn2}, ...) belongs to the layout layer of the convolution or dense layer
 * before it (its own layer {@code bnK} when there is none), as in {@link SeedModels#cnnMnistOctav}.
 *
 * @param entries the layers, in order
 */
public record LayerList(List<Entry> entries) {

    /** The model's name: a scenario's {@code model} when its model is a layer list. */
    public static final String NAME = "layers";
    /** Most entries of a list: 40 times the 23 blocks of the largest seed model ({@code vgg-cifar-qrr}). */
    public static final int MAX_ENTRIES = 1000;
    /** Largest number of filters or dense width, the hidden-width cap of the {@code mlp:} family. */
    public static final int MAX_WIDTH = MlpFamily.MAX_WIDTH;
    /**
     * Largest kernel or pooling window, before the data set is known: above the side of every
     * catalog image (28, 32); the data set's input then bounds it exactly.
     */
    public static final int MAX_WINDOW = 1024;
    /** The activations offered. */
    public static final List<String> ACTIVATIONS = List.of("relu");
    /** The entry types, in the order the reference lists them. */
    public static final List<String> TYPES = List.of("conv", "pool", "dense", "batch_norm", "dropout", "activation", "flatten");
    /** What a layer list may be, for error messages and the reference. */
    public static final String ALLOWED = "a list of layers, one per entry: conv: {filters: N, kernel: K, padding: valid|same}, "
            + "pool: {size: S} (max pooling), dense: WIDTH, batch_norm: {}, dropout: RATE, activation: relu, flatten: {}; "
            + "the last dense layer's width is the number of classes";

    /** One layer of the list. */
    public sealed interface Entry {
        /** The entry's type as written, e.g. {@code conv}. */
        String type();

        /** The entry's argument as a scenario file writes it (a number, text or mapping). */
        Object argument();
    }

    /**
     * 2-D convolution, stride 1.
     *
     * @param filters output channels
     * @param kernel  side of the square kernel
     * @param same    {@code true}: padding {@code same}; {@code false}: {@code valid}
     */
    public record Conv(int filters, int kernel, boolean same) implements Entry {
        @Override
        public String type() {
            return "conv";
        }

        @Override
        public Object argument() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("filters", filters);
            m.put("kernel", kernel);
            m.put("padding", same ? "same" : "valid");
            return m;
        }
    }

    /** @param size side of the square max-pooling window, also its stride */
    public record Pool(int size) implements Entry {
        @Override
        public String type() {
            return "pool";
        }

        @Override
        public Object argument() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("size", size);
            return m;
        }
    }

    /** @param units width of the fully connected layer */
    public record Dense(int units) implements Entry {
        @Override
        public String type() {
            return "dense";
        }

        @Override
        public Object argument() {
            return units;
        }
    }

    /** Batch normalisation over the channels or features before it. */
    public record BatchNorm() implements Entry {
        @Override
        public String type() {
            return "batch_norm";
        }

        @Override
        public Object argument() {
            return new LinkedHashMap<String, Object>();
        }
    }

    /** @param rate probability of dropping a value in training, in [0, 1) */
    public record Dropout(double rate) implements Entry {
        @Override
        public String type() {
            return "dropout";
        }

        @Override
        public Object argument() {
            return rate;
        }
    }

    /** @param function the activation, one of {@link #ACTIVATIONS} */
    public record Activation(String function) implements Entry {
        @Override
        public String type() {
            return "activation";
        }

        @Override
        public Object argument() {
            return function;
        }
    }

    /** Explicit flatten of an image to its channel-major values. */
    public record Flatten() implements Entry {
        @Override
        public String type() {
            return "flatten";
        }

        @Override
        public Object argument() {
            return new LinkedHashMap<String, Object>();
        }
    }

    /**
     * @throws IllegalArgumentException if {@code entries} is empty
     */
    public LayerList {
        entries = List.copyOf(entries);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("a layer list needs at least one entry");
        }
    }

    /**
     * Reads a list as a YAML or JSON parser gives it: a list whose entries are one-key mappings
     * (type to argument), or the bare names {@code batch_norm} and {@code flatten}.
     *
     * @param raw the plain value (List, Map, String, Number, Boolean or null)
     * @param key the scenario key, the start of every path in errors ({@code layers})
     * @throws LayerListException naming the entry, its key path, the value and what is allowed
     */
    public static LayerList parse(Object raw, String key) {
        return LayerListParser.parse(raw, key);
    }

    /**
     * The list as a scenario file writes it: one single-key mapping (type to argument) per entry,
     * in canonical form ({@code conv} with all three keys); {@link #parse} reads it back equal.
     */
    public List<Object> toPlain() {
        List<Object> out = new ArrayList<>();
        for (Entry e : entries) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put(e.type(), e.argument());
            out.add(m);
        }
        return out;
    }

    /**
     * The model on inputs of {@code inputShape}, shapes inferred entry by entry.
     *
     * @param key           the scenario key, the start of every path in errors ({@code layers})
     * @param inputShape    the data set's {channels, height, width}
     * @param classes       the data set's classes: the width of the last dense layer
     * @param maxParameters most parameters in all (the layout's, batch-norm gamma and beta included)
     * @throws LayerListException naming the entry that does not fit, its key path, its value and what is allowed
     */
    public SequentialModel model(String key, int[] inputShape, int classes, long maxParameters) {
        List<Block> blocks = new ArrayList<>();
        int[] shape = inputShape.clone();
        String flatBy = "the input";
        String lastLayer = null;
        int convs = 0;
        int denses = 0;
        int norms = 0;
        int dropouts = 0;
        int lastDense = -1;
        long parameters = 0;
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            String at = key + "[" + i + "]." + e.type();
            if (e instanceof Conv c) {
                requireImage(shape, i, at, c.argument(), flatBy);
                int side = Math.min(shape[1], shape[2]);
                if (c.kernel() > side) {
                    throw new LayerListException(i, at + ".kernel", String.valueOf(c.kernel()), "larger than the input here ("
                            + text(shape) + "); allowed: 1 to " + side);
                }
                parameters = add(parameters, (long) c.kernel() * c.kernel() * shape[0] * c.filters() + c.filters(),
                        maxParameters, i, at + ".filters", String.valueOf(c.filters()));
                String name = "conv" + (++convs);
                blocks.add(new Block.Conv(name, name, shape[0], c.filters(), c.kernel(), c.same()));
                lastLayer = name;
                int h = c.same() ? shape[1] : shape[1] - c.kernel() + 1;
                int w = c.same() ? shape[2] : shape[2] - c.kernel() + 1;
                shape = new int[] {c.filters(), h, w};
            } else if (e instanceof Pool p) {
                requireImage(shape, i, at, p.argument(), flatBy);
                int side = Math.min(shape[1], shape[2]);
                if (p.size() > side) {
                    throw new LayerListException(i, at + ".size", String.valueOf(p.size()), "larger than the input here ("
                            + text(shape) + "); allowed: 1 to " + side);
                }
                blocks.add(new Block.MaxPool(p.size()));
                shape = new int[] {shape[0], shape[1] / p.size(), shape[2] / p.size()};
            } else if (e instanceof Dense d) {
                if (shape.length == 3) {
                    blocks.add(new Block.Flatten());
                    shape = new int[] {shape[0] * shape[1] * shape[2]};
                }
                parameters = add(parameters, (long) shape[0] * d.units() + d.units(), maxParameters, i, at,
                        String.valueOf(d.units()));
                String name = "fc" + (++denses);
                blocks.add(new Block.Dense(name, name, shape[0], d.units()));
                lastLayer = name;
                lastDense = i;
                shape = new int[] {d.units()};
                flatBy = key + "[" + i + "].dense";
            } else if (e instanceof BatchNorm) {
                String prefix = "bn" + (++norms);
                parameters = add(parameters, 2L * shape[0], maxParameters, i, key + "[" + i + "].batch_norm", "{}");
                blocks.add(new Block.BatchNorm(lastLayer != null ? lastLayer : prefix, prefix, shape[0]));
            } else if (e instanceof Dropout d) {
                blocks.add(new Block.Dropout("dropout" + (++dropouts), d.rate()));
            } else if (e instanceof Activation) {
                blocks.add(new Block.Relu());
            } else if (e instanceof Flatten) {
                requireImage(shape, i, at, "{}", flatBy);
                blocks.add(new Block.Flatten());
                shape = new int[] {shape[0] * shape[1] * shape[2]};
                flatBy = key + "[" + i + "].flatten";
            }
        }
        if (shape.length != 1 || shape[0] != classes) {
            if (lastDense >= 0 && shape.length == 1) {
                throw new LayerListException(lastDense, key + "[" + lastDense + "].dense", String.valueOf(shape[0]),
                        "the last dense layer gives the logits; allowed: " + classes + " (the classes of the data set)");
            }
            throw new LayerListException(-1, key, "a list", "ends with values of shape " + text(shape)
                    + "; allowed: a list ending with dense: " + classes + " (the logits, one per class of the data set)");
        }
        return new SequentialModel(NAME, inputShape, classes, blocks);
    }

    private static void requireImage(int[] shape, int entry, String at, Object value, String flatBy) {
        if (shape.length != 3) {
            throw new LayerListException(entry, at, String.valueOf(value), "the input here is flat (" + shape[0]
                    + " values, after " + flatBy + "); allowed: conv, pool and flatten only before the first dense or flatten");
        }
    }

    private static long add(long parameters, long more, long max, int entry, String at, String value) {
        long total = parameters + more;
        if (total > max) {
            throw new LayerListException(entry, at, value, "brings the model to " + total + " parameters; allowed: at most "
                    + max + " in all");
        }
        return total;
    }

    private static String text(int[] shape) {
        return String.join("x", Arrays.stream(shape).mapToObj(String::valueOf).toList());
    }
}
