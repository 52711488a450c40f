package org.fedwan.compression.scheme;

/**
 * What the server recovers from one client's message.
 *
 * @param clientId   sender
 * @param round      round of the message
 * @param values     one array per layer of the layout; {@code null} for layers the message does not
 *                   carry. For schemes that code innovations (LAQ, SLAQ, QRR) these are the
 *                   client's current quantized values (previous plus innovation), not the innovation.
 * @param layerMse   per layer, the mean squared quantization error the client reported (seed 002
 *                   eq. 8), or NaN where it reported none
 */
public record DecodedUpdate(int clientId, int round, float[][] values, double[] layerMse) {

    /** Whether the message carried layer {@code layer}. */
    public boolean has(int layer) {
        return values[layer] != null;
    }
}
