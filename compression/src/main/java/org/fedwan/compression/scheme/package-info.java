/**
 * Compression schemes as the seeds specify them: what is compressed, per-client and server state,
 * exact bits, and real messages; and the one registry, {@link org.fedwan.compression.scheme.Compression},
 * of uplink schemes, downlink codecs and their documentation.
 *
 * <h2>Use</h2>
 * <pre>{@code
 * Scheme s = Compression.uplink("xfl", layout, Map.of("codec", "int4"));        // name + options from the scenario
 * Map<String, String> o = Compression.parseOptions("bits=4-2-2-4 weighting=mse"); // the same options as text
 * ClientEncoder enc = s.newClient(clientId, streams.of(clientId, "compression"));
 * ServerDecoder dec = s.newServer();                                            // one per server
 * EncodedUpdate m = enc.encode(new RoundInput(round, values, globalModel));     // m.message() goes on the air
 * DecodedUpdate d = dec.decode(clientId, round, receivedBytes);                 // per-layer values + reported MSE
 * switch (s.averagingRule()) { ... }                                            // MEAN, INVERSE_MSE, LATEST_OF_EVERY_CLIENT
 * DownlinkCodec down = Compression.downlink("fp32", layout);                    // the run's downlink_codec
 * byte[] broadcast = down.encode(global);                                       // UpdateCodec's bytes, no CRC
 * }</pre>
 * {@link org.fedwan.compression.scheme.Scheme#uplinkBits} gives the exact size of a message without
 * encoding one; {@link org.fedwan.compression.scheme.Scheme#cycleRounds} says over how many rounds
 * it varies (XFL's layer cycle, QuantFL's codebook refresh). An empty message
 * ({@link org.fedwan.compression.scheme.EncodedUpdate#skipped}) means the client sends nothing
 * (SLAQ); the server then reuses {@link org.fedwan.compression.scheme.ServerDecoder#latest}, as
 * {@link org.fedwan.compression.scheme.AveragingRule#LATEST_OF_EVERY_CLIENT} says. The broadcast
 * of the global model is no part of a scheme: its codec is the run's {@code downlink_codec}
 * ({@link org.fedwan.compression.scheme.DownlinkCodec}); schemes have no {@code downlink} option.
 *
 * <h2>Messages</h2>
 * Every uplink message is: a CRC-32 of the rest (4 bytes, {@link org.fedwan.compression.Integrity}),
 * header fields if the scheme has any (XFL's layer index in {@code ceil(log2 L)} bits, QuantFL's
 * codebook flag bit), then per layer in layout order the layer's side information and payload
 * bits, with no padding except at the very end (zero bits up to a whole byte, also covered by the
 * CRC). Client identity and round come from the transport (LoRaWAN DevAddr and frame counter) and
 * are not repeated. Decoders check the CRC first, then the length the header implies, then every
 * field (finite scales, indices in range, ordered codebooks) and the padding, and throw
 * {@link org.fedwan.compression.MalformedMessageException} before touching their state: a
 * truncated or corrupted message is never decoded into data. The CRC is counted as side bits
 * ({@link org.fedwan.compression.SideKind#CHECK}) so accounting can show figures with and without it.
 * {@code SchemeAbstract}, the base of every scheme, writes and checks this frame.
 *
 * <h2>Extending</h2>
 * A stateless per-layer quantizer is one {@link org.fedwan.compression.scheme.LayerQuantizer} class
 * (or a {@link org.fedwan.compression.LayerCodec}, which also makes it a downlink codec) and one
 * line in {@code StatelessKinds}; it then works alone, inside {@code xfl codec=NAME}, and under
 * {@code ef:NAME}. Any other scheme is one subclass of {@code SchemeAbstract} (its options, its
 * encoder, its decoder) and one {@code add} line in {@link org.fedwan.compression.scheme.Compression}.
 */
package org.fedwan.compression.scheme;
