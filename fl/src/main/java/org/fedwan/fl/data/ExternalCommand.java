package org.fedwan.fl.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
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
        return run(command, directory, timeoutMinutes, purpose, null);
    }

    /**
     * As {@link #run(List, Path, int, String)}, copying the command's output, line by line as it
     * comes, to {@code echo} (unless null): a download that takes a while is seen to happen.
     */
    static Result run(List<String> command, Path directory, int timeoutMinutes, String purpose, PrintStream echo)
            throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new IOException("'" + command.get(0) + "' could not be started to " + purpose + " (" + e.getMessage() + ")", e);
        }
        StringBuilder output = new StringBuilder();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                output.append(line).append('\n');
                if (echo != null) {
                    echo.println(line);
                    echo.flush();
                }
            }
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
        return new Result(p.exitValue(), output.toString().strip());
    }
}
