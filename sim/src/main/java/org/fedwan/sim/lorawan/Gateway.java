package org.fedwan.sim.lorawan;

import org.fedwan.channel.lorawan.DutyCycleLedger;
import org.fedwan.channel.propagation.Position;
import org.fedwan.channel.reception.DemodulatorPool;
import org.fedwan.sim.kernel.Entity;

/**
 * A LoRaWAN gateway: a position, an SX1301-like pool of demodulation paths that listens on all
 * the region's default channels, and a half-duplex transmitter with one duty-cycle ledger per
 * sub-band. Downlinks are decided at their start time, so the ledgers are always used in time
 * order.
 */
public final class Gateway extends Entity {

    private final LorawanNetwork net;
    private final int index;
    private final Position position;
    private final DemodulatorPool demodulators;
    private final DutyCycleLedger[] ledgers;
    private long transmittingUntilUs = Long.MIN_VALUE;
    private long downlinks;
    private long downlinkAirtimeUs;

    Gateway(LorawanNetwork net, int index, Position position) {
        super(net.simulation(), "gw-" + index, LorawanNetwork.GATEWAY_ID_BASE - index);
        this.net = net;
        this.index = index;
        this.position = position;
        this.demodulators = new DemodulatorPool(net.settings().demodulatorPaths());
        this.ledgers = new DutyCycleLedger[net.subBandSlots()];
    }

    /** @return the gateway's index in its network */
    public int index() {
        return index;
    }

    /** @return where the gateway stands */
    public Position position() {
        return position;
    }

    /** @return downlink and multicast frames sent */
    public long downlinks() {
        return downlinks;
    }

    /** @return total downlink airtime, µs */
    public long downlinkAirtimeUs() {
        return downlinkAirtimeUs;
    }

    DemodulatorPool demodulators() {
        return demodulators;
    }

    /** @return true when the gateway is transmitting at {@code timeUs} and therefore deaf (half-duplex) */
    boolean transmittingAt(long timeUs) {
        return net.settings().gatewayHalfDuplex() && timeUs < transmittingUntilUs;
    }

    /** @return the earliest time at or after {@code nowUs} the gateway may transmit in the sub-band */
    long nextFreeUs(long nowUs, int subBandSlot) {
        return Math.max(Math.max(nowUs, transmittingUntilUs), ledger(subBandSlot).nextAllowedTxUs(nowUs));
    }

    boolean canTransmit(long nowUs, int subBandSlot) {
        return nextFreeUs(nowUs, subBandSlot) == nowUs;
    }

    void transmit(long nowUs, long airtimeUs, int subBandSlot) {
        // bulk sensors' frames that started before now meet the gateway still listening
        net.medium().advanceSensors(nowUs);
        ledger(subBandSlot).recordTransmission(nowUs, airtimeUs);
        transmittingUntilUs = nowUs + airtimeUs;
        downlinks++;
        downlinkAirtimeUs += airtimeUs;
        if (net.settings().gatewayHalfDuplex()) {
            net.medium().gatewayTransmits(index, nowUs);
        }
    }

    private DutyCycleLedger ledger(int subBandSlot) {
        DutyCycleLedger l = ledgers[subBandSlot];
        if (l == null) {
            l = new DutyCycleLedger(net.gatewayDutyCycle(subBandSlot));
            ledgers[subBandSlot] = l;
        }
        return l;
    }
}
