/**
 * Forward erasure correction of fragmented messages in the style of the LoRa Alliance's
 * "LoRaWAN Fragmented Data Block Transport Specification" TS004-1.0.0 (2018), §"Fragmentation
 * FEC" and its appendix with the parity-check matrix line generator: a message of M fragments is
 * sent as the M fragments themselves, then coded fragments, each the XOR of a pseudo-random half
 * of the M; the receiver rebuilds the message from any M fragments whose combinations are
 * linearly independent over GF(2). Pure functions and plain state, no simulation.
 *
 * <ul>
 *   <li>{@link org.fedwan.channel.fragmentation.Ts004Parity}: TS004's PRBS23 and
 *       {@code matrix_line}, bit-packed.</li>
 *   <li>{@link org.fedwan.channel.fragmentation.FecLayout}: how many fragments of which size a
 *       message becomes for a redundancy ratio.</li>
 *   <li>{@link org.fedwan.channel.fragmentation.FecEncoder}: message to uncoded and coded
 *       FRMPayloads (the 3-byte header of {@link org.fedwan.channel.lorawan.Fragmentation}).</li>
 *   <li>{@link org.fedwan.channel.fragmentation.FecDecoder}: incremental Gaussian elimination
 *       over GF(2), fragments in any order.</li>
 * </ul>
 *
 * <p>TS004 defines the scheme for the downlink (firmware updates over the air, the server
 * sending to many devices); FedWAN applies the same code to the uplink of model updates.
 */
package org.fedwan.channel.fragmentation;
