package org.fedwan.sim.results;

/**
 * One FL round. Bytes are PHY payload bytes on the air; energies are radio energies summed over
 * devices (uplink TX plus broadcast RX).
 *
 * @param round            round number, 1-based
 * @param startUs          engine time the round started
 * @param endUs            engine time the round ended (broadcast of the new model complete)
 * @param accuracy         test accuracy of the new global model
 * @param loss             mean test cross-entropy of the new global model
 * @param uplinkBytes      PHY bytes of the round's uplink frames
 * @param downlinkBytes    PHY bytes of the round's broadcast frames (each counted once)
 * @param uplinkFrames     uplink frames sent
 * @param downlinkFrames   broadcast frames sent
 * @param updateBytes      encoded update bytes of the updates that arrived in time
 * @param energyJ          radio energy of the round, all devices
 * @param clientsOk        clients whose update arrived before the deadline
 * @param clientsDropped   selected clients whose update did not
 * @param dutyCycleWaitUs  time devices spent waiting for their duty cycle, summed over devices
 * @param aggregatedAtUs   engine time the server aggregated
 */
public record RoundRecord(int round, long startUs, long endUs, double accuracy, double loss, long uplinkBytes,
        long downlinkBytes, int uplinkFrames, int downlinkFrames, long updateBytes, double energyJ, int clientsOk,
        int clientsDropped, long dutyCycleWaitUs, long aggregatedAtUs) {

    public long latencyUs() {
        return endUs - startUs;
    }
}
