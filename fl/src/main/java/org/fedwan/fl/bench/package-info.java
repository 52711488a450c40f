/**
 * Benchmarks that are run by hand, not by the test suite: {@link org.fedwan.fl.bench.StepTimeBenchmark}
 * compares our training step time with PyTorch's on the same machine and in the same run.
 */
package org.fedwan.fl.bench;
