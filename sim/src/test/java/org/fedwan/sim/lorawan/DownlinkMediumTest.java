package org.fedwan.sim.lorawan;

import static org.fedwan.sim.lorawan.Nets.at;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.fedwan.channel.propagation.Position;
import org.fedwan.sim.kernel.Simulation;
import org.junit.jupiter.api.Test;

/**
 * Downlinks of two gateways that overlap on one frequency, at their devices: free space at
 * 868 MHz, gateways at 0 m and 1,000 m. Devices at 450 m and 550 m hear the other gateway only
 * 20 log10(550 / 450) = 1.74 dB weaker than their own (both lost, under 6 dB); devices at 100 m
 * and 900 m hear it 19.1 dB weaker (both survive).
 */
class DownlinkMediumTest {

    private static final long RX2_HZ = 869_525_000L;

    private static boolean[] overlap(double a, double b, InterferenceModel model, long secondFrequencyHz, int secondSf) {
        NetworkSettings.Builder s = Nets.freeSpace(at(a), at(b));
        s.gateways = 2;
        s.gatewayPositions = List.of(Position.ORIGIN, at(1_000));
        s.interference = model;
        LorawanNetwork net = new LorawanNetwork(new Simulation("t", 1, 0), s.build(), 2);
        DownlinkMedium m = net.downlinkMedium();
        DownlinkMedium.Frame first = frame(net, 0, 0, 0, RX2_HZ, 12);
        DownlinkMedium.Frame second = frame(net, 1, 1, 100_000L, secondFrequencyHz, secondSf);
        m.start(first);
        m.start(second);
        return new boolean[] {m.survived(first), m.survived(second)};
    }

    private static DownlinkMedium.Frame frame(LorawanNetwork net, int device, int gateway, long startUs, long hz, int sf) {
        double rx = 14.0 - net.pathLossDb(device, gateway);
        return new DownlinkMedium.Frame(net.device(device), gateway, startUs, startUs + 1_000_000L, hz, sf,
                1L << sf, rx);
    }

    @Test
    void closeDownlinksOfOneSfDestroyEachOther() {
        boolean[] pairwise = overlap(450, 550, InterferenceModel.PAIRWISE, RX2_HZ, 12);
        assertFalse(pairwise[0]);
        assertFalse(pairwise[1]);
        boolean[] cumulative = overlap(450, 550, InterferenceModel.CUMULATIVE, RX2_HZ, 12);
        assertFalse(cumulative[0]);
        assertFalse(cumulative[1]);
    }

    @Test
    void strongDownlinksCaptureOtherFrequenciesAndSfsDoNotInterfere() {
        boolean[] strong = overlap(100, 900, InterferenceModel.PAIRWISE, RX2_HZ, 12);
        assertTrue(strong[0] && strong[1]);
        boolean[] strongCumulative = overlap(100, 900, InterferenceModel.CUMULATIVE, RX2_HZ, 12);
        assertTrue(strongCumulative[0] && strongCumulative[1]);
        boolean[] otherFrequency = overlap(450, 550, InterferenceModel.PAIRWISE, 868_100_000L, 12);
        assertTrue(otherFrequency[0] && otherFrequency[1]);
        boolean[] otherSf = overlap(450, 550, InterferenceModel.PAIRWISE, RX2_HZ, 9);
        assertTrue(otherSf[0] && otherSf[1]);
        boolean[] none = overlap(450, 550, InterferenceModel.NONE, RX2_HZ, 12);
        assertTrue(none[0] && none[1]);
    }
}
