package org.fedwan.sim.lorawan;

import org.fedwan.channel.lorawan.Adr;
import org.fedwan.channel.lorawan.ReceiveWindows;

/**
 * The device side of adaptive data rate for one {@link LorawanDevice} (LoRaWAN 1.0.3 section
 * 4.3.1.1): the count of uplinks without a downlink (ADR_ACK_CNT), the ADRACKReq bit, the step to a
 * slower data rate when the network stays silent, and the LinkADRAns owed after a LinkADRReq.
 * Counting happens only under {@link SfPolicy#ADR}; the server's side is in {@link NetworkServer}.
 */
final class DeviceAdr {

    /** LinkADRAns in FOpts: CID 0x03 and the Status byte (LoRaWAN 1.0.3 section 5.2, Table 5). */
    static final int LINK_ADR_ANS_BYTES = 2;

    private final LorawanDevice device;
    private final LorawanNetwork net;

    private int adrAckCount;
    private boolean adrAckRequest;
    private boolean linkAdrAnsPending;

    DeviceAdr(LorawanDevice device, LorawanNetwork net) {
        this.device = device;
        this.net = net;
    }

    /** A new frame (not a retransmission) is about to go out: count it, step down or ask for a downlink. */
    void newFrame(long nowUs) {
        if (net.settings().sfPolicy() == SfPolicy.ADR) {
            adrAckCount++;
            if (Adr.deviceShouldStepDown(adrAckCount, ReceiveWindows.ADR_ACK_LIMIT, ReceiveWindows.ADR_ACK_DELAY)
                    && device.dataRateIndex() > net.slowestDataRate()) {
                device.setDataRate(nowUs, net.nextSlowerDataRate(device.dataRateIndex()));
            }
            adrAckRequest = Adr.deviceRequestsAck(adrAckCount, ReceiveWindows.ADR_ACK_LIMIT);
        }
    }

    /**
     * @param frmBytes    FRMPayload of the attempt
     * @param maxFrmBytes largest FRMPayload at its data rate
     * @return FOpts bytes of the attempt: a pending LinkADRAns if it fits, else none
     */
    int fOptsBytes(int frmBytes, int maxFrmBytes) {
        return linkAdrAnsPending && frmBytes + LINK_ADR_ANS_BYTES <= maxFrmBytes ? LINK_ADR_ANS_BYTES : 0;
    }

    /** @return whether the next uplink sets ADRACKReq */
    boolean ackRequest() {
        return adrAckRequest;
    }

    /** An attempt went on the air with {@code fOptsBytes} of FOpts: a LinkADRAns it carried is sent. */
    void attemptSent(int fOptsBytes) {
        if (fOptsBytes > 0) {
            linkAdrAnsPending = false;
        }
    }

    /**
     * A downlink was received: the count restarts; a LinkADRReq ({@code adrDataRate >= 0}) sets the
     * data rate and owes a LinkADRAns.
     */
    void downlinkReceived(long nowUs, int adrDataRate) {
        adrAckCount = 0;
        adrAckRequest = false;
        if (adrDataRate >= 0) {
            device.setDataRate(nowUs, adrDataRate);
            linkAdrAnsPending = true;
        }
    }
}
