/**
 * Local training and evaluation on ND4J SameDiff graphs. A {@link org.fedwan.fl.train.LocalTrainer}
 * owns one graph and is used by one thread at a time; a {@link org.fedwan.fl.train.TrainerPool} runs
 * many clients' training in parallel, one trainer per worker thread, and returns results in client
 * order so that they do not depend on the number of threads. ND4J must run each operation on one
 * thread ({@code OMP_NUM_THREADS=1}, set by the {@code fedwan} launcher and by the test set-up):
 * parallelism comes from training clients side by side.
 */
package org.fedwan.fl.train;
