package org.fedwan.fl.strategy;

/**
 * A client that was selected for a round but delivered nothing the server could use: its upload
 * was lost, it missed the deadline, its battery ran out. Failures are data handed to
 * {@link Strategy#aggregateFit}, never exceptions (Flower's {@code aggregate_fit(results, failures)}).
 *
 * @param clientId the client's index
 * @param cause    short machine-readable cause, e.g. {@code deadline}, {@code lost-fragment}
 */
public record Failure(int clientId, String cause) {

    /** @throws IllegalArgumentException if {@code cause} is null or blank */
    public Failure {
        if (cause == null || cause.isBlank()) {
            throw new IllegalArgumentException("client " + clientId + ": a failure needs a cause");
        }
    }
}
