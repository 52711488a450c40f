package org.fedwan.results;

/** How one selected client's update fared in one round, as written in {@code clients.csv}. */
public enum ClientOutcome implements Labeled {
    /** The update arrived before the round closed and was aggregated. */
    OK("ok"),
    /** A lazy scheme decided to send nothing this round. */
    SKIPPED("skipped"),
    /** The update missed the round; it is still on its way and joins a later aggregation ({@code late_updates: next-round}). */
    LATE("late"),
    /** A late update of an earlier round that joined this round's aggregation (an extra row). */
    LATE_USED("late-used"),
    /** The round closed while the client was still training. */
    DROPPED_COMPUTING("dropped-computing"),
    /** The round closed while the client was still sending. */
    DROPPED_SENDING("dropped-sending"),
    /** The client dropped out of the round ({@code dropout_probability}): it trained and sent nothing. */
    DROPPED_OUT("dropped-out"),
    /** Every frame was sent, but the network never held the whole update. */
    LOST("lost");

    private final String label;

    ClientOutcome(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
