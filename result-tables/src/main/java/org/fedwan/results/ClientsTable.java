package org.fedwan.results;

import java.util.List;

/** {@code clients.csv}: one row per selected client per round, and one per late update when it is used. */
public final class ClientsTable {

    public static final Column<ClientRoundRecord> ROUND = new Column<>("round", "", "round number",
            (c, o) -> o.append(c.round()));
    public static final Column<ClientRoundRecord> DEVICE = new Column<>("device", "", "device id",
            (c, o) -> o.append(c.device()));
    public static final Column<ClientRoundRecord> COMPUTE_S = new Column<>("compute_s", "s", "simulated local training time",
            (c, o) -> o.append(Formats.seconds(c.computeUs())));
    public static final Column<ClientRoundRecord> COMPUTE_END_S = new Column<>("compute_end_s", "s",
            "when training ended (empty: the round closed first)",
            (c, o) -> o.append(Formats.optionalSeconds(c.computeEndUs())));
    public static final Column<ClientRoundRecord> UPLOAD_START_S = new Column<>("upload_start_s", "s",
            "start of its first uplink frame of the round (empty: none)",
            (c, o) -> o.append(Formats.optionalSeconds(c.uploadStartUs())));
    public static final Column<ClientRoundRecord> UPLOAD_END_S = new Column<>("upload_end_s", "s",
            "end of its last uplink frame of the round (empty: none)",
            (c, o) -> o.append(Formats.optionalSeconds(c.uploadEndUs())));
    public static final Column<ClientRoundRecord> AIRTIME_S = new Column<>("airtime_s", "s",
            "time on air of its uplink frames in the round", (c, o) -> o.append(Formats.seconds(c.airtimeUs())));
    public static final Column<ClientRoundRecord> DUTY_CYCLE_WAIT_S = new Column<>("duty_cycle_wait_s", "s",
            "time it waited for its duty cycle in the round", (c, o) -> o.append(Formats.seconds(c.dutyCycleWaitUs())));
    public static final Column<ClientRoundRecord> FRAMES = new Column<>("frames", "", "uplink frames it sent in the round",
            (c, o) -> o.append(c.frames()));
    public static final Column<ClientRoundRecord> UPDATE_BYTES = new Column<>("update_bytes", "B",
            "size of its encoded update (0 when it skipped the upload)", (c, o) -> o.append(c.updateBytes()));
    public static final Column<ClientRoundRecord> OUTCOME = new Column<>("outcome", "",
            String.join(", ", Labeled.labels(ClientOutcome.class)), (c, o) -> o.append(c.outcome().label()));
    public static final Column<ClientRoundRecord> PROTOCOL = new Column<>("protocol", "", "the client's link protocol",
            (c, o) -> o.append(c.protocol()));

    public static final Column<ClientRoundRecord> CAUSE = new Column<>("cause", "",
            "why the update did not arrive in time (empty when it did): " + String.join(", ", Labeled.labels(LossCause.class)),
            (c, o) -> o.append(c.cause() == null ? "" : c.cause().label()));

    public static final Table<ClientRoundRecord> TABLE = new Table<>("clients.csv", "one row per selected client per round",
            List.of(ROUND, DEVICE, COMPUTE_S, COMPUTE_END_S, UPLOAD_START_S, UPLOAD_END_S, AIRTIME_S, DUTY_CYCLE_WAIT_S,
                    FRAMES, UPDATE_BYTES, OUTCOME, PROTOCOL, CAUSE));

    private ClientsTable() {
    }
}
