package org.fedwan.sim.nbiot;

import org.fedwan.channel.nbiot.PowerState;

/**
 * Typed hooks of an NB-IoT run (style guide 11): energy as it is spent, blocks, deliveries,
 * random-access attempts and failures. Every method has an empty default; entities keep no
 * history, the listener decides what to keep.
 */
public interface NbiotListener {

    /** A listener that ignores everything. */
    NbiotListener NONE = new NbiotListener() { };

    /**
     * The device spent {@code energyJ} in {@code state} over {@code [startUs, endUs]}. Intervals of
     * one device never overlap, except broadcast reception, reported as the extra energy of RX over
     * the state the device was in.
     */
    default void onEnergy(NbiotDevice device, PowerState state, long startUs, long endUs, double energyJ) {
    }

    /** An uplink transport block of {@code tbsBits} was sent on NPUSCH over {@code [startUs, endUs]}. */
    default void onUplinkBlock(NbiotDevice device, int tbsBits, long startUs, long endUs) {
    }

    /**
     * A data block of {@code tbsBits} was in error (uplink NPUSCH or downlink NPDSCH over
     * {@code [startUs, endUs]}); its bits go again in the next cycle.
     */
    default void onBlockError(NbiotDevice device, boolean uplink, int tbsBits, long startUs, long endUs) {
    }

    /** A random-access attempt ended: {@code success} false after a preamble collision. */
    default void onRandomAccess(NbiotDevice device, int attempt, boolean success, long atUs) {
    }

    /** The whole uplink message arrived at the eNB ({@code requestedUs}: when {@code send} was called). */
    default void onMessageDelivered(NbiotDevice device, int messageTag, int messageBytes, long requestedUs,
            long deliveredUs) {
    }

    /** A downlink message (unicast, or broadcast when {@code broadcast}) arrived at the device. */
    default void onDownlinkDelivered(NbiotDevice device, long messageBytes, long requestedUs, long deliveredUs,
            boolean broadcast) {
    }

    /** Something failed; see {@link NbiotFailure}. */
    default void onFailure(NbiotDevice device, NbiotFailure failure, long atUs) {
    }

    /** The device changed its RRC-level state. */
    default void onStateChange(NbiotDevice device, NbiotDeviceState from, NbiotDeviceState to, long atUs) {
    }
}
