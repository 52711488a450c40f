package org.fedwan.fl.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fetch's command shows its output as it runs (the first MNIST download is seen) and still returns it. */
class ExternalCommandTest {

    @TempDir
    Path dir;

    @Test
    void outputIsEchoedLineByLineAndCollected() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream echo = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        ExternalCommand.Result r = ExternalCommand.run(List.of("sh", "-c", "echo fetching; echo 'npm notice 11 MB' >&2; exit 3"),
                dir, 1, "test", echo);
        assertEquals(3, r.exitCode());
        assertEquals("fetching\nnpm notice 11 MB", r.output());
        assertEquals("fetching\nnpm notice 11 MB\n", bytes.toString(StandardCharsets.UTF_8));
        assertEquals(r, ExternalCommand.run(List.of("sh", "-c", "echo fetching; echo 'npm notice 11 MB' >&2; exit 3"), dir, 1,
                "test"), "without an echo, the same result");
    }
}
