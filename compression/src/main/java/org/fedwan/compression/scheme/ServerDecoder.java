package org.fedwan.compression.scheme;

import java.util.Optional;

/**
 * The server's side of a scheme: keeps per-client state where the scheme needs it (previous
 * quantized values, codebooks) and decodes messages. Not thread-safe: one per server.
 */
public interface ServerDecoder {

    /**
     * Decodes a message of {@code clientId} for {@code round}. A message that fails its integrity
     * check, has the wrong length or invalid side data is rejected and leaves the state unchanged.
     *
     * @throws org.fedwan.compression.MalformedMessageException naming what is wrong
     */
    DecodedUpdate decode(int clientId, int round, byte[] message);

    /**
     * For schemes that code innovations (LAQ, SLAQ, QRR): the client's latest quantized values as
     * the server knows them, which lazy aggregation reuses when the client skips a round. Empty
     * for other schemes or a client never heard from.
     */
    default Optional<float[][]> latest(int clientId) {
        return Optional.empty();
    }
}
