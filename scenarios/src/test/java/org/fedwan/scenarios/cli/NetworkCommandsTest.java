package org.fedwan.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import org.fedwan.results.ConsoleNumbers;
import org.junit.jupiter.api.Test;

/** The network-only commands and the accounting command run from the CLI and print their figures. */
class NetworkCommandsTest {

    @Test
    void lorawanNetPrintsDeliveryAndEnergy() {
        AirtimeCommandTest.Result r = AirtimeCommandTest.run("lorawan-net", "--devices", "20", "--radius-m", "300",
                "--period-s", "600", "--payload", "20", "--duration-h", "2");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("packet delivery ratio"), r.out());
        assertTrue(r.out().contains("energy per device"), r.out());
        assertTrue(r.out().contains("lost under sensitivity"), r.out());
    }

    @Test
    void networkCommandsPrintSeparatorsAndUnitsOrOneJsonDocument() throws Exception {
        String[] lorawan = {"lorawan-net", "--devices", "1200", "--radius-m", "300", "--period-s", "3600", "--payload", "20",
            "--duration-h", "1"};
        AirtimeCommandTest.Result text = AirtimeCommandTest.run(lorawan);
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("\ndevices                      1,200\n"), text.out());
        assertTrue(text.out().contains("\nsimulated time               1.00"), text.out());
        AirtimeCommandTest.Result json = AirtimeCommandTest.run(concat(lorawan, "--json"));
        assertEquals(0, json.exitCode(), json.err());
        assertEquals(1, json.out().strip().lines().count(), json.out());
        JsonNode doc = new ObjectMapper().readTree(json.out());
        assertEquals(1200, doc.path("report").path("devices").asInt());
        assertEquals(1200, doc.path("settings").path("net_devices").asInt());
        long sent = doc.path("report").path("frames_sent").asLong();
        assertTrue(text.out().contains("\nframes sent                  " + ConsoleNumbers.grouped(sent) + "\n"),
                "the same seeded run: " + sent + "\n" + text.out());

        String[] nbiot = {"nbiot-net", "--devices", "3", "--period-s", "3600", "--payload", "200", "--duration-h", "2"};
        JsonNode n = new ObjectMapper().readTree(AirtimeCommandTest.run(concat(nbiot, "--json")).out());
        assertEquals(3, n.path("report").path("devices").asInt());
        assertEquals("SARA_N211", n.path("settings").path("nbiot_profile").asText());
        String lines = AirtimeCommandTest.run(nbiot).out();
        assertTrue(lines.contains("lifetime " + ConsoleNumbers.quantity(n.path("report").path("lifetime_years").asDouble(), 2,
                "years")), lines);
    }

    private static String[] concat(String[] a, String b) {
        String[] out = Arrays.copyOf(a, a.length + 1);
        out[a.length] = b;
        return out;
    }

    @Test
    void nbiotNetPrintsDeliveryLatencyPercentilesAndEnergy() {
        AirtimeCommandTest.Result r = AirtimeCommandTest.run("nbiot-net", "--devices", "5", "--period-s", "3600",
                "--payload", "200", "--duration-h", "4", "--coupling-loss-db", "144");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("delivered") && r.out().contains("p90"), r.out());
        assertTrue(r.out().contains("energy per device"), r.out());
    }

    @Test
    void nbiotNetReadsTheNbiotKeysFromAScenarioAndFromOptions() {
        // TR 45.820's case at 164 dB, 200 B a day: at least 10 years (13.36 without block errors, docs/nbiot.md)
        AirtimeCommandTest.Result r = AirtimeCommandTest.run("nbiot-net", "--scenario",
                "../scenarios/nbiot/tr45820-battery-life.yaml", "--devices", "4", "--period-s", "86400", "--payload", "200",
                "--duration-h", "48", "--bler-at-edge", "0");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("CE2 4"), r.out());
        assertTrue(r.out().contains("0 data blocks in error"), r.out());
        double years = Double.parseDouble(r.out().replaceAll("(?s).*lifetime ([0-9.]+) years.*", "$1"));
        assertTrue(years >= 10.0 && years < 14.0, r.out());
        AirtimeCommandTest.Result joerke = AirtimeCommandTest.run("nbiot-net", "--scenario",
                "../scenarios/nbiot/joerke-84b-day.yaml", "--devices", "2", "--period-s", "86400", "--payload", "84",
                "--duration-h", "24", "--coupling-loss-db", "144");
        assertEquals(0, joerke.exitCode(), joerke.err());
        assertTrue(joerke.out().contains("CE0 2"), joerke.out());
        // options are checked by the schema's key types
        AirtimeCommandTest.Result bad = AirtimeCommandTest.run("nbiot-net", "--devices", "1", "--period-s", "60",
                "--payload", "10", "--duration-h", "1", "--edrx-cycle-s", "30");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("edrx_cycle_s") && bad.err().contains("20.48"), bad.err());
    }

    @Test
    void accountingReproducesSeed000TableOneForFedAvg() {
        // seed 000 Table I: FedAvg sends 925,352 bytes per round (231,338 x 4); our message adds a 4-byte CRC
        AirtimeCommandTest.Result r = AirtimeCommandTest.run("accounting", "--model", "cnn6-cifar", "--scheme", "fp32");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("messages average 925,356 bytes"), "with thousands separators: " + r.out());
        AirtimeCommandTest.Result fp32Json = AirtimeCommandTest.run("accounting", "--model", "cnn6-cifar", "--scheme", "fp32",
                "--json");
        assertTrue(fp32Json.out().contains("\"averageBytes\":925356"), "the same number, plain, in the JSON: " + fp32Json.out());
        AirtimeCommandTest.Result json = AirtimeCommandTest.run("accounting", "--model", "cnn6-cifar", "--scheme", "xfl",
                "-o", "codec=int8", "--json");
        assertEquals(0, json.exitCode(), json.err());
        assertTrue(json.out().trim().startsWith("{") && json.out().trim().endsWith("}"), json.out());
        AirtimeCommandTest.Result bad = AirtimeCommandTest.run("accounting", "--model", "resnet", "--scheme", "fp32");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().startsWith("fedwan: --model resnet: allowed: one of ") && bad.err().contains("cnn6-cifar"),
                bad.err());
    }
}
