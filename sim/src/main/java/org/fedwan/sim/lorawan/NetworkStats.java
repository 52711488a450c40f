package org.fedwan.sim.lorawan;

/**
 * Running totals of one network: counters, no history (CloudSim Plus summary statistics). The
 * engine increments the package-private fields; everything else reads the getters.
 */
public final class NetworkStats {

    private static final int MAX_DATA_RATES = 16;

    long framesSent;
    long framesDelivered;
    long lostBelowSensitivity;
    long lostCollision;
    long lostNoDemodulator;
    long lostGatewayTransmitting;
    long lostBatteryDepleted;
    long uniqueFramesDelivered;
    long packetsOffered;
    final long[] refused = new long[RefusalReason.values().length];
    long retransmissions;
    long confirmedGiveUps;
    long downlinksRx1;
    long downlinksRx2;
    long downlinksNotReceived;
    long downlinksCollided;
    long downlinkWindowsMissed;
    long downlinksFailed;
    long downlinksDeniedFairUse;
    long multicastFrames;
    long dataRateChanges;
    long messagesDelivered;
    long messagesLost;
    long downloadsCompleted;
    long downloadsFailed;
    long devicesDepleted;
    final long[] framesPerDataRate = new long[MAX_DATA_RATES];
    long uplinkAirtimeUs;

    void frameSent(int dataRate, long airtimeUs) {
        framesSent++;
        framesPerDataRate[dataRate]++;
        uplinkAirtimeUs += airtimeUs;
    }

    void outcome(FrameOutcome o) {
        switch (o) {
            case DELIVERED -> framesDelivered++;
            case BELOW_SENSITIVITY -> lostBelowSensitivity++;
            case COLLISION -> lostCollision++;
            case NO_DEMODULATOR -> lostNoDemodulator++;
            case GATEWAY_TRANSMITTING -> lostGatewayTransmitting++;
            case BATTERY_DEPLETED -> lostBatteryDepleted++;
        }
    }

    void countRefusal(RefusalReason reason) {
        refused[reason.ordinal()]++;
    }

    /** @return uplink attempts put on the air (every retransmission counts) */
    public long framesSent() {
        return framesSent;
    }

    /** @return uplink attempts decoded by at least one gateway */
    public long framesDelivered() {
        return framesDelivered;
    }

    /** @return uplink attempts below every gateway's sensitivity */
    public long lostBelowSensitivity() {
        return lostBelowSensitivity;
    }

    /** @return uplink attempts destroyed by interference */
    public long lostCollision() {
        return lostCollision;
    }

    /** @return uplink attempts that found every demodulation path busy */
    public long lostNoDemodulator() {
        return lostNoDemodulator;
    }

    /** @return uplink attempts only heard by transmitting gateways */
    public long lostGatewayTransmitting() {
        return lostGatewayTransmitting;
    }

    /** @return uplink attempts cut by an emptying battery */
    public long lostBatteryDepleted() {
        return lostBatteryDepleted;
    }

    /** @return distinct uplink frames (frame counters) delivered, repetitions counted once */
    public long uniqueFramesDelivered() {
        return uniqueFramesDelivered;
    }

    /** @return periodic packets offered to devices */
    public long packetsOffered() {
        return packetsOffered;
    }

    /**
     * @param reason a reason
     * @return packets or frames not put on the air for that reason
     */
    public long refused(RefusalReason reason) {
        return refused[reason.ordinal()];
    }

    /** @return retransmissions put on the air (NbTrans repetitions and confirmed retries) */
    public long retransmissions() {
        return retransmissions;
    }

    /** @return confirmed uplinks that used all attempts without an ACK */
    public long confirmedGiveUps() {
        return confirmedGiveUps;
    }

    /** @return downlinks sent in RX1 */
    public long downlinksRx1() {
        return downlinksRx1;
    }

    /** @return downlinks sent in RX2 */
    public long downlinksRx2() {
        return downlinksRx2;
    }

    /** @return downlinks sent but below the device's sensitivity */
    public long downlinksNotReceived() {
        return downlinksNotReceived;
    }

    /** @return downlinks above the device's sensitivity destroyed by another gateway's overlapping downlink */
    public long downlinksCollided() {
        return downlinksCollided;
    }

    /** @return receive windows the server wanted but no gateway could serve (busy or duty cycle) */
    public long downlinkWindowsMissed() {
        return downlinkWindowsMissed;
    }

    /** @return downlinks that found neither window */
    public long downlinksFailed() {
        return downlinksFailed;
    }

    /** @return downlinks withheld by the fair-use downlink quota */
    public long downlinksDeniedFairUse() {
        return downlinksDeniedFairUse;
    }

    /** @return class C multicast frames sent */
    public long multicastFrames() {
        return multicastFrames;
    }

    /** @return data-rate changes (ADR commands applied and ADR back-offs) */
    public long dataRateChanges() {
        return dataRateChanges;
    }

    /** @return fragmented messages the server received completely */
    public long messagesDelivered() {
        return messagesDelivered;
    }

    /** @return fragmented messages lost */
    public long messagesLost() {
        return messagesLost;
    }

    /** @return class A downloads completed */
    public long downloadsCompleted() {
        return downloadsCompleted;
    }

    /** @return class A downloads given up */
    public long downloadsFailed() {
        return downloadsFailed;
    }

    /** @return devices whose battery emptied */
    public long devicesDepleted() {
        return devicesDepleted;
    }

    /**
     * @param dataRate a data rate index
     * @return uplink attempts sent at it
     */
    public long framesAtDataRate(int dataRate) {
        return framesPerDataRate[dataRate];
    }

    /** @return total uplink airtime, µs */
    public long uplinkAirtimeUs() {
        return uplinkAirtimeUs;
    }

    /** @return frame-level packet delivery ratio, delivered / sent (NaN when nothing was sent) */
    public double packetDeliveryRatio() {
        return framesSent == 0 ? Double.NaN : (double) framesDelivered / framesSent;
    }
}
