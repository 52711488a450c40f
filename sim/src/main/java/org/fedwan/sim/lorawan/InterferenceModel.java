package org.fedwan.sim.lorawan;

import org.fedwan.results.Labeled;

/** How overlapping uplinks affect each other at a gateway. */
public enum InterferenceModel implements Labeled {
    /**
     * LoRaSim's rule (Bor et al. 2016; {@code powerCollision}, {@code timingCollision}): frames on
     * the same channel and spreading factor, both above the gateway's sensitivity, that overlap
     * in time are judged pair by pair with the capture threshold and preamble rescue of
     * {@link NetworkSettings#captureRule()}; other spreading factors are orthogonal.
     */
    PAIRWISE("pairwise"),
    /**
     * ns-3 {@code lorawan}'s rule ({@code LoraInterferenceHelper}): every frame on the same
     * channel, heard or not, adds its energy over the overlap to the interference of its
     * spreading factor; a frame survives if its energy beats each sum by the Goursaud-Gorce
     * isolation ({@link org.fedwan.channel.reception.CumulativeInterference}), inter-SF
     * interference included.
     */
    CUMULATIVE("cumulative"),
    /** An idealised channel: no frame is lost to another (sensitivity and demodulators still apply). */
    NONE("none");

    private final String label;

    InterferenceModel(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
