package org.fedwan.sim.lorawan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.fedwan.channel.energy.RadioProfile;
import org.fedwan.channel.lorawan.Region;
import org.fedwan.sim.Scenarios;
import org.junit.jupiter.api.Test;

/** The network an FL run's LoRaWAN clients get from their scenario section. */
class LorawanLinksTest {

    private static NetworkSettings settings(Map<String, ?> keys) {
        LorawanSection s = Scenarios.build(keys, null).section(LorawanSection.class);
        return LorawanLinks.settings(s, 0, Region.byName(s.region()), RadioProfile.byName(s.radio()), 10);
    }

    @Test
    void theIdealLinkHasNoShadowingWhateverTheKeySays() {
        assertEquals(0.0, settings(Map.of("shadowing_sigma_db", 8)).shadowingSigmaDb());
    }

    @Test
    void theRealisticLinkTakesItsShadowingFromTheScenario() {
        // FLoRa's LoRaLogNormalShadowing sigma by default
        assertEquals(3.57, settings(Map.of("link", "realistic")).shadowingSigmaDb());
        assertEquals(7.8, settings(Map.of("link", "realistic", "shadowing_sigma_db", 7.8)).shadowingSigmaDb());
        assertEquals(0.0, settings(Map.of("link", "realistic", "shadowing_sigma_db", 0)).shadowingSigmaDb());
    }
}
