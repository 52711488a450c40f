package org.fedwan.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class AirtimeCommandTest {

    record Result(int exitCode, String out, String err) {
    }

    static Result run(String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            CommandLine cl = FedwanCli.commandLine();
            cl.setErr(new PrintWriter(err, true));
            int code = cl.execute(args);
            return new Result(code, bytes.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(saved);
        }
    }

    @Test
    void referenceValues() {
        // ns-3 lorawan's own test: SF7, 125 kHz, CR 4/5, 10-byte PHY payload = 41.216 ms
        assertEquals("41.216 ms\n", run("airtime", "--sf", "7", "--bw-khz", "125", "--payload", "10").out());
        // lpwan-facts A1 worked example (Semtech formula): 51 bytes at SF7 = 102.656 ms, at SF12 = 2465.792 ms
        assertEquals("102.656 ms\n", run("airtime", "--sf", "7", "--payload", "51").out());
        assertEquals("2,465.792 ms\n", run("airtime", "--sf", "12", "--bw-khz", "125", "--payload", "51").out());
    }

    @Test
    void jsonLineAndOptions() {
        Result r = run("airtime", "--sf", "12", "--payload", "51", "--json");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().startsWith("{\"sf\":12,") && r.out().contains("\"airtime_ms\":2465.792}"), r.out());
        assertTrue(r.out().contains("\"low_data_rate_optimization\":true"));
        // forcing LDRO off at SF12 shortens the frame: 8 + ceil((408-48+28+16)/48)*5 = 53 payload symbols
        String off = run("airtime", "--sf", "12", "--payload", "51", "--ldro", "off").out();
        assertEquals("2,138.112 ms\n", off);
    }

    @Test
    void spreadingFactorAndDataRateInTheUsersWords() {
        // lpwan-facts A1: 51 bytes at SF7/125 = 102.656 ms; at 250 kHz every symbol is half as long
        String sf7 = run("airtime", "--sf", "7", "--payload", "51").out();
        assertEquals(sf7, run("airtime", "--sf", "SF7", "--payload", "51").out());
        assertEquals(sf7, run("airtime", "--sf", "sf7bw125", "--payload", "51").out());
        assertEquals(sf7, run("airtime", "--data-rate", "5", "--payload", "51").out(), "EU868 DR5 = SF7/125");
        assertEquals(sf7, run("airtime", "--data-rate", "3", "--region", "us915", "--payload", "51").out(), "US915 DR3 = SF7/125");
        assertEquals("51.328 ms\n", run("airtime", "--sf", "SF7/250", "--payload", "51").out());
        assertEquals("51.328 ms\n", run("airtime", "--data-rate", "SF7/250", "--payload", "51").out());
        Result lacks = run("airtime", "--data-rate", "SF7/500", "--payload", "51");
        assertEquals(2, lacks.exitCode());
        assertTrue(lacks.err().startsWith("fedwan: --data-rate SF7/500: SF7/500 is not a data rate of EU868; allowed: EU868: "
                + "SF12/125 (DR0),"), lacks.err());
        Result both = run("airtime", "--sf", "SF7/250", "--bw-khz", "125", "--payload", "51");
        assertEquals("fedwan: --sf SF7/250 --bw-khz 125: two bandwidths; allowed: one\n", both.err());
    }

    @Test
    void badInputIsOneLineAndExitCode2() {
        Result r = run("airtime", "--sf", "13", "--payload", "51");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("fedwan: ") && r.err().contains("13") && r.err().contains("allowed"), r.err());
        assertEquals(1, r.err().strip().lines().count());
        Result cr = run("airtime", "--sf", "7", "--payload", "51", "--cr", "4/9");
        assertEquals("fedwan: --cr 4/9: allowed: 4/5, 4/6, 4/7, 4/8\n", cr.err());
    }
}
