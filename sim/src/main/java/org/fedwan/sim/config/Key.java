package org.fedwan.sim.config;

import java.util.Objects;

/**
 * One scenario key, bound to one component of its section's record: its name in scenario files,
 * its type (how a value is read, checked, written back), its default and what it means. The
 * record component is the key's name in camel case ({@code round_deadline_s} is
 * {@code roundDeadlineS}).
 *
 * @param name         the key as written in scenario files
 * @param type         how its values are read, checked and written back
 * @param defaultValue the default; {@code null} for a key whose default another key or the loader decides
 * @param defaultText  the default as the reference writes it
 * @param description  what it means, with its unit
 * @param <T>          the value's Java type
 */
public record Key<T>(String name, ValueType<T> type, T defaultValue, String defaultText, String description) {

    public Key {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultText, "defaultText");
        Objects.requireNonNull(description, "description");
    }

    /** A key whose default is a value of its type. */
    public static <T> Key<T> of(String name, ValueType<T> type, T defaultValue, String description) {
        return new Key<>(name, type, defaultValue, defaultValue == null ? "(none)" : String.valueOf(type.write(defaultValue)),
                description);
    }

    /** A key without a value of its own by default; {@code defaultText} says what is used instead. */
    public static <T> Key<T> derived(String name, ValueType<T> type, String defaultText, String description) {
        return new Key<>(name, type, null, defaultText, description);
    }

    /** The record component this key is bound to. */
    public String component() {
        StringBuilder s = new StringBuilder();
        boolean upper = false;
        for (char ch : name.toCharArray()) {
            if (ch == '_') {
                upper = true;
            } else {
                s.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            }
        }
        return s.toString();
    }
}
