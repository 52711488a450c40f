package org.fedwan.sim.lorawan.traffic;

import java.util.Objects;
import org.fedwan.sim.background.TrafficArrival;
import org.fedwan.sim.lorawan.NetworkSettings;

/**
 * Input of a network-only run ({@code ./fedwan lorawan-net}), validated on construction. The
 * command-line options map onto {@link #devices}, {@link #periodS}, {@link #payloadBytes},
 * {@link #durationH}, {@link #seed} and, inside {@link #network}, {@code radiusM} and
 * {@code gateways}; see {@link #of}.
 *
 * @param devices      number of devices, at least 1 (100)
 * @param periodS      mean time between a device's packets, s, greater than 0 (600)
 * @param payloadBytes application payload (FRMPayload) per packet, bytes, 0..242 (20)
 * @param durationH    simulated time during which packets are generated, h, greater than 0 (24)
 * @param seed         master seed of every random stream (1)
 * @param arrival      packet spacing (PERIODIC)
 * @param network      the network's settings ({@link NetworkSettings#builder()} defaults)
 */
public record LorawanNetworkConfig(int devices, double periodS, int payloadBytes, double durationH, long seed,
                                   TrafficArrival arrival, NetworkSettings network) {

    /** Largest FRMPayload of any LoRaWAN data rate (N = 242). */
    public static final int MAX_PAYLOAD_BYTES = 242;

    /** Validates every field; errors name the field, the value and what is allowed. */
    public LorawanNetworkConfig {
        if (devices < 1) {
            throw new IllegalArgumentException("devices = " + devices + " is not allowed; allowed: >= 1");
        }
        if (!(periodS > 0.0) || !Double.isFinite(periodS)) {
            throw new IllegalArgumentException("periodS = " + periodS + " is not allowed; allowed: finite and > 0");
        }
        if (payloadBytes < 0 || payloadBytes > MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("payloadBytes = " + payloadBytes + " is not allowed; allowed: 0.."
                    + MAX_PAYLOAD_BYTES);
        }
        if (!(durationH > 0.0) || !Double.isFinite(durationH)) {
            throw new IllegalArgumentException("durationH = " + durationH + " is not allowed; allowed: finite and > 0");
        }
        Objects.requireNonNull(arrival, "arrival is null; allowed: PERIODIC, POISSON");
        Objects.requireNonNull(network, "network is null");
    }

    /**
     * The command-line form: {@code --devices N --radius-m R --period-s T --payload B
     * --duration-h H [--gateways G] [--seed S]}, every other setting at its default.
     *
     * @param devices      N
     * @param radiusM      R, disc radius in metres
     * @param periodS      T, seconds between a device's packets
     * @param payloadBytes B, application bytes per packet
     * @param durationH    H, simulated hours
     * @param gateways     G (1 when not given)
     * @param seed         S (1 when not given)
     * @return the configuration
     */
    public static LorawanNetworkConfig of(int devices, double radiusM, double periodS, int payloadBytes,
                                          double durationH, int gateways, long seed) {
        NetworkSettings.Builder b = NetworkSettings.builder();
        b.radiusM = radiusM;
        b.gateways = gateways;
        return new LorawanNetworkConfig(devices, periodS, payloadBytes, durationH, seed, TrafficArrival.PERIODIC,
                b.build());
    }

    /** @return the packet period in microseconds */
    public long periodUs() {
        return Math.round(periodS * 1e6);
    }

    /** @return the generation window in microseconds */
    public long durationUs() {
        return Math.round(durationH * 3_600e6);
    }

    /** @return a copy with {@code network} replaced */
    public LorawanNetworkConfig withNetwork(NetworkSettings newNetwork) {
        return new LorawanNetworkConfig(devices, periodS, payloadBytes, durationH, seed, arrival, newNetwork);
    }

    /** @return a copy with {@code arrival} replaced */
    public LorawanNetworkConfig withArrival(TrafficArrival newArrival) {
        return new LorawanNetworkConfig(devices, periodS, payloadBytes, durationH, seed, newArrival, network);
    }
}
