package org.fedwan.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class EnergyPerByteCommandTest {

    @Test
    void seed000RangeIsInTheSf9Column() {
        AirtimeCommandTest.Result r = AirtimeCommandTest.run("energy-per-byte", "--payloads", "14,115,242");
        assertEquals(0, r.exitCode(), r.err());
        String[] lines = r.out().split("\n");
        assertTrue(lines[0].startsWith("EU868, SX1276_14DBM at 14 dBm (44.0 mA at 3.3 V)"), lines[0]);
        assertEquals("payload     SF12     SF11     SF10      SF9      SF8      SF7", lines[1].strip());
        // seed 000: 2.32 mJ/B for small payloads, 0.84 mJ/B for large ones; both at SF9 (lpwan-facts A9)
        assertTrue(lines[2].matches("\\s*14 B\\s+17\\.\\d+\\s+8\\.\\d+\\s+4\\.\\d+\\s+2\\.347\\s+.*"), lines[2]);
        assertTrue(lines[3].matches("\\s*115 B\\s+-\\s+-\\s+-\\s+0\\.85\\d\\s+.*"), lines[3]);
        assertTrue(lines[4].matches("\\s*242 B\\s+-\\s+-\\s+-\\s+-\\s+0\\.42\\d\\s+0\\.24\\d"), lines[4]);
    }

    @Test
    void jsonHasTheSameNumbersAsTheTable() throws Exception {
        AirtimeCommandTest.Result r = AirtimeCommandTest.run("energy-per-byte", "--payloads", "14,115", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertEquals("EU868", doc.path("region").asText());
        JsonNode row14 = doc.path("rows").get(0);
        assertEquals(14, row14.path("frm_payload_bytes").asInt());
        // the text table's 2.347 mJ/B at SF9 (seed 000's upper bound, lpwan-facts A9)
        assertEquals(2.347, row14.path("mj_per_byte").path("SF9/125").asDouble(), 0.0005);
        assertTrue(doc.path("rows").get(1).path("mj_per_byte").path("SF12/125").isNull(), "115 B does not fit SF12");
    }

    @Test
    void anUnknownPowerNamesWhatIsAllowed() {
        AirtimeCommandTest.Result r = AirtimeCommandTest.run("energy-per-byte", "--tx-power-dbm", "15");
        assertTrue(r.exitCode() != 0);
        assertTrue(r.err().contains("allowed: 14, 17, 20 dBm"), r.err());
    }
}
