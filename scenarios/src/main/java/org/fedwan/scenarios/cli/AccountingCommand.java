package org.fedwan.scenarios.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.fedwan.compression.ModelLayout;
import org.fedwan.compression.accounting.Accounting;
import org.fedwan.compression.accounting.AccountingReport;
import org.fedwan.fl.model.ModelZoo;
import org.fedwan.fl.model.OnnxModel;
import org.fedwan.fl.model.SeedArchitectures;
import org.fedwan.results.ConsoleNumbers;
import org.fedwan.scenarios.ScenarioException;
import org.fedwan.scenarios.ScenarioLoader;
import org.fedwan.sim.config.Scenario;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import java.util.TreeSet;

/** {@code fedwan accounting}: exact uplink and downlink bits of one client and round for a model and scheme. */
@Command(name = "accounting", mixinStandardHelpOptions = true,
        description = {"Print, for one client and one round, the uplink and downlink bits and bytes of a scheme on a model,",
            "payload and side information separately, per layer and in total (averaged over the layer cycle for",
            "layer-wise schemes)."})
final class AccountingCommand implements Callable<Integer> {

    @Option(names = "--model", paramLabel = "NAME",
            description = "a seed architecture (cnn6-cifar, cnn-mnist-octav, cnn-cifar-octav, mlp-mnist-qrr, cnn-mnist-qrr, vgg-cifar-qrr), a zoo model, or onnx:PATH (an ONNX file: the float parameters of its initializers)")
    String model;

    @Option(names = "--scenario", paramLabel = "FILE",
            description = "instead of --model: the model of a scenario file (its model, or its layers list on its data set)")
    Path scenario;

    @Option(names = "--scheme", required = true, paramLabel = "NAME", description = "compression scheme, e.g. xfl, octav, quantfl-bu, qrr")
    String scheme;

    @Option(names = {"-o", "--option"}, paramLabel = "KEY=VALUE", description = "a scheme option, repeatable (e.g. -o codec=int4)")
    List<String> options = List.of();

    @Option(names = "--downlink", paramLabel = "NAME", defaultValue = "fp32",
            description = "codec of the broadcast of the global model, as a scenario's downlink_codec (default: ${DEFAULT-VALUE})")
    String downlink;

    @Option(names = "--weights-only", description = "count weight tensors only (as seed 002's Table II does)")
    boolean weightsOnly;

    @Option(names = "--json", description = "print JSON instead of text")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if ((model == null) == (scenario == null)) {
            throw new IllegalArgumentException("give --model NAME or --scenario FILE: allowed: exactly one of the two");
        }
        ModelLayout layout;
        if (scenario != null) {
            Scenario s;
            try {
                s = ScenarioLoader.load(scenario, FedwanCli.home().resolve("data"));
            } catch (ScenarioException e) {
                e.problems().forEach(spec.commandLine().getErr()::println);
                return 2;
            }
            model = s.training().model();
            layout = s.training().definition(s.data().dataset()).layout();
        } else if (SeedArchitectures.names().contains(model)) {
            layout = SeedArchitectures.layout(model);
        } else if (ModelZoo.names().contains(model) || OnnxModel.isOnnx(model)) {
            layout = ModelZoo.create(model).layout();
        } else {
            TreeSet<String> names = new TreeSet<>(SeedArchitectures.names());
            names.addAll(ModelZoo.names());
            throw new IllegalArgumentException("--model " + model + ": allowed: one of " + String.join(", ", names));
        }
        if (weightsOnly) {
            layout = Accounting.weightTensorsOnly(layout);
        }
        Map<String, String> opts = new TreeMap<>();
        for (String o : options) {
            int eq = o.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--option " + o + ": allowed: KEY=VALUE");
            }
            opts.put(o.substring(0, eq), o.substring(eq + 1));
        }
        AccountingReport r = Accounting.report(layout, model, scheme, opts, downlink);
        System.out.print(json ? r.toJson() : r.toText(ConsoleNumbers::group));
        if (json && !r.toJson().endsWith("\n")) {
            System.out.println();
        }
        return 0;
    }
}
