/**
 * The federated-learning side of FedWAN: data sets and partitions ({@code data}), models as ND4J
 * SameDiff graphs with a pure-Java parameter layout ({@code model}), local training, gradients and
 * evaluation ({@code train}), the server's strategies: client selection, client configuration and
 * aggregation ({@code strategy}), and a step-time benchmark against PyTorch ({@code bench}). Parameters cross module boundaries as
 * {@code float[][]}, one array per layer of a {@link org.fedwan.compression.ModelLayout}, so codecs
 * see exactly what is trained. See {@code docs/fl.md} for the design notes.
 */
package org.fedwan.fl;
