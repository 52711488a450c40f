package org.fedwan.sim.link;

/**
 * One client's radio link to the server, whatever the protocol: it sends a message of N bytes and
 * reports it delivered or lost (with a cause) through an {@link Upload}; it can be aborted; it
 * says how long it has waited (duty cycle, channel access) and whether its battery is empty. What
 * it spends and sends on the way it reports to the {@link LinkEvents} of its group.
 */
public interface ClientLink {

    /**
     * Starts uploading {@code message} now (or as soon as the protocol allows).
     *
     * @param message the bytes to send
     * @param tag     a tag identifying the message, 0..255 (the round modulo 256)
     * @param upload  told once of delivery or loss
     * @throws IllegalStateException if the previous upload is still under way
     */
    void send(byte[] message, int tag, Upload upload);

    /**
     * Gives up on the message being sent: no further transmission of it starts and its
     * {@link Upload} is never called. A transmission already on the air finishes and is reported.
     */
    void abort();

    /** Whether an upload is under way (a transmission on the air counts, even after {@link #abort()}). */
    boolean isSending();

    /**
     * Drains the device's battery by {@code energyJ} of local training (the energy ledger's
     * {@code mcu_training}, charged per MFLOP by the round controller); the device stops if that
     * empties it.
     */
    void chargeTraining(long nowUs, double energyJ);

    /** Time the device has waited to transmit so far (duty cycle), µs. */
    long waitingTimeUs();

    /** Whether the device's battery is empty at {@code nowUs}. */
    boolean batteryEmpty(long nowUs);
}
