package org.fedwan.fl.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fedwan.fl.bench.MemoryProbe;
import org.fedwan.fl.data.ImageDataset;
import org.fedwan.fl.data.Partitions;
import org.fedwan.fl.data.SyntheticImages;
import org.fedwan.fl.model.Block;
import org.fedwan.fl.model.ModelDefinition;
import org.fedwan.fl.model.SequentialModel;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trainers release native memory deterministically (issue 16): the bytes of live ND4J arrays
 * (libnd4j's allocation counter, {@link MemoryProbe#liveNd4jBytes()}) after many rounds of
 * training, gradients and evaluation (measured after each of the three) are at most those at the end
 * of round 2, and closing a trainer or a
 * pool releases its graph's variables. No timing is measured. The surefire execution {@code native-memory} runs this class with
 * {@code -Dorg.nd4j.noarraygc=true}, which stops ND4J's garbage-collector-driven deallocation: any
 * array the trainers fail to close then stays counted, so a leak cannot hide behind a collection.
 * In the default execution (collector active) a leak can only be masked, never invented: the
 * collector only lowers the count.
 */
class NativeMemoryTest {

    /** Every path of a training step: convolution, batch norm (running statistics), dropout, dense. */
    private static final ModelDefinition MODEL = new SequentialModel("memory-test", new int[] {1, 12, 12}, 4, List.of(
            new Block.Conv("conv", "conv", 1, 4, 3, true), new Block.BatchNorm("conv", "bn", 4), new Block.Relu(),
            new Block.MaxPool(2), new Block.Flatten(), new Block.Dropout("drop", 0.25),
            new Block.Dense("fc", "fc", 4 * 6 * 6, 4)));
    private static final ImageDataset TRAIN = SyntheticImages.generate("memory-train", 160, 12, 4, 40, 1, 2);
    private static final ImageDataset TEST = SyntheticImages.generate("memory-test", 120, 12, 4, 40, 1, 3);
    private static final int CLIENTS = 4;
    private static final int ROUNDS = 8;
    /** Rounds before the reference count: the first calls fill ND4J's caches of shapes and op contexts. */
    private static final int WARM_UP_ROUNDS = 2;

    @Test
    void liveNativeBytesAfterManyRoundsStayAtTheirLevelAfterRoundTwo() {
        TrainingSettings settings = new TrainingSettings(2, 7, 0.05).withMomentum(0.9).withWeightDecay(1e-4);
        int[][] shares = Partitions.iid(TRAIN.size(), CLIENTS, 5);
        long open;
        // live bytes after each phase of each round: training, gradients, evaluation
        List<long[]> perRound = new ArrayList<>();
        float[][] global = MODEL.initialWeights(1);
        float[] buffers = MODEL.initialBuffers();
        List<OptimizerState> states = new ArrayList<>(List.of(OptimizerState.NONE, OptimizerState.NONE, OptimizerState.NONE,
                OptimizerState.NONE));
        try (TrainerPool pool = new TrainerPool(MODEL, settings, 2)) {
            for (int round = 1; round <= ROUNDS; round++) {
                List<TrainerPool.Job> jobs = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    TrainerPool.Job job = new TrainerPool.Job(global, buffers, TRAIN, shares[c], 100L * round + c, states.get(c));
                    // client 1 trains through a quantizer (QAT), client 2 with FedProx's proximal term
                    jobs.add(c == 1 ? job.withProjection(NativeMemoryTest::halve) : c == 2 ? job.withProximalMu(0.01) : job);
                }
                List<TrainResult> results = pool.train(jobs);
                long afterTraining = MemoryProbe.liveNd4jBytes();
                for (int c = 0; c < CLIENTS; c++) {
                    states.set(c, results.get(c).state());
                }
                global = results.get(round % CLIENTS).weights();
                buffers = results.get(round % CLIENTS).buffers();
                pool.gradients(jobs, GradientMode.FULL_LOCAL_DATA);
                pool.gradients(jobs, GradientMode.ONE_MINIBATCH);
                long afterGradients = MemoryProbe.liveNd4jBytes();
                Evaluation e = pool.evaluate(global, buffers, TEST);
                assertEquals(TEST.size(), e.samples());
                perRound.add(new long[] {afterTraining, afterGradients, MemoryProbe.liveNd4jBytes()});
            }
            // every call releases what it allocated: each phase ends where round 2 ended
            long reference = perRound.get(WARM_UP_ROUNDS - 1)[2];
            for (int round = WARM_UP_ROUNDS + 1; round <= ROUNDS; round++) {
                for (long live : perRound.get(round - 1)) {
                    assertTrue(live <= reference, "live ND4J bytes after training, gradients and evaluation, by round "
                            + "(the end of round " + WARM_UP_ROUNDS + " is the reference): "
                            + perRound.stream().map(Arrays::toString).toList());
                }
            }
            open = MemoryProbe.liveNd4jBytes();
        }
        long released = open - MemoryProbe.liveNd4jBytes();
        assertTrue(released >= 2 * variableBytes(), "closing the pool releases both trainers' variables (" + variableBytes()
                + " bytes each): " + released + " bytes released");
    }

    /** Native bytes of the model's variables: weights and batch-norm running statistics, 4 bytes each. */
    private static long variableBytes() {
        return 4L * (MODEL.layout().parameterCount() + MODEL.initialBuffers().length);
    }

    @Test
    void callScopedMemoryClosesWhatItAllocatedAndLeavesOtherArraysAlone() {
        CallScopedMemory memory = new CallScopedMemory();
        INDArray a = memory.allocate(false, DataType.FLOAT, 3, 4);
        INDArray b = memory.allocate(true, DataType.FLOAT, 5);
        INDArray foreign = Nd4j.create(new float[] {1, 2, 3}, new long[] {3}, 'c');
        assertEquals(2, memory.tracked());
        memory.release(a);
        assertTrue(a.wasClosed(), "a released array is closed at once");
        memory.release(foreign);
        assertFalse(foreign.wasClosed(), "an array the manager did not allocate belongs to its owner");
        assertEquals(1, memory.tracked());
        memory.closeAll();
        assertTrue(b.wasClosed());
        assertEquals(0, memory.tracked());
        assertEquals(6f, foreign.sumNumber().floatValue());
        foreign.close();
    }

    @Test
    void closingATrainerReleasesItsVariables() {
        LocalTrainer trainer = new LocalTrainer(MODEL);
        trainer.train(MODEL.initialWeights(2), TRAIN, new int[] {0, 1, 2, 3, 4, 5}, new TrainingSettings(1, 3, 0.1), 9);
        long open = MemoryProbe.liveNd4jBytes();
        trainer.close();
        long released = open - MemoryProbe.liveNd4jBytes();
        // SameDiff also keeps hidden copies made while building the graph; those go with the collector
        assertTrue(released >= variableBytes(), "variables of " + variableBytes() + " bytes, " + released + " bytes released");
    }

    /** A stand-in quantizer: every weight halved (the memory, not the arithmetic, is under test). */
    private static float[][] halve(float[][] weights, long step) {
        float[][] out = new float[weights.length][];
        for (int l = 0; l < weights.length; l++) {
            out[l] = weights[l].clone();
            for (int i = 0; i < out[l].length; i++) {
                out[l][i] *= 0.5f;
            }
        }
        return out;
    }
}
