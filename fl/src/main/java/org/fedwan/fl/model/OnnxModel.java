package org.fedwan.fl.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.fedwan.compression.LayerSpec;
import org.fedwan.compression.ModelLayout;
import org.fedwan.compression.TensorSpec;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * A model brought as an ONNX file ({@code model: onnx:PATH}), e.g. exported from PyTorch with
 * {@code torch.onnx.export(..., opset_version=13)} (docs/fl.md, "Bring your own model (ONNX)").
 *
 * <p>When the graph is a chain of the operators {@link OnnxMapping} supports, it becomes a
 * {@link SequentialModel} whose initial weights (and batch-norm running statistics) are the
 * file's initializers, converted to FedWAN's layouts; it then trains, is coded and is aggregated
 * exactly as the zoo's models, and its initial weights do not depend on the seed. Otherwise the
 * file is accepted for accounting and network-only runs ({@code training: none}): its layout is
 * its float initializers, one layer per name prefix ({@code fc1.weight}, {@code fc1.bias} form
 * layer {@code fc1}), tensors in ONNX's shapes; building its graph for training is refused,
 * naming what blocks it (SameDiff 1.0.0-M2.1 cannot differentiate the graphs samediff-import-onnx
 * imports, see docs/fl.md).
 */
public final class OnnxModel implements ModelDefinition {

    /** Prefix of the model names that name an ONNX file. */
    public static final String PREFIX = "onnx:";
    /**
     * Largest ONNX file read, bytes (256 MiB, 64 million float32 parameters): a project limit below
     * protobuf's 2 GiB message limit, which also bounds ONNX files without external data.
     */
    public static final long MAX_FILE_BYTES = 256L << 20;

    private static final Map<String, OnnxModel> CACHE = new ConcurrentHashMap<>();

    private final String name;
    private final SequentialModel mapped;
    private final float[][] weights;
    private final float[] buffers;
    private final ModelLayout layout;
    private final int[] inputShape;
    private final String refusal;

    private OnnxModel(String name, OnnxGraph g) {
        this.name = name;
        OnnxMapping m = new OnnxMapping(g);
        SequentialModel s = null;
        String why = null;
        if (m.problems.isEmpty()) {
            try {
                s = new SequentialModel(name, m.inputShape, m.classes, m.blocks);
            } catch (IllegalArgumentException e) {
                why = e.getMessage();
            }
        } else {
            why = String.join("; ", m.problems);
        }
        this.mapped = s;
        if (s != null) {
            this.layout = s.layout();
            this.weights = m.weights(s);
            this.buffers = m.buffers(s);
            this.inputShape = s.inputShape();
            this.refusal = null;
        } else {
            List<LayerSpec> layers = new ArrayList<>();
            List<float[]> values = new ArrayList<>();
            OnnxMapping.initializerLayers(g).forEach((layer, tensors) -> {
                List<TensorSpec> specs = new ArrayList<>();
                int n = 0;
                for (String t : tensors) {
                    specs.add(new TensorSpec(t, g.floatShapes().get(t)));
                    n += g.floats().get(t).length;
                }
                float[] v = new float[n];
                int offset = 0;
                for (String t : tensors) {
                    float[] x = g.floats().get(t);
                    System.arraycopy(x, 0, v, offset, x.length);
                    offset += x.length;
                }
                layers.add(new LayerSpec(layer, specs));
                values.add(v);
            });
            if (layers.isEmpty()) {
                throw OnnxGraph.bad(path(name), "no float initializers (no parameters); allowed: a model with parameters");
            }
            this.layout = new ModelLayout(layers);
            this.weights = values.toArray(new float[0][]);
            this.buffers = new float[0];
            this.inputShape = m.inputShape == null ? new int[0] : m.inputShape;
            this.refusal = name + " cannot be trained: " + why + ". FedWAN trains an ONNX graph only when it maps onto its "
                    + "blocks (Gemm or MatMul+Add, Conv, BatchNormalization, Relu, MaxPool, Flatten/Reshape, Dropout), and "
                    + "SameDiff 1.0.0-M2.1 cannot differentiate imported graphs (docs/fl.md, 'Bring your own model (ONNX)'); "
                    + "allowed: training: none, and ./fedwan accounting";
        }
    }

    /** Whether {@code name} names an ONNX file ({@code onnx:PATH}). */
    public static boolean isOnnx(String name) {
        return name.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    /** The file an {@code onnx:PATH} name names. */
    public static String path(String name) {
        return name.substring(PREFIX.length()).trim();
    }

    /**
     * The model of {@code onnx:PATH}, read once per path, size and modification time.
     *
     * @throws IllegalArgumentException starting with the file, when it is missing, not a regular
     *                                  file, larger than {@link #MAX_FILE_BYTES}, or not a readable ONNX model
     */
    public static OnnxModel load(String name) {
        String file = path(name);
        Path p = Path.of(file);
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(p, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw OnnxGraph.bad(file, "no such file; allowed: an ONNX model file");
        } catch (IOException e) {
            throw OnnxGraph.bad(file, "cannot read it (" + e.getClass().getSimpleName() + "); allowed: an ONNX model file");
        }
        if (!a.isRegularFile()) {
            throw OnnxGraph.bad(file, (a.isDirectory() ? "a folder" : "not a regular file (a device, a pipe or a socket)")
                    + "; allowed: an ONNX model file");
        }
        if (a.size() > MAX_FILE_BYTES) {
            throw OnnxGraph.bad(file, a.size() + " bytes; allowed: an ONNX model file of at most " + MAX_FILE_BYTES + " bytes");
        }
        String key = p.toAbsolutePath().normalize() + "|" + a.size() + "|" + a.lastModifiedTime().toMillis() + "|" + name;
        OnnxModel cached = CACHE.get(key);
        if (cached != null) {
            return cached;
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(p)) {
            bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
        } catch (IOException e) {
            throw OnnxGraph.bad(file, "cannot read it (" + e.getClass().getSimpleName() + "); allowed: an ONNX model file");
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw OnnxGraph.bad(file, "more than " + MAX_FILE_BYTES + " bytes; allowed: an ONNX model file of at most that");
        }
        OnnxModel m = new OnnxModel(PREFIX + file, OnnxGraph.parse(bytes, file));
        CACHE.put(key, m);
        return m;
    }

    /** Whether the graph maps onto FedWAN's blocks, so that clients can train it. */
    public boolean trainable() {
        return mapped != null;
    }

    /**
     * Why the model cannot be trained (the operators or node settings that block it), or empty
     * when it can.
     */
    public String trainingRefusal() {
        return refusal == null ? "" : refusal;
    }

    /** The mapped model, when {@link #trainable()}. */
    public SequentialModel sequential() {
        requireTrainable();
        return mapped;
    }

    private void requireTrainable() {
        if (mapped == null) {
            throw new IllegalArgumentException(refusal);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int[] inputShape() {
        return inputShape.clone();
    }

    @Override
    public int numClasses() {
        requireTrainable();
        return mapped.numClasses();
    }

    @Override
    public ModelLayout layout() {
        return layout;
    }

    /** The file's initializers in layout order; the same for every {@code seed}. */
    @Override
    public float[][] initialWeights(long seed) {
        float[][] out = new float[weights.length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = weights[i].clone();
        }
        return out;
    }

    @Override
    public long forwardFlopsPerSample() {
        requireTrainable();
        return mapped.forwardFlopsPerSample();
    }

    /** The mapped model's graph holding {@code values}, its buffers holding the file's running statistics. */
    @Override
    public SameDiff build(float[][] values) {
        requireTrainable();
        SameDiff sd = mapped.build(values);
        int offset = 0;
        for (TensorSpec t : mapped.buffers()) {
            sd.getVariable(t.name()).getArr().assign(Weights.array(buffers, offset, t.shape()));
            offset += t.elementCount();
        }
        return sd;
    }

    @Override
    public List<TensorSpec> buffers() {
        return mapped == null ? List.of() : mapped.buffers();
    }

    /** The file's batch-norm running statistics. */
    @Override
    public float[] initialBuffers() {
        return buffers.clone();
    }

    @Override
    public List<BatchNormStatistics> batchNormStatistics() {
        return mapped == null ? List.of() : mapped.batchNormStatistics();
    }

    @Override
    public List<DropoutMask> dropoutMasks() {
        return mapped == null ? List.of() : mapped.dropoutMasks();
    }
}
