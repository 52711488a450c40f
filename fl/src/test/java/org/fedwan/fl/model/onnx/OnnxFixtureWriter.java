package org.fedwan.fl.model.onnx;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import onnx.Onnx.AttributeProto;
import onnx.Onnx.AttributeProto.AttributeType;
import onnx.Onnx.GraphProto;
import onnx.Onnx.ModelProto;
import onnx.Onnx.NodeProto;
import onnx.Onnx.OperatorSetIdProto;
import onnx.Onnx.TensorProto;
import onnx.Onnx.TensorShapeProto;
import onnx.Onnx.TypeProto;
import onnx.Onnx.ValueInfoProto;
import org.nd4j.shade.protobuf.ByteString;

/**
 * The project's own script for its ONNX test fixtures: writes {@code ModelProto}s in the form
 * PyTorch's exporter ({@code torch.onnx.export(model, x, "m.onnx", input_names=["input"],
 * output_names=["output"], dynamic_axes={"input": {0: "batch_size"}}, opset_version=13)}) gives
 * them: IR version 7, opset 13, an input {@code input} of shape {@code [batch_size, c, h, w]},
 * initializers {@code fc1.weight} ({@code [out, in]}, as {@code nn.Linear} holds it) and
 * {@code fc1.bias} as little-endian {@code raw_data}, {@code Gemm} with {@code transB = 1},
 * {@code Conv} weights {@code [out, in, k, k]} with explicit {@code pads}, {@code Flatten} with
 * {@code axis = 1}, node names like {@code /fc1/Gemm}. Weights are PyTorch's default initial
 * values' distribution, U(-1/sqrt(fanIn), 1/sqrt(fanIn)), drawn from a fixed seed, so every run
 * writes the same bytes.
 *
 * <p>Run: {@code tools/onnx-fixtures.sh} ({@code mvn -pl fl exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.fedwan.fl.model.onnx.OnnxFixtureWriter -Dexec.args=FOLDER} after test-compile);
 * {@code OnnxModelTest} checks that the committed files
 * equal what this writes.
 */
public final class OnnxFixtureWriter {

    /** The fixtures: file name and model. */
    public static final List<String> FILES = List.of("mlp.onnx", "cnn.onnx", "tanh-mlp.onnx", "bn-mlp.onnx");

    private static final long IR_VERSION = 7;
    private static final long OPSET = 13;
    private static final int FLOAT = TensorProto.DataType.FLOAT.getNumber();

    private OnnxFixtureWriter() {
    }

    /** Writes every fixture into the folder {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "fl/src/test/resources/onnx");
        Files.createDirectories(dir);
        for (String f : FILES) {
            Files.write(dir.resolve(f), bytes(f));
        }
    }

    /** The bytes of fixture {@code file}. */
    public static byte[] bytes(String file) {
        return switch (file) {
            case "mlp.onnx" -> mlp(false).toByteArray();
            case "tanh-mlp.onnx" -> mlp(true).toByteArray();
            case "cnn.onnx" -> cnn().toByteArray();
            case "bn-mlp.onnx" -> bnMlp().toByteArray();
            default -> throw new IllegalArgumentException("unknown fixture " + file + "; allowed: " + FILES);
        };
    }

    /**
     * {@code nn.Sequential(nn.Flatten(), nn.Linear(784, 16), nn.ReLU(), nn.Linear(16, 10))} on
     * 1x28x28 images (12,730 parameters); with {@code tanh}, {@code Tanh} in place of the ReLU,
     * an activation the mapping onto blocks does not support.
     */
    static ModelProto mlp(boolean tanh) {
        SplittableRandom r = new SplittableRandom(tanh ? 2 : 1);
        GraphProto.Builder g = GraphProto.newBuilder().setName("main_graph");
        g.addInput(input(1, 28, 28));
        g.addNode(node("Flatten", "/flatten/Flatten", List.of("input"), "/flatten/Flatten_output_0", intAttr("axis", 1)));
        linear(g, r, "fc1", 784, 16, "/flatten/Flatten_output_0", "/fc1/Gemm_output_0");
        String act = tanh ? "Tanh" : "Relu";
        g.addNode(node(act, "/act/" + act, List.of("/fc1/Gemm_output_0"), "/act/" + act + "_output_0"));
        linear(g, r, "fc2", 16, 10, "/act/" + act + "_output_0", "output");
        g.addOutput(output(10));
        return model(g);
    }

    /**
     * conv1 (1 to 4 channels, 3x3, padding 1) + ReLU + max-pool 2, conv2 (4 to 8, 3x3, no padding)
     * + ReLU + max-pool 2, flatten, fc (8x6x6 = 288 to 10), on 1x28x28 images (3,226 parameters).
     */
    static ModelProto cnn() {
        SplittableRandom r = new SplittableRandom(3);
        GraphProto.Builder g = GraphProto.newBuilder().setName("main_graph");
        g.addInput(input(1, 28, 28));
        conv(g, r, "conv1", 1, 4, 3, 1, "input", "/conv1/Conv_output_0");
        g.addNode(node("Relu", "/relu1/Relu", List.of("/conv1/Conv_output_0"), "/relu1/Relu_output_0"));
        g.addNode(pool("/pool1/MaxPool", "/relu1/Relu_output_0", "/pool1/MaxPool_output_0"));
        conv(g, r, "conv2", 4, 8, 3, 0, "/pool1/MaxPool_output_0", "/conv2/Conv_output_0");
        g.addNode(node("Relu", "/relu2/Relu", List.of("/conv2/Conv_output_0"), "/relu2/Relu_output_0"));
        g.addNode(pool("/pool2/MaxPool", "/relu2/Relu_output_0", "/pool2/MaxPool_output_0"));
        g.addNode(node("Flatten", "/flatten/Flatten", List.of("/pool2/MaxPool_output_0"), "/flatten/Flatten_output_0",
                intAttr("axis", 1)));
        linear(g, r, "fc", 288, 10, "/flatten/Flatten_output_0", "output");
        g.addOutput(output(10));
        return model(g);
    }

    /**
     * A flattened input {@code [batch_size, 784]}, {@code fc1} as PyTorch exports a linear layer
     * through {@code MatMul} and {@code Add} (the weight a transposed constant named
     * {@code onnx::MatMul_21}), {@code nn.BatchNorm1d(16)} with running statistics, ReLU, a
     * {@code Reshape} to {@code [-1, 16]} by a {@code Constant} shape, {@code fc2} ({@code Gemm}) and
     * a final {@code Softmax} (12,762 parameters and 32 running statistics).
     */
    static ModelProto bnMlp() {
        SplittableRandom r = new SplittableRandom(4);
        GraphProto.Builder g = GraphProto.newBuilder().setName("main_graph");
        TensorShapeProto.Builder s = TensorShapeProto.newBuilder();
        s.addDimBuilder().setDimParam("batch_size");
        s.addDimBuilder().setDimValue(784);
        g.addInput(valueInfo("input", s));
        double bound = 1 / Math.sqrt(784);
        g.addInitializer(tensor("onnx::MatMul_21", uniform(r, 784 * 16, bound), 784, 16));
        g.addInitializer(tensor("fc1.bias", uniform(r, 16, bound), 16));
        g.addNode(node("MatMul", "/fc1/MatMul", List.of("input", "onnx::MatMul_21"), "/fc1/MatMul_output_0"));
        g.addNode(node("Add", "/fc1/Add", List.of("/fc1/MatMul_output_0", "fc1.bias"), "/fc1/Add_output_0"));
        float[] var = uniform(r, 16, 0.5);
        for (int i = 0; i < var.length; i++) {
            var[i] += 1f;
        }
        g.addInitializer(tensor("bn1.weight", shifted(uniform(r, 16, 0.2), 1f), 16));
        g.addInitializer(tensor("bn1.bias", uniform(r, 16, 0.1), 16));
        g.addInitializer(tensor("bn1.running_mean", uniform(r, 16, 0.1), 16));
        g.addInitializer(tensor("bn1.running_var", var, 16));
        g.addNode(node("BatchNormalization", "/bn1/BatchNormalization",
                List.of("/fc1/Add_output_0", "bn1.weight", "bn1.bias", "bn1.running_mean", "bn1.running_var"),
                "/bn1/BatchNormalization_output_0", floatAttr("epsilon", 1e-5f), floatAttr("momentum", 0.9f)));
        g.addNode(node("Relu", "/relu/Relu", List.of("/bn1/BatchNormalization_output_0"), "/relu/Relu_output_0"));
        TensorProto shape = TensorProto.newBuilder().setDataType(TensorProto.DataType.INT64.getNumber()).addDims(2)
                .addInt64Data(-1).addInt64Data(16).build();
        g.addNode(NodeProto.newBuilder().setOpType("Constant").setName("/Constant").addOutput("/Constant_output_0")
                .addAttribute(AttributeProto.newBuilder().setName("value").setType(AttributeType.TENSOR).setT(shape)).build());
        g.addNode(node("Reshape", "/Reshape", List.of("/relu/Relu_output_0", "/Constant_output_0"), "/Reshape_output_0"));
        linear(g, r, "fc2", 16, 10, "/Reshape_output_0", "/fc2/Gemm_output_0");
        g.addNode(node("Softmax", "/softmax/Softmax", List.of("/fc2/Gemm_output_0"), "output", intAttr("axis", 1)));
        g.addOutput(output(10));
        return model(g);
    }

    private static float[] shifted(float[] v, float by) {
        for (int i = 0; i < v.length; i++) {
            v[i] += by;
        }
        return v;
    }

    private static ModelProto model(GraphProto.Builder g) {
        return ModelProto.newBuilder().setIrVersion(IR_VERSION).setProducerName("pytorch").setProducerVersion("1.13.1")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setGraph(g).build();
    }

    private static void linear(GraphProto.Builder g, SplittableRandom r, String name, int in, int out, String x, String y) {
        double bound = 1 / Math.sqrt(in);
        g.addInitializer(tensor(name + ".weight", uniform(r, out * in, bound), out, in));
        g.addInitializer(tensor(name + ".bias", uniform(r, out, bound), out));
        g.addNode(node("Gemm", "/" + name + "/Gemm", List.of(x, name + ".weight", name + ".bias"), y,
                floatAttr("alpha", 1f), floatAttr("beta", 1f), intAttr("transB", 1)));
    }

    private static void conv(GraphProto.Builder g, SplittableRandom r, String name, int in, int out, int k, int pad, String x,
            String y) {
        double bound = 1 / Math.sqrt(in * k * k);
        g.addInitializer(tensor(name + ".weight", uniform(r, out * in * k * k, bound), out, in, k, k));
        g.addInitializer(tensor(name + ".bias", uniform(r, out, bound), out));
        g.addNode(node("Conv", "/" + name + "/Conv", List.of(x, name + ".weight", name + ".bias"), y,
                intsAttr("dilations", 1, 1), intAttr("group", 1), intsAttr("kernel_shape", k, k),
                intsAttr("pads", pad, pad, pad, pad), intsAttr("strides", 1, 1)));
    }

    private static NodeProto pool(String name, String x, String y) {
        return node("MaxPool", name, List.of(x), y, intAttr("ceil_mode", 0), intsAttr("kernel_shape", 2, 2),
                intsAttr("pads", 0, 0, 0, 0), intsAttr("strides", 2, 2));
    }

    private static float[] uniform(SplittableRandom r, int n, double bound) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) ((2 * r.nextDouble() - 1) * bound);
        }
        return v;
    }

    private static TensorProto tensor(String name, float[] values, long... dims) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(FLOAT)
                .setRawData(ByteString.copyFrom(b.array()));
        for (long d : dims) {
            t.addDims(d);
        }
        return t.build();
    }

    private static NodeProto node(String op, String name, List<String> inputs, String output, AttributeProto... attrs) {
        NodeProto.Builder n = NodeProto.newBuilder().setOpType(op).setName(name).addOutput(output);
        inputs.forEach(n::addInput);
        for (AttributeProto a : attrs) {
            n.addAttribute(a);
        }
        return n.build();
    }

    private static AttributeProto intAttr(String name, long v) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeType.INT).setI(v).build();
    }

    private static AttributeProto floatAttr(String name, float v) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeType.FLOAT).setF(v).build();
    }

    private static AttributeProto intsAttr(String name, long... v) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeType.INTS);
        for (long x : v) {
            a.addInts(x);
        }
        return a.build();
    }

    private static ValueInfoProto input(int c, int h, int w) {
        TensorShapeProto.Builder s = TensorShapeProto.newBuilder();
        s.addDimBuilder().setDimParam("batch_size");
        s.addDimBuilder().setDimValue(c);
        s.addDimBuilder().setDimValue(h);
        s.addDimBuilder().setDimValue(w);
        return valueInfo("input", s);
    }

    private static ValueInfoProto output(int classes) {
        TensorShapeProto.Builder s = TensorShapeProto.newBuilder();
        s.addDimBuilder().setDimParam("batch_size");
        s.addDimBuilder().setDimValue(classes);
        return valueInfo("output", s);
    }

    private static ValueInfoProto valueInfo(String name, TensorShapeProto.Builder shape) {
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder()
                .setTensorType(TypeProto.Tensor.newBuilder().setElemType(FLOAT).setShape(shape))).build();
    }
}
