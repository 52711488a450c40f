package org.fedwan.sim.config;

import java.nio.file.Path;
import org.fedwan.fl.model.LayerList;
import org.fedwan.fl.model.LayerListException;

/**
 * The value type of the {@code layers} key: a {@link LayerList} read from a YAML or JSON list
 * ({@link LayerList#parse}) and written back in its canonical plain form (a list of one-key
 * mappings), which reads back equal. Its shapes are checked against the data set by the schema's
 * cross-section checks, since the data set is another section's key.
 */
final class LayerListType implements ValueType<LayerList> {

    private final String key;

    /** @param key the key's name, the start of every path in errors */
    LayerListType(String key) {
        this.key = key;
    }

    @Override
    public LayerList read(Object raw, Path baseDir) {
        try {
            return LayerList.parse(raw, key);
        } catch (LayerListException e) {
            throw new KeyProblem(key, e.getMessage(), e.entry());
        }
    }

    @Override
    public Object write(LayerList value) {
        return value.toPlain();
    }

    @Override
    public String allowed() {
        return LayerList.ALLOWED;
    }

    @Override
    public Class<?> javaType() {
        return LayerList.class;
    }
}
