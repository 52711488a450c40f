package org.fedwan.sim.lorawan;

import org.fedwan.results.Labeled;

/**
 * How an FL client's update survives lost fragments (scenario key {@code fragment_recovery}).
 * {@code none} is {@link FragmentLossPolicy}'s own behaviour (by default a lost fragment loses the
 * update); {@code arq} and {@code fec} are real protocols whose every frame is charged.
 */
public enum FragmentRecovery implements Labeled {
    /** No recovery beyond {@link FragmentLossPolicy}: by default one lost fragment loses the update. */
    NONE("none"),
    /**
     * Selective repeat: after each pass the network server answers the pass's last frame with a
     * downlink listing the missing fragments ({@link FragmentFeedback}), and the device resends
     * them, up to {@code arq_max_rounds} rounds.
     */
    ARQ("arq"),
    /**
     * Forward erasure correction in the style of LoRa Alliance TS004: coded fragments follow the
     * update's fragments and the server decodes once enough fragments of any kind arrived
     * ({@link org.fedwan.channel.fragmentation.FecDecoder}).
     */
    FEC("fec");

    private final String label;

    FragmentRecovery(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
