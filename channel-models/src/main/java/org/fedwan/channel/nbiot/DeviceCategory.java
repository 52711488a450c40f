package org.fedwan.channel.nbiot;

/**
 * NB-IoT UE category: the largest transport block a device handles (3GPP TS 36.306 4.1C;
 * lpwan-facts B1: Cat-NB1 680 bits downlink / 1000 bits uplink, Cat-NB2 2536 / 2536 bits, [V
 * secondary]). Cat-NB1 uses the Release 13 TBS index range 0..12; Cat-NB2 adds index 13 and the
 * larger Release 14 entries (TS 36.213 v14 Tables 16.4.1.5.1-1 and 16.5.1.2-2).
 */
public enum DeviceCategory {
    /** Release 13: TBS at most 680 bits downlink, 1000 bits uplink, TBS index 0..12. */
    NB1(680, 1000, 12),
    /** Release 14: TBS at most 2536 bits both ways, TBS index 0..13. */
    NB2(2536, 2536, 13);

    private final int maxDownlinkTbsBits;
    private final int maxUplinkTbsBits;
    private final int maxTbsIndex;

    DeviceCategory(int maxDownlinkTbsBits, int maxUplinkTbsBits, int maxTbsIndex) {
        this.maxDownlinkTbsBits = maxDownlinkTbsBits;
        this.maxUplinkTbsBits = maxUplinkTbsBits;
        this.maxTbsIndex = maxTbsIndex;
    }

    /** @return largest NPDSCH transport block in bits */
    public int maxDownlinkTbsBits() {
        return maxDownlinkTbsBits;
    }

    /** @return largest NPUSCH transport block in bits */
    public int maxUplinkTbsBits() {
        return maxUplinkTbsBits;
    }

    /** @return largest TBS index {@code I_TBS} */
    public int maxTbsIndex() {
        return maxTbsIndex;
    }
}
