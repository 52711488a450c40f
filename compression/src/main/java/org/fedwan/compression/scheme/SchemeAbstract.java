package org.fedwan.compression.scheme;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.fedwan.compression.BitBreakdown;
import org.fedwan.compression.BitReader;
import org.fedwan.compression.BitWriter;
import org.fedwan.compression.CodecOptions;
import org.fedwan.compression.Integrity;
import org.fedwan.compression.MalformedMessageException;
import org.fedwan.compression.ModelLayout;
import org.fedwan.compression.SideKind;

/**
 * Base of every scheme (family naming as in CloudSim Plus: {@code Scheme}, {@code SchemeAbstract}):
 * it holds the scenario name, the options in force, the layout and the quantity, and turns a
 * scheme's {@link Encoding} and {@link Decoding} into {@link ClientEncoder} and
 * {@link ServerDecoder} with the frame every message shares (package documentation): a CRC-32
 * ({@link Integrity}) first, checked before anything else is read, then the scheme's header and
 * layers, then at most 7 zero bits of padding. A scheme is then its options (read in its
 * constructor), its encoder and its decoder.
 *
 * <p>The client side checks each round's values against the layout before the scheme sees them.
 * The server side verifies the CRC-32, lets the scheme read and check the message, checks that
 * nothing but zero padding follows, and only then lets the scheme change its state.
 */
abstract class SchemeAbstract implements Scheme {

    private final String name;
    private final ModelLayout layout;
    private final Quantity quantity;
    private final Supplier<Map<String, String>> options;

    /**
     * A scheme that reads its options from {@code options}, starting with the common
     * {@code quantity}.
     *
     * @param options the scheme's options; the subclass reads the rest in its constructor and the
     *                registry checks afterwards that none is unknown. After that nothing reads
     *                them again, so {@link #options()} gives what was in force at construction.
     */
    SchemeAbstract(String name, ModelLayout layout, CodecOptions options, Quantity defaultQuantity, List<Quantity> allowed) {
        this(name, layout, Common.quantity(options, defaultQuantity, allowed), options::resolved);
    }

    /** A scheme whose quantity and options are given (a decorator takes its inner scheme's). */
    SchemeAbstract(String name, ModelLayout layout, Quantity quantity, Supplier<Map<String, String>> options) {
        this.name = name;
        this.layout = layout;
        this.quantity = quantity;
        this.options = options;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Map<String, String> options() {
        return options.get();
    }

    @Override
    public final ModelLayout layout() {
        return layout;
    }

    @Override
    public final Quantity quantity() {
        return quantity;
    }

    /** 1: the message is the same every round; layer-wise and refreshing schemes override it. */
    @Override
    public int cycleRounds() {
        return 1;
    }

    /** One client's side: holds the client's state and encodes one round. */
    @FunctionalInterface
    interface Encoding {

        /**
         * Encodes one round; the values already fit the layout. Ends with
         * {@link SchemeAbstract#sealed} or, for an upload the client skips,
         * {@link SchemeAbstract#skipped}.
         */
        EncodedUpdate encode(RoundInput input);
    }

    /** The server's side: holds per-client state where the scheme needs it. */
    interface Decoding {

        /**
         * Reads one message whose CRC-32 matched, from {@code in} positioned after the CRC: checks
         * the length the header implies ({@link SchemeAbstract#checkLength}) and every field, and
         * changes no state. The returned step runs once the message is known to end there: it
         * updates the state and gives the decoded update.
         *
         * @param messageBytes length of the whole message, CRC included
         * @throws MalformedMessageException naming what is wrong
         */
        Supplier<DecodedUpdate> read(int clientId, int round, BitReader in, int messageBytes);

        /** As {@link ServerDecoder#latest}. */
        default Optional<float[][]> latest(int clientId) {
            return Optional.empty();
        }
    }

    /**
     * A new client's encoder.
     *
     * @param random the client's stream for stochastic rounding and selection; deterministic
     *               schemes never draw from it
     */
    abstract Encoding encoder(int clientId, RandomGenerator random);

    /** A new server's decoder. */
    abstract Decoding decoder();

    @Override
    public final ClientEncoder newClient(int clientId, RandomGenerator random) {
        Encoding encoding = encoder(clientId, random);
        return new ClientEncoder() {
            @Override
            public int clientId() {
                return clientId;
            }

            @Override
            public EncodedUpdate encode(RoundInput input) {
                layout.checkValues(input.values());
                return encoding.encode(input);
            }
        };
    }

    @Override
    public final ServerDecoder newServer() {
        Decoding decoding = decoder();
        return new ServerDecoder() {
            @Override
            public DecodedUpdate decode(int clientId, int round, byte[] message) {
                BitReader in = Integrity.open(message, name);
                Supplier<DecodedUpdate> accept = decoding.read(clientId, round, in, message.length);
                in.expectEnd();
                return accept.get();
            }

            @Override
            public Optional<float[][]> latest(int clientId) {
                return decoding.latest(clientId);
            }
        };
    }

    // ---- the message frame

    /** A message of {@code layers} after {@code headerBits} of header fields and the CRC-32. */
    static MessageBits message(List<LayerBits> layers, long headerBits) {
        return new MessageBits(layers, BitBreakdown.side(SideKind.HEADER, headerBits).plusSide(SideKind.CHECK,
                Integrity.CHECK_BITS));
    }

    /** A writer for the message {@code bits} describes, positioned after its CRC-32. */
    static BitWriter writer(MessageBits bits) {
        return Integrity.writer(bits.bodyBits());
    }

    /** The finished message: CRC-32 filled in, carrying the layers {@code bits} lists. */
    static EncodedUpdate sealed(int clientId, int round, MessageBits bits, BitWriter body) {
        int[] layers = new int[bits.layers().size()];
        for (int i = 0; i < layers.length; i++) {
            layers[i] = bits.layers().get(i).layer();
        }
        return new EncodedUpdate(clientId, round, Integrity.seal(body), layers, bits);
    }

    /** An upload the client skips: no bytes at all (SLAQ). */
    static EncodedUpdate skipped(int clientId, int round) {
        return new EncodedUpdate(clientId, round, new byte[0], new int[0], MessageBits.NONE);
    }

    /**
     * Checks that a message is as long as {@code bits} says.
     *
     * @param what which form of the message, for the error text (e.g. {@code for layer 2}); empty
     *             if it has one form only
     * @throws MalformedMessageException naming the expected and the actual length
     */
    final void checkLength(MessageBits bits, int messageBytes, String what) {
        long expected = bits.totalBytes();
        if (messageBytes != expected) {
            throw new MalformedMessageException(name + " message" + (what.isEmpty() ? "" : " " + what) + " must be " + expected
                    + " bytes, got " + messageBytes + (messageBytes < expected ? " (truncated)" : ""));
        }
    }
}
