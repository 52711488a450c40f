package org.fedwan.compression.scheme;

/**
 * What a client hands its encoder in one round.
 *
 * @param round       round number, 0-based, the same at client and server
 * @param values      one array per layer of the layout: weights, update or gradient as the scheme's
 *                    {@link Scheme#quantity()} says; not modified
 * @param globalModel the global weights the round started from, one array per layer; only schemes
 *                    that say {@link Scheme#needsGlobalModel()} read it (SLAQ's skip rule), others
 *                    accept null
 */
public record RoundInput(int round, float[][] values, float[][] globalModel) {

    public RoundInput {
        if (round < 0) {
            throw new IllegalArgumentException("round must be >= 0, got " + round);
        }
        if (values == null) {
            throw new IllegalArgumentException("values must not be null");
        }
    }

    /** Input without the global model. */
    public static RoundInput of(int round, float[][] values) {
        return new RoundInput(round, values, null);
    }
}
