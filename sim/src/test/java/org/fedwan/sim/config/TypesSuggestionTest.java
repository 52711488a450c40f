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
                () -> Types.choice(() -> PROTOCOLS).read("NB", null));
        assertEquals("allowed: one of ideal, lorawan, nbiot, mixed (did you mean 'nbiot'?)", e.getMessage());
    }

    @Test
    void spellingsOfExactlyOneOptionAreAcceptedAsThatOption() {
        ValueType<String> protocol = Types.choice(() -> PROTOCOLS);
        for (String spelling : List.of("NB-IoT", "nb-iot", "NBIOT", "nb_iot", "NB IoT")) {
            assertEquals("nbiot", protocol.read(spelling, null), spelling);
        }
        assertEquals("lorawan", protocol.read("LoRaWAN", null));
        assertEquals("lorawan", protocol.read("LoRa-WAN", null));
        // two options spelt alike: neither is guessed
        assertThrows(IllegalArgumentException.class, () -> Types.choice(() -> List.of("a-b", "ab")).read("A_B", null));
        assertEquals("a-b", Types.choice(() -> List.of("a-b", "ab")).read("A-B", null), "the exact spelling still wins");
    }
}
