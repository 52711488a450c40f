package org.fedwan.fl.model;

/**
 * A layer list ({@link LayerList}) that cannot be read or does not fit its data set: the entry at
 * fault, the key path of the value ({@code layers[3].conv.kernel}), the value as given and what is
 * allowed.
 */
public final class LayerListException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int entry;
    private final String path;
    private final String value;
    private final String problem;

    /**
     * @param entry   0-based index of the entry at fault, or -1 when the list as a whole is
     * @param path    key path of the value at fault, e.g. {@code layers[3].conv.kernel}
     * @param value   the value as given
     * @param problem what is wrong and what is allowed, e.g. {@code allowed: a whole number from 1 to 24}
     */
    public LayerListException(int entry, String path, String value, String problem) {
        super(entry >= 0 ? "'" + path + "' = " + value + ": " + problem : problem);
        this.entry = entry;
        this.path = path;
        this.value = value;
        this.problem = problem;
    }

    /** @return the 0-based index of the entry at fault, or -1 when the list as a whole is */
    public int entry() {
        return entry;
    }

    /** @return the key path of the value at fault, e.g. {@code layers[3].conv.kernel} */
    public String path() {
        return path;
    }

    /** @return the value as given */
    public String value() {
        return value;
    }

    /** @return what is wrong and what is allowed */
    public String problem() {
        return problem;
    }
}
