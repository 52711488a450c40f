package org.fedwan.sim.lorawan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.fedwan.channel.lorawan.Channel;
import org.fedwan.channel.lorawan.Region;
import org.fedwan.channel.lorawan.RetransmissionPolicy;
import org.fedwan.channel.propagation.LogDistancePathLoss;
import org.fedwan.sim.background.BackgroundSection;
import org.fedwan.sim.background.TrafficArrival;
import org.fedwan.sim.kernel.Simulation;
import org.fedwan.sim.link.BackgroundReport;
import org.fedwan.sim.lorawan.traffic.LorawanBackground;
import org.junit.jupiter.api.Test;

/**
 * The bulk sensor engine ({@link SensorField}) against the reference, the sensors as scheduled
 * {@link LorawanDevice}s: on networks whose clients upload fragmented messages while the server
 * multicasts (so the gateway goes deaf now and then), both engines must give the sensors the same
 * packets, losses by cause and energy to the bit, the clients the same frames and energy, and the
 * network the same counters, across the settings the bulk engine replays (interference models,
 * gateways, shadowing, placement, SF policies, retransmissions, fair use, duty cycles, payloads too
 * long, demodulator shortage, arrivals).
 */
class SensorEnginesAgreeTest {

    private static final int CLIENTS = 8;
    private static final long HOUR_US = 3_600_000_000L;

    /** The realistic link of FL runs: Bor path loss, 3.57 dB shadowing per frame, a 2 km disc, link-budget SF. */
    private static NetworkSettings.Builder realistic() {
        NetworkSettings.Builder b = NetworkSettings.builder();
        b.radiusM = 2_000;
        b.batteryCapacityJ = Double.POSITIVE_INFINITY;
        return b;
    }

    private static BackgroundSection sensors(int n, double periodS, int payload, TrafficArrival arrival) {
        return new BackgroundSection(n, periodS, payload, arrival);
    }

    /** Everything a run produced, as text: sensors' report, network counters, each client's frames and energy. */
    private static String run(NetworkSettings settings, BackgroundSection section, SensorEngine engine, long durationUs) {
        Simulation sim = new Simulation("engines", 7, 0);
        int sensors = section.backgroundDevices();
        LorawanNetwork net = engine == SensorEngine.BULK
                ? new LorawanNetwork(sim, settings, CLIENTS, 0, null, null, section)
                : new LorawanNetwork(sim, settings, CLIENTS + sensors);
        LorawanBackground background = new LorawanBackground(net, CLIENTS, section);
        byte[] message = new byte[900];
        byte[] model = new byte[400];
        Consumer<Long> clients = new Consumer<>() {
            @Override
            public void accept(Long atUs) {
                for (int c = 0; c < CLIENTS; c++) {
                    if (!net.device(c).isSending()) {
                        net.device(c).send(message, (int) (atUs / 1_000_000 % 256), () -> { });
                    }
                }
                if (!net.multicastActive()) {
                    net.multicast(model, 1, () -> { });
                }
                long next = atUs + 700_000_000L;
                sim.scheduler().schedule(next, 0, () -> accept(next));
            }
        };
        sim.scheduler().schedule(1_000_000L, 0, () -> clients.accept(1_000_000L));
        sim.scheduler().runUntil(durationUs);
        long end = sim.nowUs();
        BackgroundReport r = background.report(end);
        net.finish(end);
        StringBuilder out = new StringBuilder();
        out.append("sensors ").append(r.devices()).append(" offered ").append(r.packetsOffered()).append(" delivered ")
                .append(r.packetsDelivered()).append(" lost ").append(new TreeMap<>(r.lost())).append(" energy ")
                .append(Double.toHexString(r.energyJ())).append('\n');
        out.append("network ").append(counters(net.stats())).append('\n');
        for (int c = 0; c < CLIENTS; c++) {
            LorawanDevice d = net.device(c);
            out.append("client ").append(c).append(" sent ").append(d.framesSent()).append(" delivered ")
                    .append(d.framesDelivered()).append(" energy ").append(d.energy(end)).append('\n');
        }
        return out.toString();
    }

    /** Every counter of the network's stats, by accessor name. */
    private static Map<String, Object> counters(NetworkStats stats) {
        Map<String, Object> values = new TreeMap<>();
        try {
            for (Method m : NetworkStats.class.getMethods()) {
                if (m.getParameterCount() == 0 && m.getDeclaringClass() == NetworkStats.class) {
                    values.put(m.getName(), m.invoke(stats));
                }
            }
            for (RefusalReason reason : RefusalReason.values()) {
                values.put("refused " + reason, stats.refused(reason));
            }
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
        return values;
    }

    private static String agree(NetworkSettings.Builder b, BackgroundSection section, long durationUs) {
        NetworkSettings settings = b.build();
        String bulk = run(settings, section, SensorEngine.BULK, durationUs);
        assertEquals(run(settings, section, SensorEngine.EVENTS, durationUs), bulk);
        return bulk;
    }

    @Test
    void pairwiseInterferenceOnOneGateway() {
        String r = agree(realistic(), sensors(400, 120, 20, TrafficArrival.PERIODIC), 3 * HOUR_US);
        assertTrue(r.contains("COLLISION") && r.contains("GATEWAY_TRANSMITTING"), r);
    }

    @Test
    void cumulativeInterferenceOnThreeGatewaysWithTheNs3PathLoss() {
        NetworkSettings.Builder b = realistic();
        b.interference = InterferenceModel.CUMULATIVE;
        b.gateways = 3;
        b.radiusM = 6_400;
        b.pathLoss = LogDistancePathLoss.NS3_EXAMPLES;
        b.shadowingSigmaDb = 0;
        b.sfPolicy = SfPolicy.DEVICE_TABLE;
        String r = agree(b, sensors(500, 60, 23, TrafficArrival.PERIODIC), 2 * HOUR_US);
        assertTrue(r.contains("COLLISION"), r);
    }

    @Test
    void poissonArrivalsWithRepetitionsAndBusySensors() {
        NetworkSettings.Builder b = realistic();
        b.retransmission = RetransmissionPolicy.DEFAULT.withNbTrans(2);
        b.deviceDutyCycleOverride = 0.002;
        String r = agree(b, sensors(200, 20, 40, TrafficArrival.POISSON), 2 * HOUR_US);
        assertTrue(r.contains("refused BUSY=") && !r.contains("refused BUSY=0,"), r);
        assertTrue(!r.contains("retransmissions=0,"), r);
    }

    @Test
    void staticShadowingOnAGridWithFixedSf12AndFairUse() {
        NetworkSettings.Builder b = realistic();
        b.shadowingPerFrame = false;
        b.placement = PlacementKind.GRID;
        b.gridSpacingM = 150;
        b.sfPolicy = SfPolicy.FIXED;
        b.fixedDataRate = 0;
        b.fairUse = true;
        b.fairUseUplinkAirtimeUsPerDay = 5_000_000L;
        String r = agree(b, sensors(150, 60, 20, TrafficArrival.PERIODIC), 3 * HOUR_US);
        // 5 s of airtime a day holds a sensor to 3 frames of 1.32 s (20 B at SF12); packets wait for it, others are busy
        long framesSent = Long.parseLong(r.replaceAll("(?s).*framesSent=(\\d+).*", "$1"));
        assertTrue(framesSent <= CLIENTS * 10 + 150 * 3, r);
        assertTrue(!r.contains("refused BUSY=0,"), r);
    }

    @Test
    void payloadsTooLongForTheDataRateAndTooFewDemodulators() {
        NetworkSettings.Builder b = realistic();
        b.sfPolicy = SfPolicy.FIXED;
        b.fixedDataRate = 2;
        b.interference = InterferenceModel.NONE;
        b.demodulatorPaths = 1;
        String r = agree(b, sensors(300, 90, 60, TrafficArrival.PERIODIC), HOUR_US);
        assertTrue(!r.contains("refused PAYLOAD_TOO_LONG=0,"), r);
        NetworkSettings.Builder fits = realistic();
        fits.interference = InterferenceModel.NONE;
        fits.demodulatorPaths = 1;
        String f = agree(fits, sensors(300, 90, 20, TrafficArrival.PERIODIC), HOUR_US);
        assertTrue(f.contains("NO_DEMODULATOR"), f);
    }

    @Test
    void usChannelsAndSensorsWithoutClientsTraffic() {
        NetworkSettings.Builder b = realistic();
        b.region = Region.US915;
        b.channels = 8;
        agree(b, sensors(300, 100, 11, TrafficArrival.PERIODIC), HOUR_US);
    }

    /**
     * EU868 with five more channels at 867.1-867.9 MHz (the 865-868 MHz sub-band) beside the three
     * default ones (868-868.6 MHz): a sensor's rate spans two sub-bands with ledgers of their own, and
     * the channel free first is picked among them; 2 % duty cycle pressure from short periods.
     */
    @Test
    void channelsInTwoSubBands() {
        Region eu = Region.EU868;
        List<Channel> channels = new ArrayList<>(eu.defaultChannels());
        for (int k = 0; k < 5; k++) {
            channels.add(new Channel(3 + k, 867_100_000L + 200_000L * k, 125_000L, 0, 5, false));
        }
        NetworkSettings.Builder b = realistic();
        b.region = new Region("EU868-8", eu.dataRates(), eu.repeaterCompatibleMaxFrmPayloadBytes(), eu.defaultDutyCycle(),
                eu.maxEirpDbm(), eu.dwellTimeLimitUs(), eu.downlinkOnlyDataRates(), eu.subBands(), channels,
                eu.rx1DataRateTable(), eu.rx1DownlinkFrequenciesHz(), eu.rx2FrequencyHz(), eu.rx2DataRateIndex());
        b.sfPolicy = SfPolicy.FIXED;
        b.fixedDataRate = 0;
        String two = agree(b, sensors(200, 30, 20, TrafficArrival.PERIODIC), HOUR_US);
        b.region = eu;
        String one = agree(b, sensors(200, 30, 20, TrafficArrival.PERIODIC), HOUR_US);
        // SF12 frames of 1.5 s close a 1 % sub-band for 2.5 min: a second sub-band lets about twice as many out
        assertTrue(framesSent(two) > 1.5 * framesSent(one), one + "\n" + two);
    }

    private static long framesSent(String run) {
        Matcher m = Pattern.compile("framesSent=(\\d+)").matcher(run);
        assertTrue(m.find(), run);
        return Long.parseLong(m.group(1));
    }

    /** The order of the sensors' periodic packets is the sort by (first packet, index), whatever the spread of phases. */
    @Test
    void periodicOrderIsTheSortByTimeThenIndex() {
        SplittableRandom r = new SplittableRandom(14);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + r.nextInt(400);
            long span = switch (trial % 4) {
                case 0 -> 1;
                case 1 -> 10;
                case 2 -> 600_000_000L;
                default -> Long.MAX_VALUE / 2;
            };
            long[] first = new long[n];
            for (int s = 0; s < n; s++) {
                first[s] = trial % 5 == 0 ? 5 : r.nextLong(span);
            }
            int[] expected = IntStream.range(0, n).boxed()
                    .sorted(Comparator.<Integer>comparingLong(x -> first[x]).thenComparingInt(x -> x))
                    .mapToInt(Integer::intValue).toArray();
            assertArrayEquals(expected, SensorQueue.inOrder(first), "trial " + trial);
        }
    }

    @Test
    void settingsThatReachTheSensorsKeepTheEventEngine() {
        List<NetworkSettings.Builder> reached = new ArrayList<>();
        NetworkSettings.Builder confirmed = realistic();
        confirmed.confirmed = true;
        reached.add(confirmed);
        NetworkSettings.Builder adr = realistic();
        adr.sfPolicy = SfPolicy.ADR;
        reached.add(adr);
        reached.add(NetworkSettings.builder()); // a battery that can empty
        for (NetworkSettings.Builder b : reached) {
            NetworkSettings s = b.build();
            assertTrue(!LorawanNetwork.bulkSensorsSupported(s));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LorawanNetwork(
                    new Simulation("x", 1, 0), s, 2, 0, null, null, sensors(5, 60, 20, TrafficArrival.PERIODIC)));
            assertTrue(e.getMessage().contains("bulk sensors need"), e.getMessage());
        }
        assertTrue(LorawanNetwork.bulkSensorsSupported(realistic().build()));
    }
}
