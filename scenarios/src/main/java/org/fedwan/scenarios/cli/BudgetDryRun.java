package org.fedwan.scenarios.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fedwan.results.ConsoleNumbers;
import org.fedwan.scenarios.run.ResultFolder;
import org.fedwan.scenarios.sweep.Budget;
import org.fedwan.scenarios.sweep.BudgetReport;
import org.fedwan.scenarios.sweep.SweepRunner;
import org.fedwan.scenarios.sweep.SweepSpec;
import org.fedwan.sim.config.Scenario;

/**
 * What {@code budget STUDY --dry-run} prints: the sweep's plan as {@code sweep --dry-run} gives it
 * (points x replications = runs), the state of each run in the result folder (complete and intact,
 * missing, incomplete, to redo, or of another scenario), and the objective, target and constraints
 * as parsed. It only reads the result folder: nothing is run and nothing is written.
 */
final class BudgetDryRun {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BudgetDryRun() {
    }

    /** What a sweep would do with one run folder. */
    enum State {
        /** Complete, its tables as its manifest records: skipped. */
        COMPLETE("complete"),
        /** No folder: run. */
        MISSING("missing"),
        /** A folder without a manifest (not written to the end): deleted and run. */
        INCOMPLETE("incomplete"),
        /** Complete but its tables differ from its manifest, or cannot be checked: redone. */
        REDO("redo"),
        /** A run of another scenario or FedWAN version: the sweep stops and names the folder. */
        OTHER_SCENARIO("other-scenario");

        final String label;

        State(String label) {
            this.label = label;
        }
    }

    /** One run of the plan: its folder relative to the result folder, its state and, when not complete, why. */
    record RunState(String folder, State state, String reason) {
    }

    /** The state of every run, point by point, as {@link SweepRunner#run} would find the folders (read only). */
    static Map<SweepSpec.Point, List<RunState>> states(SweepSpec spec, Path outDir) throws IOException {
        Map<SweepSpec.Point, List<RunState>> out = new LinkedHashMap<>();
        for (SweepSpec.Point p : spec.points()) {
            List<RunState> runs = new ArrayList<>();
            for (int r = 0; r < spec.replications(); r++) {
                Path dir = SweepRunner.runDir(outDir, p, r);
                runs.add(state(outDir.relativize(dir).toString(), dir, p.runs().get(r)));
            }
            out.put(p, runs);
        }
        return out;
    }

    private static RunState state(String folder, Path dir, Scenario c) throws IOException {
        if (!Files.exists(dir)) {
            return new RunState(folder, State.MISSING, "");
        }
        if (!ResultFolder.isComplete(dir)) {
            return new RunState(folder, State.INCOMPLETE, "no " + ResultFolder.MANIFEST);
        }
        JsonNode manifest;
        try {
            manifest = JSON.readTree(dir.resolve(ResultFolder.MANIFEST).toFile());
        } catch (IOException e) {
            return new RunState(folder, State.REDO, ResultFolder.MANIFEST + " is not valid JSON");
        }
        String expected = ResultFolder.hash(c);
        String found = manifest.path("scenario_sha256").asText();
        if (!expected.equals(found)) {
            return new RunState(folder, State.OTHER_SCENARIO, "scenario sha256 " + found + "; this sweep needs " + expected);
        }
        ResultFolder.Verification v = ResultFolder.verify(dir);
        return v.verdict() == ResultFolder.Verdict.INTACT ? new RunState(folder, State.COMPLETE, "")
                : new RunState(folder, State.REDO, v.reason());
    }

    private static long count(Map<SweepSpec.Point, List<RunState>> states, State state) {
        return states.values().stream().flatMap(List::stream).filter(s -> s.state() == state).count();
    }

    /** The text of {@code budget --dry-run}. */
    static String text(SweepSpec spec, Path dir, Budget.Objective objective, Budget.Limits limits, String groupBy)
            throws IOException {
        Map<SweepSpec.Point, List<RunState>> states = states(spec, dir);
        long complete = count(states, State.COMPLETE);
        StringBuilder out = new StringBuilder();
        out.append("fedwan: dry run of budget on sweep ").append(spec.name()).append(": ")
                .append(ConsoleNumbers.count(spec.points().size(), "point", "points")).append(" x ")
                .append(ConsoleNumbers.count(spec.replications(), "replication", "replications")).append(" = ")
                .append(ConsoleNumbers.count(spec.runCount(), "run", "runs")).append(", ")
                .append(ConsoleNumbers.grouped(complete)).append(" already complete, ")
                .append(ConsoleNumbers.grouped(spec.runCount() - complete))
                .append(" to run; nothing is run or written; results would go to ").append(dir.toAbsolutePath().normalize())
                .append('\n');
        out.append("objective: ").append(objective.label()).append(" (").append(objective.description()).append(")\n");
        out.append("target accuracy: ").append(limits.targetAccuracy() == null ? "none" : limits.targetAccuracy()).append('\n');
        List<Budget.Constraint> constraints = limits.constraints();
        out.append("constraints:").append(constraints.isEmpty() ? " none" : "").append('\n');
        for (Budget.Constraint c : constraints) {
            out.append("  ").append(c.option()).append(": ").append(c.describe()).append('\n');
        }
        out.append("group by: ").append(groupBy == null ? "none (one answer over the sweep)" : groupBy).append('\n');
        for (Map.Entry<SweepSpec.Point, List<RunState>> e : states.entrySet()) {
            List<String> values = new ArrayList<>();
            e.getKey().values().forEach((k, v) -> values.add(k + "=" + v));
            List<String> runs = new ArrayList<>();
            for (RunState s : e.getValue()) {
                String r = s.folder().substring(s.folder().lastIndexOf('/') + 1);
                runs.add(r + " " + s.state().label + (s.reason().isEmpty() ? "" : " (" + s.reason() + ")"));
            }
            out.append(e.getKey().id()).append("  ").append(String.join(" ", values)).append("  ")
                    .append(String.join(", ", runs)).append('\n');
        }
        return out.toString();
    }

    /** The JSON document of {@code budget --dry-run --json}. */
    static String json(SweepSpec spec, Path dir, Budget.Objective objective, Budget.Limits limits, String groupBy)
            throws IOException {
        Map<SweepSpec.Point, List<RunState>> states = states(spec, dir);
        long complete = count(states, State.COMPLETE);
        Map<String, Object> doc = DryRun.sweepHeader(spec);
        doc.put("already_complete", complete);
        doc.put("to_run", spec.runCount() - complete);
        doc.put("results_dir", dir.toAbsolutePath().normalize().toString());
        doc.put("objective", objective.label());
        doc.put("target_accuracy", limits.targetAccuracy());
        doc.put("constraints", BudgetReport.constraintsJson(limits));
        doc.put("group_by", groupBy);
        List<Map<String, Object>> points = new ArrayList<>();
        for (Map.Entry<SweepSpec.Point, List<RunState>> e : states.entrySet()) {
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("point", e.getKey().id());
            point.put("values", e.getKey().values());
            List<Map<String, Object>> runs = new ArrayList<>();
            for (RunState s : e.getValue()) {
                Map<String, Object> run = new LinkedHashMap<>();
                run.put("folder", s.folder());
                run.put("state", s.state().label);
                run.put("reason", s.reason());
                runs.add(run);
            }
            point.put("run_list", runs);
            points.add(point);
        }
        doc.put("point_list", points);
        return Json.document(doc);
    }
}
