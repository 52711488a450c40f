package org.fedwan.scenarios.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.fedwan.sim.Scenarios;
import org.fedwan.sim.config.Key;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fedwan scenario --explain [KEY]}: the documented scenario keys. */
@Command(name = "scenario", mixinStandardHelpOptions = true, description = "Explain scenario keys: type, default, allowed values, meaning.")
final class ScenarioCommand implements Callable<Integer> {

    @Option(names = "--explain", required = true, description = "explain every key, or only KEY")
    boolean explain;

    @Parameters(index = "0", arity = "0..1", paramLabel = "KEY", description = "one key")
    String key;

    @Override
    public Integer call() {
        List<Key<?>> keys;
        if (key == null) {
            keys = Scenarios.SCHEMA.keys();
            System.out.println("Scenario keys (flat YAML; 'extends: base.yaml' inherits and overrides another file):");
        } else {
            Key<?> k = Scenarios.SCHEMA.key(key);
            if (k == null) {
                throw new IllegalArgumentException("unknown key '" + key + "'; allowed keys: "
                        + String.join(", ", Scenarios.SCHEMA.keys().stream().map(Key::name).toList()));
            }
            keys = List.of(k);
        }
        for (Key<?> k : keys) {
            System.out.printf("%-20s %s%n%-20s default: %s; allowed: %s%n", k.name(), k.description(), "", k.defaultText(),
                    k.type().allowed());
        }
        return 0;
    }
}
