package org.fedwan.sim.lorawan;

/** How overlapping uplinks affect each other at a gateway. */
public enum InterferenceModel {
    /**
     * LoRaSim rule: frames on the same channel and spreading factor that overlap in time collide;
     * capture threshold and preamble rescue from {@link NetworkSettings#captureRule()}.
     */
    CAPTURE,
    /** An idealised channel: no frame is lost to another (sensitivity and demodulators still apply). */
    NONE
}
