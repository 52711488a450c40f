package org.fedwan.sim.lorawan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.fedwan.channel.lorawan.Region;
import org.fedwan.sim.Scenarios;
import org.fedwan.sim.config.InvalidScenario;
import org.junit.jupiter.api.Test;

/** The keys fragment_recovery, fec_redundancy and arq_max_rounds, as the network gets them. */
class FragmentRecoveryKeysTest {

    private static NetworkSettings settings(Map<String, ?> keys) {
        LorawanSection s = Scenarios.build(keys, null).section(LorawanSection.class);
        return LorawanLinks.settings(s, 0, Region.byName(s.region()), s.radioProfile(), 3);
    }

    @Test
    void noneByDefault() {
        assertEquals(RecoverySettings.NONE, settings(Map.of()).recovery());
        assertEquals(RecoverySettings.NONE, settings(Map.of("fragment_recovery", "none")).recovery());
    }

    @Test
    void fecAndArqTakeTheirDefaultsOrTheirKeys() {
        assertEquals(new RecoverySettings(FragmentRecovery.FEC, 0.1, 8), settings(Map.of("fragment_recovery", "fec")).recovery());
        assertEquals(0.25, settings(Map.of("fragment_recovery", "fec", "fec_redundancy", 0.25)).recovery().fecRedundancy());
        assertEquals(new RecoverySettings(FragmentRecovery.ARQ, 0.1, 8), settings(Map.of("fragment_recovery", "arq")).recovery());
        assertEquals(3, settings(Map.of("fragment_recovery", "arq", "arq_max_rounds", 3)).recovery().arqMaxRounds());
    }

    @Test
    void aKeyOfTheOtherRecoveryIsRefused() {
        InvalidScenario fec = assertThrows(InvalidScenario.class,
                () -> settings(Map.of("fragment_recovery", "arq", "fec_redundancy", 0.2)));
        assertTrue(fec.getMessage().contains("fec_redundancy"), fec.getMessage());
        InvalidScenario arq = assertThrows(InvalidScenario.class, () -> settings(Map.of("arq_max_rounds", 2)));
        assertTrue(arq.getMessage().contains("arq_max_rounds"), arq.getMessage());
        assertThrows(InvalidScenario.class, () -> settings(Map.of("fragment_recovery", "fec", "fec_redundancy", 0)));
        assertThrows(InvalidScenario.class, () -> settings(Map.of("fragment_recovery", "fec-ish")));
    }
}
