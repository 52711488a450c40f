package org.fedwan.scenarios;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fedwan.channel.lorawan.Region;
import org.fedwan.sim.config.RunConfig;

/**
 * Loads a scenario: a flat YAML mapping of the keys in {@link ScenarioKeys}, optionally
 * {@code extends: base.yaml} (a path relative to the file) whose settings it overrides. Every
 * problem is collected before anything runs and reported as one line:
 * {@code FILE:LINE: key 'KEY' = VALUE: allowed: WHAT IS ALLOWED}.
 */
public final class ScenarioLoader {

    /** The key that names a parent scenario. */
    public static final String EXTENDS = "extends";

    private ScenarioLoader() {
    }

    /**
     * @param file           scenario file
     * @param defaultDataDir data folder used when no file in the chain sets {@code data_dir}
     */
    public static RunConfig load(Path file, Path defaultDataDir) throws ScenarioException {
        return build(resolve(file), baseName(file), defaultDataDir);
    }

    /** File name without its YAML extension: the default run name. */
    public static String baseName(Path file) {
        return file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    }

    /** Reads a YAML file into a located tree; a missing file is one clear line. */
    public static YamlTree.Node read(Path file) throws ScenarioException {
        try {
            return YamlTree.parse(Files.readString(file), file.toString());
        } catch (NoSuchFileException e) {
            throw new ScenarioException(List.of(file + ": no such file"));
        } catch (IOException e) {
            throw new ScenarioException(List.of(file + ": cannot read: " + e.getMessage()));
        }
    }

    /**
     * The settings of {@code file} after following its {@code extends} chain: parents first,
     * each file overriding what it inherits. Values keep their own file and line.
     */
    public static Map<String, YamlTree.Node> resolve(Path file) throws ScenarioException {
        return resolve(file, new LinkedHashSet<>());
    }

    private static Map<String, YamlTree.Node> resolve(Path file, Set<Path> chain) throws ScenarioException {
        Path key = file.toAbsolutePath().normalize();
        if (!chain.add(key)) {
            throw new ScenarioException(List.of(file + ": 'extends' forms a cycle: "
                    + String.join(" -> ", chain.stream().map(Path::toString).toList()) + " -> " + key));
        }
        YamlTree.Node root = read(file);
        if (root.kind() != YamlTree.Kind.MAPPING) {
            throw new ScenarioException(List.of(root.where() + ": a scenario is a mapping of keys to values, e.g. "
                    + "'rounds: 5'; found " + root.raw()));
        }
        Map<String, YamlTree.Node> settings = new LinkedHashMap<>();
        YamlTree.Node parent = root.fields().get(EXTENDS);
        if (parent != null) {
            if (parent.kind() != YamlTree.Kind.SCALAR || !(parent.value() instanceof String s) || s.isBlank()) {
                throw new ScenarioException(List.of(parent.where() + ": key 'extends' = " + parent.raw()
                        + ": allowed: the path of a scenario file, relative to this one"));
            }
            Path base = file.toAbsolutePath().getParent();
            Path parentFile = base == null ? Path.of(s) : base.resolve(s).normalize();
            try {
                settings.putAll(resolve(parentFile, chain));
            } catch (ScenarioException e) {
                if (!Files.exists(parentFile)) {
                    throw new ScenarioException(List.of(parent.where() + ": key 'extends' = " + s + ": no such file "
                            + parentFile));
                }
                throw e;
            }
        }
        root.fields().forEach((k, v) -> {
            if (!k.equals(EXTENDS)) {
                settings.put(k, v);
            }
        });
        chain.remove(key);
        return settings;
    }

    /**
     * Builds a validated configuration from resolved settings, reporting every problem at once.
     *
     * @param defaultName    run name when no {@code name} is set
     * @param defaultDataDir data folder when no {@code data_dir} is set
     */
    public static RunConfig build(Map<String, YamlTree.Node> settings, String defaultName, Path defaultDataDir)
            throws ScenarioException {
        List<String> problems = new ArrayList<>();
        RunConfig.Builder b = RunConfig.builder();
        b.dataDir = defaultDataDir;
        b.name = defaultName;
        for (Map.Entry<String, YamlTree.Node> e : settings.entrySet()) {
            String problem = apply(b, e.getKey(), e.getValue());
            if (problem != null) {
                problems.add(problem);
            }
        }
        crossCheck(b, settings, problems);
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        try {
            return b.build();
        } catch (IllegalArgumentException ex) {
            throw new ScenarioException(List.of(defaultName + ": " + ex.getMessage()));
        }
    }

    /** Applies one setting to {@code b}; returns the problem line, or null when it is fine. */
    static String apply(RunConfig.Builder b, String name, YamlTree.Node node) {
        ScenarioKeys.Key key = ScenarioKeys.get(name);
        if (key == null) {
            return node.where() + ": unknown key '" + name + "'" + suggestion(name) + "; allowed keys: "
                    + String.join(", ", ScenarioKeys.all().stream().map(ScenarioKeys.Key::name).toList());
        }
        Object value = convert(key, node);
        if (value == null) {
            return node.where() + ": key '" + name + "' = " + node.raw() + ": allowed: " + key.allowed();
        }
        try {
            key.apply().accept(b, value);
            return null;
        } catch (IllegalArgumentException ex) {
            return node.where() + ": key '" + name + "' = " + node.raw() + ": " + ex.getMessage();
        }
    }

    private static void crossCheck(RunConfig.Builder b, Map<String, YamlTree.Node> seen, List<String> problems) {
        if (b.clientsFraction != null && b.clientsPerRound != null) {
            problems.add(at(seen, "clients_fraction", "clients_per_round") + "key 'clients_fraction' = " + b.clientsFraction
                    + " and key 'clients_per_round' = " + b.clientsPerRound + ": allowed: one of the two, not both");
        }
        int perRound = b.clientsFraction != null ? 1 : b.clientsPerRound == null ? b.clients : b.clientsPerRound;
        if (perRound > b.clients) {
            problems.add(at(seen, "clients_per_round", "clients") + "key 'clients_per_round' = " + perRound
                    + ": allowed: at most clients = " + b.clients);
        }
        if (b.dataset.equals(org.fedwan.fl.data.DatasetCatalog.CIFAR10)) {
            List<String> missing = org.fedwan.fl.data.Cifar10Files.missingFiles(b.dataDir);
            if (!missing.isEmpty()) {
                problems.add(at(seen, "dataset", "data_dir") + "key 'dataset' = cifar10: no CIFAR-10 binary batches in "
                        + b.dataDir.toAbsolutePath() + " (missing " + String.join(", ", missing)
                        + "); allowed: a data_dir holding data_batch_1.bin .. data_batch_5.bin and test_batch.bin "
                        + "(CIFAR-10 is never fetched)");
            }
        }
        try {
            org.fedwan.compression.scheme.Scheme scheme = org.fedwan.compression.scheme.Compression.uplink(b.uplinkCodec,
                    org.fedwan.fl.model.ModelZoo.create(b.model).layout(),
                    org.fedwan.compression.scheme.Compression.parseOptions(b.uplinkOptions));
            if (b.quantizationAware && (scheme.quantity() != org.fedwan.compression.scheme.Quantity.WEIGHTS
                    || !b.clientMode.equals("train"))) {
                problems.add(at(seen, "quantization_aware", "uplink_codec") + "key 'quantization_aware' = true with scheme "
                        + b.uplinkCodec + " (sends " + scheme.quantity().name().toLowerCase(java.util.Locale.ROOT)
                        + ") and client_mode " + b.clientMode + ": allowed: a scheme that sends weights, in client_mode train");
            }
        } catch (IllegalArgumentException e) {
            problems.add(at(seen, "uplink_options", "uplink_codec") + "key 'uplink_options' = " + b.uplinkOptions
                    + " for scheme " + b.uplinkCodec + ": " + e.getMessage());
        }
        if (b.availabilityTrace != null) {
            try {
                org.fedwan.sim.federation.AvailabilityTrace.read(b.availabilityTrace, b.clients);
            } catch (java.io.IOException e) {
                String why = e instanceof java.nio.file.NoSuchFileException ? "no such file" : "cannot read it";
                problems.add(at(seen, "availability_trace", "availability_trace") + "key 'availability_trace' = "
                        + b.availabilityTrace + ": " + why + "; allowed: a readable CSV file 'device,start_s,end_s'");
            } catch (IllegalArgumentException e) {
                problems.add(at(seen, "availability_trace", "availability_trace") + "key 'availability_trace': " + e.getMessage());
            }
        }
        Region region;
        try {
            region = Region.byName(b.region);
        } catch (IllegalArgumentException e) {
            return;
        }
        String range = "a data rate index of " + region.name() + " from 0 to " + (region.dataRates().size() - 1);
        if (b.dataRate >= region.dataRates().size()) {
            problems.add(at(seen, "data_rate", "region") + "key 'data_rate' = " + b.dataRate + ": allowed: " + range);
        }
        if (b.downlinkDataRate != null && b.downlinkDataRate >= region.dataRates().size()) {
            problems.add(at(seen, "downlink_data_rate", "region") + "key 'downlink_data_rate' = " + b.downlinkDataRate
                    + ": allowed: " + range);
        }
    }

    private static String at(Map<String, YamlTree.Node> seen, String key, String otherKey) {
        YamlTree.Node e = seen.get(key) != null ? seen.get(key) : seen.get(otherKey);
        return e == null ? "(defaults): " : e.where() + ": ";
    }

    private static Object convert(ScenarioKeys.Key key, YamlTree.Node node) {
        if (node.kind() != YamlTree.Kind.SCALAR) {
            return null;
        }
        Object v = node.value();
        switch (key.type()) {
            case INTEGER:
                return v instanceof Long ? v : null;
            case NUMBER:
                if (v instanceof Long l) {
                    return l.doubleValue();
                }
                return v instanceof Double ? v : null;
            case TEXT:
                return v instanceof String || v instanceof Long || v instanceof Double ? node.raw() : null;
            case BOOLEAN:
                return v instanceof Boolean ? v : null;
            case PATH:
                if (!(v instanceof String s) || s.isBlank()) {
                    return null;
                }
                Path p = Path.of(s);
                Path base = Path.of(node.file()).toAbsolutePath().getParent();
                return p.isAbsolute() || base == null ? p : base.resolve(p).normalize();
            default:
                return null;
        }
    }

    /** A "did you mean" hint for near-miss key names (edit distance at most 2). */
    static String suggestion(String name) {
        String best = null;
        int bestDistance = 3;
        for (ScenarioKeys.Key k : ScenarioKeys.all()) {
            int d = distance(name, k.name());
            if (d < bestDistance) {
                bestDistance = d;
                best = k.name();
            }
        }
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
