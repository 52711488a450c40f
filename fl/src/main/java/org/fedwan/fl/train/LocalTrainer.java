package org.fedwan.fl.train;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.fedwan.compression.LayerSpec;
import org.fedwan.compression.ModelLayout;
import org.fedwan.compression.TensorSpec;
import org.fedwan.fl.data.ImageDataset;
import org.fedwan.fl.data.Partitions;
import org.fedwan.fl.model.BatchNormStatistics;
import org.fedwan.fl.model.DropoutMask;
import org.fedwan.fl.model.InputAdaptation;
import org.fedwan.fl.model.ModelDefinition;
import org.fedwan.fl.model.Weights;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.blas.Level1;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains and evaluates one model graph. Not thread-safe: one thread uses a trainer at a time.
 * A trainer keeps no state between calls that influences results: each call first loads the
 * given weights and buffers (batch-norm running statistics), momentum comes in and goes out with the call as an
 * {@link OptimizerState}, and every random choice (shuffling, dropout masks, the gradient-mode
 * mini-batch) is drawn from the call's seed.
 *
 * <p>One SGD step computes the gradients of the graph's loss with SameDiff
 * ({@code calculateGradients}) and applies {@code torch.optim.SGD}'s update in place with BLAS
 * {@code axpy}; see {@link TrainingSettings}. Images are fitted to the model's input shape by
 * {@link InputAdaptation} and scaled to [0, 1].
 *
 * <p>Native memory is released when it is no longer needed, not by the garbage collector: the
 * batch's feeds, the gradients, temporaries and every array SameDiff allocates during a call are
 * closed as soon as the call's results are read ({@link CallScopedMemory}), so a trainer's native
 * memory after a job is what it was before it. {@link #close()} releases the graph itself.
 */
public final class LocalTrainer implements AutoCloseable {

    private static final Object QUIET_LOCK = new Object();
    /** The name under which SameDiff keeps a graph's gradient function ({@code SameDiff.createGradFunction}). */
    private static final String GRADIENT_FUNCTION = "grad";

    private final ModelDefinition model;
    private final ModelLayout layout;
    private final SameDiff graph;
    /** SameDiff's gradient graph of {@link #graph} ({@code calculateGradients} runs it). */
    private final SameDiff gradientGraph;
    /** Allocates the arrays of every SameDiff call and closes them when the call's results are read. */
    private final CallScopedMemory memory = new CallScopedMemory();
    private final List<String> trainable;
    private final INDArray[] trainableArrays;
    private final List<BatchNormStatistics> statistics;
    private final List<String> statisticOutputs;
    private final List<DropoutMask> masks;
    private final float[] initialBuffers;
    private InputAdaptation adaptation;
    private String adaptationKey = "";

    /**
     * Builds the graph and its gradient function; call from one thread at a time (the gradient
     * build briefly silences {@code System.out}).
     */
    public LocalTrainer(ModelDefinition model) {
        this.model = model;
        this.layout = model.layout();
        this.graph = model.build(model.initialWeights(0));
        this.trainable = model.trainableTensors();
        this.trainableArrays = new INDArray[trainable.size()];
        for (int i = 0; i < trainableArrays.length; i++) {
            trainableArrays[i] = graph.getVariable(trainable.get(i)).getArr();
        }
        this.statistics = model.batchNormStatistics();
        this.statisticOutputs = new ArrayList<>();
        for (BatchNormStatistics s : statistics) {
            statisticOutputs.add(s.batchMean());
            statisticOutputs.add(s.batchVar());
        }
        this.masks = model.dropoutMasks();
        this.initialBuffers = model.initialBuffers();
        graph.setLossVariables(ModelDefinition.LOSS);
        // SameDiff prints one line per differentiated op to System.out while it builds the
        // gradient graph; keep the console (and the progress bar) clean.
        synchronized (QUIET_LOCK) {
            PrintStream out = System.out;
            System.setOut(new PrintStream(OutputStream.nullOutputStream()));
            try {
                graph.createGradFunction();
            } finally {
                System.setOut(out);
            }
        }
        this.gradientGraph = graph.getFunction(GRADIENT_FUNCTION);
    }

    /** As {@link #LocalTrainer(ModelDefinition)}; the learning rate now comes with each call's settings. */
    public LocalTrainer(ModelDefinition model, double learningRate) {
        this(model);
    }

    public ModelDefinition model() {
        return model;
    }

    /**
     * Releases the trainer's native memory at once: the arrays of its last SameDiff call, its
     * sessions and the graph's variables (weights, buffers). The trainer cannot be used afterwards.
     */
    @Override
    public void close() {
        memory.closeAll();
        graph.getSessions().clear();
        gradientGraph.getSessions().clear();
        for (SDVariable v : graph.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE || v.getVariableType() == VariableType.CONSTANT) {
                NativeArrays.close(v.getArr());
            }
        }
    }

    /**
     * Local training from {@code weights} with fresh optimizer state; see
     * {@link #train(float[][], float[], OptimizerState, ImageDataset, int[], TrainingSettings, long)}.
     *
     * @return the trained weights, one array per layer
     */
    public float[][] train(float[][] weights, ImageDataset data, int[] indices, TrainingSettings settings, long seed) {
        return train(weights, null, OptimizerState.NONE, data, indices, settings, seed).weights();
    }

    /**
     * Runs mini-batch SGD from {@code weights} over the samples {@code indices} of
     * {@code data}: {@code settings.localEpochs()} passes, or {@code settings.localSteps()}
     * steps continuing over passes. Batches are consecutive slices of an order reshuffled
     * (Fisher-Yates, from {@code seed}) at the start of every pass, the last batch of a pass
     * possibly smaller. Batch-norm running statistics are updated after every step.
     *
     * <p>Models with batch normalisation cannot normalise a batch of one sample (PyTorch refuses
     * it too): a one-sample remainder joins the pass's previous batch, and a client with a single
     * sample does not train. With no samples, nothing changes.
     *
     * @param buffers the model's buffers (batch-norm running statistics) to start from, or
     *                {@code null} for the model's initial ones
     */
    public TrainResult train(float[][] weights, float[] buffers, OptimizerState state, ImageDataset data, int[] indices,
            TrainingSettings settings, long seed) {
        return train(weights, buffers, state, data, indices, settings, seed, null);
    }

    /**
     * As {@link #train(float[][], float[], OptimizerState, ImageDataset, int[], TrainingSettings, long)},
     * with quantization-aware training when {@code projection} is not null: each step's forward
     * and backward pass runs at {@code projection.project(w, step)} and its gradient updates the
     * full-precision weights {@code w}, which are what the call returns.
     */
    public TrainResult train(float[][] weights, float[] buffers, OptimizerState state, ImageDataset data, int[] indices,
            TrainingSettings settings, long seed, WeightProjection projection) {
        return train(weights, buffers, state, data, indices, settings, seed, projection, 0);
    }

    /**
     * As {@link #train(float[][], float[], OptimizerState, ImageDataset, int[], TrainingSettings, long, WeightProjection)},
     * minimising FedProx's local objective {@code loss(w) + mu/2 ||w - w0||^2} (Li et al., MLSys
     * 2020, eq. 2), {@code w0 = weights}: every step adds {@code mu (w - w0)} to each trainable
     * tensor's loss gradient before weight decay and momentum: the update
     * {@code w - lr (g + mu (w - w0))} of the FedProx reference implementation
     * (github.com/litian96/FedProx, {@code flearn/optimizer/pgd.py}, {@code PerturbedGradientDescent}),
     * and the gradient torch.optim.SGD receives in Flower's FedProx baseline
     * ({@code baselines/fedprox/fedprox/model.py}, loss plus {@code mu/2 ||w - w0||^2}).
     * With quantization-aware training, {@code w} and {@code w0} are the full-precision weights.
     * With {@code proximalMu = 0} nothing is added and the arithmetic is that of plain SGD.
     *
     * @param proximalMu {@code mu}, dimensionless, {@code >= 0}
     */
    public TrainResult train(float[][] weights, float[] buffers, OptimizerState state, ImageDataset data, int[] indices,
            TrainingSettings settings, long seed, WeightProjection projection, double proximalMu) {
        if (!(proximalMu >= 0) || !Double.isFinite(proximalMu)) {
            throw new IllegalArgumentException("proximal mu must be a finite number >= 0, got " + proximalMu);
        }
        load(weights, buffers);
        INDArray[] anchor = null;
        INDArray[] momentum = null;
        try {
            anchor = proximalMu > 0 ? anchor() : null;
            momentum = settings.momentum() > 0 ? MomentumBuffers.arrays(layout, trainable, trainableArrays, state) : null;
            boolean noSingletons = !statistics.isEmpty();
            if (indices.length == 0 || (noSingletons && indices.length == 1)) {
                return new TrainResult(read(), readBuffers(), settings.momentum() > 0 ? state : OptimizerState.NONE, 0);
            }
            int[] order = indices.clone();
            SplittableRandom shuffle = new SplittableRandom(seed);
            SplittableRandom dropout = new SplittableRandom(seed).split();
            long steps = 0;
            long passes = settings.countsSteps() ? Long.MAX_VALUE : settings.localEpochs();
            for (long pass = 0; pass < passes && (!settings.countsSteps() || steps < settings.localSteps()); pass++) {
                Partitions.shuffle(order, shuffle);
                int pos = 0;
                while (pos < order.length && (!settings.countsSteps() || steps < settings.localSteps())) {
                    int end = batchEnd(pos, order.length, settings.batchSize(), noSingletons);
                    Map<String, INDArray> feeds = feeds(data, order, pos, end, dropout);
                    try {
                        step(feeds, end - pos, settings, momentum, projection, steps, anchor, proximalMu);
                    } finally {
                        NativeArrays.close(feeds);
                    }
                    steps++;
                    pos = end;
                }
            }
            OptimizerState after = momentum == null ? OptimizerState.NONE : OptimizerState.ofMomentum(MomentumBuffers.values(layout, trainable, momentum));
            return new TrainResult(read(), readBuffers(), after, steps);
        } finally {
            NativeArrays.close(anchor);
            NativeArrays.close(momentum);
        }
    }

    /** End of the batch starting at {@code pos}; with {@code noSingletons}, a one-sample remainder joins this batch. */
    static int batchEnd(int pos, int n, int batchSize, boolean noSingletons) {
        int end = Math.min(n, pos + batchSize);
        if (noSingletons && n - end == 1) {
            end = n;
        }
        return end;
    }

    /**
     * The gradient of the loss at {@code weights} on the client's samples, one array per layer.
     * Training-mode forward pass (batch statistics, dropout
     * masks from {@code seed}); running statistics are not updated. For models with batch
     * normalisation a one-sample remainder joins the previous batch, as in training.
     */
    public float[][] gradient(float[][] weights, ImageDataset data, int[] indices, GradientMode mode, int batchSize, long seed) {
        if (indices.length == 0) {
            throw new IllegalArgumentException("a gradient needs at least one sample");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        }
        if (!statistics.isEmpty() && indices.length == 1) {
            throw new IllegalArgumentException(model.name() + " has batch normalisation, which needs at least two samples "
                    + "per batch; the client has one");
        }
        load(weights, null);
        SplittableRandom dropout = new SplittableRandom(seed).split();
        double[][] acc = new double[trainable.size()][];
        if (mode == GradientMode.ONE_MINIBATCH) {
            int[] order = indices.clone();
            Partitions.shuffle(order, new SplittableRandom(seed));
            int n = batchEnd(0, order.length, batchSize, !statistics.isEmpty());
            accumulateBatch(acc, feeds(data, order, 0, n, dropout), 1.0);
        } else {
            for (int start = 0; start < indices.length; ) {
                int end = batchEnd(start, indices.length, batchSize, !statistics.isEmpty());
                accumulateBatch(acc, feeds(data, indices, start, end, dropout), (double) (end - start) / indices.length);
                start = end;
            }
        }
        Map<String, double[]> byName = new HashMap<>();
        for (int i = 0; i < trainable.size(); i++) {
            byName.put(trainable.get(i), acc[i]);
        }
        float[][] out = new float[layout.layerCount()][];
        for (int l = 0; l < out.length; l++) {
            LayerSpec layer = layout.layers().get(l);
            out[l] = new float[layer.parameterCount()];
            int offset = 0;
            for (TensorSpec t : layer.tensors()) {
                double[] g = byName.get(t.name());
                if (g != null) {
                    for (int i = 0; i < g.length; i++) {
                        out[l][offset + i] = (float) g[i];
                    }
                }
                offset += t.elementCount();
            }
        }
        return out;
    }

    /** Adds {@code weight} times the gradient on the batch {@code feeds} to {@code acc}; closes the feeds and the gradients. */
    private void accumulateBatch(double[][] acc, Map<String, INDArray> feeds, double weight) {
        try {
            bindMemory();
            Map<String, INDArray> grads = graph.calculateGradients(feeds, trainable);
            try {
                accumulate(acc, grads, weight);
            } finally {
                NativeArrays.close(grads);
                memory.closeAll();
            }
        } finally {
            NativeArrays.close(feeds);
        }
    }

    private void accumulate(double[][] acc, Map<String, INDArray> grads, double weight) {
        for (int i = 0; i < acc.length; i++) {
            float[] g = NativeArrays.floats(grads.get(trainable.get(i)));
            if (acc[i] == null) {
                acc[i] = new double[g.length];
            }
            for (int j = 0; j < g.length; j++) {
                acc[i][j] += weight * g[j];
            }
        }
    }

    /**
     * Evaluates {@code weights} on samples {@code from} (inclusive) to {@code to} (exclusive) of
     * {@code data}, with the model's initial buffers; for a model with batch normalisation use
     * {@link #evaluate(float[][], float[], ImageDataset, int, int, int)} with its trained statistics.
     */
    public Evaluation evaluate(float[][] weights, ImageDataset data, int from, int to, int batchSize) {
        return evaluate(weights, null, data, from, to, batchSize);
    }

    /** Evaluation-mode metrics (running statistics {@code buffers}, or the initial ones if {@code null}; no dropout). */
    public Evaluation evaluate(float[][] weights, float[] buffers, ImageDataset data, int from, int to, int batchSize) {
        load(weights, buffers);
        Evaluation total = Evaluation.EMPTY;
        int[] order = new int[to - from];
        for (int i = 0; i < order.length; i++) {
            order[i] = from + i;
        }
        int k = model.numClasses();
        for (int start = 0; start < order.length; start += batchSize) {
            int end = Math.min(order.length, start + batchSize);
            float[] probs = probabilities(features(data, order, start, end));
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

    /** The model's output probabilities for {@code features}, read into Java; closes the features and the output. */
    private float[] probabilities(INDArray features) {
        try {
            bindMemory();
            INDArray p = graph.output(Map.of(ModelDefinition.INPUT, features), ModelDefinition.OUTPUT).get(ModelDefinition.OUTPUT);
            try {
                return NativeArrays.floats(p);
            } finally {
                NativeArrays.close(p);
                memory.closeAll();
            }
        } finally {
            NativeArrays.close(features);
        }
    }

    /** Makes {@link #memory} the memory manager of both graphs' sessions for the calling thread. */
    private void bindMemory() {
        memory.bind(graph);
        memory.bind(gradientGraph);
    }

    /** Copies of the trainable tensors as loaded: FedProx's {@code w0}. */
    private INDArray[] anchor() {
        INDArray[] a = new INDArray[trainableArrays.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = trainableArrays[i].dup();
        }
        return a;
    }

    private void step(Map<String, INDArray> feeds, int batch, TrainingSettings s, INDArray[] momentum,
            WeightProjection projection, long stepIndex, INDArray[] anchor, double proximalMu) {
        float[][] fullPrecision = null;
        if (projection != null) {
            fullPrecision = read();
            loadWeights(projection.project(fullPrecision, stepIndex));
        }
        Map<String, INDArray> grads;
        Map<String, INDArray> outputs = Map.of();
        bindMemory();
        if (statistics.isEmpty()) {
            grads = graph.calculateGradients(feeds, trainable);
        } else {
            OutAndGrad og = graph.calculateGradientsAndOutputs(feeds, statisticOutputs, trainable);
            grads = og.getGradients();
            outputs = og.getOutputs();
        }
        try {
            if (fullPrecision != null) {
                // straight-through: the gradient at the projected weights updates the full-precision ones
                loadWeights(fullPrecision);
            }
            update(grads, outputs, batch, s, momentum, anchor, proximalMu);
        } finally {
            NativeArrays.close(grads);
            NativeArrays.close(outputs);
            memory.closeAll();
        }
    }

    /** SGD update of the trainable tensors from {@code grads}, then the running statistics from the batch's {@code outputs}. */
    private void update(Map<String, INDArray> grads, Map<String, INDArray> outputs, int batch, TrainingSettings s,
            INDArray[] momentum, INDArray[] anchor, double proximalMu) {
        Level1 blas = Nd4j.getBlasWrapper().level1();
        for (int i = 0; i < trainableArrays.length; i++) {
            INDArray w = trainableArrays[i];
            INDArray g = grads.get(trainable.get(i));
            long n = w.length();
            if (anchor != null) {
                // gradient of mu/2 ||w - w0||^2
                INDArray difference = w.sub(anchor[i]);
                blas.axpy(n, proximalMu, difference, g);
                NativeArrays.close(difference);
            }
            if (s.weightDecay() > 0) {
                blas.axpy(n, s.weightDecay(), w, g);
            }
            INDArray direction = g;
            if (momentum != null) {
                NativeArrays.scale(momentum[i], s.momentum());
                blas.axpy(n, 1.0, g, momentum[i]);
                direction = momentum[i];
            }
            blas.axpy(n, -s.learningRate(), direction, w);
        }
        for (BatchNormStatistics st : statistics) {
            long values = (long) batch * st.positionsPerSample();
            double m = BatchNormStatistics.MOMENTUM;
            double bessel = values > 1 ? (double) values / (values - 1) : 1.0;
            INDArray runningMean = graph.getVariable(st.runningMean()).getArr();
            INDArray runningVar = graph.getVariable(st.runningVar()).getArr();
            NativeArrays.scale(runningMean, 1 - m);
            blas.axpy(runningMean.length(), m, outputs.get(st.batchMean()), runningMean);
            NativeArrays.scale(runningVar, 1 - m);
            blas.axpy(runningVar.length(), m * bessel, outputs.get(st.batchVar()), runningVar);
        }
    }

    private Map<String, INDArray> feeds(ImageDataset data, int[] order, int start, int end, SplittableRandom dropout) {
        int n = end - start;
        int k = model.numClasses();
        float[] y = new float[n * k];
        for (int i = 0; i < n; i++) {
            y[i * k + data.label(order[start + i])] = 1f;
        }
        Map<String, INDArray> ph = new HashMap<>();
        ph.put(ModelDefinition.INPUT, features(data, order, start, end));
        ph.put(ModelDefinition.LABELS, Nd4j.create(y, new long[] {n, k}, 'c'));
        for (DropoutMask m : masks) {
            int per = m.valuesPerSample();
            float[] v = new float[n * per];
            float keep = (float) (1.0 / (1.0 - m.rate()));
            for (int i = 0; i < v.length; i++) {
                v[i] = dropout.nextDouble() < m.rate() ? 0f : keep;
            }
            int[] s = m.shapePerSample();
            long[] shape = new long[s.length + 1];
            shape[0] = n;
            for (int i = 0; i < s.length; i++) {
                shape[i + 1] = s[i];
            }
            ph.put(m.feed(), Nd4j.create(v, shape, 'c'));
        }
        return ph;
    }

    private INDArray features(ImageDataset data, int[] order, int start, int end) {
        int n = end - start;
        InputAdaptation a = adaptation(data);
        int size = a.targetSize();
        int imageSize = data.imageSize();
        float[] x = new float[n * size];
        byte[] pixels = data.pixels();
        for (int i = 0; i < n; i++) {
            a.write(pixels, order[start + i] * imageSize, x, i * size);
        }
        int[] s = model.inputShape();
        return Nd4j.create(x, new long[] {n, s[0], s[1], s[2]}, 'c');
    }

    private InputAdaptation adaptation(ImageDataset data) {
        String key = data.channels() + "x" + data.height() + "x" + data.width();
        if (!key.equals(adaptationKey)) {
            adaptation = InputAdaptation.between(data.channels(), data.height(), data.width(), model.inputShape());
            adaptationKey = key;
        }
        return adaptation;
    }

    private void load(float[][] weights, float[] buffers) {
        float[] b = buffers == null ? initialBuffers : buffers;
        if (b.length != initialBuffers.length) {
            throw new IllegalArgumentException(model.name() + " has " + initialBuffers.length + " buffer values, got " + b.length);
        }
        int bufferOffset = 0;
        for (TensorSpec t : model.buffers()) {
            assign(graph.getVariable(t.name()).getArr(), Weights.array(b, bufferOffset, t.shape()));
            bufferOffset += t.elementCount();
        }
        loadWeights(weights);
    }

    private void loadWeights(float[][] weights) {
        layout.checkValues(weights);
        for (int l = 0; l < weights.length; l++) {
            LayerSpec layer = layout.layers().get(l);
            int offset = 0;
            for (TensorSpec t : layer.tensors()) {
                assign(graph.getVariable(t.name()).getArr(), Weights.array(weights[l], offset, t.shape()));
                offset += t.elementCount();
            }
        }
    }

    /** Copies {@code values} into {@code target} and closes {@code values}. */
    private static void assign(INDArray target, INDArray values) {
        try {
            target.assign(values);
        } finally {
            NativeArrays.close(values);
        }
    }

    private float[] readBuffers() {
        float[] out = new float[initialBuffers.length];
        int offset = 0;
        for (TensorSpec t : model.buffers()) {
            float[] v = NativeArrays.floats(graph.getVariable(t.name()).getArr());
            System.arraycopy(v, 0, out, offset, v.length);
            offset += v.length;
        }
        return out;
    }

    private float[][] read() {
        float[][] out = new float[layout.layerCount()][];
        for (int l = 0; l < out.length; l++) {
            LayerSpec layer = layout.layers().get(l);
            out[l] = new float[layer.parameterCount()];
            int offset = 0;
            for (TensorSpec t : layer.tensors()) {
                float[] v = NativeArrays.floats(graph.getVariable(t.name()).getArr());
                System.arraycopy(v, 0, out[l], offset, v.length);
                offset += v.length;
            }
        }
        return out;
    }
}
