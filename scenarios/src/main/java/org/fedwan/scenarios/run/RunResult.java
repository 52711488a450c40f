package org.fedwan.scenarios.run;

import java.util.Map;
import org.fedwan.sim.config.Scenario;

/**
 * Everything one run produced, as values: its tables as text and the summary metrics (all
 * deterministic: the same configuration gives an equal result on any machine and thread count).
 *
 * @param config  the resolved scenario
 * @param tables  each table's file name (see {@link org.fedwan.results.TableWriter#TABLES}) to its content
 * @param summary summary metrics in a fixed order (numbers, strings; NaN where undefined)
 */
public record RunResult(Scenario config, Map<String, String> tables, Map<String, Object> summary) {

    public RunResult {
        tables = Map.copyOf(tables);
    }

    /** The content of table {@code file}, e.g. {@code rounds.csv}. */
    public String table(String file) {
        String t = tables.get(file);
        if (t == null) {
            throw new IllegalArgumentException("no table " + file + " in this result; it has " + tables.keySet());
        }
        return t;
    }
}
