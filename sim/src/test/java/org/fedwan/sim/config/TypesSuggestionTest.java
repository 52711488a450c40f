package org.fedwan.sim.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Misspelt choices get a suggestion only when one option is meant. */
class TypesSuggestionTest {

    private static final List<String> PROTOCOLS = List.of("ideal", "lorawan", "nbiot", "mixed");

    @Test
    void spellingsOfAnOptionAreSuggested() {
        assertEquals(" (did you mean 'nbiot'?)", Types.suggestion("NB-IoT", PROTOCOLS));
        assertEquals(" (did you mean 'nbiot'?)", Types.suggestion("nb_iot", PROTOCOLS));
        assertEquals(" (did you mean 'lorawan'?)", Types.suggestion("LoRa", PROTOCOLS));
    }

    @Test
    void nothingIsSuggestedWhenNoOptionOrSeveralAreMeant() {
        assertEquals("", Types.suggestion("zigbee", PROTOCOLS));
        assertEquals("", Types.suggestion("-", PROTOCOLS));
        assertEquals("", Types.suggestion("i", List.of("int8", "int4")));
    }

    @Test
    void aChoiceKeyNamesTheSuggestionInItsError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Types.choice(() -> PROTOCOLS).read("NB-IoT", null));
        assertEquals("allowed: one of ideal, lorawan, nbiot, mixed (did you mean 'nbiot'?)", e.getMessage());
    }
}
