package org.fedwan.compression.scheme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.fedwan.compression.TestLayouts;
import org.junit.jupiter.api.Test;

/**
 * {@link Compression#parseOptions}: the text form of a scheme's options, with the behaviour and
 * error text of the simulator's former {@code FederatedSimulation.parseOptions}.
 */
class OptionsTextTest {

    @Test
    void pairsSeparatedBySpacesOrCommas() {
        assertEquals(Map.of("bits", "4-2-2-4", "rounding", "stochastic"), Compression.parseOptions("bits=4-2-2-4 rounding=stochastic"));
        assertEquals(Map.of("a", "1", "b", "2", "c", "3"), Compression.parseOptions("  a=1 ,, b=2\tc=3 , "));
        assertEquals(Map.of(), Compression.parseOptions(""));
        assertEquals(Map.of(), Compression.parseOptions(" , "));
    }

    @Test
    void sortedByKeyLastValueWinsAndValuesMayHoldEquals() {
        Map<String, String> m = Compression.parseOptions("z=1 a=2 z=3 k=x=y");
        assertEquals(List.of("a", "k", "z"), List.copyOf(m.keySet()));
        assertEquals("3", m.get("z"));
        assertEquals("x=y", m.get("k"));
    }

    @Test
    void aPairWithoutKeyOrValueIsNamed() {
        for (String bad : new String[] {"bits", "=4", "bits=", "a=1 levels"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Compression.parseOptions(bad));
            String pair = bad.startsWith("a=1 ") ? "levels" : bad;
            assertEquals("option '" + pair + "' is not key=value", e.getMessage());
        }
    }

    @Test
    void theTextFormBuildsTheSameSchemeAsTheMap() {
        Scheme fromText = Compression.uplink("octav", TestLayouts.small(), Compression.parseOptions("bits=4-2-4, weighting=none"));
        Scheme fromMap = Compression.uplink("octav", TestLayouts.small(), Map.of("bits", "4-2-4", "weighting", "none"));
        assertEquals(fromMap.options(), fromText.options());
        assertEquals(fromMap.uplinkBits(0), fromText.uplinkBits(0));
    }
}
