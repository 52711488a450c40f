package org.fedwan.fl.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a command of the machine's package tools and collects its exit code and output. */
final class ExternalCommand {

    private ExternalCommand() {
    }

    /** Exit code and combined standard output and error of a finished command. */
    record Result(int exitCode, String output) {
    }

    /**
     * Runs {@code command} in {@code directory}, waiting at most {@code timeoutMinutes}.
     *
     * @throws IOException if the program cannot be started (message names {@code purpose}), times out or is interrupted
     */
    static Result run(List<String> command, Path directory, int timeoutMinutes, String purpose) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new IOException("'" + command.get(0) + "' could not be started to " + purpose + " (" + e.getMessage() + ")", e);
        }
        String output;
        try (InputStream in = p.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            if (!p.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException("'" + String.join(" ", command) + "' did not finish within " + timeoutMinutes + " minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted while running '" + String.join(" ", command) + "'", e);
        }
        return new Result(p.exitValue(), output.strip());
    }
}
