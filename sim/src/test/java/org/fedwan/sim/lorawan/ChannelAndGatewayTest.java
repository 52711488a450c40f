package org.fedwan.sim.lorawan;

import static org.fedwan.sim.lorawan.Nets.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.fedwan.channel.propagation.Position;
import org.fedwan.sim.kernel.Simulation;
import org.junit.jupiter.api.Test;

/**
 * Collisions, capture, sensitivity, demodulation paths, half-duplex gateways and several
 * gateways, in networks built by hand (one channel, no shadowing).
 */
class ChannelAndGatewayTest {

    private static List<FrameOutcome> outcomes(Recorder rec) {
        return rec.uplinks.stream().sorted(java.util.Comparator.comparingInt(Recorder.Uplink::device))
                .map(Recorder.Uplink::outcome).toList();
    }

    @Test
    void twoOverlappingFramesOfEqualPowerBothCollide() {
        // free space 868 MHz: both devices 100 m from the gateway, -57.2 dBm each
        Simulation model = new Simulation("t", 1, 0);
        Recorder rec = new Recorder();
        LorawanNetwork net = Nets.build(model, Nets.freeSpace(at(100), new Position(0, 100)), rec);
        Nets.offerAt(model, net.device(0), 0, 20);
        Nets.offerAt(model, net.device(1), 10_000L, 20);
        model.scheduler().run();

        assertEquals(List.of(FrameOutcome.COLLISION, FrameOutcome.COLLISION), outcomes(rec));
        assertEquals(2, net.stats().lostCollision());
    }

    @Test
    void aFrameTwentyDecibelsStrongerCapturesTheReceiver() {
        // 100 m and 1000 m in free space: 20 dB apart, above the 6 dB capture threshold
        Simulation model = new Simulation("t", 1, 0);
        Recorder rec = new Recorder();
        LorawanNetwork net = Nets.build(model, Nets.freeSpace(at(100), at(1_000)), rec);
        Nets.offerAt(model, net.device(0), 10_000L, 20);
        Nets.offerAt(model, net.device(1), 0, 20);
        model.scheduler().run();

        assertEquals(List.of(FrameOutcome.DELIVERED, FrameOutcome.COLLISION), outcomes(rec));
    }

    @Test
    void overlapWithinThePreambleRescueIsHarmlessAndInterferenceCanBeSwitchedOff() {
        // frame 0 lasts 71.936 ms; frame 1 starts 3 SF7 symbols (3.072 ms) before it ends
        Simulation model = new Simulation("t", 1, 0);
        Recorder rec = new Recorder();
        LorawanNetwork net = Nets.build(model, Nets.freeSpace(at(100), new Position(0, 100)), rec);
        Nets.offerAt(model, net.device(0), 0, 20);
        Nets.offerAt(model, net.device(1), 71_936L - 3_072L, 20);
        model.scheduler().run();
        assertEquals(List.of(FrameOutcome.DELIVERED, FrameOutcome.DELIVERED), outcomes(rec));

        Simulation model2 = new Simulation("t", 1, 0);
        Recorder rec2 = new Recorder();
        NetworkSettings.Builder ideal = Nets.freeSpace(at(100), new Position(0, 100));
        ideal.interference = InterferenceModel.NONE;
        LorawanNetwork net2 = Nets.build(model2, ideal, rec2);
        Nets.offerAt(model2, net2.device(0), 0, 20);
        Nets.offerAt(model2, net2.device(1), 10_000L, 20);
        model2.scheduler().run();
        assertEquals(List.of(FrameOutcome.DELIVERED, FrameOutcome.DELIVERED), outcomes(rec2));
    }

    @Test
    void differentSpreadingFactorsDoNotCollide() {
        // Bor model: 10 m -> SF7, 600 m -> SF12 by link budget; overlapping in time on one channel
        Simulation model = new Simulation("t", 1, 0);
        Recorder rec = new Recorder();
        LorawanNetwork net = Nets.build(model, Nets.bor(at(10), at(600)), rec);
        assertEquals(5, net.device(0).dataRateIndex());
        assertEquals(0, net.device(1).dataRateIndex());
        Nets.offerAt(model, net.device(1), 0, 20);
        Nets.offerAt(model, net.device(0), 100_000L, 20);
        model.scheduler().run();
        assertEquals(List.of(FrameOutcome.DELIVERED, FrameOutcome.DELIVERED), outcomes(rec));
    }

    @Test
    void aFrameBelowSensitivityIsLostAndCountedSo() {
        // Bor at 2 km: 127.41 + 20.8 log10(50) = 162.7 dB -> -148.7 dBm, below even SF12 (-139.5)
        Simulation model = new Simulation("t", 1, 0);
        Recorder rec = new Recorder();
        LorawanNetwork net = Nets.build(model, Nets.bor(at(2_000)), rec);
        Nets.offerAt(model, net.device(0), 0, 20);
        model.scheduler().run();
        assertEquals(List.of(FrameOutcome.BELOW_SENSITIVITY), outcomes(rec));
        assertEquals(0, net.device(0).dataRateIndex()); // out of range: the slowest rate
        assertEquals(1, net.stats().lostBelowSensitivity());
    }

    @Test
    void aGatewayDemodulatesAtMostItsNumberOfPathsAtOnce() {
        // two paths; three frames at SF7, SF9 and SF12 (no collision) overlapping in time
        Simulation model = new Simulation("t", 1, 0);
        Recorder rec = new Recorder();
        NetworkSettings.Builder b = Nets.bor(at(10), at(250), at(600));
        b.demodulatorPaths = 2;
        LorawanNetwork net = Nets.build(model, b, rec);
        assertEquals(List.of(5, 3, 0), net.devices().stream().map(LorawanDevice::dataRateIndex).toList());
        Nets.offerAt(model, net.device(2), 0, 20);
        Nets.offerAt(model, net.device(1), 1_000L, 20);
        Nets.offerAt(model, net.device(0), 2_000L, 20);
        model.scheduler().run();
        assertEquals(List.of(FrameOutcome.NO_DEMODULATOR, FrameOutcome.DELIVERED, FrameOutcome.DELIVERED),
                outcomes(rec));
    }

    @Test
    void aFrameIsDeliveredIfAnyGatewayDecodesIt() {
        Simulation model = new Simulation("t", 1, 0);
        Recorder rec = new Recorder();
        NetworkSettings.Builder b = Nets.bor(at(1_900));
        b.gateways = 2;
        b.gatewayPositions = List.of(Position.ORIGIN, at(2_000));
        b.sfPolicy = SfPolicy.FIXED;
        b.fixedDataRate = 5;
        LorawanNetwork net = Nets.build(model, b, rec);
        Nets.offerAt(model, net.device(0), 0, 20);
        model.scheduler().run();
        assertEquals(List.of(FrameOutcome.DELIVERED), outcomes(rec));
        assertEquals(1, net.device(0).tx.bestGateway);
    }

    @Test
    void confirmedUplinkIsAcknowledgedInRx1() {
        Simulation model = new Simulation("t", 1, 0);
        Recorder rec = new Recorder();
        NetworkSettings.Builder b = Nets.freeSpace(at(100));
        b.confirmed = true;
        LorawanNetwork net = Nets.build(model, b, rec);
        Nets.offerAt(model, net.device(0), 0, 20);
        model.scheduler().run();

        assertEquals(1, rec.uplinks.size());
        assertEquals(1, rec.downlinks.size());
        Recorder.Downlink ack = rec.downlinks.get(0);
        assertEquals(1, ack.window());
        assertEquals(71_936L + 1_000_000L, ack.startUs());
        assertEquals(12, ack.phyBytes());
        // SF7 downlink, 12 bytes, CRC off: (12.25 + 28) x 1.024 ms = 41.216 ms
        assertEquals(41_216L, ack.endUs() - ack.startUs());
        assertTrue(ack.received());
        // the device listened for the ACK only and skipped RX2
        assertEquals(41_216L, net.device(0).energy(model.nowUs()).rxTimeUs());
        assertEquals(0, net.stats().retransmissions());
        assertEquals(1, net.gateway(0).downlinks());
    }

    @Test
    void missingAcksCauseRetransmissionsUntilTheLimit() {
        // the gateway transmits at -60 dBm: 131 dB below the device's SF7 sensitivity at 100 m
        Simulation model = new Simulation("t", 1, 0);
        Recorder rec = new Recorder();
        NetworkSettings.Builder b = Nets.freeSpace(at(100));
        b.confirmed = true;
        b.gatewayTxPowerDbm = -60.0;
        LorawanNetwork net = Nets.build(model, b, rec);
        Nets.offerAt(model, net.device(0), 0, 20);
        model.scheduler().run();

        assertEquals(8, rec.uplinks.size());
        for (int i = 0; i < 8; i++) {
            assertEquals(i + 1, rec.uplinks.get(i).attempt());
        }
        for (int i = 1; i < 8; i++) {
            // RX2 (DR0, empty: 196.608 ms) closes 2.197 s after the uplink
            long previousRx2EndUs = rec.uplinks.get(i - 1).endUs() + 2_000_000L + 196_608L;
            long start = rec.uplinks.get(i).startUs();
            // RETRANSMIT_TIMEOUT 1..3 s after the receive windows, and never before the duty cycle allows
            assertTrue(start >= previousRx2EndUs + 1_000_000L, "attempt " + (i + 1));
            assertTrue(start >= rec.uplinks.get(i - 1).startUs() + 100 * 71_936L, "attempt " + (i + 1));
        }
        assertEquals(7, net.stats().retransmissions());
        assertEquals(1, net.stats().confirmedGiveUps());
        assertEquals(8, net.stats().downlinksNotReceived());
        assertEquals(1, net.stats().uniqueFramesDelivered());
    }

    @Test
    void aTransmittingGatewayLosesTheUplinkItWasReceiving() {
        // device 0 (SF7, confirmed) gets its ACK at 1.072 s, while device 1's SF12 frame (0.9 .. 2.71 s) is on the air
        Simulation model = new Simulation("t", 1, 0);
        Recorder rec = new Recorder();
        NetworkSettings.Builder b = Nets.bor(at(10), at(600));
        b.confirmed = true;
        LorawanNetwork net = Nets.build(model, b, rec);
        Nets.offerAt(model, net.device(0), 0, 20);
        Nets.offerAt(model, net.device(1), 900_000L, 20);
        model.scheduler().run(); // device 1's own retransmissions follow; look at its first attempt
        Recorder.Uplink first = rec.of(1).get(0);
        assertEquals(FrameOutcome.GATEWAY_TRANSMITTING, first.outcome());
        assertEquals(FrameOutcome.DELIVERED, rec.of(0).get(0).outcome());
        assertTrue(net.stats().lostGatewayTransmitting() >= 1);
    }
}
