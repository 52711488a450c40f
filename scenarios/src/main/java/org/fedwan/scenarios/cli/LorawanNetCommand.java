package org.fedwan.scenarios.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.fedwan.channel.propagation.LogDistancePathLoss;
import org.fedwan.channel.propagation.OkumuraHataPathLoss;
import org.fedwan.channel.propagation.PathLossModel;
import org.fedwan.scenarios.ScenarioException;
import org.fedwan.scenarios.ScenarioLoader;
import org.fedwan.scenarios.YamlTree;
import org.fedwan.sim.Scenarios;
import org.fedwan.sim.config.InvalidScenario;
import org.fedwan.sim.config.Key;
import org.fedwan.sim.config.KeyProblem;
import org.fedwan.sim.config.Scenario;
import org.fedwan.sim.config.Schema;
import org.fedwan.sim.lorawan.LorawanSection;
import org.fedwan.sim.lorawan.NetworkSettings;
import org.fedwan.sim.lorawan.traffic.LorawanNetworkConfig;
import org.fedwan.sim.lorawan.traffic.LorawanNetworkReport;
import org.fedwan.sim.lorawan.traffic.LorawanNetworkSimulation;
import org.fedwan.sim.lorawan.traffic.LorawanTrafficSection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fedwan lorawan-net}: the LoRaWAN network alone, periodic traffic, no FL (same engine as FL
 * runs). Every option is a scenario key (the {@code lorawan} section and the {@code lorawan-net}
 * traffic keys), read through the schema FL runs use, over two implicit keys ({@code link:
 * realistic}, {@code sf_policy: link-budget}) and under {@code --set}: implicit keys, then the
 * scenario file, then the options, then {@code --set}.
 */
@Command(name = "lorawan-net", mixinStandardHelpOptions = true,
        description = {"Run the LoRaWAN network alone with periodic traffic (no FL) on the engine FL runs use, and print",
            "frames sent, received, lost to collision and under sensitivity, delivery ratio, energy per device, wall time.",
            "Each option is a scenario key (./fedwan scenario --explain); --scenario reads them from a file,",
            "--set KEY=VALUE sets any other. Implicit: link: realistic, sf_policy: link-budget."})
final class LorawanNetCommand implements Callable<Integer> {

    /** FedWAN's scenario sections, without the cross-section checks of FL runs. */
    static final Schema NETWORK_SCHEMA = new Schema(Scenarios.SCHEMA.sections(), List.of());

    /** The keys lorawan-net sets before the file and the options: the network is the realistic one. */
    static final Map<String, String> IMPLICIT = Map.of("link", "realistic", "sf_policy", "link-budget");

    @Option(names = "--scenario", paramLabel = "FILE", description = "scenario file with lorawan and net_* keys")
    Path scenario;

    @Option(names = "--devices", paramLabel = "N", description = "end devices (net_devices, default 100)")
    Integer devices;

    @Option(names = "--radius-m", paramLabel = "R", description = "radius of the disc devices are placed in, m (radius_m, default 500)")
    Double radiusM;

    @Option(names = "--period-s", paramLabel = "T", description = "seconds between a device's frames (net_period_s, default 600)")
    Double periodS;

    @Option(names = "--payload", paramLabel = "B", description = "application payload (FRMPayload) bytes (net_payload_bytes, default 20)")
    Integer payload;

    @Option(names = "--duration-h", paramLabel = "H", description = "simulated hours of traffic (net_duration_h, default 24)")
    Double durationH;

    @Option(names = "--arrival", paramLabel = "A", description = "periodic or poisson (net_arrival)")
    String arrival;

    @Option(names = "--gateways", paramLabel = "G", description = "gateways (gateways, default 1)")
    Integer gateways;

    @Option(names = "--gateway-positions", paramLabel = "XY", description = "'x,y; x,y' in m (gateway_positions)")
    String gatewayPositions;

    @Option(names = "--seed", paramLabel = "S", description = "seed (seed, default 1)")
    Long seed;

    @Option(names = "--region", paramLabel = "R", description = "EU868 or US915 (region)")
    String region;

    @Option(names = "--path-loss", paramLabel = "M", description = "log-distance, okumura-hata or free-space (path_loss)")
    String pathLoss;

    @Option(names = "--path-loss-exponent", paramLabel = "N", description = "log-distance exponent (path_loss_exponent)")
    Double pathLossExponent;

    @Option(names = "--path-loss-reference-db", paramLabel = "DB", description = "loss at the reference distance (path_loss_reference_db)")
    Double pathLossReferenceDb;

    @Option(names = "--path-loss-reference-m", paramLabel = "M", description = "reference distance (path_loss_reference_m)")
    Double pathLossReferenceM;

    @Option(names = "--hata-environment", paramLabel = "E", description = "urban-small-medium, urban-large, suburban, open (hata_environment)")
    String hataEnvironment;

    @Option(names = "--shadowing-sigma-db", paramLabel = "DB", description = "log-normal shadowing sigma (shadowing_sigma_db)")
    Double shadowingSigmaDb;

    @Option(names = "--placement", paramLabel = "P", description = "disc or grid (placement)")
    String placement;

    @Option(names = "--sf-policy", paramLabel = "P", description = "fixed, link-budget, device-table or adr (sf_policy)")
    String sfPolicy;

    @Option(names = "--data-rate", paramLabel = "DR", description = "data rate of sf_policy fixed, an index or SF and bandwidth: 5, SF7, SF7/125 (data_rate)")
    String dataRate;

    @Option(names = "--gateway-sensitivity", paramLabel = "T", description = "gateway sensitivity table (gateway_sensitivity)")
    String gatewaySensitivity;

    @Option(names = "--device-sensitivity", paramLabel = "T", description = "device sensitivity table (device_sensitivity)")
    String deviceSensitivity;

    @Option(names = "--interference", paramLabel = "M", description = "pairwise, cumulative or none (interference)")
    String interference;

    @Option(names = "--frame-overhead-bytes", paramLabel = "B", description = "uplink bytes around the payload, 13 or 9 for ns-3 (frame_overhead_bytes)")
    Integer frameOverheadBytes;

    @Option(names = "--radio", paramLabel = "CHIP", description = "sx1276 or sx1262 (radio)")
    String radio;

    @Option(names = "--tx-power-dbm", paramLabel = "DBM", description = "device TX power (tx_power_dbm)")
    Double txPowerDbm;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "any scenario key, e.g. --set confirmed=true (repeatable)")
    List<String> set = new ArrayList<>();

    @Option(names = "--json", description = "print one JSON document (the settings and the report) instead of text")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        LorawanNetworkConfig config;
        Scenario settings;
        try {
            settings = scenario();
            config = LorawanTrafficSection.config(settings);
        } catch (ScenarioException e) {
            for (String p : e.problems()) {
                spec.commandLine().getErr().println(p);
            }
            return 2;
        }
        CliLimits.network(config.devices(), config.periodS(), config.durationH(), "--devices (net_devices)",
                "--period-s (net_period_s)", "--duration-h (net_duration_h)");
        if (json) {
            LorawanNetworkReport r = LorawanNetworkSimulation.run(config);
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("settings", settingsOf(settings));
            doc.put("report", r);
            System.out.print(Json.document(doc));
            return 0;
        }
        System.out.print(describe(config));
        LorawanNetworkReport r = LorawanNetworkSimulation.run(config);
        System.out.print(r.format());
        return 0;
    }

    /** The keys a network-only run reads: the lorawan section's, the net_* keys and the seed, as resolved. */
    private static Map<String, Object> settingsOf(Scenario s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("seed", s.run().seed());
        out.putAll(LorawanSection.SECTION.write(s.section(LorawanSection.class)));
        out.putAll(LorawanTrafficSection.SECTION.write(s.section(LorawanTrafficSection.class)));
        return out;
    }

    /** The scenario: implicit keys, the file, the options, {@code --set}, through the schema. */
    Scenario scenario() throws ScenarioException {
        Map<String, YamlTree.Node> settings = new LinkedHashMap<>();
        IMPLICIT.forEach((k, v) -> settings.put(k, node(k, v, "lorawan-net default")));
        if (scenario != null) {
            settings.putAll(ScenarioLoader.resolve(scenario));
        }
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("net_devices", devices);
        options.put("radius_m", radiusM);
        options.put("net_period_s", periodS);
        options.put("net_payload_bytes", payload);
        options.put("net_duration_h", durationH);
        options.put("net_arrival", arrival);
        options.put("gateways", gateways);
        options.put("gateway_positions", gatewayPositions);
        options.put("seed", seed);
        options.put("region", region);
        options.put("path_loss", pathLoss);
        options.put("path_loss_exponent", pathLossExponent);
        options.put("path_loss_reference_db", pathLossReferenceDb);
        options.put("path_loss_reference_m", pathLossReferenceM);
        options.put("hata_environment", hataEnvironment);
        options.put("shadowing_sigma_db", shadowingSigmaDb);
        options.put("placement", placement);
        options.put("sf_policy", sfPolicy);
        options.put("data_rate", dataRate);
        options.put("gateway_sensitivity", gatewaySensitivity);
        options.put("device_sensitivity", deviceSensitivity);
        options.put("interference", interference);
        options.put("frame_overhead_bytes", frameOverheadBytes);
        options.put("radio", radio);
        options.put("tx_power_dbm", txPowerDbm);
        options.forEach((k, v) -> {
            if (v != null) {
                settings.put(k, node(k, v.toString(), "command line"));
            }
        });
        for (String s : set) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw new ScenarioException(List.of("command line: --set " + s + ": allowed: KEY=VALUE, e.g. --set confirmed=true"));
            }
            String key = s.substring(0, eq).trim();
            settings.put(key, node(key, s.substring(eq + 1).trim(), "command line"));
        }
        String name = scenario == null ? "lorawan-net" : ScenarioLoader.baseName(scenario);
        return build(settings, name);
    }

    /**
     * The scenario through {@link #NETWORK_SCHEMA}: FedWAN's sections without the checks that
     * concern FL runs only (the model, its data), which would load the learning libraries for
     * nothing. Problems are reported as a scenario file's are: where, key, value, what is allowed.
     */
    private static Scenario build(Map<String, YamlTree.Node> settings, String name) throws ScenarioException {
        List<String> problems = new ArrayList<>();
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("name", name);
        boolean listed = false;
        for (Map.Entry<String, YamlTree.Node> e : settings.entrySet()) {
            Key<?> key = NETWORK_SCHEMA.key(e.getKey());
            if (key == null) {
                problems.add(e.getValue().where() + ": unknown key '" + e.getKey() + "'; allowed keys: "
                        + (listed ? "as above" : String.join(", ", NETWORK_SCHEMA.keys().stream().map(Key::name).toList())));
                listed = true;
            } else {
                given.put(e.getKey(), plainValue(key, e.getValue()));
            }
        }
        if (problems.isEmpty()) {
            try {
                return NETWORK_SCHEMA.build(given, null);
            } catch (InvalidScenario e) {
                for (KeyProblem p : e.problems()) {
                    YamlTree.Node node = settings.get(p.key());
                    problems.add((node == null ? "(defaults)" : node.where()) + ": key '" + p.key() + "' = "
                            + (node == null ? "" : node.raw()) + ": " + p.getMessage());
                }
            }
        }
        throw new ScenarioException(problems);
    }

    /** A node as the schema reads it: a scalar's value (its text for textual keys), a mapping or list of scalars. */
    private static Object plainValue(Key<?> key, YamlTree.Node node) {
        return switch (node.kind()) {
            case MAPPING -> {
                Map<String, Object> m = new LinkedHashMap<>();
                node.fields().forEach((k, v) -> m.put(k, v.kind() == YamlTree.Kind.SCALAR ? v.value() : v.raw()));
                yield m;
            }
            case LIST -> node.items().stream().map(YamlTree.Node::value).toList();
            default -> key.type().textual() && node.value() != null && !(node.value() instanceof Boolean) ? node.raw()
                    : node.value();
        };
    }

    /** A value as a YAML scalar would read it (numbers, booleans, text). */
    private static YamlTree.Node node(String key, String value, String where) {
        try {
            YamlTree.Node n = YamlTree.parse(key + ": " + value, where).fields().get(key);
            if (n != null && n.kind() == YamlTree.Kind.SCALAR) {
                return n;
            }
        } catch (ScenarioException e) {
            // falls through: the value is kept as text and the key's type decides
        }
        return new YamlTree.Node(YamlTree.Kind.SCALAR, value, value, where, 0, Map.of(), List.of());
    }

    /** The run's set-up in two lines, so a printed result says what produced it. */
    static String describe(LorawanNetworkConfig c) {
        NetworkSettings n = c.network();
        return String.format(Locale.ROOT, "%-28s %s%n%-28s %s%n", "network",
                n.region().name() + ", " + n.gateways() + " gateway(s), " + n.placement().label() + " radius "
                        + n.radiusM() + " m, " + pathLoss(n.pathLoss()) + ", shadowing " + n.shadowingSigmaDb() + " dB",
                "radio and MAC", "SF " + n.sfPolicy().label() + ", gateway table " + n.gatewaySensitivity().name()
                        + ", interference " + n.interference().label() + ", overhead " + n.frameOverheadBytes()
                        + " B, TX " + n.txPowerDbm() + " dBm, " + c.payloadBytes() + " B every " + c.periodS()
                        + " s (" + c.arrival().label() + ") for " + c.durationH() + " h, seed " + c.seed());
    }

    private static String pathLoss(PathLossModel m) {
        if (m instanceof LogDistancePathLoss l) {
            return String.format(Locale.ROOT, "log-distance %s dB at %s m, n = %s", l.referenceLossDb(),
                    l.referenceDistanceM(), l.exponent());
        }
        if (m instanceof OkumuraHataPathLoss h) {
            return String.format(Locale.ROOT, "okumura-hata %s, gateway %s m, device %s m",
                    h.environment().name().toLowerCase(Locale.ROOT), h.baseStationHeightM(), h.mobileHeightM());
        }
        return m.name();
    }
}
