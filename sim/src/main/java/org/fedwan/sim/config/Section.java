package org.fedwan.sim.config;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One section of the scenario schema: a record whose every component is a scenario key, and the
 * table of those keys (name, type, default, meaning). The table is the one place a key is defined:
 * it reads the key's value from a scenario file, checks it, builds the record (whose constructor
 * checks what involves several of its keys), writes the value back to the manifest and documents
 * it. Adding a key is a component of the record and a line of its table.
 *
 * @param <S> the section's record type
 */
public final class Section<S extends Record> {

    private final String name;
    private final String description;
    private final Class<S> type;
    private final List<Key<?>> keys;
    private final RecordComponent[] components;
    private final Constructor<S> constructor;

    /**
     * @param name        the section's name in the reference, e.g. {@code training}
     * @param description what its keys are about
     * @param type        the record
     * @param keys        one key per record component, in the order the reference lists them
     * @throws IllegalStateException if a key and the record's components do not match one to one
     */
    public Section(String name, String description, Class<S> type, List<Key<?>> keys) {
        this.name = Objects.requireNonNull(name, "name");
        this.description = Objects.requireNonNull(description, "description");
        this.type = Objects.requireNonNull(type, "type");
        this.keys = List.copyOf(keys);
        this.components = type.getRecordComponents();
        Map<String, RecordComponent> byName = new LinkedHashMap<>();
        Class<?>[] parameterTypes = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            byName.put(components[i].getName(), components[i]);
            parameterTypes[i] = components[i].getType();
        }
        for (Key<?> k : keys) {
            RecordComponent c = byName.remove(k.component());
            if (c == null) {
                throw new IllegalStateException(type.getSimpleName() + " has no component '" + k.component() + "' for key '"
                        + k.name() + "'");
            }
            if (!box(c.getType()).isAssignableFrom(k.type().javaType())) {
                throw new IllegalStateException(type.getSimpleName() + "." + c.getName() + " is a " + c.getType().getSimpleName()
                        + " but key '" + k.name() + "' reads a " + k.type().javaType().getSimpleName());
            }
        }
        if (!byName.isEmpty()) {
            throw new IllegalStateException(type.getSimpleName() + " components without a key: " + byName.keySet());
        }
        try {
            this.constructor = type.getDeclaredConstructor(parameterTypes);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type + " has no canonical constructor", e);
        }
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public Class<S> type() {
        return type;
    }

    /** The keys, in the reference's order. */
    public List<Key<?>> keys() {
        return keys;
    }

    /** The key named {@code key}, or null. */
    public Key<?> key(String key) {
        for (Key<?> k : keys) {
            if (k.name().equals(key)) {
                return k;
            }
        }
        return null;
    }

    /**
     * Builds the section from values already read by their keys' types (key name to value); keys
     * not given take their defaults.
     *
     * @throws KeyProblem when the record's own checks refuse the combination
     */
    public S build(Map<String, ?> values) {
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            Key<?> k = keyOf(components[i]);
            Object v = values.containsKey(k.name()) ? values.get(k.name()) : k.defaultValue();
            if (v == null && components[i].getType().isPrimitive()) {
                throw new IllegalStateException("key '" + k.name() + "' has no value and no default");
            }
            args[i] = v;
        }
        try {
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
        }
    }

    /**
     * Reads one value of key {@code key} with its type.
     *
     * @throws IllegalArgumentException naming what is allowed
     */
    public Object read(String key, Object raw, Path baseDir) {
        return Objects.requireNonNull(key(key), key).type().read(raw, baseDir);
    }

    /** The value of key {@code k} in {@code section}. */
    public Object get(S section, Key<?> k) {
        for (RecordComponent c : components) {
            if (c.getName().equals(k.component())) {
                try {
                    return c.getAccessor().invoke(section);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalArgumentException(k.name() + " is not a key of section " + name);
    }

    /** The section's values as a manifest writes them (key to value), in key order; keys without a value are left out. */
    public Map<String, Object> write(S section) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Key<?> k : keys) {
            Object v = get(section, k);
            if (v != null) {
                out.put(k.name(), writeValue(k, v));
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static <T> Object writeValue(Key<T> k, Object v) {
        return k.type().write((T) v);
    }

    private Key<?> keyOf(RecordComponent c) {
        for (Key<?> k : keys) {
            if (k.component().equals(c.getName())) {
                return k;
            }
        }
        throw new IllegalStateException("no key for " + c.getName());
    }

    private static Class<?> box(Class<?> c) {
        if (!c.isPrimitive()) {
            return c;
        }
        return switch (c.getName()) {
            case "int" -> Integer.class;
            case "long" -> Long.class;
            case "double" -> Double.class;
            case "boolean" -> Boolean.class;
            default -> throw new IllegalStateException("unsupported component type " + c);
        };
    }

    /** The values of {@code section}'s keys as given: used to rebuild it with some keys changed. */
    Map<String, Object> values(S section) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Key<?> k : keys) {
            out.put(k.name(), get(section, k));
        }
        return out;
    }

    /** Every key name, for messages. */
    List<String> keyNames() {
        List<String> out = new ArrayList<>();
        keys.forEach(k -> out.add(k.name()));
        return out;
    }
}
