package org.fedwan.channel.lorawan;

/**
 * LoRaWAN frame sizes (LoRaWAN 1.0.3 section 4, "MAC Message Formats"; lpwan-facts A2).
 *
 * <pre>
 * PHYPayload = MHDR (1) | MACPayload | MIC (4)
 * MACPayload = FHDR (7 + FOpts 0..15) | FPort (1, present when FRMPayload is not empty) | FRMPayload
 * </pre>
 * so a frame with a non-empty FRMPayload has {@code PHY = FRMPayload + 13 + FOptsLen} bytes.
 */
public final class LorawanFrame {

    /** MHDR length in bytes. */
    public static final int MHDR_BYTES = 1;
    /** FHDR length without FOpts: DevAddr 4 + FCtrl 1 + FCnt 2. */
    public static final int FHDR_BYTES = 7;
    /** FPort length in bytes. */
    public static final int FPORT_BYTES = 1;
    /** MIC length in bytes. */
    public static final int MIC_BYTES = 4;
    /** Largest FOpts length in bytes (4-bit FOptsLen). */
    public static final int MAX_FOPTS_BYTES = 15;
    /** MHDR 1 + FHDR 7 + FPort 1 + MIC 4 = 13 bytes around a non-empty FRMPayload (lpwan-facts A2). */
    public static final int OVERHEAD_BYTES = MHDR_BYTES + FHDR_BYTES + FPORT_BYTES + MIC_BYTES;

    /**
     * The uplink overhead ns-3 {@code lorawan} puts around the application payload: its
     * {@code LoraFrameHeader} (DevAddr 4, FCtrl 1, FCnt 2, FPort 1 = 8 bytes without FOpts,
     * {@code model/lora-frame-header.cc}, {@code GetSerializedSize}) and its 1-byte
     * {@code LorawanMacHeader}; ns-3 adds no MIC ({@code model/end-device-lorawan-mac.cc},
     * {@code DoSend}). A 23-byte application payload is a 32-byte PHY payload there.
     */
    public static final int NS3_OVERHEAD_BYTES = 9;

    private LorawanFrame() {
    }

    /**
     * PHY payload length with another overhead than LoRaWAN's 13 bytes (e.g.
     * {@link #NS3_OVERHEAD_BYTES} to reproduce ns-3): {@code phyPayloadBytes(frm, fOpts) - 13 +
     * overheadBytes}, so an empty FRMPayload still drops the FPort byte.
     *
     * @param frmPayloadBytes FRMPayload length in bytes, at least 0
     * @param fOptsBytes      FOpts length in bytes, 0..15
     * @param overheadBytes   bytes around a non-empty FRMPayload without FOpts, at least 1
     * @return PHY payload length in bytes
     */
    public static int phyPayloadBytes(int frmPayloadBytes, int fOptsBytes, int overheadBytes) {
        if (overheadBytes < 1) {
            throw new IllegalArgumentException("overheadBytes = " + overheadBytes + " is not allowed; allowed: >= 1");
        }
        return phyPayloadBytes(frmPayloadBytes, fOptsBytes) - OVERHEAD_BYTES + overheadBytes;
    }

    /**
     * PHY payload length: {@code frmPayloadBytes + 13 + fOptsBytes}; when
     * {@code frmPayloadBytes == 0} the FPort byte is absent (LoRaWAN 1.0.3 section 4.3.2: "If the
     * frame payload field is not empty, the port field must be present"), giving
     * {@code 12 + fOptsBytes}.
     *
     * @param frmPayloadBytes FRMPayload length in bytes, at least 0
     * @param fOptsBytes      FOpts length in bytes, 0..15
     * @return PHY payload length in bytes
     */
    public static int phyPayloadBytes(int frmPayloadBytes, int fOptsBytes) {
        if (frmPayloadBytes < 0) {
            throw new IllegalArgumentException("frmPayloadBytes = " + frmPayloadBytes
                    + " is not allowed; allowed: >= 0");
        }
        requireFOpts(fOptsBytes);
        int fPort = frmPayloadBytes > 0 ? FPORT_BYTES : 0;
        return MHDR_BYTES + FHDR_BYTES + fOptsBytes + fPort + frmPayloadBytes + MIC_BYTES;
    }

    /**
     * Largest FRMPayload at a data rate when FOpts is in use: {@code N - fOptsBytes}
     * (lpwan-facts A2: N assumes empty FOpts; LoRaMac-node {@code ValidatePayloadLength}).
     *
     * @param dr         data rate
     * @param fOptsBytes FOpts length in bytes, 0..15
     * @return largest FRMPayload in bytes, at least 0
     * @throws IllegalArgumentException if the FOpts alone exceed the data rate's cap
     */
    public static int maxFrmPayloadBytes(DataRate dr, int fOptsBytes) {
        requireFOpts(fOptsBytes);
        int max = dr.maxFrmPayloadBytes() - fOptsBytes;
        if (max < 0) {
            throw new IllegalArgumentException("fOptsBytes = " + fOptsBytes + " does not fit at DR" + dr.index()
                    + " (N = " + dr.maxFrmPayloadBytes() + " bytes); allowed: 0.." + dr.maxFrmPayloadBytes());
        }
        return max;
    }

    private static void requireFOpts(int fOptsBytes) {
        if (fOptsBytes < 0 || fOptsBytes > MAX_FOPTS_BYTES) {
            throw new IllegalArgumentException("fOptsBytes = " + fOptsBytes + " is not allowed; allowed: 0.."
                    + MAX_FOPTS_BYTES);
        }
    }
}
