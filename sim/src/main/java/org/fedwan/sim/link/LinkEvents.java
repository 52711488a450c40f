package org.fedwan.sim.link;

import org.fedwan.results.EnergyState;
import org.fedwan.results.FrameOutcome;

/**
 * What links report as they work, protocol-neutrally (ns-3's trace sources): frames with their
 * bytes, energy and outcome, and energy spent outside frames. The round controller turns these
 * into the run's tables; links keep no history.
 */
public interface LinkEvents {

    /**
     * An uplink frame (or transport block) of client {@code client} ended.
     *
     * @param fragment  index of the fragment in its message
     * @param phyBytes  bytes on the air
     * @param frmBytes  application payload (fragment header + data), 0 where the protocol has no such split
     * @param energyJ   the device's transmit energy for the frame, J (its share of the ledger's tx energy)
     * @param outcome   what became of it (never {@link FrameOutcome#LATE}: the controller decides that)
     */
    void uplinkFrame(int client, int fragment, long startUs, long endUs, int phyBytes, int frmBytes, double energyJ,
            FrameOutcome outcome);

    /** A broadcast transmission of {@code phyBytes} went on the air (counted once, whatever the receivers). */
    void broadcastSent(long phyBytes);

    /** Client {@code client}'s device received a broadcast frame, spending {@code energyJ} (a share of the ledger's listen energy). */
    void downlinkFrame(int client, int fragment, long startUs, long endUs, int phyBytes, int frmBytes, double energyJ);

    /**
     * A unicast downlink frame to client {@code client}'s device ended (a LoRaWAN ARQ feedback), received
     * or not: {@code energyJ} is the receive energy of the window the device listened. The default
     * records a received frame as {@link #downlinkFrame(int, int, long, long, int, int, double)} does and
     * drops a lost one: a recorder that writes lost downlinks overrides it.
     *
     * @param outcome {@link FrameOutcome#RECEIVED}, or why the device did not receive it
     */
    default void downlinkFrame(int client, int fragment, long startUs, long endUs, int phyBytes, int frmBytes,
            double energyJ, FrameOutcome outcome) {
        if (outcome == FrameOutcome.RECEIVED) {
            downlinkFrame(client, fragment, startUs, endUs, phyBytes, frmBytes, energyJ);
        }
    }

    /**
     * Client {@code client}'s device spent {@code energyJ} in {@code state} over {@code [startUs,
     * endUs]}: the energy ledger. Every joule a device spends is reported once, by
     * {@link LinkGroup#reportEnergy}.
     *
     * @param txPowerDbm the transmit power, for {@link EnergyState#TX}; NaN otherwise
     */
    void energy(int client, EnergyState state, long startUs, long endUs, double energyJ, double txPowerDbm);
}
