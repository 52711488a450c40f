/**
 * The federated-learning side of FedWAN: data sets and partitions ({@code data}), models as ND4J
 * SameDiff graphs with a pure-Java parameter layout ({@code model}), local training and evaluation
 * ({@code train}), and server aggregation as pure functions ({@code aggregate}).
 * Parameters cross module boundaries as {@code float[][]}, one array per layer of a
 * {@link org.fedwan.compression.ModelLayout}, so codecs see exactly what is trained.
 */
package org.fedwan.fl;
