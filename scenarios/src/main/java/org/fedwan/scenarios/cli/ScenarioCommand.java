package org.fedwan.scenarios.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.fedwan.sim.Scenarios;
import org.fedwan.sim.config.Key;
import org.fedwan.sim.config.Section;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fedwan scenario --explain [KEY] [--json]}: the documented scenario keys, as text or as one
 * JSON document with the data of the generated reference docs/reference/scenario-keys.md (each
 * key's section, type, default, allowed values and meaning).
 */
@Command(name = "scenario", mixinStandardHelpOptions = true, description = "Explain scenario keys: type, default, allowed values, meaning.")
final class ScenarioCommand implements Callable<Integer> {

    @Option(names = "--explain", required = true, description = "explain every key, or only KEY")
    boolean explain;

    @Parameters(index = "0", arity = "0..1", paramLabel = "KEY", description = "one key")
    String key;

    @Option(names = "--json", description = "print JSON instead of text: the keys with section, type (the Java type), default, "
            + "allowed values, meaning")
    boolean json;

    @Override
    public Integer call() {
        List<Key<?>> keys;
        if (key == null) {
            keys = Scenarios.SCHEMA.keys();
        } else {
            Key<?> k = Scenarios.SCHEMA.key(key);
            if (k == null) {
                throw new IllegalArgumentException("unknown key '" + key + "'; allowed keys: "
                        + String.join(", ", Scenarios.SCHEMA.keys().stream().map(Key::name).toList()));
            }
            keys = List.of(k);
        }
        if (json) {
            System.out.print(json(keys));
            return 0;
        }
        if (key == null) {
            System.out.println("Scenario keys (flat YAML; 'extends: base.yaml' inherits and overrides another file):");
        }
        for (Key<?> k : keys) {
            System.out.printf("%-20s %s%n%-20s default: %s; allowed: %s%n", k.name(), k.description(), "", k.defaultText(),
                    k.type().allowed());
        }
        return 0;
    }

    /** The JSON document of {@code --explain --json}: every key of {@code keys} with the columns of the generated reference. */
    static String json(List<Key<?>> keys) {
        Map<String, String> sectionOf = new LinkedHashMap<>();
        for (Section<?> section : Scenarios.SCHEMA.sections()) {
            for (Key<?> k : section.keys()) {
                sectionOf.put(k.name(), section.name());
            }
        }
        List<Map<String, Object>> list = new ArrayList<>();
        for (Key<?> k : keys) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", k.name());
            m.put("section", sectionOf.get(k.name()));
            m.put("type", k.type().javaType().getSimpleName());
            m.put("default", k.defaultText());
            m.put("allowed", k.type().allowed());
            m.put("meaning", k.description());
            list.add(m);
        }
        return Json.document(Map.of("keys", list));
    }
}
