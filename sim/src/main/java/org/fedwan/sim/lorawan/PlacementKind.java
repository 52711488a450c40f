package org.fedwan.sim.lorawan;

/** How devices are placed around the origin. */
public enum PlacementKind {
    /** Uniform in area in a disc of radius {@link NetworkSettings#radiusM()}. */
    DISC,
    /** Square grid with spacing {@link NetworkSettings#gridSpacingM()}, centred on the origin. */
    GRID,
    /** The coordinates in {@link NetworkSettings#devicePositions()}. */
    LISTED
}
