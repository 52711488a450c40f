package org.fedwan.sim.lorawan;

import org.fedwan.results.Labeled;

/** How devices are placed around the origin. */
public enum PlacementKind implements Labeled {
    /** Uniform in area in a disc of radius {@link NetworkSettings#radiusM()}. */
    DISC("disc"),
    /** Square grid with spacing {@link NetworkSettings#gridSpacingM()}, centred on the origin. */
    GRID("grid"),
    /** The coordinates in {@link NetworkSettings#devicePositions()}. */
    LISTED("listed");

    private final String label;

    PlacementKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
