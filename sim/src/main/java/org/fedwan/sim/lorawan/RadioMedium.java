package org.fedwan.sim.lorawan;

import java.util.ArrayList;
import org.fedwan.channel.reception.Collisions;

/**
 * The shared uplink channel: frames on the air grouped by (channel, spreading factor), their
 * reception at every gateway (sensitivity, half-duplex, demodulation paths) and the LoRaSim
 * collision rule between frames of the same group. Only frames heard above a gateway's
 * sensitivity interfere there, as in LoRaSim.
 */
final class RadioMedium {

    private static final int SF_SLOTS = 6;
    private static final int FIRST_SF = 7;

    private final LorawanNetwork network;
    private final Gateway[] gateways;
    private final ArrayList<Transmission>[] buckets;
    private final boolean interference;

    @SuppressWarnings({"unchecked", "rawtypes"})
    RadioMedium(LorawanNetwork network, Gateway[] gateways, int channelSlots) {
        this.network = network;
        this.gateways = gateways;
        this.interference = network.settings().interference() == InterferenceModel.CAPTURE;
        this.buckets = new ArrayList[channelSlots * SF_SLOTS];
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = new ArrayList<>(4);
        }
    }

    /**
     * A frame starts: decides, per gateway, whether it is heard, gets a demodulator, and
     * collides with the frames of its group already on the air.
     */
    void start(Transmission tx, double[] rxPowerDbm) {
        int g = gateways.length;
        double sensitivityDbm = network.gatewaySensitivityDbm(tx.dataRate);
        for (int i = 0; i < g; i++) {
            double rssi = rxPowerDbm[i];
            tx.rssiDbm[i] = rssi;
            byte status;
            if (rssi < sensitivityDbm) {
                status = Transmission.BELOW_SENSITIVITY;
            } else if (gateways[i].transmittingAt(tx.startUs)) {
                status = Transmission.GATEWAY_TRANSMITTING;
            } else if (!gateways[i].demodulators().tryAcquire(tx.startUs, tx.endUs)) {
                status = Transmission.NO_DEMODULATOR;
            } else {
                status = Transmission.RECEIVED;
            }
            tx.status[i] = status;
        }
        int bucket = tx.channelSlot * SF_SLOTS + (tx.spreadingFactor - FIRST_SF);
        ArrayList<Transmission> group = buckets[bucket];
        if (interference) {
            for (int k = 0, n = group.size(); k < n; k++) {
                Transmission other = group.get(k);
                for (int i = 0; i < g; i++) {
                    if (tx.status[i] == Transmission.BELOW_SENSITIVITY
                            || other.status[i] == Transmission.BELOW_SENSITIVITY) {
                        continue;
                    }
                    int lost = Collisions.resolve(other.startUs, other.endUs, other.rssiDbm[i], tx.startUs, tx.endUs,
                            tx.rssiDbm[i], tx.symbolUs, network.settings().captureRule());
                    if ((lost & Collisions.FIRST_LOST) != 0 && other.status[i] == Transmission.RECEIVED) {
                        other.status[i] = Transmission.COLLIDED;
                    }
                    if ((lost & Collisions.SECOND_LOST) != 0 && tx.status[i] == Transmission.RECEIVED) {
                        tx.status[i] = Transmission.COLLIDED;
                    }
                }
            }
        }
        group.add(tx);
        tx.bucket = bucket;
    }

    /** A frame ends: leaves the air; returns its outcome and sets its best gateway. */
    FrameOutcome end(Transmission tx) {
        buckets[tx.bucket].remove(tx);
        tx.bucket = -1;
        int best = -1;
        int bestStatus = -1;
        for (int i = 0; i < gateways.length; i++) {
            int s = tx.status[i];
            if (s > bestStatus || (s == bestStatus && s == Transmission.RECEIVED && tx.rssiDbm[i] > tx.rssiDbm[best])) {
                bestStatus = s;
                best = i;
            }
        }
        tx.bestGateway = bestStatus == Transmission.RECEIVED ? best : -1;
        return switch (bestStatus) {
            case Transmission.RECEIVED -> FrameOutcome.DELIVERED;
            case Transmission.COLLIDED -> FrameOutcome.COLLISION;
            case Transmission.NO_DEMODULATOR -> FrameOutcome.NO_DEMODULATOR;
            case Transmission.GATEWAY_TRANSMITTING -> FrameOutcome.GATEWAY_TRANSMITTING;
            default -> FrameOutcome.BELOW_SENSITIVITY;
        };
    }

    /** Gateway {@code g} starts transmitting: the uplinks it is receiving are lost there (half-duplex). */
    void gatewayTransmits(int g, long nowUs) {
        for (ArrayList<Transmission> group : buckets) {
            for (int k = 0, n = group.size(); k < n; k++) {
                Transmission tx = group.get(k);
                if (tx.endUs > nowUs && tx.status[g] == Transmission.RECEIVED) {
                    tx.status[g] = Transmission.GATEWAY_TRANSMITTING;
                }
            }
        }
    }
}
