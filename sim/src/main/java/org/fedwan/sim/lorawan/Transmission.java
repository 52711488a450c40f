package org.fedwan.sim.lorawan;

import org.fedwan.channel.reception.CumulativeInterference;

/**
 * One uplink frame on the air, as each gateway hears it. Each device owns one and reuses it for
 * every frame (a device sends one frame at a time), so the hot path allocates nothing.
 */
final class Transmission {

    static final byte BELOW_SENSITIVITY = 0;
    static final byte GATEWAY_TRANSMITTING = 1;
    static final byte NO_DEMODULATOR = 2;
    static final byte COLLIDED = 3;
    static final byte RECEIVED = 4;

    final LorawanDevice device;
    /** Received power per gateway, dBm. */
    final double[] rssiDbm;
    /** Reception state per gateway, one of the constants above. */
    final byte[] status;
    /** Received power per gateway, mW (cumulative interference only). */
    final double[] rxMw;
    /** Interference energy per gateway and interfering SF ({@code g * 6 + sf - 7}), mW·µs (cumulative only). */
    final double[] interferenceMwUs;

    int channelSlot;
    int dataRate;
    int spreadingFactor;
    long startUs;
    long endUs;
    long symbolUs;
    int phyPayloadBytes;
    int frmPayloadBytes;
    int fOptsBytes;
    boolean confirmed;
    boolean adrAckRequest;
    boolean acknowledgesDownlink;
    /** The last frame of an ARQ pass: the device asks for the list of missing fragments ({@link FragmentFeedback}). */
    boolean requestsFeedback;
    long frameCounter;
    int bucket = -1;
    int bestGateway = -1;

    Transmission(LorawanDevice device, int gateways) {
        this.device = device;
        this.rssiDbm = new double[gateways];
        this.status = new byte[gateways];
        this.rxMw = new double[gateways];
        this.interferenceMwUs = new double[gateways * CumulativeInterference.SPREADING_FACTORS];
    }

    long airtimeUs() {
        return endUs - startUs;
    }

    /** The frame goes on the air at {@code nowUs} on a channel at a data rate (with its SF and symbol time). */
    void goesOnAir(LorawanNetwork net, int channel, int rate, long nowUs, long airtime) {
        channelSlot = channel;
        dataRate = rate;
        spreadingFactor = net.spreadingFactor(rate);
        startUs = nowUs;
        endUs = nowUs + airtime;
        symbolUs = net.symbolTimeUs(rate);
    }
}
