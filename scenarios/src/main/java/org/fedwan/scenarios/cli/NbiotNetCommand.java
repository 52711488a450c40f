package org.fedwan.scenarios.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.fedwan.scenarios.ScenarioException;
import org.fedwan.scenarios.ScenarioLoader;
import org.fedwan.sim.Scenarios;
import org.fedwan.sim.config.InvalidScenario;
import org.fedwan.sim.config.KeyProblem;
import org.fedwan.sim.config.Scenario;
import org.fedwan.sim.nbiot.NbiotSection;
import org.fedwan.sim.nbiot.traffic.NbiotNetworkConfig;
import org.fedwan.sim.nbiot.traffic.NbiotNetworkReport;
import org.fedwan.sim.nbiot.traffic.NbiotNetworkSimulation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fedwan nbiot-net}: one NB-IoT cell alone, periodic reports, no FL: the counterpart of
 * lorawan-net. The NB-IoT settings are the scenario keys of the {@code nbiot} section
 * ({@link NbiotSection}), read through {@link Scenarios#SCHEMA}: from {@code --scenario FILE}
 * and from the options named after them (kebab-case), options winning. Without a scenario file
 * the keys take their defaults except T3324 (60 s) and T3412 (54 min), this command's defaults.
 */
@Command(name = "nbiot-net", mixinStandardHelpOptions = true,
        description = {"Run one NB-IoT cell alone with periodic reports (no FL) and print delivery, latency percentiles",
            "and energy per device. NB-IoT settings: the scenario keys of the nbiot section, from --scenario FILE and",
            "from the options below (kebab-case of the keys), options winning."})
final class NbiotNetCommand implements Callable<Integer> {

    /** nbiot-net's own defaults where they differ from an FL run's: T3324 60 s, T3412 54 min (TS 24.301). */
    static final Map<String, Object> NET_DEFAULTS = Map.of("t3324_s", 60.0, "t3412_s", 3240.0);

    @Option(names = "--devices", required = true, paramLabel = "N", description = "devices in the cell")
    int devices;

    @Option(names = "--period-s", required = true, paramLabel = "T", description = "seconds between a device's reports")
    double periodS;

    @Option(names = "--payload", required = true, paramLabel = "B", description = "report payload bytes")
    int payload;

    @Option(names = "--duration-h", required = true, paramLabel = "H", description = "simulated hours")
    double durationH;

    @Option(names = "--scenario", paramLabel = "FILE",
            description = "scenario file whose nbiot keys (coupling_loss_db, nbiot_profile, the timers, block errors) set "
                    + "the cell; keys it does not set take the schema's defaults")
    Path scenario;

    @Option(names = "--coupling-loss-db", paramLabel = "L",
            description = "coupling loss in dB (CE0 up to 144, CE1 up to 154, CE2 up to 164; default 144)")
    Double couplingLossDb;

    @Option(names = {"--nbiot-profile", "--profile"}, paramLabel = "MODULE",
            description = "module power profile (default SARA_N211; also NRF9160_CLASS, QUECTEL_BC95_CLASS, "
                    + "QUECTEL_BC66_CLASS, TR_45_820, RATASUK_2016)")
    String profile;

    @Option(names = "--t3412-s", paramLabel = "S", description = "periodic TAU timer T3412, s (default 3240)")
    Double t3412S;

    @Option(names = "--t3324-s", paramLabel = "S", description = "active timer T3324, s, 0..11160 (default 60)")
    Double t3324S;

    @Option(names = "--rrc-inactivity-s", paramLabel = "S", description = "RRC inactivity timer, s (default 20)")
    Double rrcInactivityS;

    @Option(names = "--drx-cycle-s", paramLabel = "S", description = "paging DRX cycle: 1.28, 2.56, 5.12 or 10.24 s "
            + "(default 2.56)")
    Double drxCycleS;

    @Option(names = "--edrx-cycle-s", paramLabel = "S", description = "eDRX cycle: 0 (off, default) or 20.48 x 2^k s, "
            + "k = 0..9")
    Double edrxCycleS;

    @Option(names = "--paging-window-s", paramLabel = "S", description = "eDRX paging time window: 0 (one paging "
            + "occasion per eDRX cycle, default) or 2.56 x n s, n = 1..16")
    Double pagingWindowS;

    @Option(names = "--release-assistance", arity = "0..1", paramLabel = "BOOL",
            description = "release right after the data (RAI), no inactivity timer (default false)")
    Boolean releaseAssistance;

    @Option(names = "--psm", arity = "0..1", paramLabel = "BOOL",
            description = "enter PSM when T3324 expires (default true)")
    Boolean psm;

    @Option(names = "--bler-at-edge", paramLabel = "P", description = "block error rate of data blocks at each coverage "
            + "level's upper bound, 0..0.5 (default 0: no block errors)")
    Double blerAtEdge;

    @Option(names = "--bler-decade-db", paramLabel = "DB", description = "coupling-loss margin per decade of BLER, dB "
            + "(default 2)")
    Double blerDecadeDb;

    @Option(names = "--npusch-repetitions", paramLabel = "R", description = "NPUSCH repetitions of data blocks at every "
            + "level: 0 (each level's own, default) or 1, 2, 4, ..., 128")
    Integer npuschRepetitions;

    @Option(names = "--battery-wh", defaultValue = "5", paramLabel = "WH",
            description = "battery per device, Wh (default ${DEFAULT-VALUE}, TR 45.820)")
    double batteryWh;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--json", description = "print one JSON document (the settings and the report) instead of text")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        NbiotSection section;
        try {
            section = section();
        } catch (ScenarioException e) {
            e.problems().forEach(spec.commandLine().getErr()::println);
            return 2;
        } catch (InvalidScenario e) {
            for (KeyProblem p : e.problems()) {
                spec.commandLine().getErr().println("fedwan: --" + p.key().replace('_', '-') + " (key " + p.key() + "): "
                        + p.getMessage());
            }
            return 2;
        }
        CliLimits.network(devices, periodS, durationH, "--devices", "--period-s", "--duration-h");
        NbiotNetworkConfig.Builder b = NbiotNetworkConfig.builder().from(section);
        b.devices = devices;
        b.periodS = periodS;
        b.payloadBytes = payload;
        b.durationH = durationH;
        b.batteryWh = batteryWh;
        b.seed = seed;
        NbiotNetworkReport r = NbiotNetworkSimulation.run(b.build());
        if (json) {
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put("devices", devices);
            settings.put("period_s", periodS);
            settings.put("payload_bytes", payload);
            settings.put("duration_h", durationH);
            settings.put("battery_wh", batteryWh);
            settings.put("seed", seed);
            settings.putAll(NbiotSection.SECTION.write(section));
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("settings", settings);
            doc.put("report", r);
            System.out.print(Json.document(doc));
            return 0;
        }
        r.summaryLines().forEach(System.out::println);
        return 0;
    }

    /** The nbiot section: the scenario file's (or this command's defaults), the options on top, checked by the schema. */
    NbiotSection section() throws ScenarioException {
        Scenario base = scenario != null ? ScenarioLoader.load(scenario, FedwanCli.home().resolve("data"))
                : Scenarios.defaults().with(NET_DEFAULTS);
        Map<String, Object> given = new LinkedHashMap<>();
        put(given, "coupling_loss_db", couplingLossDb);
        put(given, "nbiot_profile", profile);
        put(given, "t3412_s", t3412S);
        put(given, "t3324_s", t3324S);
        put(given, "rrc_inactivity_s", rrcInactivityS);
        put(given, "drx_cycle_s", drxCycleS);
        put(given, "edrx_cycle_s", edrxCycleS);
        put(given, "paging_window_s", pagingWindowS);
        put(given, "release_assistance", releaseAssistance);
        put(given, "psm", psm);
        put(given, "bler_at_edge", blerAtEdge);
        put(given, "bler_decade_db", blerDecadeDb);
        put(given, "npusch_repetitions", npuschRepetitions);
        return (given.isEmpty() ? base : base.with(given)).section(NbiotSection.class);
    }

    private static void put(Map<String, Object> given, String key, Object value) {
        if (value != null) {
            given.put(key, value);
        }
    }
}
