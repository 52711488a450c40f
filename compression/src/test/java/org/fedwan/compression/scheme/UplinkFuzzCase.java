package org.fedwan.compression.scheme;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.fedwan.compression.ModelLayout;
import org.fedwan.compression.TestLayouts;

/**
 * One fuzz input run against an uplink scheme's server decoder. The input is a program
 * ({@link FuzzBytes}): a seed for the clients' values and random streams, then up to four steps,
 * each an operation for one of three clients, then one valid message from every client that was
 * sent anything else:
 *
 * <ul>
 *   <li>{@code VALID}: the client's next message (its encoder keeps its state);</li>
 *   <li>{@code REPLAY}: a valid message of another client (id 99, with its own rounds), delivered
 *       as this client's;</li>
 *   <li>{@code MUTATED} / {@code MUTATED_CRC}: such a message with bit flips, byte changes,
 *       truncation, extension or special floats ({@link FuzzChecks#mutate}), the CRC-32 left as
 *       it was or recomputed so the decoder's field checks are reached;</li>
 *   <li>{@code RAW} / {@code RAW_CRC}: bytes of any length from the input, CRC as is or fixed;</li>
 *   <li>{@code SHAPED}: bytes of exactly one of the scheme's message lengths, CRC fixed;</li>
 *   <li>{@code NULL}: no array at all.</li>
 * </ul>
 *
 * <p>Properties, each an {@link AssertionError} naming the step when broken: a decoder throws
 * nothing but {@link org.fedwan.compression.MalformedMessageException}; one decode allocates at
 * most {@link FuzzChecks#budgetBytes}; an accepted message has the layout's shape and finite
 * values (fp32 excepted); a second server that is given only the messages the first accepted
 * decodes them, and every later valid message, to the same bits and holds the same
 * {@link ServerDecoder#latest} values, so a rejected message changed no state; a valid message is
 * accepted and round-trips within {@link RoundTripBound} unless the server accepted a forged
 * message for that client before (then the client's innovations apply to values it never had).
 */
final class UplinkFuzzCase {

    static final int CLIENTS = 3;
    static final int MAX_STEPS = 4;
    /** Id of the client whose valid messages are replayed and mutated as other clients'. */
    static final int FORGER = 99;

    enum Op { VALID, REPLAY, MUTATED, MUTATED_CRC, RAW, RAW_CRC, SHAPED, NULL }

    private final FuzzTarget target;
    private final FuzzBytes in;
    private final Scheme scheme;
    private final ModelLayout layout;
    private final ServerDecoder server;
    private final ServerDecoder twin;
    private final ClientEncoder[] clients = new ClientEncoder[CLIENTS];
    private final int[] rounds = new int[CLIENTS];
    private final boolean[] forged = new boolean[CLIENTS];
    /** Clients that were sent anything but their own valid messages: each gets one more valid one at the end. */
    private final boolean[] touched = new boolean[CLIENTS];
    private final ClientEncoder forger;
    private int forgerRound;
    private final SplittableRandom data;
    private final RoundTripBound bound;
    private final int[] lengths;
    private final int maxLength;
    private final List<String> trace = new ArrayList<>();

    private UplinkFuzzCase(FuzzTarget target, FuzzBytes in) {
        this.target = target;
        this.in = in;
        this.scheme = target.uplinkScheme();
        this.layout = scheme.layout();
        this.server = scheme.newServer();
        this.twin = scheme.newServer();
        long seed = in.u64();
        this.data = new SplittableRandom(seed);
        for (int c = 0; c < CLIENTS; c++) {
            clients[c] = scheme.newClient(c, new SplittableRandom(seed + 1 + c));
        }
        this.forger = scheme.newClient(FORGER, new SplittableRandom(seed - 1));
        this.bound = RoundTripBound.of(target, scheme);
        TreeSet<Integer> l = new TreeSet<>();
        for (int r = 0; r < Math.min(scheme.cycleRounds(), 64); r++) {
            l.add((int) scheme.uplinkBits(r).totalBytes());
        }
        this.lengths = l.stream().mapToInt(Integer::intValue).toArray();
        this.maxLength = l.last();
    }

    /**
     * Runs {@code input} against {@code target}.
     *
     * @throws AssertionError naming the broken property and the steps taken
     */
    static void run(FuzzTarget target, byte[] input) {
        new UplinkFuzzCase(target, new FuzzBytes(input)).run();
    }

    private void run() {
        int steps = 1 + in.below(MAX_STEPS);
        for (int s = 0; s < steps; s++) {
            Op op = Op.values()[in.below(Op.values().length)];
            step(op, in.below(CLIENTS));
        }
        for (int c = 0; c < CLIENTS; c++) {
            if (touched[c]) {
                step(Op.VALID, c);
            }
        }
    }

    private void step(Op op, int client) {
        trace.add(op + " client " + client);
        if (op == Op.VALID) {
            valid(client);
            return;
        }
        touched[client] = true;
        byte[] message = switch (op) {
            case REPLAY -> forged();
            case MUTATED -> FuzzChecks.mutate(forged(), in);
            case MUTATED_CRC -> FuzzChecks.withCrc(FuzzChecks.mutate(forged(), in));
            case RAW -> in.take(in.u16() % (maxLength + 9));
            case RAW_CRC -> FuzzChecks.withCrc(in.take(in.u16() % (maxLength + 9)));
            case SHAPED -> FuzzChecks.withCrc(in.take(lengths[in.below(lengths.length)]));
            default -> null;
        };
        DecodedUpdate d = decode(client, rounds[client], message);
        if (d != null) {
            if (op == Op.NULL) {
                throw fail("a null message was accepted");
            }
            forged[client] = true;
        }
    }

    /** A valid message of the forger, or an empty array when the forger skips the round. */
    private byte[] forged() {
        float[][] x = FuzzChecks.values(layout, data, in);
        EncodedUpdate m = forger.encode(new RoundInput(forgerRound++, x, TestLayouts.gaussian(layout, data, 1)));
        return m.message();
    }

    private void valid(int client) {
        float[][] x = FuzzChecks.values(layout, data, in);
        float[][] global = TestLayouts.gaussian(layout, data, in.below(2) == 0 ? 1 : 1e-4);
        int round = rounds[client]++;
        Optional<float[][]> before = twin.latest(client);
        EncodedUpdate m = clients[client].encode(new RoundInput(round, x, global));
        if (m.skipped()) {
            return;
        }
        DecodedUpdate d = decode(client, round, m.message());
        if (forged[client]) {
            // the server accepted a forged message for this client: an innovation against values the client
            // never had may rebuild beyond the float range (rejected), and no bound holds
            return;
        }
        if (d == null) {
            throw fail("a valid message of " + m.message().length + " bytes was rejected");
        }
        bound.check(this::where, client, x, m, before, d);
    }

    /**
     * Decodes on the server under watch; if accepted, on the twin too, which must agree. Either
     * way both must then hold the same latest values for every client.
     */
    private DecodedUpdate decode(int client, int round, byte[] message) {
        long budget = FuzzChecks.budgetBytes(layout, message == null ? 0 : message.length);
        FuzzChecks.Watched<DecodedUpdate> first = FuzzChecks.watch(this::where, () -> server.decode(client, round, message));
        DecodedUpdate a = first.value();
        if (a == null) {
            if (first.allocatedBytes() > budget) { // rejected, so no state changed: the repeat is the same decode
                FuzzChecks.Watched<DecodedUpdate> again = FuzzChecks.watch(this::where, () -> server.decode(client, round, message));
                if (again.value() != null) {
                    throw fail("a message rejected once was accepted the second time");
                }
                FuzzChecks.checkBudget(this::where, budget, first, again);
            }
        } else {
            FuzzChecks.checkDecoded(this::where, layout, a.values(), false, target.carriesRawFloats());
            FuzzChecks.Watched<DecodedUpdate> second = FuzzChecks.watch(this::where, () -> twin.decode(client, round, message));
            if (second.value() == null) {
                throw fail("a second server with the same history rejected a message the first accepted");
            }
            if (!FuzzChecks.sameBits(a, second.value())) {
                throw fail("two servers with the same history decode a message differently");
            }
            FuzzChecks.checkBudget(this::where, budget, first, second);
        }
        for (int c : new int[] {0, 1, 2, FORGER}) {
            Optional<float[][]> x = server.latest(c);
            Optional<float[][]> y = twin.latest(c);
            if (x.isPresent() != y.isPresent() || (x.isPresent() && !FuzzChecks.sameBits(x.get(), y.get()))) {
                throw fail("latest values of client " + c + " differ from a server that never saw the rejected messages");
            }
        }
        return a;
    }

    private String where() {
        return target.id() + " step " + trace.size() + " " + trace;
    }

    private AssertionError fail(String what) {
        return new AssertionError(where() + ": " + what);
    }
}
