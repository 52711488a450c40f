package org.fedwan.scenarios.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.fedwan.fl.bench.StepTimeBenchmark;
import org.fedwan.scenarios.ScenarioException;
import org.fedwan.scenarios.ScenarioLoader;
import org.fedwan.scenarios.YamlTree;
import org.fedwan.scenarios.run.DataSets;
import org.fedwan.scenarios.run.Execution;
import org.fedwan.results.Table;
import org.fedwan.results.TableWriter;
import org.fedwan.sim.LinkSection;
import org.fedwan.sim.Protocols;
import org.fedwan.sim.bench.BackgroundBenchmark;
import org.fedwan.sim.bench.KernelBenchmark;
import org.fedwan.sim.bench.LorawanNetworkBenchmark;
import org.fedwan.sim.bench.MemoryBenchmark;
import org.fedwan.sim.config.DataSection;
import org.fedwan.sim.config.Scenario;
import org.fedwan.sim.lorawan.LorawanLinks;
import org.fedwan.sim.lorawan.SensorEngine;
import org.fedwan.sim.lorawan.traffic.LorawanNetworkConfig;
import org.fedwan.sim.lorawan.traffic.LorawanTrafficSection;
import org.fedwan.sim.nbiot.NbiotLinks;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fedwan bench NAME}: benchmarks that print figures (never timed unit tests). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Run a benchmark and print its figures. Benchmarks: kernel (event kernel vs a bare PriorityQueue loop),",
            "lorawan-net (1,000 and 10,000 devices x 1 day, pairwise and cumulative; ns-3 complete-network-example set-up,",
            "1,000 devices x 6 h, against ns-3), background (an FL run's network, the study background-traffic.yaml's",
            "quickstart on the realistic link, without and with 1,000 background sensors, at the study's 2 rounds and the",
            "quickstart's 5, with 100 clients, and on NB-IoT), step-time (training step vs",
            "PyTorch on the CPU),",
            "memory (resident and ND4J native memory after every round of a long run; by default the quickstart",
            "with " + BenchCommand.MEMORY_ROUNDS + " rounds on " + BenchCommand.MEMORY_TRAIN_SAMPLES + " training and "
                    + BenchCommand.MEMORY_TEST_SAMPLES + " test samples)."})
final class BenchCommand implements Callable<Integer> {

    /** Rounds of the default memory benchmark: long enough to tell a flat run from a slow leak. */
    static final int MEMORY_ROUNDS = 200;
    /** Training samples of the default memory benchmark (the quickstart's 10 clients get 200 each): a short round. */
    static final int MEMORY_TRAIN_SAMPLES = 2000;
    /** Test samples of the default memory benchmark. */
    static final int MEMORY_TEST_SAMPLES = 500;

    @Parameters(index = "0", paramLabel = "NAME", description = "benchmark: kernel, lorawan-net, background, step-time, memory")
    String name;

    @Option(names = "--scenario", paramLabel = "FILE",
            description = "memory: the scenario to run (default: scenarios/quickstart.yaml cut to "
                    + MEMORY_TRAIN_SAMPLES + " training and " + MEMORY_TEST_SAMPLES + " test samples)")
    Path scenario;

    @Option(names = "--rounds", paramLabel = "N",
            description = "memory: rounds (default: " + MEMORY_ROUNDS + " for the quickstart, the file's for --scenario)")
    Integer rounds;

    @Option(names = "--train-samples", paramLabel = "N", description = "memory: training samples, overrides the scenario's")
    Integer trainSamples;

    @Option(names = "--test-samples", paramLabel = "N", description = "memory: test samples, overrides the scenario's")
    Integer testSamples;

    @Option(names = "--threads", paramLabel = "N", description = "memory: trainer threads (default: number of cores)")
    Integer threads;

    @Option(names = "--json", description = "print one JSON document with the benchmark's figures on stdout; progress goes to "
            + "stderr")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!name.equals("memory") && (scenario != null || rounds != null || trainSamples != null || testSamples != null
                || threads != null)) {
            throw new IllegalArgumentException("--scenario, --rounds, --train-samples, --test-samples and --threads are options "
                    + "of the memory benchmark only");
        }
        switch (name) {
            case "kernel" -> {
                KernelBenchmark.Report r = KernelBenchmark.measure(KernelBenchmark.DEFAULT_EVENTS, KernelBenchmark.DEFAULT_REPETITIONS);
                if (json) {
                    System.out.print(Json.document(BenchJson.kernel(r)));
                } else {
                    KernelBenchmark.print(r, System.out);
                }
            }
            case "lorawan-net" -> {
                List<LorawanNetworkBenchmark.Measurement> m = LorawanNetworkBenchmark.measure(LorawanNetworkBenchmark.DEFAULT_DEVICES,
                        ns3SetUp(FedwanCli.home()));
                if (json) {
                    System.out.print(Json.document(BenchJson.lorawanNet(m)));
                } else {
                    LorawanNetworkBenchmark.print(m, System.out);
                }
            }
            case "background" -> {
                List<Map<String, Object>> docs = new ArrayList<>();
                // the quickstart's own network (10 clients) at the study's 2 rounds and its own 5, then 100 clients,
                // then its 10 clients on NB-IoT (whose sensors are scheduled UEs in every engine: no reference run)
                List<Scenario> setUps = List.of(backgroundSetUp(FedwanCli.home(), BACKGROUND_ROUNDS),
                        backgroundSetUp(FedwanCli.home(), QUICKSTART_ROUNDS),
                        backgroundSetUp(FedwanCli.home(), BACKGROUND_ROUNDS).with("clients", BACKGROUND_LARGE_CLIENTS),
                        backgroundSetUp(FedwanCli.home(), BACKGROUND_ROUNDS).with("protocol", NbiotLinks.PROTOCOL));
                for (Scenario setUp : setUps) {
                    String protocol = setUp.section(LinkSection.class).protocol();
                    boolean lorawan = protocol.equals(LorawanLinks.PROTOCOL);
                    BackgroundBenchmark.Comparison c = BackgroundBenchmark.measure(setUp, protocol, Protocols::groups, lorawan
                            ? (sim, scenario, events) -> Protocols.groups(sim, scenario, events, SensorEngine.EVENTS)
                            : null, BACKGROUND_UPDATE_BYTES, BACKGROUND_MODEL_BYTES);
                    if (json) {
                        docs.add(BenchJson.background(c));
                    } else {
                        BackgroundBenchmark.print(c, System.out);
                    }
                }
                if (json) {
                    Map<String, Object> doc = new LinkedHashMap<>();
                    doc.put("benchmark", "background");
                    doc.put("sensors", BackgroundBenchmark.SENSORS);
                    doc.put("measures", docs);
                    System.out.print(Json.document(doc));
                }
            }
            case "step-time" -> {
                StepTimeBenchmark.Report r = StepTimeBenchmark.measure(StepTimeBenchmark.DEFAULT_REPETITIONS, null,
                        json ? System.err : System.out);
                if (json) {
                    System.out.print(Json.document(BenchJson.stepTime(r)));
                } else {
                    StepTimeBenchmark.print(r, System.out);
                }
            }
            case "memory" -> {
                return memory();
            }
            default -> throw new IllegalArgumentException("unknown benchmark '" + name
                    + "'; allowed: kernel, lorawan-net, background, step-time, memory");
        }
        return 0;
    }

    /** The quickstart's int8 update (its summary.json update_message_bytes), bytes. */
    static final int BACKGROUND_UPDATE_BYTES = 6_022;
    /** The quickstart's fp32 model broadcast: 5,994 parameters x 4 bytes. */
    static final int BACKGROUND_MODEL_BYTES = 5_994 * 4;

    /** Rounds of the shipped study scenarios/studies/background-traffic.yaml. */
    static final int BACKGROUND_ROUNDS = 2;
    /** Clients of the benchmark's larger FL run (the quickstart has 10). */
    static final int BACKGROUND_LARGE_CLIENTS = 100;
    /** Rounds of scenarios/quickstart.yaml as shipped: the benchmark's second, full-length measure. */
    static final int QUICKSTART_ROUNDS = 5;

    /** The background benchmark's FL run: the shipped study's base (the quickstart on the realistic link), 2 rounds. */
    static Scenario backgroundSetUp(Path home) throws Exception {
        return backgroundSetUp(home, BACKGROUND_ROUNDS);
    }

    /** The background study's FL run (the quickstart on the realistic link at the study's radius) with {@code rounds} rounds. */
    static Scenario backgroundSetUp(Path home, int rounds) throws Exception {
        Map<String, YamlTree.Node> settings = new LinkedHashMap<>(ScenarioLoader.resolve(home.resolve("scenarios")
                .resolve("quickstart.yaml")));
        for (String line : List.of("rounds: " + rounds, "link: realistic", "radius_m: " + BACKGROUND_RADIUS_M)) {
            YamlTree.Node root = YamlTree.parse(line, "bench background");
            settings.putAll(root.fields());
        }
        return ScenarioLoader.build(settings, "bench-background", home.resolve("data"));
    }

    /** Disc radius of the background study and benchmark, m (docs/architecture.md, "Background traffic"). */
    static final int BACKGROUND_RADIUS_M = 100;

    /** Runs the scenario with a {@link MemoryBenchmark} listening; its tables are streamed and counted, not kept. */
    private int memory() throws Exception {
        Path file = scenario != null ? scenario : FedwanCli.home().resolve("scenarios").resolve("quickstart.yaml");
        Map<String, Object> overrides = new LinkedHashMap<>();
        if (scenario == null) {
            overrides.put("rounds", MEMORY_ROUNDS);
            overrides.put("train_samples", MEMORY_TRAIN_SAMPLES);
            overrides.put("test_samples", MEMORY_TEST_SAMPLES);
        }
        if (rounds != null) {
            overrides.put("rounds", rounds);
        }
        if (trainSamples != null) {
            overrides.put("train_samples", trainSamples);
        }
        if (testSamples != null) {
            overrides.put("test_samples", testSamples);
        }
        Scenario config;
        try {
            Map<String, YamlTree.Node> settings = new LinkedHashMap<>(ScenarioLoader.resolve(file));
            for (Map.Entry<String, Object> e : overrides.entrySet()) {
                YamlTree.Node root = YamlTree.parse(e.getKey() + ": " + e.getValue(), "bench memory option");
                settings.put(e.getKey(), root.fields().get(e.getKey()));
            }
            config = ScenarioLoader.build(settings, ScenarioLoader.baseName(file), FedwanCli.home().resolve("data"));
        } catch (ScenarioException e) {
            for (String p : e.problems()) {
                spec.commandLine().getErr().println(p);
            }
            return 2;
        }
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1) {
            throw new IllegalArgumentException("--threads must be >= 1, got " + n);
        }
        PrintStream text = json ? System.err : System.out;
        text.printf(Locale.ROOT, "fedwan bench memory: %s, %d rounds, %s training and %s test samples, %d trainer threads, "
                + "max heap %d MB%n", config.run().name(), config.run().rounds(), samples(config.section(DataSection.class).trainSamples()),
                samples(config.section(DataSection.class).testSamples()),
                n, Runtime.getRuntime().maxMemory() >> 20);
        MemoryBenchmark bench = new MemoryBenchmark(text);
        bench.printHeader();
        long t0 = System.nanoTime();
        Map<String, CharCounter> tables = new LinkedHashMap<>();
        for (Table<?> t : TableWriter.TABLES) {
            tables.put(t.file(), new CharCounter());
        }
        try (DataSets.Cache data = new DataSets.Cache()) {
            Execution.executeStreaming(config, data, n, bench, tables);
        }
        long tableChars = tables.values().stream().mapToLong(c -> c.chars).sum();
        if (json) {
            double wallS = (System.nanoTime() - t0) / 1e9;
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("benchmark", "memory");
            doc.put("scenario", config.run().name());
            doc.put("rounds", config.run().rounds());
            doc.put("train_samples", config.section(DataSection.class).trainSamples());
            doc.put("test_samples", config.section(DataSection.class).testSamples());
            doc.put("trainer_threads", n);
            doc.put("max_heap_mb", Runtime.getRuntime().maxMemory() >> 20);
            doc.putAll(BenchJson.memory(bench.samples()));
            doc.put("tables_mb", tableChars / (1024.0 * 1024.0));
            doc.put("wall_s", wallS);
            System.out.print(Json.document(doc));
            return 0;
        }
        bench.printSummary();
        System.out.printf(Locale.ROOT, "the run's tables, streamed and discarded as they are written (a run writes them to files): %.1f MB of text%n",
                tableChars / (1024.0 * 1024.0));
        System.out.printf(Locale.ROOT, "wall time %.1f s%n", (System.nanoTime() - t0) / 1e9);
        return 0;
    }

    /** Counts the characters of a table instead of keeping them, as a file would hold them. */
    private static final class CharCounter implements Appendable {
        long chars;

        @Override
        public Appendable append(CharSequence csq) {
            chars += csq == null ? 4 : csq.length();
            return this;
        }

        @Override
        public Appendable append(CharSequence csq, int start, int end) {
            chars += end - start;
            return this;
        }

        @Override
        public Appendable append(char c) {
            chars++;
            return this;
        }
    }

    private static String samples(int n) {
        return n == 0 ? "all" : String.valueOf(n);
    }

    /** The file of ns-3 lorawan's complete-network-example set-up that the lorawan-net benchmark times. */
    static final String NS3_SET_UP = "scenarios/lorawan/ns3-complete-network.yaml";

    /** ns-3's set-up from its shipped file under {@code home}, read as lorawan-net reads it, at the benchmark's size. */
    static LorawanNetworkConfig ns3SetUp(Path home) throws ScenarioException {
        LorawanNetCommand c = new LorawanNetCommand();
        new CommandLine(c).parseArgs("--scenario", home.resolve(NS3_SET_UP).toString(), "--devices",
                Integer.toString(LorawanNetworkBenchmark.NS3_DEVICES), "--duration-h",
                Double.toString(LorawanNetworkBenchmark.NS3_HOURS));
        return LorawanTrafficSection.config(c.scenario());
    }
}
