package org.fedwan.sim.config;

/**
 * A value a scenario key cannot take, with what is allowed: thrown by a key's type while reading a
 * value and by a section's validation, so that the loader can say which key of which file and
 * line is wrong.
 */
public final class KeyProblem extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String key;

    /**
     * @param key     the scenario key at fault (the first one, when several are involved)
     * @param message what is wrong and what is allowed, e.g. {@code allowed: a number > 0 and <= 1}
     */
    public KeyProblem(String key, String message) {
        super(message);
        this.key = key;
    }

    /** @return the scenario key at fault */
    public String key() {
        return key;
    }
}
