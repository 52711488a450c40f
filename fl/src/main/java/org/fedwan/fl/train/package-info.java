/**
 * Local training and evaluation on ND4J SameDiff graphs. A {@link org.fedwan.fl.train.LocalTrainer}
 * owns one graph and is used by one thread at a time; it is stateless between calls: weights,
 * buffers and the client's {@link org.fedwan.fl.train.OptimizerState} come in with each job and go
 * out with its {@link org.fedwan.fl.train.TrainResult}, and every random choice is drawn from the
 * job's seed. A {@link org.fedwan.fl.train.TrainerPool} runs many clients side by side, one trainer
 * per worker thread, in model mode (trained weights) or gradient mode
 * ({@link org.fedwan.fl.train.GradientMode}), optionally with FedProx's proximal term
 * ({@link org.fedwan.fl.train.TrainerPool.Job#withProximalMu}), and returns results in job
 * order, so that they do not depend on the number of threads. ND4J must run each operation on one thread
 * ({@code OMP_NUM_THREADS=1}, set by the {@code fedwan} launcher and by the test set-up).
 * {@link org.fedwan.fl.train.Pretraining} trains the initial model on a held-out public split.
 * Trainers release the native (off-heap) memory of every step, batch and job as soon as its
 * results are read, so a long run's native memory stays flat instead of waiting for the garbage
 * collector (issue 16).
 */
package org.fedwan.fl.train;
