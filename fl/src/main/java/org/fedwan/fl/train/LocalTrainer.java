package org.fedwan.fl.train;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.SplittableRandom;
import org.fedwan.compression.LayerSpec;
import org.fedwan.compression.ModelLayout;
import org.fedwan.compression.TensorSpec;
import org.fedwan.fl.data.ImageDataset;
import org.fedwan.fl.data.Partitions;
import org.fedwan.fl.model.ModelDefinition;
import org.fedwan.fl.model.Weights;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * Trains and evaluates one model graph. Not thread-safe: one thread uses a trainer at a time.
 * A trainer keeps no state between calls that influences results: each call first loads the
 * given weights, and plain SGD has no optimiser state.
 */
public final class LocalTrainer {

    private static final Object QUIET_LOCK = new Object();

    private final ModelDefinition model;
    private final ModelLayout layout;
    private final SameDiff graph;
    private double configuredLearningRate = Double.NaN;

    /**
     * Builds the graph and its gradient function; call from one thread at a time (the gradient
     * build briefly silences {@code System.out}).
     */
    public LocalTrainer(ModelDefinition model, double learningRate) {
        this.model = model;
        this.layout = model.layout();
        this.graph = model.build(model.initialWeights(0));
        configure(learningRate);
    }

    public ModelDefinition model() {
        return model;
    }

    /**
     * Runs {@code settings.localEpochs()} epochs of mini-batch SGD from {@code weights} over the
     * samples {@code indices} of {@code data}, shuffled per epoch from {@code seed}.
     *
     * @return the trained weights, one array per layer
     */
    public float[][] train(float[][] weights, ImageDataset data, int[] indices, TrainingSettings settings, long seed) {
        load(weights);
        configure(settings.learningRate());
        int[] order = indices.clone();
        SplittableRandom shuffle = new SplittableRandom(seed);
        for (int epoch = 0; epoch < settings.localEpochs(); epoch++) {
            Partitions.shuffle(order, shuffle);
            for (int start = 0; start < order.length; start += settings.batchSize()) {
                int end = Math.min(order.length, start + settings.batchSize());
                graph.fit(batch(data, order, start, end));
            }
        }
        return read();
    }

    /** Evaluates {@code weights} on samples {@code from} (inclusive) to {@code to} (exclusive) of {@code data}. */
    public Evaluation evaluate(float[][] weights, ImageDataset data, int from, int to, int batchSize) {
        load(weights);
        Evaluation total = Evaluation.EMPTY;
        int[] order = new int[to - from];
        for (int i = 0; i < order.length; i++) {
            order[i] = from + i;
        }
        for (int start = 0; start < order.length; start += batchSize) {
            int end = Math.min(order.length, start + batchSize);
            DataSet b = batch(data, order, start, end);
            INDArray p = graph.output(Map.of(ModelDefinition.INPUT, b.getFeatures()), ModelDefinition.OUTPUT)
                    .get(ModelDefinition.OUTPUT);
            float[] probs = p.dup('c').data().asFloat();
            int k = model.numClasses();
            long correct = 0;
            double loss = 0;
            for (int i = 0; i < end - start; i++) {
                int label = data.label(order[start + i]);
                int best = 0;
                for (int c = 1; c < k; c++) {
                    if (probs[i * k + c] > probs[i * k + best]) {
                        best = c;
                    }
                }
                if (best == label) {
                    correct++;
                }
                loss -= Math.log(Math.max(probs[i * k + label], 1e-12f));
            }
            total = total.plus(new Evaluation(end - start, correct, loss));
        }
        return total;
    }

    private DataSet batch(ImageDataset data, int[] order, int start, int end) {
        int n = end - start;
        int size = data.imageSize();
        int k = model.numClasses();
        float[] x = new float[n * size];
        float[] y = new float[n * k];
        byte[] pixels = data.pixels();
        for (int i = 0; i < n; i++) {
            int idx = order[start + i];
            int base = idx * size;
            for (int j = 0; j < size; j++) {
                x[i * size + j] = (pixels[base + j] & 0xFF) / 255f;
            }
            y[i * k + data.label(idx)] = 1f;
        }
        int[] s = model.inputShape();
        INDArray features = Nd4j.create(x, new long[] {n, s[0], s[1], s[2]}, 'c');
        INDArray labels = Nd4j.create(y, new long[] {n, k}, 'c');
        return new DataSet(features, labels);
    }

    private void configure(double learningRate) {
        if (learningRate == configuredLearningRate) {
            return;
        }
        graph.setTrainingConfig(TrainingConfig.builder().updater(new Sgd(learningRate))
                .dataSetFeatureMapping(ModelDefinition.INPUT).dataSetLabelMapping(ModelDefinition.LABELS)
                .minimize(ModelDefinition.LOSS).build());
        if (Double.isNaN(configuredLearningRate)) {
            // SameDiff prints one line per differentiated op to System.out while it builds the
            // gradient graph; keep the console (and our progress bar) clean.
            synchronized (QUIET_LOCK) {
                PrintStream out = System.out;
                System.setOut(new PrintStream(OutputStream.nullOutputStream()));
                try {
                    graph.createGradFunction();
                } finally {
                    System.setOut(out);
                }
            }
        }
        configuredLearningRate = learningRate;
    }

    private void load(float[][] weights) {
        layout.checkValues(weights);
        for (int l = 0; l < weights.length; l++) {
            LayerSpec layer = layout.layers().get(l);
            int offset = 0;
            for (TensorSpec t : layer.tensors()) {
                graph.getVariable(t.name()).getArr().assign(Weights.array(weights[l], offset, t.shape()));
                offset += t.elementCount();
            }
        }
    }

    private float[][] read() {
        float[][] out = new float[layout.layerCount()][];
        for (int l = 0; l < out.length; l++) {
            LayerSpec layer = layout.layers().get(l);
            out[l] = new float[layer.parameterCount()];
            int offset = 0;
            for (TensorSpec t : layer.tensors()) {
                float[] v = graph.getVariable(t.name()).getArr().dup('c').data().asFloat();
                System.arraycopy(v, 0, out[l], offset, v.length);
                offset += v.length;
            }
        }
        return out;
    }
}
