package org.fedwan.scenarios.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.fedwan.scenarios.docs.ReferenceDocs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fedwan docs}: writes the reference documentation generated from the code. */
@Command(name = "docs", mixinStandardHelpOptions = true,
        description = {"Write the reference documentation generated from the code (scenario keys, compression schemes,",
            "strategies, figures, result columns) to docs/reference/."})
final class DocsCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "DIR", description = "where to write (default: docs/reference in the FedWAN folder)")
    Path out;

    @Override
    public Integer call() throws Exception {
        Path dir = out != null ? out : FedwanCli.home().resolve(ReferenceDocs.FOLDER);
        List<Path> written = ReferenceDocs.write(dir);
        for (Path p : written) {
            System.out.println("fedwan: wrote " + p);
        }
        return 0;
    }
}
