package org.fedwan.sim.lorawan;

import static org.fedwan.sim.lorawan.Nets.at;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.fedwan.channel.energy.RadioProfile;
import org.fedwan.channel.lorawan.Region;
import org.fedwan.channel.propagation.Position;
import org.fedwan.sim.kernel.Simulation;
import org.junit.jupiter.api.Test;

/** ADR, class C multicast, class A download, fragment-loss policies, settings validation. */
class ServerFeaturesTest {

    @Test
    void adrRaisesTheDataRateOfANearbyDeviceAfterTwentyUplinks() {
        // Bor at 10 m: -100.9 dBm, SNR = -100.9 + 117.0 = 16.1 dB; at DR0 the margin is
        // 16.1 + 20 - 10 = 26.1 dB -> 8 steps -> DR5 (capped)
        Simulation model = new Simulation("t", 1, 0);
        Recorder rec = new Recorder();
        NetworkSettings.Builder b = Nets.bor(at(10));
        b.sfPolicy = SfPolicy.ADR;
        LorawanNetwork net = Nets.build(model, b, rec);
        LorawanDevice d = net.device(0);
        assertEquals(0, d.dataRateIndex());
        for (int k = 0; k < 22; k++) {
            Nets.offerAt(model, d, k * 600_000_000L, 20);
        }
        model.scheduler().run();

        assertEquals(1, rec.dataRateChanges.size());
        assertArrayEquals(new int[] {0, 0, 5}, rec.dataRateChanges.get(0));
        assertEquals(5, d.dataRateIndex());
        List<Recorder.Uplink> up = rec.uplinks;
        assertEquals(0, up.get(19).dataRate());
        // the LinkADRReq (5 bytes of FOpts) rides in RX1 of the 20th uplink, at DR0
        assertEquals(1, rec.downlinks.size());
        assertEquals(17, rec.downlinks.get(0).phyBytes());
        // the next uplink carries the 2-byte LinkADRAns in FOpts, at DR5
        assertEquals(5, up.get(20).dataRate());
        assertEquals(35, up.get(20).phyBytes());
        assertEquals(33, up.get(21).phyBytes());
    }

    @Test
    void classCMulticastReachesEveryListeningDeviceUnderTheGatewayDutyCycle() {
        Simulation model = new Simulation("t", 1, 0);
        Recorder rec = new Recorder();
        NetworkSettings.Builder b = Nets.freeSpace(at(100), at(200), new Position(0, 300));
        b.multicastDataRate = 5;
        List<long[]> frames = new ArrayList<>();
        LorawanNetwork net = new LorawanNetwork(model, b.build(), 3, null,
                (frm, start, end, phy) -> frames.add(new long[] {start, end, phy}));
        net.addListener(rec);
        boolean[] done = new boolean[1];
        model.scheduler().schedule(0, 0, () -> net.multicast(new byte[300], 3, () -> done[0] = true));
        model.scheduler().run();

        assertTrue(done[0]);
        assertEquals(2, frames.size()); // 300 B in fragments of 239 data bytes at DR5
        // RX2 frequency 869.525 MHz: the 10 % sub-band, next frame >= 10 x ToA after the first
        long toa = frames.get(0)[1] - frames.get(0)[0];
        assertTrue(frames.get(1)[0] >= frames.get(0)[0] + 10 * toa);
        for (LorawanDevice d : net.devices()) {
            assertTrue(d.lastMulticastComplete());
            // class C: the radio listens from the start of the session to the end of the last frame
            assertEquals(frames.get(1)[1], d.energy(model.nowUs()).rxTimeUs());
        }
        assertEquals(6, rec.downlinks.size());
        assertEquals(2, net.stats().multicastFrames());
        assertEquals(2, net.gateway(0).downlinks());
    }

    @Test
    void classADownloadDeliversEveryFragmentInReceiveWindows() {
        Simulation model = new Simulation("t", 1, 0);
        Recorder rec = new Recorder();
        LorawanNetwork net = Nets.build(model, Nets.freeSpace(at(100)), rec);
        LorawanDevice d = net.device(0);
        boolean[] received = new boolean[1];
        model.scheduler().schedule(0, 0, () -> d.download(new byte[500], 9, () -> received[0] = true));
        model.scheduler().run();

        assertTrue(received[0]);
        assertEquals(1, net.stats().downloadsCompleted());
        // 500 B at DR5 (RX1 = DR5, 239 data bytes per fragment): 3 fragments (242, 242 and 25 bytes)
        List<Recorder.Downlink> data = rec.downlinks.stream().filter(Recorder.Downlink::received).toList();
        assertEquals(3, data.size());
        assertEquals(List.of(255, 255, 38), data.stream().map(Recorder.Downlink::phyBytes).toList());
        // the gateway's 1 % sub-band spaces the RX1 fragments by >= 100 x their airtime; meanwhile
        // RX1 is refused and the full fragment does not fit RX2 (DR0, N = 51) ...
        assertEquals(1, data.get(0).window());
        assertEquals(1, data.get(1).window());
        long toa = data.get(0).endUs() - data.get(0).startUs();
        assertTrue(data.get(1).startUs() >= data.get(0).startUs() + 100 * toa);
        assertTrue(net.stats().downlinkWindowsMissed() > 0);
        // ... but the short last fragment does: RX2 at 869.525 MHz, DR0, in the 10 % sub-band
        assertEquals(2, data.get(2).window());
        assertEquals(0, data.get(2).dataRate());
        // every poll is an empty uplink: 12 bytes
        assertTrue(rec.uplinks.stream().allMatch(u -> u.phyBytes() == 12));
        assertTrue(rec.uplinks.size() > 3);
        assertFalse(d.isBusy());
    }

    @Test
    void resendingMissingFragmentsRecoversAMessageThatWouldBeLost() {
        // a device at the edge of SF7 coverage with 6 dB shadowing loses about half its frames
        boolean lost = sendAtTheEdge(FragmentLossPolicy.LOSE_MESSAGE, 1);
        boolean resent = sendAtTheEdge(FragmentLossPolicy.RESEND_MISSING, 10);
        assertFalse(lost);
        assertTrue(resent);
    }

    private static boolean sendAtTheEdge(FragmentLossPolicy policy, int passes) {
        Simulation model = new Simulation("t", 11, 0);
        Recorder rec = new Recorder();
        // Bor: SF7 gateway sensitivity -126.5 dBm at 14 dBm -> 140.5 dB -> 129 m... 40 * 10^((140.5-127.41)/20.8)
        NetworkSettings.Builder b = Nets.bor(at(40 * Math.pow(10, (140.5 - 127.41) / 20.8)));
        b.sfPolicy = SfPolicy.FIXED;
        b.shadowingSigmaDb = 6.0;
        b.fragmentLossPolicy = policy;
        b.maxMessagePasses = passes;
        LorawanNetwork net = Nets.build(model, b, rec);
        boolean[] delivered = new boolean[1];
        model.scheduler().schedule(0, 0, () -> net.device(0).send(new byte[2_000], 1, () -> delivered[0] = true));
        model.scheduler().run();
        assertEquals(List.of(delivered[0]), rec.messages);
        return delivered[0];
    }

    @Test
    void sameSeedSameFramesAnotherSeedOthers() {
        assertEquals(runEdge(5), runEdge(5));
        assertFalse(runEdge(5).equals(runEdge(6)));
    }

    private static List<Recorder.Uplink> runEdge(long seed) {
        Simulation model = new Simulation("t", seed, 0);
        Recorder rec = new Recorder();
        NetworkSettings.Builder b = NetworkSettings.builder();
        b.radiusM = 600.0;
        LorawanNetwork net = new LorawanNetwork(model, b.build(), 20);
        net.addListener(rec);
        for (LorawanDevice d : net.devices()) {
            Nets.offerAt(model, d, d.index() * 3_000L, 20);
        }
        model.scheduler().run();
        return rec.uplinks;
    }

    @Test
    void settingsAreValidatedWithFieldNames() {
        NetworkSettings.Builder b = NetworkSettings.builder();
        b.radio = RadioProfile.SX1276_14DBM.withTxPower(20.0, 0.12);
        IllegalArgumentException eirp = assertThrows(IllegalArgumentException.class, b::build);
        assertTrue(eirp.getMessage().contains("EIRP") && eirp.getMessage().contains("16.0"), eirp.getMessage());
        b.region = Region.US915;
        b.build(); // 20 dBm is fine under US915's 30 dBm

        NetworkSettings.Builder c = NetworkSettings.builder();
        c.sfPolicy = SfPolicy.FIXED;
        c.fixedDataRate = 6; // DR6 (SF7/250 kHz) has no default channel in EU868
        IllegalArgumentException dr = assertThrows(IllegalArgumentException.class, c::build);
        assertTrue(dr.getMessage().contains("fixedDataRate"), dr.getMessage());

        NetworkSettings.Builder d = NetworkSettings.builder();
        d.deviceDutyCycleOverride = 1.5;
        assertThrows(IllegalArgumentException.class, d::build);
        NetworkSettings.Builder e = NetworkSettings.builder();
        e.rx1DrOffset = 6;
        assertThrows(IllegalArgumentException.class, e::build);
        NetworkSettings.Builder f = NetworkSettings.builder();
        f.region = new Region("TEST", Region.EU868.dataRates(), Region.EU868.repeaterCompatibleMaxFrmPayloadBytes(),
                0.01, 16.0, 0L);
        IllegalArgumentException plan = assertThrows(IllegalArgumentException.class, f::build);
        assertTrue(plan.getMessage().contains("channel plan"), plan.getMessage());
        assertEquals(NetworkSettings.builder().build(), NetworkSettings.builder().build().toBuilder().build());
    }
}
