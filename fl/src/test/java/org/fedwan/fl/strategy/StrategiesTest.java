package org.fedwan.fl.strategy;

import org.fedwan.compression.scheme.AveragingRule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The registry: names, documentation, and option validation with messages naming what is allowed. */
class StrategiesTest {

    private static final StrategyContext CONTEXT = new StrategyContext(ValueKind.WEIGHTS, AveragingRule.MEAN, 0.1, 1);

    @Test
    void everyNameCreatesItsStrategyWithItsDocumentedDefaults() {
        assertEquals(List.of("fedavg", "fedavgm", "fedadagrad", "fedadam", "fedyogi", "fedprox", "fedmedian"), Strategies.names());
        for (String name : Strategies.names()) {
            Strategy s = Strategies.create(name, Map.of(), CONTEXT);
            assertEquals(name, s.name());
            StrategyDoc doc = Strategies.doc(name);
            assertEquals(name, doc.name());
            assertFalse(doc.summary().isBlank());
            for (StrategyDoc.Option o : doc.options()) {
                assertFalse(o.meaning().isBlank(), name + " " + o.key());
                assertEquals(o.defaultValue(), o.parse("test", o.defaultText()), name + " " + o.key());
            }
        }
        assertEquals(Strategies.names().size(), Strategies.docs().size());
        assertEquals(List.of("eta", "beta_1", "beta_2", "tau"),
                Strategies.doc("fedadam").options().stream().map(StrategyDoc.Option::key).toList());
        assertEquals("0.001", Strategies.doc("fedyogi").option("tau").defaultText());
        assertEquals("a number in [0, 1)", Strategies.doc("fedavgm").option("server_momentum").allowed());
        assertEquals("a number in (0, inf)", Strategies.doc("fedadam").option("eta").allowed());
        assertTrue(Strategies.doc("fedavg").usesServerLearningRate());
        assertFalse(Strategies.doc("fedadam").usesServerLearningRate());
    }

    @Test
    void optionsAreParsedAndPassedOn() {
        FedOpt s = (FedOpt) Strategies.create("fedadam", Map.of("eta", " 0.5 ", "tau", "1e-6"), CONTEXT);
        assertEquals(0.5, s.eta());
        assertEquals(1e-6, s.tau());
        assertEquals(0.9, s.beta1());
        assertEquals(0.25, Strategies.create("fedprox", Map.of("proximal_mu", "0.25"), CONTEXT).configureClient(1, 3)
                .proximalMu());
    }

    @Test
    void errorsNameTheStrategyTheOptionTheValueAndWhatIsAllowed() {
        IllegalArgumentException unknownName = assertThrows(IllegalArgumentException.class,
                () -> Strategies.create("scaffold", null, CONTEXT));
        assertEquals("unknown strategy 'scaffold'; allowed: fedavg, fedavgm, fedadagrad, fedadam, fedyogi, fedprox, fedmedian",
                unknownName.getMessage());
        IllegalArgumentException unknownOption = assertThrows(IllegalArgumentException.class,
                () -> Strategies.create("fedadam", Map.of("beta1", "0.9"), CONTEXT));
        assertEquals("strategy 'fedadam': unknown option 'beta1'; allowed: eta, beta_1, beta_2, tau", unknownOption.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> Strategies.create("fedavg", Map.of("server_momentum", "0.9"), CONTEXT));
        assertEquals("strategy 'fedavg': unknown option 'server_momentum'; allowed: none", none.getMessage());
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> Strategies.create("fedavgm", Map.of("server_momentum", "1"), CONTEXT));
        assertEquals("strategy 'fedavgm': option 'server_momentum' = '1' is invalid; allowed: a number in [0, 1)",
                range.getMessage());
        IllegalArgumentException text = assertThrows(IllegalArgumentException.class,
                () -> Strategies.create("fedprox", Map.of("proximal_mu", "lots"), CONTEXT));
        assertEquals("strategy 'fedprox': option 'proximal_mu' = 'lots' is invalid; allowed: a number in [0, inf)",
                text.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Strategies.create("fedprox", Map.of("proximal_mu", "NaN"), CONTEXT));
        assertThrows(IllegalArgumentException.class, () -> Strategies.create("fedyogi", Map.of("tau", "0"), CONTEXT));
        assertThrows(IllegalArgumentException.class, () -> Strategies.create("fedavg", null, null));
        assertThrows(IllegalArgumentException.class, () -> Strategies.doc("fedsgd"));
    }

    @Test
    void contextIsValidated() {
        assertThrows(IllegalArgumentException.class, () -> new StrategyContext(null, AveragingRule.MEAN, 0.1, 1));
        assertThrows(IllegalArgumentException.class, () -> new StrategyContext(ValueKind.UPDATES, AveragingRule.MEAN, 0, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new StrategyContext(ValueKind.UPDATES, AveragingRule.MEAN, 0.1, Double.POSITIVE_INFINITY));
    }
}
