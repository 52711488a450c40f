package org.fedwan.sim.federation;

import java.util.Map;
import org.fedwan.results.EnergyBreakdown;
import org.fedwan.results.LossCause;
import org.fedwan.sim.link.BackgroundReport;

/**
 * Totals of a finished run.
 *
 * @param rounds             rounds completed
 * @param simTimeUs          engine time at the end of the last round
 * @param finalAccuracy      test accuracy after the last round
 * @param finalLoss          test loss after the last round
 * @param uplinkBytes        bytes of all uplink frames on the air
 * @param downlinkBytes      bytes of all broadcast frames on the air
 * @param uplinkFrames       uplink frames sent
 * @param downlinkFrames     broadcast frames sent
 * @param updateBytes        encoded update bytes that arrived in time
 * @param energy             every joule every device spent, by state of the ledger
 * @param eventsProcessed    kernel events fired
 * @param parameterCount     parameters of the model
 * @param updateMessageBytes size of one encoded client update
 * @param lost               updates that did not arrive in time, by cause
 * @param background         the background sensors' packets and energy, apart from {@code energy}
 *                           ({@link BackgroundReport#NONE} without sensors)
 */
public record RunSummary(int rounds, long simTimeUs, double finalAccuracy, double finalLoss, long uplinkBytes,
        long downlinkBytes, long uplinkFrames, long downlinkFrames, long updateBytes, EnergyBreakdown energy,
        long eventsProcessed, long parameterCount, long updateMessageBytes, Map<LossCause, Integer> lost,
        BackgroundReport background) {

    public RunSummary {
        lost = Map.copyOf(lost);
    }

    /** Every joule every device spent, J. */
    public double energyJ() {
        return energy.total();
    }

    /** Updates that did not arrive in time, whatever the cause. */
    public int lostUpdates() {
        return lost.values().stream().mapToInt(Integer::intValue).sum();
    }
}
