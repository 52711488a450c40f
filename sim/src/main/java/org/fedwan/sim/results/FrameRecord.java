package org.fedwan.sim.results;

/**
 * One radio frame as one device experienced it. An uplink frame is recorded once, for its sender;
 * a broadcast downlink frame is recorded once per receiving device (its receive energy), with
 * {@code direction = downlink}.
 *
 * @param round           FL round the frame belongs to (1-based)
 * @param device          device id, e.g. {@code dev-3}
 * @param direction       {@code uplink} or {@code downlink}
 * @param fragmentIndex   index of the fragment inside its message
 * @param startUs         start of the transmission, engine time in µs
 * @param endUs           end of the transmission, engine time in µs
 * @param phyPayloadBytes PHY payload (MHDR ... MIC) on the air
 * @param frmPayloadBytes application payload: fragment header + update bytes
 * @param energyJ         the device's radio energy for the frame (TX for uplinks, RX for downlinks)
 * @param outcome         {@code delivered}, {@code late} (ended after the round closed) or {@code received}
 */
public record FrameRecord(int round, String device, String direction, int fragmentIndex, long startUs, long endUs,
        int phyPayloadBytes, int frmPayloadBytes, double energyJ, String outcome) {

    public static final String UPLINK = "uplink";
    public static final String DOWNLINK = "downlink";
    /** A client's local training energy in a round (energy per MFLOP x FLOPs). */
    public static final String COMPUTE = "compute";
    /** An NB-IoT device's energy in one power state over an interval (outcome = the state). */
    public static final String ENERGY = "energy";

    public long airtimeUs() {
        return endUs - startUs;
    }
}
