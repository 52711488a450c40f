package org.fedwan.sim.lorawan;

import java.util.Arrays;
import org.fedwan.channel.reception.Collisions;
import org.fedwan.channel.reception.CumulativeInterference;

/**
 * The shared uplink channel: frames on the air, their reception at every gateway (sensitivity,
 * half-duplex, demodulation paths) and the interference between them, by
 * {@link NetworkSettings#interference()}:
 *
 * <ul>
 *   <li>{@link InterferenceModel#PAIRWISE}: frames grouped by (channel, spreading factor); the
 *       LoRaSim collision rule between frames of a group, only between frames heard above the
 *       gateway's sensitivity, as in LoRaSim;</li>
 *   <li>{@link InterferenceModel#CUMULATIVE}: frames grouped by channel; when a frame starts, each
 *       frame of its channel on the air adds its energy over their (known) overlap to the other's
 *       interference per spreading factor, at every gateway, heard or not; when it ends, the
 *       Goursaud-Gorce isolation decides (ns-3 {@code LoraInterferenceHelper}). A frame
 *       overlapping this one either is on the air when it starts or starts while it is, so
 *       the sums are complete at its end.</li>
 * </ul>
 */
final class RadioMedium {

    private static final int SF_SLOTS = CumulativeInterference.SPREADING_FACTORS;
    private static final int FIRST_SF = CumulativeInterference.FIRST_SF;

    private final LorawanNetwork network;
    private final Gateway[] gateways;
    private final OnAir[] buckets;
    private final InterferenceModel model;
    /** Background sensors simulated in bulk, played up to every device's action before it; or null. */
    private SensorField sensors;

    RadioMedium(LorawanNetwork network, Gateway[] gateways, int channelSlots) {
        this.network = network;
        this.gateways = gateways;
        this.model = network.settings().interference();
        this.buckets = new OnAir[model == InterferenceModel.CUMULATIVE ? channelSlots : channelSlots * SF_SLOTS];
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = new OnAir();
        }
    }

    /** Sensors simulated in bulk share this channel from now on. */
    void attach(SensorField field) {
        this.sensors = field;
    }

    /** Plays the bulk sensors' actions up to {@code nowUs} (every frame of theirs that started earlier is on the air). */
    void advanceSensors(long nowUs) {
        if (sensors != null) {
            sensors.advanceTo(nowUs);
        }
    }

    /** A device's frame starts (see {@link #add}), after the bulk sensors' actions up to its start. */
    void start(Transmission tx, double[] rxPowerDbm) {
        advanceSensors(tx.startUs);
        add(tx, rxPowerDbm);
    }

    /** A device's frame ends (see {@link #remove}), after the bulk sensors' actions up to its end. */
    FrameOutcome end(Transmission tx) {
        advanceSensors(tx.endUs);
        return remove(tx);
    }

    /**
     * A frame starts: decides, per gateway, whether it is heard, gets a demodulator, and
     * interferes with the frames already on the air.
     */
    void add(Transmission tx, double[] rxPowerDbm) {
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
        int bucket;
        if (model == InterferenceModel.CUMULATIVE) {
            bucket = tx.channelSlot;
            accumulate(tx, buckets[bucket]);
        } else {
            bucket = tx.channelSlot * SF_SLOTS + (tx.spreadingFactor - FIRST_SF);
            if (model == InterferenceModel.PAIRWISE) {
                collide(tx, buckets[bucket]);
            }
        }
        buckets[bucket].add(tx);
        tx.bucket = bucket;
    }

    private void collide(Transmission tx, OnAir group) {
        int g = gateways.length;
        for (int k = 0, n = group.size(); k < n; k++) {
            Transmission other = group.get(k);
            for (int i = 0; i < g; i++) {
                if (tx.status[i] == Transmission.BELOW_SENSITIVITY || other.status[i] == Transmission.BELOW_SENSITIVITY) {
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

    private void accumulate(Transmission tx, OnAir group) {
        int g = gateways.length;
        for (int i = 0; i < g; i++) {
            tx.rxMw[i] = CumulativeInterference.milliwatts(tx.rssiDbm[i]);
        }
        Arrays.fill(tx.interferenceMwUs, 0.0);
        int txSf = tx.spreadingFactor - FIRST_SF;
        for (int k = 0, n = group.size(); k < n; k++) {
            Transmission other = group.get(k);
            long overlapUs = CumulativeInterference.overlapUs(other.startUs, other.endUs, tx.startUs, tx.endUs);
            if (overlapUs <= 0) {
                continue;
            }
            int otherSf = other.spreadingFactor - FIRST_SF;
            for (int i = 0; i < g; i++) {
                tx.interferenceMwUs[i * SF_SLOTS + otherSf] += other.rxMw[i] * overlapUs;
                other.interferenceMwUs[i * SF_SLOTS + txSf] += tx.rxMw[i] * overlapUs;
            }
        }
    }

    /** A frame ends: leaves the air; returns its outcome and sets its best gateway. */
    FrameOutcome remove(Transmission tx) {
        buckets[tx.bucket].remove(tx);
        tx.bucket = -1;
        if (model == InterferenceModel.CUMULATIVE) {
            long airtimeUs = tx.airtimeUs();
            for (int i = 0; i < gateways.length; i++) {
                if (tx.status[i] == Transmission.RECEIVED && CumulativeInterference.destroyedBy(tx.spreadingFactor,
                        tx.rxMw[i], airtimeUs, tx.interferenceMwUs, i * SF_SLOTS) != CumulativeInterference.SURVIVED) {
                    tx.status[i] = Transmission.COLLIDED;
                }
            }
        }
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
        for (OnAir group : buckets) {
            for (int k = 0, n = group.size(); k < n; k++) {
                Transmission tx = group.get(k);
                if (tx.endUs > nowUs && tx.status[g] == Transmission.RECEIVED) {
                    tx.status[g] = Transmission.GATEWAY_TRANSMITTING;
                }
            }
        }
    }

    /** The frames of one bucket on the air, in the order they started (a list without bounds checks or iterators). */
    private static final class OnAir {
        private Transmission[] frames = new Transmission[4];
        private int size;

        int size() {
            return size;
        }

        Transmission get(int k) {
            return frames[k];
        }

        void add(Transmission tx) {
            if (size == frames.length) {
                frames = Arrays.copyOf(frames, 2 * size);
            }
            frames[size++] = tx;
        }

        /** Removes {@code tx} (looked for from the newest), keeping the others' order, which the cumulative sums follow. */
        void remove(Transmission tx) {
            for (int k = size - 1; k >= 0; k--) {
                if (frames[k] == tx) {
                    for (int j = k + 1; j < size; j++) {
                        frames[j - 1] = frames[j]; // a frame or two: cheaper than System.arraycopy's call
                    }
                    frames[--size] = null;
                    return;
                }
            }
        }
    }
}
