package org.fedwan.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fedwan.results.ResultTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, question 2 end to end: "under EU868's 1 % duty cycle, the largest model at 20 rounds
 * per day, at SF7 vs SF10", on the shipped study with the grid narrowed to the sizes on either side
 * of each answer (8 network-only runs), checked by hand against LoRa airtime.
 */
class BudgetCommandTest {

    @TempDir
    Path dir;

    /**
     * Time on air of one LoRa frame, ms: Semtech AN1200.13 "LoRa Modem Designer's Guide" (and the
     * SX1276 datasheet, 4.1.1.7), 125 kHz, coding rate 4/5, explicit header, CRC on, 8-symbol
     * preamble, low data rate optimisation off (SF7 and SF10 at 125 kHz).
     */
    static double loraAirtimeMs(int sf, int phyPayloadBytes) {
        double symbolMs = Math.pow(2, sf) / 125.0;
        double payloadSymbols = 8 + Math.max(Math.ceil((8.0 * phyPayloadBytes - 4 * sf + 28 + 16) / (4.0 * sf)) * 5, 0);
        return (8 + 4.25 + payloadSymbols) * symbolMs;
    }

    @Test
    void largestModelAtTwentyRoundsPerDayPerDataRateMatchesTheAirtimeBound() throws Exception {
        Path shipped = Path.of("studies/largest-model-duty-cycle.yaml");
        String text = Files.readString(shipped)
                .replace("scenario: ../quickstart.yaml", "scenario: " + Path.of("quickstart.yaml").toAbsolutePath())
                .replaceAll("update_parameters: \\[[^\\]]*\\]", "update_parameters: [600, 700, 5500, 6000]");
        Path study = Files.writeString(dir.resolve("largest-model-duty-cycle.yaml"), text);
        Path csv = dir.resolve("answer.csv");
        AirtimeCommandTest.Result r = AirtimeCommandTest.run("budget", study.toString(), "--out", dir.resolve("out").toString(),
                "--workers", "2", "--objective", "largest-model", "--min-rounds-per-day", "20", "--group-by", "data_rate",
                "--json", "--csv", csv.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        JsonNode answers = doc.get("answer");
        assertEquals(2, answers.size());
        assertEquals("5", answers.get(0).get("group").asText());
        assertEquals(5500, answers.get(0).get("value").asInt(), r.out());
        assertEquals("2", answers.get(1).get("group").asText());
        assertEquals(600, answers.get(1).get("value").asInt(), r.out());
        assertEquals("answer for data_rate=5: p0002 (data_rate=5 downlink_data_rate=5 update_parameters=5500), largest model "
                + "(parameter_count) 5,500", answers.get(0).get("text").asText());

        // By hand: 1 % of a day is 864 s of airtime per device, 43.2 s per round at 20 rounds a day.
        // A frame carries a 242-byte FRMPayload at DR5 (51 at DR2) with a 3-byte fragment header, on
        // 13 bytes of LoRaWAN overhead: 399.616 ms at SF7, 698.368 ms at SF10 (AN1200.13).
        double sf7Ms = loraAirtimeMs(7, 242 + 13);
        double sf10Ms = loraAirtimeMs(10, 51 + 13);
        assertEquals(399.616, sf7Ms, 1e-9);
        assertEquals(698.368, sf10Ms, 1e-9);
        double airtimePerRoundS = 0.01 * 86_400 / 20;
        long sf7Bytes = (long) Math.floor(airtimePerRoundS / (sf7Ms / 1000)) * (242 - 3);
        long sf10Bytes = (long) Math.floor(airtimePerRoundS / (sf10Ms / 1000)) * (51 - 3);
        // an fp32 update is 4 bytes a parameter plus 4 bytes of side information
        assertEquals(108 * 239, sf7Bytes);
        assertEquals(61 * 48, sf10Bytes);
        assertTrue(4 * 5500 + 4 <= sf7Bytes && 4 * 600 + 4 <= sf10Bytes);
        // The bound ignores the broadcast: the gateway sends the same bytes back under its 10 % duty
        // cycle (10 x the airtime) while the devices' last off-time runs, so a round of n frames
        // lasts about 100 n a - 99 a (the last frame's off-time overlaps) + 10 n a, a = frame airtime.
        ResultTable rows = ResultTable.read(csv);
        for (int i = 0; i < rows.size(); i++) {
            int parameters = (int) rows.number(i, "parameter_count");
            boolean sf7 = rows.text(i, "data_rate").equals("5");
            double a = (sf7 ? sf7Ms : sf10Ms) / 1000;
            double frames = Math.ceil((4.0 * parameters + 4) / (sf7 ? 239 : 48));
            double expectedS = 110 * frames * a - 99 * a;
            assertEquals(expectedS, rows.number(i, "round_latency_s"), 0.02 * expectedS, rows.text(i, "point"));
            // the hand estimate predicts which sizes keep 20 rounds a day: 5,500 and 600, not 6,000 and 700
            assertEquals(86_400 / expectedS >= 20, rows.text(i, "feasible").equals("true"), rows.text(i, "point"));
            assertEquals(parameters <= (sf7 ? 5500 : 600), 86_400 / expectedS >= 20, rows.text(i, "point"));
            assertTrue(rows.number(i, "duty_cycle_measured") <= 0.0101, rows.text(i, "point"));
        }
        assertEquals(8, rows.size());
        // the console holds only the document: the sweep's progress went to stderr
        assertTrue(r.out().startsWith("{"), r.out());
    }
}
