package org.fedwan.fl.model;

import java.util.ArrayList;
import java.util.List;
import org.fedwan.fl.model.Block.Dense;
import org.fedwan.fl.model.Block.Flatten;
import org.fedwan.fl.model.Block.Relu;

/**
 * The parametric family of multilayer perceptrons, named by their widths: {@code mlp:784-200-10}
 * is input 784 (1x28x28 flattened), one hidden layer of 200 with ReLU, output 10 (the
 * architecture of seed 004's {@code mlp-mnist-qrr}, under its own name). Layers {@code fc1},
 * {@code fc2}, ... each hold a dense weight and bias; ReLU follows every layer but the last. The
 * input width fixes the input geometry: 784 = 1x28x28, 1024 = 1x32x32, 3072 = 3x32x32 (other data
 * sets are fitted by {@link InputAdaptation}); the output width is 10, the classes of every data
 * set of the catalog.
 */
public final class MlpFamily {

    /** Prefix of the family's names. */
    public static final String PREFIX = "mlp:";
    /** Largest hidden width. */
    public static final int MAX_WIDTH = 100_000;
    /** Largest number of hidden layers. */
    public static final int MAX_HIDDEN_LAYERS = 32;
    /** What a name of the family may be, for error messages and the reference. */
    public static final String ALLOWED = "mlp:IN-H1-...-10: widths joined by '-', IN one of 784 (1x28x28), 1024 (1x32x32) "
            + "or 3072 (3x32x32), up to " + MAX_HIDDEN_LAYERS + " hidden widths from 1 to " + MAX_WIDTH
            + ", output 10; e.g. mlp:784-200-10";

    private static final int CLASSES = 10;

    private MlpFamily() {
    }

    /** Whether {@code name} asks for this family (whether or not it is a valid member). */
    public static boolean isFamily(String name) {
        return name.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    /**
     * The widths of a name of the family.
     *
     * @throws IllegalArgumentException saying what is allowed and what is wrong
     */
    public static int[] widths(String name) {
        if (!isFamily(name)) {
            throw problem("'" + name + "' does not start with " + PREFIX);
        }
        String[] parts = name.substring(PREFIX.length()).split("-", -1);
        if (parts.length < 2 || parts.length > MAX_HIDDEN_LAYERS + 2) {
            throw problem(parts.length + " widths");
        }
        int[] widths = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                widths[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw problem("'" + parts[i] + "' is not a whole number");
            }
        }
        inputShape(widths[0], name);
        if (widths[widths.length - 1] != CLASSES) {
            throw problem("output width " + widths[widths.length - 1]);
        }
        for (int i = 1; i < widths.length - 1; i++) {
            if (widths[i] < 1 || widths[i] > MAX_WIDTH) {
                throw problem("hidden width " + widths[i]);
            }
        }
        return widths;
    }

    /** The canonical name of a member: {@code mlp:} and the widths, lower case, no spaces. */
    public static String canonical(String name) {
        int[] w = widths(name);
        List<String> parts = new ArrayList<>();
        for (int x : w) {
            parts.add(String.valueOf(x));
        }
        return PREFIX + String.join("-", parts);
    }

    /** The member named {@code name}. */
    public static SequentialModel create(String name) {
        int[] w = widths(name);
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Flatten());
        for (int i = 1; i < w.length; i++) {
            String layer = "fc" + i;
            blocks.add(new Dense(layer, layer, w[i - 1], w[i]));
            if (i < w.length - 1) {
                blocks.add(new Relu());
            }
        }
        return new SequentialModel(canonical(name), inputShape(w[0], name), CLASSES, blocks);
    }

    /** The error for a name that is not a member: what is allowed, then what is wrong. */
    private static IllegalArgumentException problem(String reason) {
        return new IllegalArgumentException("allowed: " + ALLOWED + " (here: " + reason + ")");
    }

    private static int[] inputShape(int width, String name) {
        return switch (width) {
            case 784 -> new int[] {1, 28, 28};
            case 1024 -> new int[] {1, 32, 32};
            case 3072 -> new int[] {3, 32, 32};
            default -> throw problem("input width " + width);
        };
    }
}
