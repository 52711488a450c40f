package org.fedwan.compression.scheme;

/**
 * One client's message of one round: the bytes to put on the air and what they hold.
 *
 * @param clientId client that encoded it
 * @param round    round it belongs to
 * @param message  the bytes; empty when the client skips the upload (SLAQ)
 * @param layers   indices of the layers the message carries, ascending
 * @param bits     exact bits; {@code message.length == bits.totalBytes()}
 */
public record EncodedUpdate(int clientId, int round, byte[] message, int[] layers, MessageBits bits) {

    public EncodedUpdate {
        if (message.length != bits.totalBytes()) {
            throw new IllegalStateException("message of " + message.length + " bytes disagrees with its accounting of "
                    + bits.totalBytes() + " bytes");
        }
        layers = layers.clone();
    }

    /** Whether the client sends nothing this round. */
    public boolean skipped() {
        return message.length == 0;
    }

    @Override
    public int[] layers() {
        return layers.clone();
    }

    @Override
    public byte[] message() {
        return message;
    }
}
