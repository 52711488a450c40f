package org.fedwan.sim.config;

import java.nio.file.Path;
import org.fedwan.fl.model.ModelZoo;
import org.fedwan.fl.model.OnnxModel;

/**
 * The type of the {@code model} key: a name of the model zoo (or of its {@code mlp:} family), or
 * {@code onnx:PATH}, an ONNX file relative to the scenario file's folder. The file is checked as
 * other input files are ({@link InputFiles}: a regular file, at most {@link OnnxModel#MAX_FILE_BYTES})
 * and read once, so that a file that is not an ONNX model is refused when the scenario is loaded;
 * the value becomes {@code onnx:} and the resolved path.
 */
public final class ModelKey {

    private ModelKey() {
    }

    /**
     * {@code value} with the path of an {@code onnx:PATH} resolved against {@code baseDir} (the
     * folder of the scenario file that gave it); any other value unchanged. For loaders that
     * resolve relative paths per file, as {@code extends:} chains need.
     */
    public static Object relativeTo(Object value, Path baseDir) {
        if (!(value instanceof String s) || !OnnxModel.isOnnx(s.trim()) || baseDir == null) {
            return value;
        }
        Path p = Path.of(OnnxModel.path(s.trim()));
        return p.isAbsolute() || OnnxModel.path(s.trim()).isEmpty() ? value : OnnxModel.PREFIX + baseDir.resolve(p).normalize();
    }

    static ValueType<String> type() {
        ValueType<String> zoo = Types.canonicalText(TrainingSection::allowedModels, TrainingSection::canonicalModel);
        return new ValueType<>() {
            @Override
            public String read(Object raw, Path baseDir) {
                if (!(raw instanceof String s) || !OnnxModel.isOnnx(s.trim())) {
                    return zoo.read(raw, baseDir);
                }
                String given = OnnxModel.path(s.trim());
                if (given.isEmpty()) {
                    throw new IllegalArgumentException("allowed: " + OnnxModel.PREFIX + "PATH, an ONNX file (here: no path)");
                }
                Path p = Path.of(given);
                Path file = p.isAbsolute() || baseDir == null ? p.normalize() : baseDir.resolve(p).normalize();
                String problem = InputFiles.problem(file, OnnxModel.MAX_FILE_BYTES, "an ONNX model file");
                if (problem != null) {
                    throw new IllegalArgumentException(file + ": " + problem);
                }
                return ModelZoo.canonical(OnnxModel.PREFIX + file);
            }

            @Override
            public Object write(String value) {
                return zoo.write(value);
            }

            @Override
            public String allowed() {
                return zoo.allowed();
            }

            @Override
            public Class<?> javaType() {
                return String.class;
            }

            @Override
            public boolean textual() {
                return true;
            }
        };
    }
}
