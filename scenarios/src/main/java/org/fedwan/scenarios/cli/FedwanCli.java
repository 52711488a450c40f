package org.fedwan.scenarios.cli;

import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;

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

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** FedWAN's folder: the launcher passes it as {@code -Dfedwan.home}; else the working directory. */
    static Path home() {
        String h = System.getProperty("fedwan.home");
        return Path.of(h == null || h.isBlank() ? "." : h).toAbsolutePath().normalize();
    }

    /** Builds the command line with FedWAN's error handling (one clear line, exit code 2, no stack trace). */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new FedwanCli());
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("fedwan: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            return ex instanceof IllegalArgumentException ? 2 : 1;
        });
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
