package org.fedwan.fl.train;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.InferenceSession;
import org.nd4j.autodiff.samediff.internal.memory.AbstractMemoryMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.LongShapeDescriptor;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The memory manager of a trainer's SameDiff sessions: it allocates every array a graph execution
 * needs (op outputs, the gradients it returns) as ND4J's own {@code ArrayCacheMemoryMgr} does when
 * its cache is empty ({@code Nd4j.createUninitializedDetached}, so no op sees other contents than
 * before), remembers them, and closes them all when the trainer has read the results:
 * {@link #closeAll()} after every SameDiff call.
 *
 * <p>Why: in ND4J 1.0.0-M2.1, {@code SameDiff.calculateGradients} runs its gradient graph with
 * the session cache disabled ({@code setEnableCache(false)} on every call), so the session never
 * hands its intermediate arrays (activations, their gradients, the returned gradients) back to its
 * memory manager, and they wait for the garbage collector: some 3 MB per step of the 6k-parameter
 * {@code cnn-mnist} at batch 32, hundreds of MB per step for the seed models. The evaluation
 * graph does release its intermediates ({@link #release} closes them at once), but keeps up to a
 * quarter of JavaCPP's {@code maxBytes} cached per session and thread.
 *
 * <p>A session keeps references to the arrays of its last call (its map of node values and op
 * contexts) but reads them only after it has written them again in a later call, so closing them
 * between calls is safe. Not thread-safe: a trainer is used by one thread at a time.
 */
final class CallScopedMemory extends AbstractMemoryMgr {

    private final Set<INDArray> live = Collections.newSetFromMap(new IdentityHashMap<>());

    @Override
    public INDArray allocate(boolean detached, DataType dataType, long... shape) {
        INDArray a = Nd4j.createUninitializedDetached(dataType, shape);
        live.add(a);
        return a;
    }

    @Override
    public INDArray allocate(boolean detached, LongShapeDescriptor descriptor) {
        if (descriptor.isEmpty()) {
            // an empty array has no buffer to release (ND4J's ArrayCacheMemoryMgr does the same)
            INDArray a = Nd4j.create(descriptor);
            return detached ? a.detach() : a;
        }
        return allocate(detached, descriptor.dataType(), descriptor.getShape());
    }

    /** The session is done with {@code array}: closed at once if allocated here (others belong to their owner). */
    @Override
    public void release(INDArray array) {
        if (live.remove(array)) {
            NativeArrays.close(array);
        }
    }

    /** Closes every array allocated since the last call; the session's results must have been read. */
    void closeAll() {
        for (INDArray a : live) {
            NativeArrays.close(a);
        }
        live.clear();
    }

    /** Arrays allocated since the last {@link #closeAll()} and not released yet: for tests. */
    int tracked() {
        return live.size();
    }

    @Override
    public void close() {
        closeAll();
    }

    /**
     * Makes this the memory manager of {@code graph}'s session for the calling thread, creating
     * the session as SameDiff would ({@link SameDiff#getInferenceFactory()}).
     */
    void bind(SameDiff graph) {
        long thread = Thread.currentThread().getId();
        InferenceSession session = graph.getSessions().get(thread);
        if (session == null) {
            session = SameDiff.getInferenceFactory().create(graph);
            graph.getSessions().put(thread, session);
        }
        if (session.getMmgr() != this) {
            session.getMmgr().close();
            session.setMmgr(this);
        }
    }
}
