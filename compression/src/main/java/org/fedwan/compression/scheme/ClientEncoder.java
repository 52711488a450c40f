package org.fedwan.compression.scheme;

/**
 * A client's side of a scheme: holds the client's state (residuals, previous quantized values,
 * codebooks, layer cycle position) and turns each round's values into a message. Not thread-safe:
 * one per client.
 */
public interface ClientEncoder {

    int clientId();

    /**
     * Encodes this round's values.
     *
     * @throws IllegalArgumentException if the values do not fit the layout or are not finite
     */
    EncodedUpdate encode(RoundInput input);
}
