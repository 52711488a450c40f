package org.fedwan.results;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * One FL round. Bytes are bytes on the air; the energy is every joule every device spent in the
 * round, by state of the ledger.
 *
 * @param round            round number, 1-based
 * @param startUs          engine time the round started
 * @param endUs            engine time the round ended (broadcast of the new model complete)
 * @param accuracy         test accuracy of the new global model, NaN in a round without evaluation
 * @param loss             mean test cross-entropy of the new global model, NaN in a round without evaluation
 * @param uplinkBytes      PHY bytes of the round's uplink frames
 * @param downlinkBytes    PHY bytes of the round's broadcast frames (each counted once)
 * @param uplinkFrames     uplink frames sent
 * @param downlinkFrames   broadcast frames sent
 * @param updateBytes      encoded update bytes of the updates that arrived in time
 * @param energy           all the energy of the round, all devices, by state of the ledger
 * @param clientsOk        clients whose update arrived before the deadline
 * @param clientsDropped   selected clients whose update did not
 * @param dutyCycleWaitUs  time devices spent waiting for their duty cycle, summed over devices
 * @param aggregatedAtUs   engine time the server aggregated
 * @param trainLoss        mean training cross-entropy of the new global model on the training-evaluation subset, NaN if not measured
 * @param trainAccuracy    its accuracy on that subset, NaN if not measured
 * @param gradientNorm     L2 norm of the full gradient of the training loss on that subset, NaN if not measured
 * @param lateUpdates      updates of earlier rounds that joined this round's aggregation (late_updates: next-round)
 * @param lost             selected clients whose update did not arrive in time, by cause
 */
public record RoundRecord(int round, long startUs, long endUs, double accuracy, double loss, long uplinkBytes,
        long downlinkBytes, int uplinkFrames, int downlinkFrames, long updateBytes, EnergyBreakdown energy, int clientsOk,
        int clientsDropped, long dutyCycleWaitUs, long aggregatedAtUs, double trainLoss, double trainAccuracy,
        double gradientNorm, int lateUpdates, Map<LossCause, Integer> lost) {

    public RoundRecord {
        EnumMap<LossCause, Integer> copy = new EnumMap<>(LossCause.class);
        copy.putAll(lost);
        lost = Collections.unmodifiableMap(copy);
    }

    /** All the energy devices spent in the round, J: the sum of its rows of {@code energy.csv}. */
    public double energyJ() {
        return energy.total();
    }

    /** Selected clients whose update did not arrive in time for {@code cause}. */
    public int lost(LossCause cause) {
        return lost.getOrDefault(cause, 0);
    }

    /** Selected clients whose update did not arrive in time, whatever the cause. */
    public int lostUpdates() {
        int sum = 0;
        for (int n : lost.values()) {
            sum += n;
        }
        return sum;
    }

    public long latencyUs() {
        return endUs - startUs;
    }
}
