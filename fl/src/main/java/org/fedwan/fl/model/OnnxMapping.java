package org.fedwan.fl.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import onnx.Onnx.AttributeProto;
import onnx.Onnx.NodeProto;

/**
 * Maps an imported ONNX graph onto FedWAN's {@link Block}s, when it is a chain of supported
 * operators, and converts its initializers to the blocks' weight layouts (ONNX operator semantics:
 * onnx/docs/Operators.md, opset 13):
 *
 * <ul>
 * <li>{@code Gemm} (alpha = beta = 1, transA = 0, a bias C) and {@code MatMul} followed by a bias
 *     {@code Add}: {@link Block.Dense}; ONNX {@code B} is {@code [out, in]} with transB = 1
 *     (PyTorch's {@code nn.Linear}) or {@code [in, out]}, ours {@code [in, out]}.</li>
 * <li>{@code Conv} (group 1, stride 1, dilation 1, square kernel, a bias, no padding or padding
 *     {@code (k - 1) / 2} on every side with k odd): {@link Block.Conv}; ONNX weights
 *     {@code [out, in, k, k]}, ours {@code [k, k, in, out]}.</li>
 * <li>{@code BatchNormalization} with epsilon {@value BatchNormStatistics#EPSILON} (PyTorch's
 *     default): {@link Block.BatchNorm}, scale and B as gamma and beta, mean and var as the running
 *     statistics.</li>
 * <li>{@code Relu}; {@code MaxPool} (square window, stride = window, no padding, floor);
 *     {@code Flatten} (axis 1) and {@code Reshape} to {@code [-1 or 0, n]}: {@link Block.Flatten};
 *     {@code Dropout} (ratio from its input or 0.5); {@code Identity}; a last {@code Softmax} or
 *     {@code LogSoftmax} over the classes is left out (FedWAN's output is the softmax of the logits).</li>
 * </ul>
 *
 * Layers are named after the initializer prefixes ({@code fc1.weight} gives layer {@code fc1}).
 */
final class OnnxMapping {

    /** Operator types the mapping supports. */
    static final Set<String> SUPPORTED = Set.of("Gemm", "MatMul", "Add", "Conv", "BatchNormalization", "Relu", "MaxPool",
            "Flatten", "Reshape", "Dropout", "Identity", "Softmax", "LogSoftmax", "Constant");

    /** What the graph's last node does to the logits: nothing, softmax or log-softmax. */
    enum Head { LOGITS, SOFTMAX, LOG_SOFTMAX }

    final List<Block> blocks = new ArrayList<>();
    /** Our tensors ({@code fc1.weight} as {@code [in, out]}, {@code bn1.gamma}, {@code bn1.running_mean}, ...) by name. */
    final Map<String, float[]> values = new HashMap<>();
    /** Why the graph does not map, one entry per offending node; empty when it maps. */
    final List<String> problems = new ArrayList<>();
    /** Operator types outside {@link #SUPPORTED}, in order of first appearance. */
    final Set<String> unsupportedOps = new LinkedHashSet<>();
    Head head = Head.LOGITS;
    int[] inputShape;
    int classes;

    private final OnnxGraph g;
    private final Set<String> layers = new LinkedHashSet<>();
    private String current;
    private int[] shape;

    OnnxMapping(OnnxGraph g) {
        this.g = g;
        for (NodeProto n : g.nodes()) {
            if (!SUPPORTED.contains(n.getOpType())) {
                unsupportedOps.add(n.getOpType());
            }
        }
        if (!unsupportedOps.isEmpty()) {
            problems.add("operators " + String.join(", ", unsupportedOps) + " are not supported");
            return;
        }
        inputShape = inputShape(g.inputDims());
        if (inputShape == null) {
            return;
        }
        shape = inputShape.clone();
        if (g.inputDims().length == 2) {
            blocks.add(new Block.Flatten());
            shape = new int[] {shape[0] * shape[1] * shape[2]};
        }
        current = g.input();
        List<NodeProto> nodes = g.nodes();
        for (int i = 0; i < nodes.size() && problems.isEmpty(); i++) {
            NodeProto n = nodes.get(i);
            if (n.getOpType().equals("Constant")) {
                continue;
            }
            if (n.getInputCount() == 0 || !n.getInput(0).equals(current)) {
                problems.add(where(n) + " does not take the previous node's output: the graph is not a chain");
                break;
            }
            NodeProto next = i + 1 < nodes.size() ? nodes.get(i + 1) : null;
            if (map(n, next)) {
                i++;
            }
            current = n.getOpType().equals("MatMul") && next != null ? next.getOutput(0) : n.getOutput(0);
        }
        if (problems.isEmpty() && !(g.outputs().size() == 1 && g.outputs().get(0).equals(current))) {
            problems.add("the chain ends in '" + current + "', not in the graph's one output " + g.outputs());
        }
        if (problems.isEmpty() && (shape.length != 1)) {
            problems.add("the chain ends in shape " + Arrays.toString(shape) + ", not in class logits");
        }
        if (problems.isEmpty()) {
            classes = shape[0];
        }
    }

    /** Maps one node (and, for MatMul, the bias Add after it: then returns true). */
    private boolean map(NodeProto n, NodeProto next) {
        switch (n.getOpType()) {
            case "Gemm" -> gemm(n);
            case "MatMul" -> {
                matMul(n, next);
                return true;
            }
            case "Conv" -> conv(n);
            case "BatchNormalization" -> batchNorm(n);
            case "Relu" -> blocks.add(new Block.Relu());
            case "MaxPool" -> maxPool(n);
            case "Flatten" -> {
                if (ints(n, "axis", 1)[0] != 1) {
                    problems.add(where(n) + ": axis " + ints(n, "axis", 1)[0] + "; allowed: 1");
                }
                flatten();
            }
            case "Reshape" -> reshape(n);
            case "Dropout" -> dropout(n);
            case "Identity" -> {
            }
            case "Softmax", "LogSoftmax" -> {
                long axis = ints(n, "axis", -1)[0];
                if (!g.outputs().contains(n.getOutput(0)) || shape.length != 1 || (axis != -1 && axis != 1)) {
                    problems.add(where(n) + ": allowed only as the last node, over the classes");
                }
                head = n.getOpType().equals("Softmax") ? Head.SOFTMAX : Head.LOG_SOFTMAX;
            }
            default -> problems.add(where(n) + ": not supported");
        }
        return false;
    }

    private void gemm(NodeProto n) {
        float alpha = floatAttr(n, "alpha", 1f);
        float beta = floatAttr(n, "beta", 1f);
        boolean transB = ints(n, "transB", 0)[0] == 1;
        if (alpha != 1f || beta != 1f || ints(n, "transA", 0)[0] != 0 || n.getInputCount() != 3) {
            problems.add(where(n) + ": allowed: alpha 1, beta 1, transA 0 and a bias C");
            return;
        }
        dense(n, n.getInput(1), n.getInput(2), transB);
    }

    private void matMul(NodeProto n, NodeProto add) {
        if (add == null || !add.getOpType().equals("Add") || add.getInputCount() != 2 || !add.getInput(0).equals(n.getOutput(0))) {
            problems.add(where(n) + ": allowed: MatMul followed by the Add of a bias");
            return;
        }
        dense(n, n.getInput(1), add.getInput(1), false);
    }

    private void dense(NodeProto n, String weight, String bias, boolean transposed) {
        int[] ws = g.floatShapes().get(weight);
        int[] bs = g.floatShapes().get(bias);
        if (ws == null || bs == null || ws.length != 2 || bs.length != 1 || shape.length != 1) {
            problems.add(where(n) + ": allowed: a 2-D weight and 1-D bias initializer after a flattened input");
            return;
        }
        int in = transposed ? ws[1] : ws[0];
        int out = transposed ? ws[0] : ws[1];
        if (in != shape[0] || bs[0] != out) {
            problems.add(where(n) + ": weight " + Arrays.toString(ws) + " does not fit input width " + shape[0]);
            return;
        }
        String prefix = prefix(bias.contains(".") ? bias : weight);
        if (!newLayer(n, prefix)) {
            return;
        }
        float[] w = g.floats().get(weight);
        float[] ours = new float[in * out];
        for (int i = 0; i < in; i++) {
            for (int o = 0; o < out; o++) {
                ours[i * out + o] = transposed ? w[o * in + i] : w[i * out + o];
            }
        }
        values.put(prefix + ".weight", ours);
        values.put(prefix + ".bias", g.floats().get(bias).clone());
        blocks.add(new Block.Dense(prefix, prefix, in, out));
        shape = new int[] {out};
    }

    private void conv(NodeProto n) {
        int[] ws = n.getInputCount() == 3 ? g.floatShapes().get(n.getInput(1)) : null;
        int[] bs = n.getInputCount() == 3 ? g.floatShapes().get(n.getInput(2)) : null;
        if (ws == null || bs == null || ws.length != 4 || ws[2] != ws[3] || shape.length != 3 || ws[1] != shape[0]
                || bs[0] != ws[0]) {
            problems.add(where(n) + ": allowed: a [out, in, k, k] weight and a bias initializer on the previous channels");
            return;
        }
        int out = ws[0];
        int in = ws[1];
        int k = ws[2];
        long[] pads = ints(n, "pads", 0, 0, 0, 0);
        String autoPad = stringAttr(n, "auto_pad", "NOTSET");
        boolean valid = allEqual(pads, 0) && (autoPad.equals("NOTSET") || autoPad.equals("VALID"));
        boolean same = k % 2 == 1 && (autoPad.equals("NOTSET") && allEqual(pads, (k - 1) / 2) || autoPad.startsWith("SAME"));
        if (ints(n, "group", 1)[0] != 1 || !allEqual(ints(n, "strides", 1, 1), 1) || !allEqual(ints(n, "dilations", 1, 1), 1)
                || !(valid || same)) {
            problems.add(where(n) + ": allowed: group 1, strides 1, dilations 1, pads 0 or (k - 1) / 2 with k odd");
            return;
        }
        String prefix = prefix(n.getInput(1));
        if (!newLayer(n, prefix)) {
            return;
        }
        float[] w = g.floats().get(n.getInput(1));
        float[] ours = new float[w.length];
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) {
                for (int y = 0; y < k; y++) {
                    for (int x = 0; x < k; x++) {
                        ours[((y * k + x) * in + i) * out + o] = w[((o * in + i) * k + y) * k + x];
                    }
                }
            }
        }
        values.put(prefix + ".weight", ours);
        values.put(prefix + ".bias", g.floats().get(n.getInput(2)).clone());
        boolean keep = same && !valid;
        blocks.add(new Block.Conv(prefix, prefix, in, out, k, keep));
        shape = keep ? new int[] {out, shape[1], shape[2]} : new int[] {out, shape[1] - k + 1, shape[2] - k + 1};
        if (shape[1] < 1 || shape[2] < 1) {
            problems.add(where(n) + ": the kernel is larger than its input");
        }
    }

    private void batchNorm(NodeProto n) {
        float eps = floatAttr(n, "epsilon", 1e-5f);
        if (n.getInputCount() != 5 || n.getOutputCount() != 1 || Math.abs(eps - BatchNormStatistics.EPSILON) > 1e-9) {
            problems.add(where(n) + ": allowed: inference form (one output), epsilon " + BatchNormStatistics.EPSILON);
            return;
        }
        int c = shape[0];
        for (int i = 1; i < 5; i++) {
            int[] s = g.floatShapes().get(n.getInput(i));
            if (s == null || s.length != 1 || s[0] != c) {
                problems.add(where(n) + ": input '" + n.getInput(i) + "' is not a [" + c + "] initializer");
                return;
            }
        }
        String prefix = prefix(n.getInput(1));
        if (!newLayer(n, prefix)) {
            return;
        }
        values.put(prefix + ".gamma", g.floats().get(n.getInput(1)).clone());
        values.put(prefix + ".beta", g.floats().get(n.getInput(2)).clone());
        values.put(prefix + ".running_mean", g.floats().get(n.getInput(3)).clone());
        values.put(prefix + ".running_var", g.floats().get(n.getInput(4)).clone());
        blocks.add(new Block.BatchNorm(prefix, prefix, c));
    }

    private void maxPool(NodeProto n) {
        long[] k = ints(n, "kernel_shape");
        long[] s = ints(n, "strides", k);
        if (k.length != 2 || k[0] != k[1] || s.length != 2 || s[0] != k[0] || s[1] != k[1]
                || !allEqual(ints(n, "pads", 0, 0, 0, 0), 0) || ints(n, "ceil_mode", 0)[0] != 0
                || !allEqual(ints(n, "dilations", 1, 1), 1) || !stringAttr(n, "auto_pad", "NOTSET").equals("NOTSET")
                || shape.length != 3 || shape[1] < k[0] || shape[2] < k[0]) {
            problems.add(where(n) + ": allowed: a square window, stride = window, no padding, ceil_mode 0");
            return;
        }
        int p = (int) k[0];
        blocks.add(new Block.MaxPool(p));
        shape = new int[] {shape[0], shape[1] / p, shape[2] / p};
    }

    private void flatten() {
        blocks.add(new Block.Flatten());
        int size = 1;
        for (int d : shape) {
            size *= d;
        }
        shape = new int[] {size};
    }

    private void reshape(NodeProto n) {
        long[] target = n.getInputCount() == 2 ? g.integers().get(n.getInput(1)) : null;
        int size = 1;
        for (int d : shape) {
            size *= d;
        }
        if (target == null || target.length != 2 || (target[0] != -1 && target[0] != 0)
                || (target[1] != -1 && target[1] != size) || (target[0] == -1 && target[1] == -1)) {
            problems.add(where(n) + ": allowed: a constant target shape [-1, n] or [0, -1] (flatten)");
            return;
        }
        flatten();
    }

    private void dropout(NodeProto n) {
        double rate = 0.5;
        if (n.getInputCount() > 1 && !n.getInput(1).isEmpty()) {
            float[] r = g.floats().get(n.getInput(1));
            if (r == null || r.length != 1) {
                problems.add(where(n) + ": allowed: a constant ratio");
                return;
            }
            rate = r[0];
        } else {
            rate = floatAttr(n, "ratio", 0.5f);
        }
        blocks.add(new Block.Dropout(n.getName().isEmpty() ? "dropout" + blocks.size() : n.getName(), rate));
    }

    private boolean newLayer(NodeProto n, String prefix) {
        if (!layers.add(prefix)) {
            problems.add(where(n) + ": a second node with parameters '" + prefix + ".*' (shared weights)");
            return false;
        }
        return true;
    }

    /** {c, h, w} of an input {@code [batch, c, h, w]}, or of {@code [batch, n]} with n 784, 1024 or 3072. */
    private int[] inputShape(long[] dims) {
        if (dims.length == 4 && dims[1] > 0 && dims[2] > 0 && dims[3] > 0) {
            return new int[] {(int) dims[1], (int) dims[2], (int) dims[3]};
        }
        if (dims.length == 2) {
            int[] s = switch ((int) dims[1]) {
                case 784 -> new int[] {1, 28, 28};
                case 1024 -> new int[] {1, 32, 32};
                case 3072 -> new int[] {3, 32, 32};
                default -> null;
            };
            if (s != null) {
                return s;
            }
        }
        problems.add("input '" + g.input() + "' has shape " + Arrays.toString(dims)
                + "; allowed: [batch_size, c, h, w], or [batch_size, n] with n 784 (1x28x28), 1024 (1x32x32) or 3072 (3x32x32)");
        return null;
    }

    /** The layer of an initializer: its name up to the last dot ({@code fc1.weight} gives {@code fc1}). */
    static String prefix(String initializer) {
        int dot = initializer.lastIndexOf('.');
        return dot > 0 ? initializer.substring(0, dot) : initializer;
    }

    private static String where(NodeProto n) {
        return n.getOpType() + " '" + n.getName() + "'";
    }

    private static boolean allEqual(long[] v, long x) {
        for (long y : v) {
            if (y != x) {
                return false;
            }
        }
        return true;
    }

    private static long[] ints(NodeProto n, String name, long... fallback) {
        for (AttributeProto a : n.getAttributeList()) {
            if (a.getName().equals(name)) {
                if (a.getIntsCount() > 0) {
                    return a.getIntsList().stream().mapToLong(Long::longValue).toArray();
                }
                return new long[] {a.getI()};
            }
        }
        return fallback;
    }

    private static float floatAttr(NodeProto n, String name, float fallback) {
        return n.getAttributeList().stream().filter(a -> a.getName().equals(name)).findFirst().map(AttributeProto::getF)
                .orElse(fallback);
    }

    private static String stringAttr(NodeProto n, String name, String fallback) {
        return n.getAttributeList().stream().filter(a -> a.getName().equals(name)).findFirst()
                .map(a -> a.getS().toStringUtf8()).orElse(fallback);
    }

    /** Our tensors in layout order, one array per layer of {@code model}; buffers are read by {@link #buffers}. */
    float[][] weights(SequentialModel model) {
        float[][] out = new float[model.layout().layerCount()][];
        for (int l = 0; l < out.length; l++) {
            out[l] = concat(model.layout().layers().get(l).tensors().stream().map(t -> t.name()).toList(),
                    model.layout().layers().get(l).parameterCount());
        }
        return out;
    }

    /** The running statistics of {@code model}'s buffers, concatenated in order. */
    float[] buffers(SequentialModel model) {
        return concat(model.buffers().stream().map(t -> t.name()).toList(), model.bufferSize());
    }

    private float[] concat(List<String> names, int size) {
        float[] out = new float[size];
        int offset = 0;
        for (String name : names) {
            float[] v = values.get(name);
            System.arraycopy(v, 0, out, offset, v.length);
            offset += v.length;
        }
        return out;
    }

    /** For the layout of a graph that does not map: float initializers grouped by prefix, in file order. */
    static Map<String, List<String>> initializerLayers(OnnxGraph g) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String name : g.floats().keySet()) {
            out.computeIfAbsent(prefix(name), k -> new ArrayList<>()).add(name);
        }
        return out;
    }
}
