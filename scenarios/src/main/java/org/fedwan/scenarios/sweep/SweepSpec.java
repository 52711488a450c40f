package org.fedwan.scenarios.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.fedwan.plots.SweepLabels;
import org.fedwan.scenarios.ScenarioException;
import org.fedwan.scenarios.ScenarioLoader;
import org.fedwan.scenarios.YamlTree;
import org.fedwan.sim.config.InputFiles;
import org.fedwan.sim.config.Scenario;
import org.fedwan.sim.config.Types;

/**
 * A parsed and fully validated sweep: every run it describes has been built, so a sweep that
 * starts cannot fail later on a bad value.
 *
 * <p>File format (YAML): {@code scenario} (base scenario file, relative to the sweep file),
 * optional {@code name}, {@code set} (overrides for every point), {@code grid} (key -> list:
 * cartesian product, last key varying fastest), {@code zip} (key -> list, all the same length:
 * varied together), {@code points} (a list of mappings: explicit points), {@code replications}
 * (runs per point, default 1), {@code labels} (names for figures: swept key -> value -> name, and
 * {@code keys} -> swept key -> name). Points are explicit points x zip entries x grid combinations.
 * Replication r of every point uses the same master seed and replication index r: common random
 * numbers across points.
 *
 * @param name       sweep name
 * @param file       the sweep file
 * @param parameters swept keys, in column order
 * @param points     the points, in order
 * @param replications runs per point
 * @param labels names of swept keys and values for figures (the file's {@code labels:}), kept in
 *     the sweep folder as {@link SweepLabels#FILE}
 */
public record SweepSpec(String name, Path file, List<String> parameters, List<Point> points, int replications,
                        SweepLabels labels) {

    /**
     * Most points a sweep may have: each point is validated and held as a scenario before the
     * first run; 10,000 points of one replication are weeks of runs on a workstation.
     */
    public static final int MAX_POINTS = 10_000;

    /** Most runs (points x replications): each is a scenario held in memory and a result folder. */
    public static final int MAX_RUNS = 100_000;

    /** Most replications of a point. */
    public static final int MAX_REPLICATIONS = 10_000;

    /** The longest suffix a run's name gets ({@code -pNNNN-rR}): a sweep name must stay a folder name with it. */
    private static final String LONGEST_RUN_SUFFIX = "-p0000-r0000";

    /** Keys a sweep file may hold. */
    static final List<String> KEYS = List.of("scenario", "name", "set", "grid", "zip", "points", "replications", "labels");

    /** Key of the {@code labels:} block that names swept keys rather than values. */
    static final String KEY_NAMES = "keys";

    /**
     * One point: its index, the swept values as written, and one configuration per replication.
     *
     * @param index  0-based point index
     * @param values swept key -> value as written in the sweep file
     * @param runs   configuration of each replication
     */
    public record Point(int index, Map<String, String> values, List<Scenario> runs) {

        /** Folder name of the point, e.g. {@code p0007}. */
        public String id() {
            return String.format(Locale.ROOT, "p%04d", index);
        }
    }

    /** Total runs. */
    public int runCount() {
        return points.size() * replications;
    }

    /** Parses and validates {@code file}; every problem is reported at once. */
    public static SweepSpec load(Path file, Path defaultDataDir) throws ScenarioException {
        YamlTree.Node root = ScenarioLoader.read(file);
        List<String> problems = new ArrayList<>();
        if (root.kind() != YamlTree.Kind.MAPPING) {
            throw new ScenarioException(List.of(root.where() + ": a sweep is a mapping with keys " + String.join(", ", KEYS)
                    + "; found " + root.raw()));
        }
        for (Map.Entry<String, YamlTree.Node> e : root.fields().entrySet()) {
            if (!KEYS.contains(e.getKey())) {
                problems.add(e.getValue().where() + ": unknown sweep key '" + e.getKey() + "'; allowed: " + String.join(", ", KEYS));
            }
        }
        YamlTree.Node scenario = root.fields().get("scenario");
        Map<String, YamlTree.Node> base = Map.of();
        if (scenario == null) {
            problems.add(file + ": key 'scenario' is missing; allowed: the path of the base scenario file, relative to the sweep file");
        } else if (!(scenario.value() instanceof String s) || s.isBlank()) {
            problems.add(scenario.where() + ": key 'scenario' = " + scenario.raw() + ": allowed: a scenario file path");
        } else {
            Path parent = file.toAbsolutePath().getParent();
            Path baseFile = parent == null ? Path.of(s) : parent.resolve(s).normalize();
            String unreadable = InputFiles.problem(baseFile, ScenarioLoader.MAX_FILE_BYTES, "a scenario file");
            try {
                if (unreadable != null) {
                    throw new ScenarioException(List.of(scenario.where() + ": key 'scenario' = " + s + ": " + unreadable
                            + (unreadable.equals("no such file") ? " " + baseFile : "")));
                }
                base = ScenarioLoader.resolve(baseFile);
            } catch (ScenarioException e) {
                problems.addAll(e.problems());
            }
        }
        String name = ScenarioLoader.baseName(file);
        YamlTree.Node nameNode = root.fields().get("name");
        if (nameNode != null) {
            if (nameNode.kind() == YamlTree.Kind.SCALAR && nameNode.value() != null
                    && safeName(nameNode.raw())) {
                name = nameNode.raw();
            } else {
                problems.add(nameNode.where() + ": key 'name' = " + nameNode.raw() + ": allowed: " + Types.FOLDER_NAME_ALLOWED);
            }
        } else if (!safeName(name)) {
            problems.add(file + ": the sweep's name (its file name) '" + name + "' is not a safe folder name; allowed: "
                    + Types.FOLDER_NAME_ALLOWED + " (or set 'name')");
        }
        int replications = 1;
        YamlTree.Node reps = root.fields().get("replications");
        if (reps != null) {
            if (reps.value() instanceof Long l && l >= 1 && l <= MAX_REPLICATIONS) {
                replications = l.intValue();
            } else {
                problems.add(reps.where() + ": key 'replications' = " + reps.raw() + ": allowed: a whole number from 1 to "
                        + MAX_REPLICATIONS);
            }
        }
        Map<String, YamlTree.Node> set = mapping(root, "set", problems);
        Map<String, List<YamlTree.Node>> grid = lists(root, "grid", problems);
        Map<String, List<YamlTree.Node>> zip = lists(root, "zip", problems);
        int zipLength = -1;
        for (Map.Entry<String, List<YamlTree.Node>> e : zip.entrySet()) {
            if (zipLength < 0) {
                zipLength = e.getValue().size();
            } else if (e.getValue().size() != zipLength) {
                problems.add(root.fields().get("zip").fields().get(e.getKey()).where() + ": zip list '" + e.getKey() + "' has "
                        + e.getValue().size() + " values: allowed: the same number as the other zip lists (" + zipLength + ")");
            }
        }
        List<Map<String, YamlTree.Node>> explicit = new ArrayList<>();
        YamlTree.Node pointsNode = root.fields().get("points");
        if (pointsNode != null) {
            if (pointsNode.kind() != YamlTree.Kind.LIST || pointsNode.items().isEmpty()) {
                problems.add(pointsNode.where() + ": key 'points' = " + pointsNode.raw() + ": allowed: a non-empty list of mappings");
            } else {
                for (YamlTree.Node p : pointsNode.items()) {
                    if (p.kind() != YamlTree.Kind.MAPPING) {
                        problems.add(p.where() + ": a point = " + p.raw() + ": allowed: a mapping of scenario keys to values");
                    } else {
                        explicit.add(p.fields());
                    }
                }
            }
        }
        if (explicit.isEmpty()) {
            explicit.add(Map.of());
        }
        Set<String> params = new LinkedHashSet<>();
        explicit.forEach(p -> params.addAll(p.keySet()));
        params.addAll(zip.keySet());
        params.addAll(grid.keySet());
        for (String p : params) {
            if (p.equals("seed") || p.equals("name")) {
                problems.add(file + ": '" + p + "' cannot be swept; allowed: any other scenario key (use 'replications' for seeds)");
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        // counted before anything is expanded: a grid of 10 keys x 20 values is 10^13 points
        double pointCount = (double) explicit.size() * Math.max(zipLength, 1);
        for (List<YamlTree.Node> values : grid.values()) {
            pointCount *= values.size();
        }
        if (pointCount > MAX_POINTS || pointCount * replications > MAX_RUNS) {
            throw new ScenarioException(List.of(String.format(Locale.ROOT, "%s: %.0f points x %d replications = %.0f runs; "
                    + "allowed: at most %d points and %d runs (split the study into several files)", file, pointCount,
                    replications, pointCount * replications, MAX_POINTS, MAX_RUNS)));
        }

        List<Map<String, YamlTree.Node>> combos = new ArrayList<>();
        for (Map<String, YamlTree.Node> p : explicit) {
            int zips = Math.max(zipLength, 1);
            for (int z = 0; z < zips; z++) {
                Map<String, YamlTree.Node> withZip = new LinkedHashMap<>(p);
                if (zipLength > 0) {
                    for (Map.Entry<String, List<YamlTree.Node>> e : zip.entrySet()) {
                        withZip.put(e.getKey(), e.getValue().get(z));
                    }
                }
                expandGrid(withZip, new ArrayList<>(grid.entrySet()), 0, combos);
            }
        }
        List<Point> points = new ArrayList<>();
        List<String> paramList = List.copyOf(params);
        for (int i = 0; i < combos.size(); i++) {
            Map<String, YamlTree.Node> overrides = combos.get(i);
            Map<String, YamlTree.Node> settings = new LinkedHashMap<>(base);
            settings.putAll(set);
            settings.putAll(overrides);
            List<Scenario> runs = new ArrayList<>();
            try {
                Scenario c = ScenarioLoader.build(settings, name, defaultDataDir);
                for (int r = 0; r < replications; r++) {
                    runs.add(c.with(Map.of("replication", (long) r,
                            "name", name + "-" + String.format(Locale.ROOT, "p%04d", i) + "-r" + r)));
                }
            } catch (ScenarioException e) {
                for (String problem : e.problems()) {
                    if (!problems.contains(problem)) {
                        problems.add(problem);
                    }
                }
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (String p : paramList) {
                YamlTree.Node v = overrides.get(p);
                values.put(p, v == null ? "" : v.raw());
            }
            points.add(new Point(i, values, runs));
        }
        SweepLabels labels = labels(root.fields().get("labels"), paramList, points, problems);
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        return new SweepSpec(name, file, paramList, points, replications, labels);
    }

    /**
     * The {@code labels:} block: a mapping of swept keys to mappings of their values (as written) to
     * names, and {@code keys} to a mapping of swept keys to names. Names are non-empty plain values;
     * every key and value must be swept.
     */
    private static SweepLabels labels(YamlTree.Node node, List<String> params, List<Point> points, List<String> problems) {
        if (node == null) {
            return SweepLabels.NONE;
        }
        List<String> allowedKeys = new ArrayList<>(params);
        allowedKeys.add(KEY_NAMES);
        if (node.kind() != YamlTree.Kind.MAPPING) {
            problems.add(node.where() + ": key 'labels' = " + node.raw() + ": allowed: a mapping of swept keys ("
                    + String.join(", ", allowedKeys) + ") to mappings of their values to names");
            return SweepLabels.NONE;
        }
        Map<String, String> keys = new LinkedHashMap<>();
        Map<String, Map<String, String>> values = new LinkedHashMap<>();
        for (Map.Entry<String, YamlTree.Node> e : node.fields().entrySet()) {
            String key = e.getKey();
            if (!allowedKeys.contains(key)) {
                problems.add(e.getValue().where() + ": labels: '" + key + "' is not a swept key; allowed: "
                        + String.join(", ", allowedKeys));
                continue;
            }
            List<String> allowed = new ArrayList<>();
            if (key.equals(KEY_NAMES)) {
                allowed.addAll(params);
            } else {
                for (Point p : points) {
                    String v = p.values().get(key);
                    if (v != null && !v.isEmpty() && !allowed.contains(v)) {
                        allowed.add(v);
                    }
                }
            }
            Map<String, String> names = names(e.getValue(), "labels '" + key + "'", allowed, problems);
            if (key.equals(KEY_NAMES)) {
                keys.putAll(names);
            } else {
                values.put(key, names);
            }
        }
        return new SweepLabels(keys, values);
    }

    /** One mapping of the {@code labels:} block: each entry's key must be in {@code allowed}, its value a non-empty name. */
    private static Map<String, String> names(YamlTree.Node node, String what, List<String> allowed, List<String> problems) {
        Map<String, String> names = new LinkedHashMap<>();
        if (node.kind() != YamlTree.Kind.MAPPING) {
            problems.add(node.where() + ": " + what + " = " + node.raw() + ": allowed: a mapping of "
                    + String.join(", ", allowed) + " to names");
            return names;
        }
        for (Map.Entry<String, YamlTree.Node> e : node.fields().entrySet()) {
            YamlTree.Node name = e.getValue();
            if (!allowed.contains(e.getKey())) {
                problems.add(name.where() + ": " + what + ": '" + e.getKey() + "' is not swept; allowed: "
                        + String.join(", ", allowed));
            } else if (name.kind() != YamlTree.Kind.SCALAR || name.value() == null || name.raw().isBlank()) {
                problems.add(name.where() + ": " + what + ": '" + e.getKey() + "' = " + name.raw()
                        + ": allowed: a non-empty name, e.g. \"XFL-Q int8\"");
            } else {
                names.put(e.getKey(), name.raw());
            }
        }
        return names;
    }

    /** Whether {@code name} is a safe folder name, also with the suffix of its runs' names. */
    private static boolean safeName(String name) {
        return Types.folderNameProblem(name) == null && Types.folderNameProblem(name + LONGEST_RUN_SUFFIX) == null;
    }

    private static void expandGrid(Map<String, YamlTree.Node> prefix, List<Map.Entry<String, List<YamlTree.Node>>> grid,
            int k, List<Map<String, YamlTree.Node>> out) {
        if (k == grid.size()) {
            out.add(prefix);
            return;
        }
        for (YamlTree.Node v : grid.get(k).getValue()) {
            Map<String, YamlTree.Node> next = new LinkedHashMap<>(prefix);
            next.put(grid.get(k).getKey(), v);
            expandGrid(next, grid, k + 1, out);
        }
    }

    private static Map<String, YamlTree.Node> mapping(YamlTree.Node root, String key, List<String> problems) {
        YamlTree.Node n = root.fields().get(key);
        if (n == null) {
            return Map.of();
        }
        if (n.kind() != YamlTree.Kind.MAPPING) {
            problems.add(n.where() + ": key '" + key + "' = " + n.raw() + ": allowed: a mapping of scenario keys to values");
            return Map.of();
        }
        return n.fields();
    }

    private static Map<String, List<YamlTree.Node>> lists(YamlTree.Node root, String key, List<String> problems) {
        Map<String, List<YamlTree.Node>> out = new LinkedHashMap<>();
        for (Map.Entry<String, YamlTree.Node> e : mapping(root, key, problems).entrySet()) {
            YamlTree.Node v = e.getValue();
            if (v.kind() != YamlTree.Kind.LIST || v.items().isEmpty()) {
                problems.add(v.where() + ": " + key + " '" + e.getKey() + "' = " + v.raw()
                        + ": allowed: a non-empty list of values, e.g. [0.01, 0.001]");
                continue;
            }
            for (YamlTree.Node item : v.items()) {
                if (item.kind() != YamlTree.Kind.SCALAR) {
                    problems.add(item.where() + ": " + key + " '" + e.getKey() + "' has a value " + item.raw()
                            + ": allowed: plain values");
                }
            }
            out.put(e.getKey(), v.items());
        }
        return out;
    }
}
