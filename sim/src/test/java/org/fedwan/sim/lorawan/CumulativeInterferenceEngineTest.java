package org.fedwan.sim.lorawan;

import static org.fedwan.sim.lorawan.Nets.at;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Comparator;
import java.util.List;
import org.fedwan.channel.lora.SensitivityTable;
import org.fedwan.channel.lorawan.LorawanFrame;
import org.fedwan.channel.lorawan.Region;
import org.fedwan.channel.propagation.LogDistancePathLoss;
import org.fedwan.sim.kernel.Simulation;
import org.junit.jupiter.api.Test;

/**
 * The engine's ns-3 options: the cumulative interference model (inter-SF interference, energy
 * over the overlap), the end-device-table SF policy of ns-3's {@code SetSpreadingFactorsUp} and
 * ns-3's 9-byte frame overhead, on hand-placed devices whose numbers are worked out below.
 */
class CumulativeInterferenceEngineTest {

    private static List<FrameOutcome> outcomes(Recorder rec) {
        return rec.uplinks.stream().sorted(Comparator.comparingInt(Recorder.Uplink::device))
                .map(Recorder.Uplink::outcome).toList();
    }

    private static List<FrameOutcome> strongSf7OverWeakSf12(InterferenceModel interference) {
        // Bor model: 1 m -> 94.1 dB, -80.1 dBm at SF7; 600 m -> 151.9 dB, -137.9 dBm at SF12.
        // SF12 frame (33 B, 1,482.8 ms) against the whole SF7 frame (33 B, 66.8 ms):
        // SIR = -137.9 + 80.1 + 10 log10(1482.8 / 66.8) = -44.3 dB < -36 dB (Goursaud, SF12 vs SF7).
        // The SF7 frame sees +57.8 dB > -20 dB (SF7 vs SF12): it survives.
        Simulation model = new Simulation("t", 1, 0);
        Recorder rec = new Recorder();
        NetworkSettings.Builder b = Nets.bor(at(1), at(600));
        b.interference = interference;
        LorawanNetwork net = Nets.build(model, b, rec);
        assertEquals(5, net.device(0).dataRateIndex());
        assertEquals(0, net.device(1).dataRateIndex());
        Nets.offerAt(model, net.device(1), 0, 20);
        Nets.offerAt(model, net.device(0), 100_000L, 20);
        model.scheduler().run();
        return outcomes(rec);
    }

    @Test
    void aMuchStrongerFrameOfAnotherSfDestroysAWeakOneOnlyInCumulativeMode() {
        assertEquals(List.of(FrameOutcome.DELIVERED, FrameOutcome.COLLISION),
                strongSf7OverWeakSf12(InterferenceModel.CUMULATIVE));
        assertEquals(List.of(FrameOutcome.DELIVERED, FrameOutcome.DELIVERED),
                strongSf7OverWeakSf12(InterferenceModel.PAIRWISE));
    }

    private static List<FrameOutcome> threeSf7Frames(InterferenceModel interference) {
        // Free space at 868 MHz (20 log10(d) + 31.2 dB): 100 m -> -57.2 dBm; 200 m and 210 m
        // -> -63.3 and -63.6 dBm. Pairwise, the near frame beats each far one by > 6 dB (LoRaSim
        // capture): it survives, the far ones are lost. Cumulative, both far frames overlap the
        // whole near frame: 10 log10(P0 / (P1 + P2)) = 6.1 - 3.0 = 3.2 dB < 6 dB: all three are lost.
        Simulation model = new Simulation("t", 1, 0);
        Recorder rec = new Recorder();
        NetworkSettings.Builder b = Nets.freeSpace(at(100), at(200), at(210));
        b.interference = interference;
        LorawanNetwork net = Nets.build(model, b, rec);
        Nets.offerAt(model, net.device(1), 0, 20);
        Nets.offerAt(model, net.device(2), 0, 20);
        Nets.offerAt(model, net.device(0), 10_000L, 10);
        model.scheduler().run();
        return outcomes(rec);
    }

    @Test
    void interferenceEnergiesAddUpInCumulativeMode() {
        assertEquals(List.of(FrameOutcome.DELIVERED, FrameOutcome.COLLISION, FrameOutcome.COLLISION),
                threeSf7Frames(InterferenceModel.PAIRWISE));
        assertEquals(List.of(FrameOutcome.COLLISION, FrameOutcome.COLLISION, FrameOutcome.COLLISION),
                threeSf7Frames(InterferenceModel.CUMULATIVE));
    }

    @Test
    void deviceTablePolicyIsNs3SetSpreadingFactorsUp() {
        // ns-3 examples' path loss 7.7 + 37.6 log10(d): at 5,800 m, 149.24 dB -> -135.24 dBm at 14 dBm.
        // End-device table (ns-3 SetSpreadingFactorsUp): below SF11's -135 dBm -> SF12 (DR0).
        // Gateway table gateway-ns3: above SF10's -137.5 dBm -> SF10 (DR2).
        NetworkSettings.Builder b = Nets.freeSpace(at(5_800), at(3_000));
        b.pathLoss = LogDistancePathLoss.NS3_EXAMPLES;
        b.gatewaySensitivity = SensitivityTable.GATEWAY_NS3;
        b.sfPolicy = SfPolicy.DEVICE_TABLE;
        LorawanNetwork byDevice = new LorawanNetwork(new Simulation("t", 1, 0), b.build(), 2);
        b.sfPolicy = SfPolicy.LINK_BUDGET;
        LorawanNetwork byGateway = new LorawanNetwork(new Simulation("t", 1, 0), b.build(), 2);
        assertEquals(0, byDevice.device(0).dataRateIndex());
        assertEquals(2, byGateway.device(0).dataRateIndex());
        // 3,000 m: 138.4 dB -> -124.4 dBm: SF8 by the device table (-127), SF7 by the gateway's (-130)
        assertEquals(4, byDevice.device(1).dataRateIndex());
        assertEquals(5, byGateway.device(1).dataRateIndex());
    }

    @Test
    void frameOverheadSetsThePhyPayload() {
        Simulation model = new Simulation("t", 1, 0);
        Recorder rec = new Recorder();
        NetworkSettings.Builder b = Nets.freeSpace(at(100));
        b.frameOverheadBytes = LorawanFrame.NS3_OVERHEAD_BYTES;
        LorawanNetwork net = Nets.build(model, b, rec);
        Nets.offerAt(model, net.device(0), 0, 23);
        model.scheduler().run();
        assertEquals(32, rec.uplinks.get(0).phyBytes());
        // SF7/125 kHz, 32 B: 8 + ceil((256 - 28 + 28 + 16) / 28) * 5 = 58 symbols + 12.25 -> 71.936 ms
        assertEquals(71_936L, rec.uplinks.get(0).endUs() - rec.uplinks.get(0).startUs());
    }

    @Test
    void oneChannelPutsEveryFrameOnTheFirstDefaultChannel() {
        Simulation model = new Simulation("t", 1, 0);
        Recorder rec = new Recorder();
        NetworkSettings.Builder b = Nets.freeSpace(at(100), at(150), at(200));
        b.region = Region.EU868;
        b.channels = 1;
        LorawanNetwork net = Nets.build(model, b, rec);
        for (int d = 0; d < 3; d++) {
            for (int k = 0; k < 5; k++) {
                Nets.offerAt(model, net.device(d), k * 200_000_000L, 10);
            }
        }
        model.scheduler().run();
        assertEquals(15, rec.uplinks.size());
        rec.uplinks.forEach(u -> assertEquals(0, u.channel()));
    }
}
