package org.fedwan.results;

import java.util.List;

/**
 * {@code transmissions.csv}: one row per radio frame per device (an uplink frame for its sender,
 * a broadcast frame for each receiving device). Energy that is not a frame's (training, radio
 * power states) is in {@link EnergyTable}.
 */
public final class TransmissionsTable {

    public static final Column<FrameRecord> DEVICE = new Column<>("device", "", "device id, e.g. dev-3",
            (f, o) -> o.append(f.device()));
    public static final Column<FrameRecord> START_S = new Column<>("start_s", "s", "start of the transmission",
            (f, o) -> o.append(Formats.seconds(f.startUs())));
    public static final Column<FrameRecord> END_S = new Column<>("end_s", "s", "end of the transmission",
            (f, o) -> o.append(Formats.seconds(f.endUs())));
    public static final Column<FrameRecord> BYTES = new Column<>("bytes", "B",
            "bytes on the air (LoRaWAN PHY payload, NB-IoT transport block)", (f, o) -> o.append(f.phyPayloadBytes()));
    public static final Column<FrameRecord> AIRTIME_MS = new Column<>("airtime_ms", "ms", "time on air",
            (f, o) -> o.append(Formats.millis(f.airtimeUs())));
    public static final Column<FrameRecord> ENERGY_J = new Column<>("energy_j", "J",
            "the device's radio energy for the frame (TX for uplinks, RX for downlinks)",
            (f, o) -> o.append(Formats.fixed(f.energyJ(), 9)));
    public static final Column<FrameRecord> OUTCOME = new Column<>("outcome", "",
            "what became of the frame: " + String.join(", ", Labeled.labels(FrameOutcome.class)),
            (f, o) -> o.append(f.outcome().label()));
    public static final Column<FrameRecord> ROUND = new Column<>("round", "", "FL round the frame belongs to",
            (f, o) -> o.append(f.round()));
    public static final Column<FrameRecord> DIRECTION = new Column<>("direction", "",
            String.join(" or ", Labeled.labels(Direction.class)), (f, o) -> o.append(f.direction().label()));
    public static final Column<FrameRecord> FRAGMENT = new Column<>("fragment", "",
            "index of the fragment (transport block) in its message; on a LoRaWAN ARQ feedback downlink, its ARQ round",
            (f, o) -> o.append(f.fragmentIndex()));
    public static final Column<FrameRecord> FRM_PAYLOAD_BYTES = new Column<>("frm_payload_bytes", "B",
            "application payload: fragment header + update bytes (0 where the protocol has no such split)",
            (f, o) -> o.append(f.frmPayloadBytes()));

    public static final Table<FrameRecord> TABLE = new Table<>("transmissions.csv", "one row per radio frame per device",
            List.of(DEVICE, START_S, END_S, BYTES, AIRTIME_MS, ENERGY_J, OUTCOME, ROUND, DIRECTION, FRAGMENT,
                    FRM_PAYLOAD_BYTES));

    private TransmissionsTable() {
    }
}
