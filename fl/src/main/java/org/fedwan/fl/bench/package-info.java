/**
 * Benchmarks that are run by hand, not by the test suite: {@link org.fedwan.fl.bench.StepTimeBenchmark}
 * compares our training step time with PyTorch's on the same machine and in the same run;
 * {@link org.fedwan.fl.bench.MemoryProbe} reads the process's resident set, ND4J's live native
 * bytes and the Java heap (for {@code fedwan bench memory} and the native-memory tests).
 */
package org.fedwan.fl.bench;
