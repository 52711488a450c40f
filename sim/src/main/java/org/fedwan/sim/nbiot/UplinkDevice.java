package org.fedwan.sim.nbiot;

/**
 * What the FL co-simulation needs from a client's radio, whatever the protocol: send one message
 * (a model update) and be told when it has arrived, give up on it, and ask whether an upload is
 * under way. {@link NbiotDevice} implements it; the LoRaWAN device of
 * {@code org.fedwan.sim.lorawan} already has the same methods ({@code id()} and {@code name()}
 * come from the kernel's {@code Entity}).
 *
 * <p>Failures are not thrown: a message that cannot be delivered (out of coverage, random access
 * failed, battery empty) simply never calls {@code onSent}; the device reports the failure to its
 * listener and the FL round's deadline drops the client.
 */
public interface UplinkDevice {

    /** @return the stable id of the device (also its random-stream key) */
    long id();

    /** @return the device's name, e.g. {@code dev-3} */
    String name();

    /**
     * Starts sending {@code message} now; {@code onSent} runs once its last byte has arrived.
     *
     * @param message    the bytes to send
     * @param messageTag a tag identifying the message (e.g. the round modulo 256)
     * @param onSent     called once when the whole message has been delivered
     * @throws IllegalStateException if the device is still sending its previous message
     */
    void send(byte[] message, int messageTag, Runnable onSent);

    /**
     * Gives up on the message being sent: no further transmission of it starts and
     * {@code onSent} will not run. A transmission already granted or on the air finishes.
     */
    void abort();

    /** @return whether an upload is under way (a granted or ongoing transmission counts, even after {@link #abort()}) */
    boolean isSending();
}
