package org.fedwan.sim.lorawan;

import static org.fedwan.sim.lorawan.Nets.at;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fedwan.channel.fragmentation.FecLayout;
import org.fedwan.channel.lora.LoraPhy;
import org.fedwan.channel.lorawan.Fragmentation;
import org.fedwan.sim.kernel.Simulation;
import org.junit.jupiter.api.Test;

/** ARQ and FEC in the engine: what they recover, and every frame they cost. */
class FragmentRecoveryTest {

    /** 2,000 B at DR5 (239 data bytes per fragment): 9 fragments. */
    private static final int MESSAGE_BYTES = 2_000;

    /** Feedback downlinks as the engine reports them. */
    static final class Feedbacks implements NetworkListener {
        record Feedback(long startUs, long endUs, int window, int phyBytes, int frmBytes, int round, long listenUs,
                boolean received) {
        }

        final List<Feedback> all = new ArrayList<>();

        @Override
        public void onFragmentFeedback(LorawanDevice device, long startUs, long endUs, int window, int phyPayloadBytes,
                int frmPayloadBytes, int round, long listenUs, boolean received, boolean heard) {
            all.add(new Feedback(startUs, endUs, window, phyPayloadBytes, frmPayloadBytes, round, listenUs, received));
        }
    }

    private record Run(boolean delivered, Recorder rec, Feedbacks feedbacks) {
    }

    private static Run run(NetworkSettings.Builder b, long seed) {
        Simulation model = new Simulation("t", seed, 0);
        Recorder rec = new Recorder();
        Feedbacks feedbacks = new Feedbacks();
        LorawanNetwork net = Nets.build(model, b, rec);
        net.addListener(feedbacks);
        boolean[] delivered = new boolean[1];
        model.scheduler().schedule(0, 0, () -> net.device(0).send(new byte[MESSAGE_BYTES], 1, () -> delivered[0] = true));
        model.scheduler().run();
        assertFalse(net.device(0).isBusy());
        return new Run(delivered[0], rec, feedbacks);
    }

    /** A device 20 m from the gateway: nothing is lost. */
    private static NetworkSettings.Builder near(RecoverySettings recovery) {
        NetworkSettings.Builder b = Nets.freeSpace(at(20));
        b.recovery = recovery;
        return b;
    }

    /**
     * A device at the edge of SF7 coverage with 6 dB shadowing (about half its frames lost) and a
     * 27 dBm gateway, so that the downlink closes although the device's receiver is less sensitive.
     */
    private static NetworkSettings.Builder edge(RecoverySettings recovery) {
        NetworkSettings.Builder b = Nets.bor(at(40 * Math.pow(10, (140.5 - 127.41) / 20.8)));
        b.sfPolicy = SfPolicy.FIXED;
        b.shadowingSigmaDb = 6.0;
        b.gatewayTxPowerDbm = 27.0;
        b.recovery = recovery;
        return b;
    }

    private static RecoverySettings arq(int rounds) {
        return new RecoverySettings(FragmentRecovery.ARQ, RecoverySettings.DEFAULT_FEC_REDUNDANCY, rounds);
    }

    private static RecoverySettings fec(double ratio) {
        return new RecoverySettings(FragmentRecovery.FEC, ratio, RecoverySettings.DEFAULT_ARQ_MAX_ROUNDS);
    }

    private static long airtimeUs(Recorder rec) {
        return rec.uplinks.stream().mapToLong(u -> u.endUs() - u.startUs()).sum();
    }

    @Test
    void fecSendsExactlyTheCodedFragmentsMore() {
        Run none = run(near(RecoverySettings.NONE), 1);
        Run fec = run(near(fec(0.5)), 1);
        assertTrue(none.delivered() && fec.delivered());
        int uncoded = Fragmentation.fragmentCount(MESSAGE_BYTES, 242);
        int coded = FecLayout.codedCount(uncoded, 0.5);
        assertEquals(9, uncoded);
        assertEquals(5, coded);
        assertEquals(uncoded, none.rec().uplinks.size());
        // every coded fragment goes out even though the server decoded at the ninth: the device cannot know
        assertEquals(uncoded + coded, fec.rec().uplinks.size());
        List<Integer> codedPhy = fec.rec().uplinks.subList(uncoded, uncoded + coded).stream().map(Recorder.Uplink::phyBytes)
                .toList();
        assertEquals(List.of(255, 255, 255, 255, 255), codedPhy); // 13 B overhead + 3 B header + 239 B block
        long fullFrameUs = LoraPhy.timeOnAirUs(255, Nets.EU868_ONE_CHANNEL.dataRate(5).uplinkParams());
        assertEquals(coded * fullFrameUs, airtimeUs(fec.rec()) - airtimeUs(none.rec()));
        assertEquals(List.of(true), fec.rec().messages);
    }

    @Test
    void arqOnALosslessLinkCostsOneFeedbackSayingComplete() {
        Run arq = run(near(arq(4)), 1);
        assertTrue(arq.delivered());
        assertEquals(9, arq.rec().uplinks.size());
        assertEquals(1, arq.feedbacks().all.size());
        Feedbacks.Feedback f = arq.feedbacks().all.get(0);
        assertTrue(f.received());
        assertEquals(1, f.window());
        assertEquals(1, f.round());
        assertEquals(FragmentFeedback.HEADER_BYTES, f.frmBytes());
        assertEquals(f.endUs() - f.startUs(), f.listenUs());
        // the feedback is the unicast downlink the server sent after the last fragment
        assertEquals(1, arq.rec().downlinks.size());
        assertEquals(f.phyBytes(), arq.rec().downlinks.get(0).phyBytes());
        assertTrue(f.startUs() > arq.rec().uplinks.get(8).endUs());
    }

    @Test
    void atTheEdgeNoneLosesTheMessageWhileArqAndFecDeliverIt() {
        Run none = run(edge(RecoverySettings.NONE), 11);
        Run arq = run(edge(arq(30)), 11);
        Run fec = run(edge(fec(2.0)), 11);
        assertFalse(none.delivered());
        assertEquals(List.of(false), none.rec().messages);
        assertTrue(arq.delivered());
        assertEquals(List.of(true), arq.rec().messages);
        assertTrue(fec.delivered());

        // ARQ: resends and requests are real uplinks; each feedback is a downlink the server sent
        assertTrue(arq.rec().uplinks.size() > 9);
        assertFalse(arq.feedbacks().all.isEmpty());
        assertEquals(arq.feedbacks().all.size(), arq.rec().downlinks.size());
        for (int k = 0; k < arq.feedbacks().all.size(); k++) {
            assertEquals(arq.rec().downlinks.get(k).startUs(), arq.feedbacks().all.get(k).startUs());
            assertEquals(arq.rec().downlinks.get(k).received(), arq.feedbacks().all.get(k).received());
        }
        assertTrue(arq.feedbacks().all.get(arq.feedbacks().all.size() - 1).received());
    }

    @Test
    void arqOutOfRoundsAndFecOutOfRedundancyLoseTheMessage() {
        Run arq = run(edge(arq(1)), 11);
        Run fec = run(edge(fec(0.1)), 11);
        assertFalse(arq.delivered());
        assertEquals(List.of(false), arq.rec().messages);
        assertFalse(fec.delivered());
        assertEquals(List.of(false), fec.rec().messages);
        assertEquals(9 + 1, fec.rec().uplinks.size());
    }

    @Test
    void sameSeedSameFrames() {
        assertEquals(run(edge(arq(30)), 5).rec().uplinks, run(edge(arq(30)), 5).rec().uplinks);
        assertEquals(run(edge(fec(1.0)), 5).rec().uplinks, run(edge(fec(1.0)), 5).rec().uplinks);
    }

    @Test
    void feedbackNamesTheMostMissingFragmentsThatFit() {
        int[] sparse = {3, 700, 1_500, 3_000};
        byte[] list = FragmentFeedback.encode(7, sparse, 242);
        assertEquals(FragmentFeedback.LIST, list[1]);
        assertEquals(2 + 2 * 4, list.length);
        assertArrayEquals(sparse, FragmentFeedback.missing(list));
        assertEquals(7, FragmentFeedback.tag(list));

        int[] dense = new int[100];
        for (int k = 0; k < dense.length; k++) {
            dense[k] = 1_000 + 2 * k;
        }
        byte[] bitmap = FragmentFeedback.encode(7, dense, 242);
        assertEquals(FragmentFeedback.BITMAP, bitmap[1]);
        assertEquals(4 + (198 / 8 + 1), bitmap.length);
        assertArrayEquals(dense, FragmentFeedback.missing(bitmap));

        // a 51-byte RX2 frame (EU868 DR0) names the first 24 of 40 sparse fragments
        int[] many = new int[40];
        for (int k = 0; k < many.length; k++) {
            many[k] = 97 * k;
        }
        byte[] truncated = FragmentFeedback.encode(7, many, 51);
        assertTrue(truncated.length <= 51);
        int[] named = FragmentFeedback.missing(truncated);
        assertEquals(24, named.length);
        assertArrayEquals(Arrays.copyOf(many, 24), named);

        assertArrayEquals(new int[0], FragmentFeedback.missing(FragmentFeedback.encode(7, new int[0], 51)));
    }
}
