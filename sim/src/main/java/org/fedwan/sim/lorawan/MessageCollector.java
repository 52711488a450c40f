package org.fedwan.sim.lorawan;

import java.util.OptionalInt;
import org.fedwan.channel.fragmentation.FecDecoder;
import org.fedwan.channel.fragmentation.FecLayout;
import org.fedwan.channel.lorawan.Reassembler;

/**
 * The receiving end of one fragmented uplink message, as the network server and the FL link keep
 * it: plain fragments ({@link Reassembler}) or FEC-coded ones ({@link FecDecoder}).
 */
interface MessageCollector {

    /**
     * @param frmPayload a fragment
     * @return true if it brought something new
     */
    boolean accept(byte[] frmPayload);

    /** @return true once the whole message is known */
    boolean isComplete();

    /** @return the message; only once {@link #isComplete()} */
    byte[] message();

    /** @return whether the plain fragment {@code index} arrived (FEC: whether the message is decoded) */
    boolean has(int index);

    /** @return the message's fragment count once known (plain: the last fragment seen; FEC: always) */
    OptionalInt fragmentCount();

    /** @return fragments still needed at least: missing plain fragments (1 while the count is unknown), or the FEC decoder's deficit */
    int deficit();

    /** @return the message tag */
    int tag();

    /** A collector of plain fragments, as {@link Reassembler}. */
    static MessageCollector plain(int tag) {
        Reassembler r = new Reassembler(tag);
        return new MessageCollector() {
            @Override
            public boolean accept(byte[] frmPayload) {
                return r.accept(frmPayload);
            }

            @Override
            public boolean isComplete() {
                return r.isComplete();
            }

            @Override
            public byte[] message() {
                return r.message();
            }

            @Override
            public boolean has(int index) {
                return r.has(index);
            }

            @Override
            public OptionalInt fragmentCount() {
                return r.expectedCount();
            }

            @Override
            public int deficit() {
                return r.lastSeen() ? r.missing().cardinality() : 1;
            }

            @Override
            public int tag() {
                return r.messageTag();
            }
        };
    }

    /** A collector of {@link FecLayout} fragments. */
    static MessageCollector fec(FecLayout layout, int tag) {
        FecDecoder decoder = new FecDecoder(layout, tag);
        return new MessageCollector() {
            @Override
            public boolean accept(byte[] frmPayload) {
                return decoder.accept(frmPayload);
            }

            @Override
            public boolean isComplete() {
                return decoder.isComplete();
            }

            @Override
            public byte[] message() {
                return decoder.message();
            }

            @Override
            public boolean has(int index) {
                return decoder.isComplete();
            }

            @Override
            public OptionalInt fragmentCount() {
                return OptionalInt.of(layout.uncodedFragments());
            }

            @Override
            public int deficit() {
                return decoder.deficit();
            }

            @Override
            public int tag() {
                return tag;
            }
        };
    }
}
