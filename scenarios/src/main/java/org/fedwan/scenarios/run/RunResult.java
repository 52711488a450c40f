package org.fedwan.scenarios.run;

import java.util.Map;
import org.fedwan.sim.federation.RunConfig;

/**
 * Everything one run produced, as values: the two tables as text and the summary metrics (all
 * deterministic: the same configuration gives an equal result on any machine and thread count).
 *
 * @param config          the resolved configuration
 * @param roundsCsv       rounds.csv content
 * @param transmissionsCsv transmissions.csv content
 * @param devicesCsv      devices.csv content
 * @param clientsCsv      clients.csv content
 * @param summary         summary metrics in a fixed order (numbers, strings; NaN where undefined)
 */
public record RunResult(RunConfig config, String roundsCsv, String transmissionsCsv, String devicesCsv, String clientsCsv,
        Map<String, Object> summary) {
}
