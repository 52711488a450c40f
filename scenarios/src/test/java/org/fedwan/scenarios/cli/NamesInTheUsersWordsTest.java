package org.fedwan.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.fedwan.scenarios.sweep.SweepSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Names on the command line and in sweep lists are read as people write them, or refused with a suggestion. */
class NamesInTheUsersWordsTest {

    @TempDir
    Path dir;

    @Test
    void nbiotNetTakesTheModuleNameInAnySpelling() throws Exception {
        NbiotNetCommand c = new NbiotNetCommand();
        new CommandLine(c).parseArgs("--devices", "2", "--period-s", "60", "--payload", "20", "--duration-h", "1",
                "--nbiot-profile", "nrf9160-class");
        assertEquals("NRF9160_CLASS", c.section().nbiotProfile());
        AirtimeCommandTest.Result r = AirtimeCommandTest.run("nbiot-net", "--devices", "2", "--period-s", "60", "--payload", "20",
                "--duration-h", "1", "--nbiot-profile", "sara");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("fedwan: --nbiot-profile (key nbiot_profile): allowed: one of ")
                && r.err().contains("(did you mean 'SARA_N211'?)"), r.err());
    }

    @Test
    void sweepListsTakeProtocolNamesAsWritten() throws Exception {
        Files.writeString(dir.resolve("base.yaml"), "dataset: synthetic\nrounds: 1\n");
        Path study = Files.writeString(dir.resolve("study.yaml"), "scenario: base.yaml\ngrid:\n  protocol: [LoRaWAN, NB-IoT]\n");
        SweepSpec spec = SweepSpec.load(study, dir);
        assertEquals("lorawan", spec.points().get(0).runs().get(0).resolved().get("protocol"));
        assertEquals("nbiot", spec.points().get(1).runs().get(0).resolved().get("protocol"));
    }
}
