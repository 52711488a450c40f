package org.fedwan.results;

/**
 * One radio frame as one device experienced it: a row of {@code transmissions.csv}. An uplink
 * frame is recorded once, for its sender; a broadcast downlink frame is recorded once per
 * receiving device (its receive energy).
 *
 * @param round           FL round the frame belongs to (1-based)
 * @param device          device id, e.g. {@code dev-3}
 * @param direction       uplink or downlink
 * @param fragmentIndex   index of the fragment (or transport block) inside its message
 * @param startUs         start of the transmission, engine time in µs
 * @param endUs           end of the transmission, engine time in µs
 * @param phyPayloadBytes bytes on the air (LoRaWAN: PHY payload, MHDR ... MIC; NB-IoT: transport block)
 * @param frmPayloadBytes application payload: fragment header + update bytes (0 where the protocol has no such split)
 * @param energyJ         the device's radio energy for the frame (TX for uplinks, RX for downlinks), J
 * @param outcome         what became of it
 */
public record FrameRecord(int round, String device, Direction direction, int fragmentIndex, long startUs, long endUs,
        int phyPayloadBytes, int frmPayloadBytes, double energyJ, FrameOutcome outcome) {

    public long airtimeUs() {
        return endUs - startUs;
    }
}
