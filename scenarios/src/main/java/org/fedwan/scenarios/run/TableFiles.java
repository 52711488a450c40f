package org.fedwan.scenarios.run;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fedwan.results.Table;
import org.fedwan.results.TableWriter;

/**
 * A run's tables written to files while the run reports its rows: each table goes to
 * {@code FILE.part} in the folder and is renamed to {@code FILE} by {@link #finish}, so nothing of
 * a table stays in memory however long the run (a CNN's update in 222-byte LoRaWAN fragments
 * makes millions of transmission rows). The bytes are those of the in-memory tables of
 * {@link Execution#execute(org.fedwan.sim.config.Scenario, DataSets.Cache, int, org.fedwan.results.RunListener)}
 * (UTF-8, the same rows).
 */
public final class TableFiles implements Closeable {

    private final Path dir;
    private final Map<String, BufferedWriter> writers = new LinkedHashMap<>();

    /**
     * Opens one file per table of {@link TableWriter#TABLES} in {@code dir}.
     *
     * @param dir an existing folder
     */
    public TableFiles(Path dir) throws IOException {
        this.dir = dir;
        try {
            for (Table<?> t : TableWriter.TABLES) {
                writers.put(t.file(), Files.newBufferedWriter(dir.resolve(t.file() + ".part"), StandardCharsets.UTF_8));
            }
        } catch (IOException | RuntimeException e) {
            IOException notClosed = closeAll();
            if (notClosed != null) {
                e.addSuppressed(notClosed);
            }
            throw e;
        }
    }

    /** @return an appendable per table file, for {@link Execution#executeStreaming} */
    public Map<String, ? extends Appendable> sinks() {
        return writers;
    }

    /** Closes every file and gives it its name: the tables are complete. */
    public void finish() throws IOException {
        close();
        for (String file : writers.keySet()) {
            Files.move(dir.resolve(file + ".part"), dir.resolve(file), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** Closes every file (a run that failed leaves its {@code .part} files to whoever abandons the folder). */
    @Override
    public void close() throws IOException {
        IOException notClosed = closeAll();
        if (notClosed != null) {
            throw notClosed;
        }
    }

    /** Closes every writer; returns the first failure (the others suppressed in it), or null. */
    private IOException closeAll() {
        IOException first = null;
        for (BufferedWriter w : writers.values()) {
            try {
                w.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        return first;
    }
}
