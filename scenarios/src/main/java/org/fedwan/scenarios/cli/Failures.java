package org.fedwan.scenarios.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * A failure of a command as the one line the CLI prints ({@code fedwan: ...}) and its exit code:
 * 2 for bad input (an {@link IllegalArgumentException}), 1 for anything else, an
 * {@link OutOfMemoryError} included. Wrappers (a worker's {@link ExecutionException}, an
 * {@link UncheckedIOException}) are looked through, so the line names the real cause.
 */
final class Failures {

    /** Exit code of bad input: the run never started. */
    static final int BAD_INPUT = 2;
    /** Exit code of a failure while running. */
    static final int FAILED = 1;

    /** How many wrappers {@link #cause} looks through: a chain longer than this is a loop or a bug. */
    private static final int MAX_WRAPPERS = 16;

    private Failures() {
    }

    /** Whether {@code --debug} is among the arguments (the handler of errors outside picocli needs it before parsing). */
    static boolean debugRequested(String... args) {
        return List.of(args).contains("--debug");
    }

    /** The exit code of {@code e}. */
    static int exitCode(Throwable e) {
        return cause(e) instanceof IllegalArgumentException ? BAD_INPUT : FAILED;
    }

    /** The one line that says what failed, starting with {@code fedwan: }. */
    static String line(Throwable e) {
        Throwable c = cause(e);
        String message = c.getMessage() == null || c.getMessage().isBlank() ? null : firstLine(c.getMessage());
        String text;
        if (c instanceof OutOfMemoryError) {
            text = "out of memory" + (message == null ? "" : " (" + message + ")")
                    + "; make the run smaller or give Java more memory, e.g. FEDWAN_JAVA_OPTS=-Xmx4g (--debug prints where)";
        } else if (c instanceof StackOverflowError) {
            text = "stack overflow; a structure nests too deeply (--debug prints where)";
        } else if (c instanceof NoSuchFileException f) {
            text = "no such file: " + f.getFile() + (f.getReason() == null ? "" : " (" + f.getReason() + ")");
        } else if (c instanceof AccessDeniedException f) {
            text = "permission denied: " + f.getFile();
        } else if (c instanceof FileAlreadyExistsException f) {
            text = f.getFile() + ": already exists and is not a folder";
        } else if (c instanceof NotDirectoryException f) {
            text = f.getFile() + ": not a folder";
        } else if (c instanceof FileSystemException f) {
            text = f.getFile() + ": " + (f.getReason() == null ? "cannot be written" : f.getReason());
        } else if (c instanceof JsonProcessingException j) {
            text = jsonFile(j) + "not valid JSON (" + firstLine(String.valueOf(j.getOriginalMessage())) + ")"
                    + (j.getLocation() == null ? "" : " at line " + j.getLocation().getLineNr() + ", column "
                    + j.getLocation().getColumnNr()) + (jsonFile(j).isEmpty() ? "; a result file (manifest.json or "
                    + "summary.json of a run folder) may be damaged: delete that run's folder to redo the run" : "");
        } else if (c instanceof ArithmeticException) {
            text = (message == null ? "arithmetic overflow" : message) + ": a value made the run exceed what the engine "
                    + "represents (simulated time is a long of µs, at most 292,271 years; --debug prints where)";
        } else if (c instanceof IllegalArgumentException || c instanceof IllegalStateException) {
            text = message == null ? c.getClass().getSimpleName() : message;
        } else {
            String kind = c.getClass().getSimpleName();
            if (message == null) {
                text = kind;
            } else {
                text = c instanceof IOException ? "cannot read or write: " + message : message + " (" + kind + ")";
            }
        }
        return "fedwan: " + text;
    }

    /** The file a JSON error comes from, as {@code FILE: }, when the parser kept it (a result file read on resume). */
    private static String jsonFile(JsonProcessingException e) {
        JsonLocation l = e.getLocation();
        Object raw = l == null || l.contentReference() == null ? null : l.contentReference().getRawContent();
        return raw instanceof File f ? f.getPath() + ": " : raw instanceof Path p ? p + ": " : "";
    }

    /** {@code e} without the wrappers that add nothing to its message. */
    static Throwable cause(Throwable e) {
        Throwable c = e;
        for (int i = 0; i < MAX_WRAPPERS && c.getCause() != null && c.getCause() != c && wrapper(c); i++) {
            c = c.getCause();
        }
        return c;
    }

    private static boolean wrapper(Throwable e) {
        return e instanceof ExecutionException || e instanceof CompletionException || e instanceof InvocationTargetException
                || e instanceof UncheckedIOException
                || (e.getClass() == RuntimeException.class && (e.getMessage() == null || e.getMessage().equals(e.getCause().toString())));
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
