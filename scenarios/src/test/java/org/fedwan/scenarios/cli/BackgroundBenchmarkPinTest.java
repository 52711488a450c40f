package org.fedwan.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import org.fedwan.sim.Protocols;
import org.fedwan.sim.bench.BackgroundBenchmark;
import org.fedwan.sim.config.Scenario;
import org.fedwan.sim.lorawan.SensorEngine;
import org.junit.jupiter.api.Test;

/**
 * Pins what {@code fedwan bench background} simulates (simulated time, updates and client frames
 * lost, the sensors' packets, losses and energy, and every energy row the clients' links report, in
 * order), so that making the sensors cheaper cannot change a result: the values were recorded on main
 * before the sensors' code paths were optimised (commit 91a4b39), with the sensors as scheduled
 * events, and both sensor engines must still give them. Only the kernel's event count differs: the
 * bulk engine's LoRaWAN sensors schedule none. Doubles are pinned by their exact bits
 * ({@link Double#toHexString}).
 */
class BackgroundBenchmarkPinTest {

    private static final Path HOME = Path.of("..").toAbsolutePath().normalize();

    /** Runs the benchmark's network once with each sensor engine and describes everything it produced. */
    private static String fingerprint(Scenario scenario, int sensors) {
        String bulk = fingerprint(scenario, sensors, SensorEngine.BULK);
        assertEquals(bulk.replaceFirst("events \\d+", "events ?"),
                fingerprint(scenario, sensors, SensorEngine.EVENTS).replaceFirst("events \\d+", "events ?"));
        return bulk + " / " + fingerprint(scenario, sensors, SensorEngine.EVENTS).replaceFirst(",.*", "");
    }

    private static String fingerprint(Scenario scenario, int sensors, SensorEngine engine) {
        long[] rows = new long[1];
        double[] sumJ = new double[1];
        long[] hash = {17};
        BackgroundBenchmark.Run r = BackgroundBenchmark.once(scenario, (sim, sc, ev) -> Protocols.groups(sim, sc, ev, engine), sensors,
                BenchCommand.BACKGROUND_UPDATE_BYTES, BenchCommand.BACKGROUND_MODEL_BYTES, (client, energyJ) -> {
                    rows[0]++;
                    sumJ[0] += energyJ;
                    hash[0] = 31 * hash[0] + 1_000_003L * client + Double.doubleToLongBits(energyJ);
                });
        return String.format(Locale.ROOT, "events %d, simulated %s s, updates lost %d, client frames lost %d, "
                + "sensors %d offered %d delivered %d lost %s energy %s J, ledger rows %d sum %s J hash %x",
                r.events(), Double.toHexString(r.simulatedS()), r.lost(), r.framesLost(), r.background().devices(),
                r.background().packetsOffered(), r.background().packetsDelivered(),
                r.background().lost().isEmpty() ? "{}" : new EnumMap<>(r.background().lost()),
                Double.toHexString(r.background().energyJ()), rows[0], Double.toHexString(sumJ[0]), hash[0]);
    }

    @Test
    void theBenchmarkNetworkWithoutSensorsIsPinned() throws Exception {
        assertEquals("events 3548, simulated 0x1.5d6f130164841p11 s, updates lost 20, client frames lost 291, sensors 0 "
                + "offered 0 delivered 0 lost {} energy 0x0.0p0 J, ledger rows 100 sum 0x1.919ba62b8bc48p8 J hash 1d7369582fef226f"
                + " / events 3548",
                fingerprint(BenchCommand.backgroundSetUp(HOME), 0));
    }

    @Test
    void theBenchmarkNetworkWithAThousandSensorsIsPinned() throws Exception {
        assertEquals("events 3548, simulated 0x1.5d6f130164841p11 s, updates lost 20, client frames lost 323, sensors 1000 "
                + "offered 4676 delivered 4142 lost {COLLISION=357, BELOW_SENSITIVITY=15, GATEWAY_TRANSMITTING=162} "
                + "energy 0x1.e1c3605eca983p6 J, ledger rows 100 sum 0x1.919ba62b8bc48p8 J hash 1d7369582fef226f"
                + " / events 36272",
                fingerprint(BenchCommand.backgroundSetUp(HOME), BackgroundBenchmark.SENSORS));
    }

    @Test
    void poissonSensorsEveryMinuteArePinned() throws Exception {
        Scenario base = BenchCommand.backgroundSetUp(HOME);
        assertEquals("events 3548, simulated 0x1.5d6f130164841p11 s, updates lost 20, client frames lost 380, sensors 300 "
                + "offered 13980 delivered 10699 lost {COLLISION=2280, BELOW_SENSITIVITY=29, GATEWAY_TRANSMITTING=464} "
                + "energy 0x1.2696d5e82ab3p8 J, ledger rows 100 sum 0x1.919ba62b8bc48p8 J hash 1d7369582fef226f"
                + " / events 98332",
                fingerprint(base.with("background_arrival", "poisson").with("background_period_s", 60.0), 300));
    }

    @Test
    void aMixedRunWithSensorsOnBothNetworksIsPinned() throws Exception {
        assertEquals("events 38425, simulated 0x1.5d62c6bce8534p11 s, updates lost 10, client frames lost 84, sensors 400 "
                + "offered 1863 delivered 1783 lost {COLLISION=40, BELOW_SENSITIVITY=1, GATEWAY_TRANSMITTING=39} "
                + "energy 0x1.1c178de5640a8p12 J, ledger rows 90 sum 0x1.12561ec7711dap9 J hash eba5fb5fb92188a"
                + " / events 44970",
                fingerprint(BenchCommand.backgroundSetUp(HOME).with("protocol", "mixed"), 200));
    }
}
