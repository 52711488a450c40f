package org.fedwan.fl.model.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import onnx.Onnx.GraphProto;
import onnx.Onnx.ModelProto;
import onnx.Onnx.NodeProto;
import onnx.Onnx.TensorProto;
import org.fedwan.compression.LayerSpec;
import org.fedwan.compression.TensorSpec;
import org.fedwan.fl.data.ImageDataset;
import org.fedwan.fl.data.SyntheticImages;
import org.fedwan.fl.model.ModelDefinition;
import org.fedwan.fl.model.ModelZoo;
import org.fedwan.fl.model.OnnxModel;
import org.fedwan.fl.train.Evaluation;
import org.fedwan.fl.train.LocalTrainer;
import org.fedwan.fl.train.OptimizerState;
import org.fedwan.fl.train.TrainResult;
import org.fedwan.fl.train.TrainingSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.samediff.frameworkimport.onnx.importer.OnnxFrameworkImporter;
import org.nd4j.shade.protobuf.ByteString;

/**
 * ONNX import: the committed fixtures are what {@link OnnxFixtureWriter} writes; the mapped
 * models compute what samediff-import-onnx's import of the same file computes (the outside
 * reference); they train with FedWAN's trainer; a graph that does not map is accepted for
 * accounting and refused for training with its operator named; bad files are refused naming them.
 */
class OnnxModelTest {

    private static final Path DIR = Path.of("src/test/resources/onnx");

    private static OnnxModel fixture(String file) {
        return OnnxModel.load(OnnxModel.PREFIX + DIR.resolve(file));
    }

    @Test
    void committedFixturesAreWhatTheScriptWritesToday() throws IOException {
        for (String f : OnnxFixtureWriter.FILES) {
            byte[] committed = Files.readAllBytes(DIR.resolve(f));
            assertArrayEquals(OnnxFixtureWriter.bytes(f), committed, f + ": run OnnxFixtureWriter (tools/onnx-fixtures.sh)");
            assertTrue(committed.length < 100_000, f);
        }
    }

    @Test
    void mlpMapsOntoDenseLayersNamedAfterTheInitializers() {
        OnnxModel m = fixture("mlp.onnx");
        assertTrue(m.trainable(), m.trainingRefusal());
        assertEquals(List.of("fc1", "fc2"), m.layout().layers().stream().map(LayerSpec::name).toList());
        assertArrayEquals(new int[] {784, 16}, m.layout().layers().get(0).tensors().get(0).shape());
        assertEquals(784 * 16 + 16 + 16 * 10 + 10, m.layout().parameterCount());
        assertArrayEquals(new int[] {1, 28, 28}, m.inputShape());
        assertEquals(10, m.numClasses());
        assertEquals(2L * (784 * 16 + 16 * 10), m.forwardFlopsPerSample());
        assertArrayEquals(m.initialWeights(1)[0], m.initialWeights(2)[0], "the file's weights, whatever the seed");
    }

    /**
     * The outside reference: samediff-import-onnx's import of the same graph, run by SameDiff. The
     * M2.1 importer turns {@code Gemm} into a matrix product without its bias C (see
     * {@link #importerDropsTheGemmBias}), so the comparison runs on copies of the fixtures whose
     * Gemm biases are zero; convolution biases stay. {@link #mlpMatchesAPureJavaForwardPass} covers
     * the Gemm bias.
     */
    @Test
    void mappedModelsComputeWhatTheSameDiffImportComputes(@TempDir Path dir) throws IOException {
        OnnxFrameworkImporter importer = new OnnxFrameworkImporter();
        for (String f : List.of("mlp.onnx", "cnn.onnx")) {
            Path copy = dir.resolve(f);
            Files.write(copy, withoutGemmBias(ModelProto.parseFrom(OnnxFixtureWriter.bytes(f))).toByteArray());
            OnnxModel m = OnnxModel.load(OnnxModel.PREFIX + copy);
            assertTrue(m.trainable(), m.trainingRefusal());
            SameDiff reference = importer.runImport(copy.toString(), Collections.emptyMap(), false);
            INDArray x = Nd4j.rand(DataType.FLOAT, 5, 1, 28, 28).muli(2).subi(1);
            float[][] expected = softmax(reference.output(Map.of("input", x), "output").get("output").toFloatMatrix());
            float[][] got = probabilities(m, x);
            assertEquals(5, got.length);
            for (int i = 0; i < got.length; i++) {
                for (int c = 0; c < 10; c++) {
                    assertEquals(expected[i][c], got[i][c], 1e-5, f + " sample " + i + " class " + c);
                }
            }
        }
    }

    /** ONNX's Gemm, Relu and Flatten (onnx/docs/Operators.md) computed in plain Java from the initializers. */
    @Test
    void mlpMatchesAPureJavaForwardPass() throws IOException {
        Map<String, float[]> init = initializers("mlp.onnx");
        INDArray x = Nd4j.rand(DataType.FLOAT, 3, 1, 28, 28);
        float[][] xs = x.reshape(3, 784).toFloatMatrix();
        float[][] logits = new float[3][];
        for (int i = 0; i < 3; i++) {
            float[] h = gemm(xs[i], init.get("fc1.weight"), init.get("fc1.bias"));
            for (int j = 0; j < h.length; j++) {
                h[j] = Math.max(0, h[j]);
            }
            logits[i] = gemm(h, init.get("fc2.weight"), init.get("fc2.bias"));
        }
        float[][] expected = softmax(logits);
        float[][] got = probabilities(fixture("mlp.onnx"), x);
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(expected[i], got[i], 1e-5f, "sample " + i);
        }
    }

    /**
     * bn-mlp in plain Java from ONNX's definitions: MatMul + Add, BatchNormalization in inference
     * form {@code scale (x - mean) / sqrt(var + epsilon) + B}, Relu, Reshape (an identity here),
     * Gemm with transB = 1, Softmax. (samediff-import-onnx 1.0.0-M2.1 cannot run this graph: it
     * fails on PyTorch's {@code onnx::MatMul_21} name and on the Reshape's constant shape.)
     */
    @Test
    void batchNormMlpMatchesAPureJavaForwardPass() throws IOException {
        Map<String, float[]> p = initializers("bn-mlp.onnx");
        INDArray x = Nd4j.rand(DataType.FLOAT, 3, 1, 28, 28).muli(2).subi(1);
        float[][] xs = x.reshape(3, 784).toFloatMatrix();
        float[][] logits = new float[3][];
        for (int i = 0; i < 3; i++) {
            float[] w = p.get("onnx::MatMul_21");
            float[] h = new float[16];
            for (int o = 0; o < 16; o++) {
                double s = p.get("fc1.bias")[o];
                for (int k = 0; k < 784; k++) {
                    s += (double) xs[i][k] * w[k * 16 + o];
                }
                double bn = p.get("bn1.weight")[o] * (s - p.get("bn1.running_mean")[o])
                        / Math.sqrt(p.get("bn1.running_var")[o] + 1e-5) + p.get("bn1.bias")[o];
                h[o] = (float) Math.max(0, bn);
            }
            logits[i] = gemm(h, p.get("fc2.weight"), p.get("fc2.bias"));
        }
        float[][] expected = softmax(logits);
        float[][] got = probabilities(fixture("bn-mlp.onnx"), x);
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(expected[i], got[i], 1e-5f, "sample " + i);
        }
    }

    private static Map<String, float[]> initializers(String file) throws IOException {
        Map<String, float[]> init = new HashMap<>();
        for (TensorProto t : ModelProto.parseFrom(OnnxFixtureWriter.bytes(file)).getGraph().getInitializerList()) {
            float[] v = new float[t.getRawData().size() / 4];
            t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
            init.put(t.getName(), v);
        }
        return init;
    }

    /** Evidence for docs/fl.md: the M2.1 import of a Gemm leaves out its bias C (and so differs from ONNX's Gemm). */
    @Test
    void importerDropsTheGemmBias() throws IOException {
        Path f = DIR.resolve("mlp.onnx");
        SameDiff reference = new OnnxFrameworkImporter().runImport(f.toString(), Collections.emptyMap(), false);
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 1, 28, 28);
        float[][] imported = reference.output(Map.of("input", x), "output").get("output").toFloatMatrix();
        float[][] ours = probabilities(fixture("mlp.onnx"), x);
        assertTrue(Math.abs(softmax(imported)[0][0] - ours[0][0]) > 1e-3, "the importer now keeps the Gemm bias: "
                + "compare against the fixtures themselves and update docs/fl.md");
    }

    private static float[] gemm(float[] x, float[] weightOutIn, float[] bias) {
        float[] y = new float[bias.length];
        for (int o = 0; o < y.length; o++) {
            double s = bias[o];
            for (int i = 0; i < x.length; i++) {
                s += (double) x[i] * weightOutIn[o * x.length + i];
            }
            y[o] = (float) s;
        }
        return y;
    }

    /** A copy for the importer, its Gemm biases zero. */
    private static ModelProto withoutGemmBias(ModelProto m) {
        Set<String> biases = new HashSet<>();
        for (NodeProto n : m.getGraph().getNodeList()) {
            if (n.getOpType().equals("Gemm")) {
                biases.add(n.getInput(2));
            }
        }
        GraphProto.Builder g = m.getGraph().toBuilder();
        for (int i = 0; i < g.getInitializerCount(); i++) {
            TensorProto t = g.getInitializer(i);
            if (biases.contains(t.getName())) {
                g.setInitializer(i, t.toBuilder().setRawData(ByteString.copyFrom(new byte[t.getRawData().size()])));
            }
        }
        return m.toBuilder().setGraph(g).build();
    }

    private static float[][] probabilities(OnnxModel m, INDArray x) {
        SameDiff ours = m.build(m.initialWeights(0));
        return ours.output(Map.of(ModelDefinition.INPUT, x), ModelDefinition.OUTPUT).get(ModelDefinition.OUTPUT).toFloatMatrix();
    }

    private static float[][] softmax(float[][] logits) {
        float[][] out = new float[logits.length][];
        for (int i = 0; i < logits.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (float v : logits[i]) {
                max = Math.max(max, v);
            }
            double sum = 0;
            for (float v : logits[i]) {
                sum += Math.exp(v - max);
            }
            out[i] = new float[logits[i].length];
            for (int c = 0; c < out[i].length; c++) {
                out[i][c] = (float) (Math.exp(logits[i][c] - max) / sum);
            }
        }
        return out;
    }

    @Test
    void batchNormMatMulReshapeAndSoftmaxMap() {
        OnnxModel m = fixture("bn-mlp.onnx");
        assertTrue(m.trainable(), m.trainingRefusal());
        assertEquals(List.of("fc1", "bn1", "fc2"), m.layout().layers().stream().map(LayerSpec::name).toList());
        assertEquals(List.of("bn1.gamma", "bn1.beta"), m.layout().layers().get(1).tensors().stream().map(TensorSpec::name).toList());
        assertEquals(784 * 16 + 16 + 2 * 16 + 16 * 10 + 10, m.layout().parameterCount());
        assertArrayEquals(new int[] {1, 28, 28}, m.inputShape());
        assertEquals(List.of("bn1.running_mean", "bn1.running_var"), m.buffers().stream().map(TensorSpec::name).toList());
        float[] b = m.initialBuffers();
        assertEquals(32, b.length);
        assertTrue(b[16] > 0.5 && b[16] < 1.5 && b[0] != 0f, "the file's running statistics");
    }

    @Test
    void cnnMapsOntoConvolutionsWithTheirLayout() {
        OnnxModel m = fixture("cnn.onnx");
        assertEquals(List.of("conv1", "conv2", "fc"), m.layout().layers().stream().map(LayerSpec::name).toList());
        assertArrayEquals(new int[] {3, 3, 1, 4}, m.layout().layers().get(0).tensors().get(0).shape());
        assertEquals(4 * 9 + 4 + 8 * 4 * 9 + 8 + 288 * 10 + 10, m.layout().parameterCount());
    }

    @Test
    void localStepsReduceTheLossOnSyntheticData() {
        for (String f : List.of("mlp.onnx", "cnn.onnx", "bn-mlp.onnx")) {
            OnnxModel m = fixture(f);
            ImageDataset data = SyntheticImages.generate("synthetic", 256, 28, 10, 40, 7, 8);
            int[] all = new int[256];
            Arrays.setAll(all, i -> i);
            try (LocalTrainer t = new LocalTrainer(m)) {
                float[][] w0 = m.initialWeights(0);
                Evaluation before = t.evaluate(w0, data, 0, 256, 64);
                TrainResult r = t.train(w0, null, OptimizerState.NONE, data, all, TrainingSettings.steps(60, 32, 0.1), 11);
                Evaluation after = t.evaluate(r.weights(), r.buffers(), data, 0, 256, 64);
                assertTrue(after.lossSum() < 0.8 * before.lossSum(), f + ": loss " + before.lossSum() + " -> " + after.lossSum());
            }
        }
    }

    @Test
    void unsupportedOperatorIsAcceptedForAccountingAndRefusedForTrainingByName() {
        OnnxModel m = fixture("tanh-mlp.onnx");
        assertFalse(m.trainable());
        assertEquals(List.of("fc1", "fc2"), m.layout().layers().stream().map(LayerSpec::name).toList());
        assertEquals(List.of("fc1.weight", "fc1.bias"), m.layout().layers().get(0).tensors().stream().map(TensorSpec::name).toList());
        assertArrayEquals(new int[] {16, 784}, m.layout().layers().get(0).tensors().get(0).shape(), "ONNX's own shape");
        assertEquals(784 * 16 + 16 + 16 * 10 + 10, m.layout().parameterCount());
        assertEquals(m.layout().layerCount(), m.initialWeights(0).length);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.build(m.initialWeights(0)));
        assertTrue(e.getMessage().contains("Tanh") && e.getMessage().contains("training: none"), e.getMessage());
        assertTrue(m.trainingRefusal().contains("Tanh"));
    }

    @Test
    void zooCreatesAndNamesOnnxModels() {
        String name = OnnxModel.PREFIX + DIR.resolve("mlp.onnx");
        assertEquals(name, ModelZoo.canonical(name));
        assertEquals(name, ModelZoo.create(name).name());
    }

    @Test
    void badFilesAreRefusedNamingTheFile(@TempDir Path dir) throws IOException {
        Path text = dir.resolve("notes.onnx");
        Files.writeString(text, "this is not a model\n");
        Path truncated = dir.resolve("cut.onnx");
        byte[] whole = OnnxFixtureWriter.bytes("mlp.onnx");
        Files.write(truncated, Arrays.copyOf(whole, whole.length / 2));
        Path empty = dir.resolve("empty.onnx");
        Files.write(empty, new byte[0]);
        for (Path p : List.of(text, truncated, empty, dir, dir.resolve("missing.onnx"))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> OnnxModel.load(OnnxModel.PREFIX + p));
            assertTrue(e.getMessage().startsWith(p.toString() + ": "), e.getMessage());
        }
        byte[] random = new byte[4096];
        new SplittableRandom(5).nextBytes(random);
        Path noise = dir.resolve("noise.onnx");
        Files.write(noise, random);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OnnxModel.load(OnnxModel.PREFIX + noise));
        assertTrue(e.getMessage().startsWith(noise + ": "), e.getMessage());
    }
}
