package org.fedwan.results;

import java.util.ArrayList;
import java.util.List;

/**
 * An enum whose constants are written to the result tables as fixed labels. Labels are part of
 * the tables' contract: a reader parses them back with {@link #parse}, which refuses a label it
 * does not know instead of guessing, so renaming a constant can never silently reclassify a row.
 */
public interface Labeled {

    /** @return the label as written in the tables */
    String label();

    /**
     * The constant of {@code type} whose label is {@code label}.
     *
     * @throws IllegalArgumentException naming the label and the allowed ones
     */
    static <E extends Enum<E> & Labeled> E parse(Class<E> type, String label) {
        for (E e : type.getEnumConstants()) {
            if (e.label().equals(label)) {
                return e;
            }
        }
        throw new IllegalArgumentException("'" + label + "' is not a " + type.getSimpleName() + "; allowed: "
                + String.join(", ", labels(type)));
    }

    /** Every label of {@code type}, in declaration order. */
    static <E extends Enum<E> & Labeled> List<String> labels(Class<E> type) {
        List<String> out = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            out.add(e.label());
        }
        return out;
    }
}
