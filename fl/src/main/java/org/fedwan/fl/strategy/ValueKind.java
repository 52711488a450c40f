package org.fedwan.fl.strategy;

/**
 * What the values of a {@link ClientResult} are, which fixes how a strategy turns their average
 * into a step of the global model.
 */
public enum ValueKind {
    /** Each client sends its trained model; the step is {@code mean - global}. */
    WEIGHTS,
    /** Each client sends its update, trained model minus the global model it started from; the step is {@code mean}. */
    UPDATES,
    /**
     * Each client sends a gradient of its loss (seeds 003 and 004); the server descends along it,
     * the step is {@code -clientLearningRate x mean}.
     */
    GRADIENTS
}
