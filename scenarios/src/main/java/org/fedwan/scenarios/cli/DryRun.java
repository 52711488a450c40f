package org.fedwan.scenarios.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fedwan.results.ConsoleNumbers;
import org.fedwan.scenarios.run.ResultFolder;
import org.fedwan.scenarios.sweep.SweepSpec;
import org.fedwan.sim.config.Scenario;

/**
 * What {@code run --dry-run} and {@code sweep --dry-run} print: the resolved scenario (every key
 * with its value, as {@code manifest.json} stores it, written as YAML a run could read back), the
 * number of runs and, for a sweep, its points. Nothing is run and nothing is written.
 */
final class DryRun {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build();

    private DryRun() {
    }

    /** The text of {@code run --dry-run}. */
    static String run(Scenario config, Path dir) {
        return "fedwan: dry run of " + config.run().name() + ": 1 run of " + ConsoleNumbers.count(config.run().rounds(), "round", "rounds")
                + "; nothing is run or written; results would go to " + dir.toAbsolutePath().normalize() + "\n"
                + "# resolved scenario (as manifest.json stores it)\n" + yaml(ResultFolder.resolved(config));
    }

    /** The JSON document of {@code run --dry-run --json}. */
    static String runJson(Scenario config, Path dir) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("dry_run", true);
        doc.put("runs", 1);
        doc.put("results_dir", dir.toAbsolutePath().normalize().toString());
        doc.put("scenario", ResultFolder.resolved(config));
        return Json.document(doc);
    }

    /** The text of {@code sweep --dry-run}: plan, points, then the resolved scenario of the first run. */
    static String sweep(SweepSpec spec, Path dir) {
        StringBuilder out = new StringBuilder();
        out.append("fedwan: dry run of sweep ").append(spec.name()).append(": ")
                .append(ConsoleNumbers.count(spec.points().size(), "point", "points")).append(" x ")
                .append(ConsoleNumbers.count(spec.replications(), "replication", "replications")).append(" = ")
                .append(ConsoleNumbers.count(spec.runCount(), "run", "runs"))
                .append("; nothing is run or written; results would go to ").append(dir.toAbsolutePath().normalize()).append('\n');
        for (SweepSpec.Point p : spec.points()) {
            List<String> values = new ArrayList<>();
            p.values().forEach((k, v) -> values.add(k + "=" + v));
            out.append(p.id()).append("  ").append(String.join(" ", values)).append('\n');
        }
        if (!spec.points().isEmpty()) {
            out.append("# resolved scenario of ").append(spec.points().get(0).id())
                    .append(" replication 0 (as its manifest.json stores it)\n")
                    .append(yaml(ResultFolder.resolved(spec.points().get(0).runs().get(0))));
        }
        return out.toString();
    }

    /** The opening of a study's dry-run JSON: {@code dry_run}, its name, points, replications and runs. */
    static Map<String, Object> sweepHeader(SweepSpec spec) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("dry_run", true);
        doc.put("name", spec.name());
        doc.put("points", spec.points().size());
        doc.put("replications", spec.replications());
        doc.put("runs", spec.runCount());
        return doc;
    }

    /** The JSON document of {@code sweep --dry-run --json}: every point with its values and its first run's scenario. */
    static String sweepJson(SweepSpec spec, Path dir) {
        Map<String, Object> doc = sweepHeader(spec);
        doc.put("results_dir", dir.toAbsolutePath().normalize().toString());
        List<Map<String, Object>> points = new ArrayList<>();
        for (SweepSpec.Point p : spec.points()) {
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("point", p.id());
            point.put("values", p.values());
            point.put("scenario", ResultFolder.resolved(p.runs().get(0)));
            points.add(point);
        }
        doc.put("point_list", points);
        return Json.document(doc);
    }

    static String yaml(Map<String, Object> values) {
        try {
            return YAML.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the scenario as YAML", e);
        }
    }

}
