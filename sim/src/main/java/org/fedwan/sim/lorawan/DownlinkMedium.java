package org.fedwan.sim.lorawan;

import java.util.ArrayList;
import org.fedwan.channel.propagation.LinkBudget;
import org.fedwan.channel.reception.Collisions;
import org.fedwan.channel.reception.CumulativeInterference;

/**
 * Class A downlinks on the air and their interference with each other at the devices they are
 * meant for. Gateways are half-duplex, so two overlapping downlinks come from two gateways: at
 * its device, a downlink meets the other gateway's frame at the power of the median path loss
 * between them (no shadowing draw, so the random streams stay as they are). The rule is the
 * network's {@link NetworkSettings#interference()}: pairwise (LoRaSim capture, same frequency and
 * spreading factor) or cumulative (energy over the overlap, inter-SF isolation, same frequency);
 * none leaves downlinks alone. Class C multicast frames, which every gateway sends at once with
 * the same content, are not modelled as interfering with each other.
 */
final class DownlinkMedium {

    private static final int FIRST_SF = CumulativeInterference.FIRST_SF;

    /** One downlink frame, as its device receives it. */
    static final class Frame {
        final LorawanDevice device;
        final int gateway;
        final long startUs;
        final long endUs;
        final long frequencyHz;
        final int spreadingFactor;
        final long symbolUs;
        final double rxDbm;
        final double rxMw;
        final double[] interferenceMwUs = new double[CumulativeInterference.SPREADING_FACTORS];
        boolean lost;

        Frame(LorawanDevice device, int gateway, long startUs, long endUs, long frequencyHz, int spreadingFactor,
              long symbolUs, double rxDbm) {
            this.device = device;
            this.gateway = gateway;
            this.startUs = startUs;
            this.endUs = endUs;
            this.frequencyHz = frequencyHz;
            this.spreadingFactor = spreadingFactor;
            this.symbolUs = symbolUs;
            this.rxDbm = rxDbm;
            this.rxMw = CumulativeInterference.milliwatts(rxDbm);
        }
    }

    private final LorawanNetwork net;
    private final InterferenceModel model;
    private final ArrayList<Frame> onAir = new ArrayList<>();

    DownlinkMedium(LorawanNetwork net) {
        this.net = net;
        this.model = net.settings().interference();
    }

    /** A downlink starts: it and the downlinks on the air interfere at each other's devices. */
    void start(Frame frame) {
        onAir.removeIf(f -> f.endUs <= frame.startUs);
        if (model == InterferenceModel.NONE) {
            return;
        }
        for (Frame other : onAir) {
            if (other.gateway == frame.gateway || other.frequencyHz != frame.frequencyHz) {
                continue;
            }
            long overlapUs = CumulativeInterference.overlapUs(other.startUs, other.endUs, frame.startUs, frame.endUs);
            if (overlapUs <= 0) {
                continue;
            }
            double atFrame = medianRxDbm(frame.device, other.gateway);
            double atOther = medianRxDbm(other.device, frame.gateway);
            if (model == InterferenceModel.CUMULATIVE) {
                frame.interferenceMwUs[other.spreadingFactor - FIRST_SF] += CumulativeInterference.milliwatts(atFrame) * overlapUs;
                other.interferenceMwUs[frame.spreadingFactor - FIRST_SF] += CumulativeInterference.milliwatts(atOther) * overlapUs;
            } else if (other.spreadingFactor == frame.spreadingFactor) {
                if ((Collisions.resolve(other.startUs, other.endUs, atFrame, frame.startUs, frame.endUs, frame.rxDbm,
                        frame.symbolUs, net.settings().captureRule()) & Collisions.SECOND_LOST) != 0) {
                    frame.lost = true;
                }
                if ((Collisions.resolve(other.startUs, other.endUs, other.rxDbm, frame.startUs, frame.endUs, atOther,
                        frame.symbolUs, net.settings().captureRule()) & Collisions.FIRST_LOST) != 0) {
                    other.lost = true;
                }
            }
        }
        onAir.add(frame);
    }

    /**
     * @param frame a downlink that has ended
     * @return true if it survived the downlinks that overlapped it
     */
    boolean survived(Frame frame) {
        if (frame.lost) {
            return false;
        }
        return model != InterferenceModel.CUMULATIVE || CumulativeInterference.destroyedBy(frame.spreadingFactor,
                frame.rxMw, frame.endUs - frame.startUs, frame.interferenceMwUs, 0) == CumulativeInterference.SURVIVED;
    }

    private double medianRxDbm(LorawanDevice device, int gateway) {
        NetworkSettings s = net.settings();
        return LinkBudget.rxPowerDbm(s.gatewayTxPowerDbm(), s.gatewayAntennaGainDbi(), s.deviceAntennaGainDbi(),
                net.pathLossDb(device.index(), gateway), 0.0);
    }
}
