package org.fedwan.sim.federation;

/**
 * Totals of a finished run.
 *
 * @param rounds          rounds completed
 * @param simTimeUs       engine time at the end of the last round
 * @param finalAccuracy   test accuracy after the last round
 * @param finalLoss       test loss after the last round
 * @param uplinkBytes     PHY bytes of all uplink frames
 * @param downlinkBytes   PHY bytes of all broadcast frames
 * @param uplinkFrames    uplink frames sent
 * @param downlinkFrames  broadcast frames sent
 * @param updateBytes     encoded update bytes that arrived
 * @param energyJ         radio energy of all devices
 * @param eventsProcessed kernel events fired
 * @param parameterCount  parameters of the model
 * @param updateMessageBytes size of one encoded client update
 */
public record RunSummary(int rounds, long simTimeUs, double finalAccuracy, double finalLoss, long uplinkBytes,
        long downlinkBytes, long uplinkFrames, long downlinkFrames, long updateBytes, double energyJ, long eventsProcessed,
        long parameterCount, long updateMessageBytes) {
}
