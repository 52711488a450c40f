package org.fedwan.compression.scheme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fedwan.compression.ModelLayout;
import org.fedwan.compression.TestLayouts;
import org.junit.jupiter.api.Test;

/**
 * Every scheme declares how its decoded values are averaged, and the declaration is the rule the
 * simulator applied before by reading option strings: lazy aggregation for the schemes that code
 * innovations (then {@code codesInnovations()}), inverse MSE where the options in force say
 * {@code weighting=mse}, the mean otherwise.
 */
class AveragingRuleTest {

    private static final Set<String> INNOVATIONS = Set.of("laq", "slaq", "flq-innovation", "qrr");

    private final ModelLayout layout = TestLayouts.small();

    /** The simulator's rule before schemes declared it. */
    private static AveragingRule fromOptionStrings(String name, Scheme s) {
        if (INNOVATIONS.contains(name)) {
            return AveragingRule.LATEST_OF_EVERY_CLIENT;
        }
        return "mse".equals(s.options().get("weighting")) ? AveragingRule.INVERSE_MSE : AveragingRule.MEAN;
    }

    @Test
    void everySchemeDeclaresTheRuleItsOptionsImplied() {
        List<Object[]> cases = new ArrayList<>();
        for (String name : Compression.uplinkNames()) {
            cases.add(new Object[] {name, Map.of()});
        }
        cases.add(new Object[] {"octav", Map.of("weighting", "none")});
        cases.add(new Object[] {"xfl", Map.of("codec", "octav")});
        cases.add(new Object[] {"xfl", Map.of("codec", "octav", "weighting", "none")});
        cases.add(new Object[] {"xfl", Map.of("codec", "int8")});
        cases.add(new Object[] {"ef:octav", Map.of("quantity", "update")});
        cases.add(new Object[] {"ef:octav", Map.of("quantity", "update", "weighting", "none")});
        cases.add(new Object[] {"ef:topk", Map.of()});
        cases.add(new Object[] {"ef:quantfl-bq", Map.of()});
        for (Object[] c : cases) {
            String name = (String) c[0];
            @SuppressWarnings("unchecked")
            Map<String, String> options = (Map<String, String>) c[1];
            Scheme s = Compression.uplink(name, layout, options);
            assertEquals(fromOptionStrings(name, s), s.averagingRule(), name + " " + options);
        }
    }

    @Test
    void theSeedsRules() {
        assertEquals(AveragingRule.MEAN, Compression.uplink("fp32", layout, Map.of()).averagingRule());
        assertEquals(AveragingRule.MEAN, Compression.uplink("xfl", layout, Map.of("codec", "int4")).averagingRule());
        assertEquals(AveragingRule.MEAN, Compression.uplink("quantfl-bu", layout, Map.of()).averagingRule());
        assertEquals(AveragingRule.INVERSE_MSE, Compression.uplink("octav", layout, Map.of()).averagingRule());
        assertEquals(AveragingRule.MEAN, Compression.uplink("octav", layout, Map.of("weighting", "none")).averagingRule());
        for (String name : INNOVATIONS) {
            assertEquals(AveragingRule.LATEST_OF_EVERY_CLIENT, Compression.uplink(name, layout, Map.of()).averagingRule(), name);
        }
    }
}
