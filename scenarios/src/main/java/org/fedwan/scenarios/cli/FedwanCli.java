package org.fedwan.scenarios.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Entry point of the {@code fedwan} command. */
@Command(name = "fedwan", mixinStandardHelpOptions = true, version = "FedWAN 0.1.0",
        description = "Federated learning over simulated LoRaWAN links: real training, real codecs, exact airtime and energy.",
        subcommands = {RunCommand.class, SweepCommand.class, PlotCommand.class, BudgetCommand.class, ScenarioCommand.class, DocsCommand.class,
            AirtimeCommand.class, EnergyPerByteCommand.class,
            AccountingCommand.class, LorawanNetCommand.class, NbiotNetCommand.class,
            BenchCommand.class, CommandLine.HelpCommand.class})
public final class FedwanCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Whether a failure prints its stack trace (global; also accepted after the command's name). */
    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "on a failure, print the stack trace as well as the one-line message")
    boolean debug;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** FedWAN's folder: the launcher passes it as {@code -Dfedwan.home}; else the working directory. */
    static Path home() {
        String h = System.getProperty("fedwan.home");
        return Path.of(h == null || h.isBlank() ? "." : h).toAbsolutePath().normalize();
    }

    /**
     * Builds the command line with FedWAN's error handling: one clear line, exit code 2 for bad
     * input ({@link IllegalArgumentException}), 1 for any other failure, no stack trace unless
     * {@code --debug}.
     */
    public static CommandLine commandLine() {
        FedwanCli top = new FedwanCli();
        CommandLine cl = new CommandLine(top);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            err.println(Failures.line(ex));
            if (top.debug) {
                ex.printStackTrace(err);
            }
            err.flush();
            return Failures.exitCode(ex);
        });
        return cl;
    }

    /**
     * Runs the command line; an {@link Error} (out of memory, a stack overflow), which picocli does
     * not hand to the exception handler, also ends in one line and exit code 1.
     */
    public static int execute(String... args) {
        CommandLine cl = commandLine();
        boolean debug = Failures.debugRequested(args);
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            System.err.println(Failures.line(e) + " (in thread " + thread.getName() + ")");
            if (debug) {
                e.printStackTrace();
            }
        });
        try {
            return cl.execute(args);
        } catch (Throwable e) {
            PrintWriter err = cl.getErr();
            err.println(Failures.line(e));
            if (debug) {
                e.printStackTrace(err);
            }
            err.flush();
            return Failures.exitCode(e);
        }
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }
}
