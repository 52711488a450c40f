package org.fedwan.sim.config;

/**
 * A value a scenario key cannot take, with what is allowed: thrown by a key's type while reading a
 * value and by a section's validation, so that the loader can say which key of which file and
 * line is wrong.
 */
public final class KeyProblem extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final int entry;

    /**
     * @param key     the scenario key at fault (the first one, when several are involved)
     * @param message what is wrong and what is allowed, e.g. {@code allowed: a number > 0 and <= 1}
     */
    public KeyProblem(String key, String message) {
        this(key, message, -1);
    }

    /**
     * A problem of one entry of a list value ({@code layers}); the message names the entry's key
     * path and value itself ({@code 'layers[3].conv.kernel' = 40: allowed: 1 to 24}), so that a
     * loader can point at the entry's own line.
     *
     * @param entry 0-based index of the entry at fault, or -1 when the value as a whole is
     */
    public KeyProblem(String key, String message, int entry) {
        super(message);
        this.key = key;
        this.entry = entry;
    }

    /** @return the scenario key at fault */
    public String key() {
        return key;
    }

    /** @return the 0-based index of the list entry at fault, or -1 when the value as a whole is */
    public int entry() {
        return entry;
    }
}
