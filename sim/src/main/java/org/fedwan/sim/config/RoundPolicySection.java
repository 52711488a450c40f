package org.fedwan.sim.config;

import java.nio.file.Path;
import java.util.List;

/**
 * Who takes part in a round and when it closes: the client population, selection, over-selection,
 * dropout and availability, the deadline and late updates, and when the model is evaluated.
 *
 * @param clients            client devices
 * @param clientsPerRound    clients a round waits for (selected uniformly without replacement), or null (see {@link #perRound})
 * @param clientsFraction    the same as a share of the clients (ceil(share x clients)), or null
 * @param overSelection      select ceil(clientsPerRound x this); the round closes at clientsPerRound updates
 * @param dropoutProbability probability that a selected client drops out of a round
 * @param roundDeadlineS     round deadline after the round starts, s; 0 = none
 * @param lateUpdates        what happens to an update that misses the deadline
 * @param availability       probability that a device is online at a round start
 * @param availabilityTrace  CSV of online windows per device, or null
 * @param evalEvery          evaluate the global model every this many rounds (and after the last)
 * @param trainEvalSamples   training samples of the fixed subset the training loss is measured on, 0 = none
 */
public record RoundPolicySection(int clients, Integer clientsPerRound, Double clientsFraction, double overSelection,
        double dropoutProbability, double roundDeadlineS, LateUpdates lateUpdates, double availability, Path availabilityTrace,
        int evalEvery, int trainEvalSamples) {

    public static final Section<RoundPolicySection> SECTION = new Section<>("round policy",
            "who takes part in a round and when it closes", RoundPolicySection.class, List.of(
            Key.of("clients", Types.integer(1, 100_000), 10, "client devices"),
            Key.derived("clients_per_round", Types.integer(1, 100_000), "clients",
                    "clients selected per round (uniformly, without replacement)"),
            Key.derived("clients_fraction", Types.number(0, false, 1), "(none)",
                    "share of the clients selected per round: clients_per_round = ceil(share x clients); setting both is an error"),
            Key.of("over_selection", Types.number(1, true, 10), 1.0,
                    "select ceil(clients_per_round x this) clients and close the round at clients_per_round updates "
                            + "(FedScale's over-commitment, 1.3)"),
            Key.of("dropout_probability", Types.number(0, true, 0.999999), 0.0,
                    "probability that a selected client drops out of a round (trains and sends nothing)"),
            Key.of("round_deadline_s", Types.number(0, true, 1e9), 0.0,
                    "round deadline in seconds after the round starts (0 = wait for every selected client)"),
            Key.of("late_updates", Types.label(LateUpdates.class), LateUpdates.DISCARD,
                    "an update that misses round_deadline_s: discard (the client stops computing and sending) or next-round "
                            + "(it finishes; the update joins the first aggregation after it arrives, and the client is not "
                            + "selected until then)"),
            Key.of("availability", Types.number(0, false, 1), 1.0,
                    "probability that a device is online at a round start, drawn per device and round; only online devices "
                            + "are selected"),
            Key.derived("availability_trace", Types.path("a CSV file path"), "(none)",
                    "online windows per device: CSV 'device,start_s,end_s' (optionally ',period_s=S' in the header to repeat "
                            + "them); a named device is online only inside its windows, others always; relative to the scenario file"),
            Key.of("eval_every", Types.integer(1, 100_000), 1,
                    "evaluate the global model every this many rounds and after the last one; other rounds leave accuracy and "
                            + "loss empty in rounds.csv"),
            Key.of("train_eval_samples", Types.integer(0, Integer.MAX_VALUE), 0,
                    "training samples (a fixed seeded subset) on which each evaluation also measures the global model's "
                            + "training loss, accuracy and full-gradient norm (rounds.csv train_loss, train_accuracy, "
                            + "gradient_norm); 0 = not measured")));

    public RoundPolicySection {
        if (clientsFraction != null && clientsPerRound != null) {
            throw new KeyProblem("clients_fraction", "and key 'clients_per_round' = " + clientsPerRound
                    + ": allowed: one of the two, not both");
        }
        if (clientsPerRound != null && clientsPerRound > clients) {
            throw new KeyProblem("clients_per_round", "allowed: at most clients = " + clients);
        }
    }

    /** Clients a round waits for: {@code clients_per_round}, {@code ceil(clients_fraction x clients)}, or every client. */
    public int perRound() {
        if (clientsFraction != null) {
            return (int) Math.max(1, Math.ceil(clientsFraction * clients - 1e-9));
        }
        return clientsPerRound == null ? clients : clientsPerRound;
    }
}
