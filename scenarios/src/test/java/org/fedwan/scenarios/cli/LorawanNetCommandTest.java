package org.fedwan.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.fedwan.sim.lorawan.InterferenceModel;
import org.fedwan.sim.lorawan.LorawanSection;
import org.fedwan.sim.lorawan.SfPolicy;
import org.fedwan.sim.lorawan.traffic.LorawanNetworkConfig;
import org.fedwan.sim.lorawan.traffic.LorawanTrafficSection;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** lorawan-net reads its keys from a scenario file, its options and --set, through the FL schema. */
class LorawanNetCommandTest {

    private static final Path LORAWAN_SCENARIOS = Path.of("..", "scenarios", "lorawan");

    private static LorawanNetworkConfig config(String... args) throws Exception {
        LorawanNetCommand c = new LorawanNetCommand();
        new CommandLine(c).parseArgs(args);
        return LorawanTrafficSection.config(c.scenario());
    }

    @Test
    void theNs3FileIsTheNs3SetUpAndOptionsOverrideIt() throws Exception {
        Path file = LORAWAN_SCENARIOS.resolve("ns3-complete-network.yaml");
        LorawanNetworkConfig c = config("--scenario", file.toString());
        assertEquals(1000, c.devices());
        assertEquals(23, c.payloadBytes());
        assertEquals(6400.0, c.network().radiusM());
        assertEquals(InterferenceModel.CUMULATIVE, c.network().interference());
        assertEquals(SfPolicy.DEVICE_TABLE, c.network().sfPolicy());
        assertEquals(9, c.network().frameOverheadBytes());
        LorawanNetworkConfig o = config("--scenario", file.toString(), "--devices", "100", "--interference", "pairwise",
                "--set", "shadowing_sigma_db=3.57", "--set", "confirmed=true");
        assertEquals(100, o.devices());
        assertEquals(InterferenceModel.PAIRWISE, o.network().interference());
        assertEquals(3.57, o.network().shadowingSigmaDb());
        assertTrue(o.network().confirmed());
    }

    @Test
    void theBenchmarksNs3SetUpIsTheShippedFileAtOneThousandDevicesForSixHours() throws Exception {
        LorawanNetworkConfig bench = BenchCommand.ns3SetUp(Path.of(".."));
        assertEquals(1000, bench.devices());
        assertEquals(6.0, bench.durationH());
        assertEquals(config("--scenario", LORAWAN_SCENARIOS.resolve("ns3-complete-network.yaml").toString()).network(),
                bench.network());
    }

    @Test
    void withoutAFileTheOldOptionsAndDefaultsHold() throws Exception {
        LorawanNetworkConfig c = config("--devices", "20", "--radius-m", "300", "--period-s", "60", "--payload", "10",
                "--duration-h", "2", "--gateways", "2", "--seed", "4");
        assertEquals(20, c.devices());
        assertEquals(300.0, c.network().radiusM());
        assertEquals(60.0, c.periodS());
        assertEquals(2, c.network().gateways());
        assertEquals(4L, c.seed());
        assertEquals(SfPolicy.LINK_BUDGET, c.network().sfPolicy());
        assertEquals(InterferenceModel.PAIRWISE, c.network().interference());
    }

    @Test
    void everyShippedLorawanScenarioRunsShort() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(LORAWAN_SCENARIOS)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(files.size() >= 2, files.toString());
        for (Path f : files) {
            AirtimeCommandTest.Result r = AirtimeCommandTest.run("lorawan-net", "--scenario", f.toString(),
                    "--devices", "30", "--duration-h", "0.2");
            assertEquals(0, r.exitCode(), f + ": " + r.err());
            assertTrue(r.out().contains("packet delivery ratio"), r.out());
        }
    }

    private static int dataRate(String... args) throws Exception {
        LorawanNetCommand c = new LorawanNetCommand();
        new CommandLine(c).parseArgs(args);
        return c.scenario().section(LorawanSection.class).dataRate();
    }

    @Test
    void theDataRateOptionTakesSpreadingFactorAndBandwidth() throws Exception {
        // lpwan-facts A2: EU868 DR3 = SF9/125, DR6 = SF7/250
        assertEquals(3, dataRate("--data-rate", "SF9"));
        assertEquals(6, dataRate("--data-rate", "sf7bw250"));
        assertEquals(4, dataRate("--data-rate", "SF8/500", "--region", "US915"));
        assertEquals(5, dataRate("--data-rate", "5"));
        AirtimeCommandTest.Result r = AirtimeCommandTest.run("lorawan-net", "--data-rate", "SF6");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("command line:1: key 'data_rate' = SF6: not a data rate of EU868; allowed: EU868: "
                + "SF12/125 (DR0), "), r.err());
    }

    @Test
    void badKeysAreReportedWithWhereTheyCameFrom() {
        AirtimeCommandTest.Result r = AirtimeCommandTest.run("lorawan-net", "--set", "path_loss_exponent=-1",
                "--tx-power-dbm", "20");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("path_loss_exponent") && r.err().contains("command line"), r.err());
        assertTrue(r.err().contains("tx_power_dbm"), r.err());
        AirtimeCommandTest.Result bad = AirtimeCommandTest.run("lorawan-net", "--set", "nonsense");
        assertEquals(2, bad.exitCode());
    }
}
