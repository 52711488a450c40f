package org.fedwan.fl.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import onnx.Onnx.GraphProto;
import onnx.Onnx.ModelProto;
import onnx.Onnx.NodeProto;
import onnx.Onnx.TensorProto;
import onnx.Onnx.TensorShapeProto;
import onnx.Onnx.ValueInfoProto;
import org.nd4j.shade.protobuf.InvalidProtocolBufferException;

/**
 * What FedWAN reads of an ONNX model ({@code ModelProto}, onnx/onnx.proto, IR version 3 or later):
 * the graph's one data input and its shape, its outputs, its nodes in order, and its initializers:
 * float tensors (the parameters) and integer tensors (constants such as a {@code Reshape}'s target
 * shape), including the values of {@code Constant} nodes. Parsed with the ONNX protobuf classes that
 * ship with ND4J 1.0.0-M2.1 ({@code onnx.Onnx}, the classes samediff-import-onnx reads with).
 *
 * @param input        name of the data input (a graph input that is not an initializer)
 * @param inputDims    its dimensions, the batch dimension first ({@code -1} when symbolic, e.g. {@code batch_size})
 * @param outputs      names of the graph outputs
 * @param nodes        the nodes, in the file's (topological) order
 * @param floats       float initializers by name, in file order (values row-major, as ONNX stores them)
 * @param floatShapes  their shapes (rank 0 read as {@code [1]})
 * @param integers     integer constants by name (initializers and {@code Constant} nodes)
 */
record OnnxGraph(String input, long[] inputDims, List<String> outputs, List<NodeProto> nodes, Map<String, float[]> floats,
        Map<String, int[]> floatShapes, Map<String, long[]> integers) {

    private static final int FLOAT = TensorProto.DataType.FLOAT.getNumber();
    private static final Set<Integer> INTEGER_TYPES = Set.of(TensorProto.DataType.INT64.getNumber(),
            TensorProto.DataType.INT32.getNumber());

    /**
     * Parses {@code bytes}, the content of {@code file}.
     *
     * @throws IllegalArgumentException starting with {@code file}, saying what is wrong
     */
    static OnnxGraph parse(byte[] bytes, String file) {
        ModelProto m;
        try {
            m = ModelProto.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw bad(file, "not a readable ONNX model (truncated or not protobuf: " + e.getMessage() + ")");
        }
        if (m.getIrVersion() < 3 || !m.hasGraph() || m.getGraph().getNodeCount() == 0) {
            throw bad(file, "not an ONNX model (IR version " + m.getIrVersion() + ", " + (m.hasGraph()
                    ? m.getGraph().getNodeCount() + " nodes" : "no graph") + ")");
        }
        GraphProto g = m.getGraph();
        Map<String, float[]> floats = new LinkedHashMap<>();
        Map<String, int[]> shapes = new LinkedHashMap<>();
        Map<String, long[]> integers = new LinkedHashMap<>();
        for (TensorProto t : g.getInitializerList()) {
            read(t, t.getName(), file, floats, shapes, integers);
        }
        for (NodeProto n : g.getNodeList()) {
            if (n.getOpType().equals("Constant") && n.getOutputCount() == 1) {
                n.getAttributeList().stream().filter(a -> a.getName().equals("value") && a.hasT()).findFirst()
                        .ifPresent(a -> read(a.getT(), n.getOutput(0), file, floats, shapes, integers));
            }
        }
        List<ValueInfoProto> inputs = new ArrayList<>();
        Set<String> constants = new LinkedHashSet<>(floats.keySet());
        constants.addAll(integers.keySet());
        for (ValueInfoProto v : g.getInputList()) {
            if (!constants.contains(v.getName())) {
                inputs.add(v);
            }
        }
        if (inputs.size() != 1) {
            throw bad(file, inputs.size() + " data inputs; allowed: one (the images, e.g. 'input' of shape [batch_size, c, h, w])");
        }
        ValueInfoProto in = inputs.get(0);
        TensorShapeProto s = in.getType().getTensorType().getShape();
        long[] dims = new long[s.getDimCount()];
        for (int i = 0; i < dims.length; i++) {
            TensorShapeProto.Dimension d = s.getDim(i);
            dims[i] = d.hasDimValue() && d.getDimValue() > 0 ? d.getDimValue() : -1;
        }
        List<String> outputs = new ArrayList<>();
        g.getOutputList().forEach(o -> outputs.add(o.getName()));
        return new OnnxGraph(in.getName(), dims, List.copyOf(outputs), List.copyOf(g.getNodeList()), floats, shapes, integers);
    }

    private static void read(TensorProto t, String name, String file, Map<String, float[]> floats, Map<String, int[]> shapes,
            Map<String, long[]> integers) {
        if (t.getDataLocation() == TensorProto.DataLocation.EXTERNAL) {
            throw bad(file, "tensor '" + name + "' is stored in an external file; allowed: tensors inside the model "
                    + "(export with torch.onnx.export, which keeps models under 2 GB in one file)");
        }
        long count = 1;
        int[] shape = new int[Math.max(1, t.getDimsCount())];
        shape[0] = 1;
        for (int i = 0; i < t.getDimsCount(); i++) {
            long d = t.getDims(i);
            if (d < 1 || d > Integer.MAX_VALUE) {
                throw bad(file, "tensor '" + name + "' has dimension " + d + "; allowed: 1 to " + Integer.MAX_VALUE);
            }
            shape[i] = (int) d;
            count *= d;
        }
        if (count > Integer.MAX_VALUE - 8) {
            throw bad(file, "tensor '" + name + "' has " + count + " values; allowed: at most " + (Integer.MAX_VALUE - 8));
        }
        int n = (int) count;
        if (t.getDataType() == FLOAT) {
            float[] v = new float[n];
            if (!t.getRawData().isEmpty()) {
                requireBytes(t, name, file, 4L * n);
                t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
            } else if (t.getFloatDataCount() == n) {
                for (int i = 0; i < n; i++) {
                    v[i] = t.getFloatData(i);
                }
            } else {
                throw bad(file, "tensor '" + name + "' holds " + t.getFloatDataCount() + " values for shape of " + n);
            }
            floats.put(name, v);
            shapes.put(name, shape);
        } else if (INTEGER_TYPES.contains(t.getDataType())) {
            boolean int64 = t.getDataType() == TensorProto.DataType.INT64.getNumber();
            long[] v = new long[n];
            if (!t.getRawData().isEmpty()) {
                requireBytes(t, name, file, (int64 ? 8L : 4L) * n);
                ByteBuffer b = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
                for (int i = 0; i < n; i++) {
                    v[i] = int64 ? b.getLong() : b.getInt();
                }
            } else {
                int have = int64 ? t.getInt64DataCount() : t.getInt32DataCount();
                if (have != n) {
                    throw bad(file, "tensor '" + name + "' holds " + have + " values for shape of " + n);
                }
                for (int i = 0; i < n; i++) {
                    v[i] = int64 ? t.getInt64Data(i) : t.getInt32Data(i);
                }
            }
            integers.put(name, v);
        } else {
            throw bad(file, "tensor '" + name + "' has ONNX data type " + TensorProto.DataType.forNumber(t.getDataType())
                    + "; allowed: FLOAT parameters (export the model in float32) and INT64/INT32 constants");
        }
    }

    private static void requireBytes(TensorProto t, String name, String file, long bytes) {
        if (t.getRawData().size() != bytes) {
            throw bad(file, "tensor '" + name + "' holds " + t.getRawData().size() + " bytes; its shape needs " + bytes);
        }
    }

    static IllegalArgumentException bad(String file, String what) {
        return new IllegalArgumentException(file + ": " + what);
    }
}
