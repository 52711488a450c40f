package org.fedwan.sim.lorawan;

import java.util.ArrayList;
import java.util.List;

/** Records what a network reports, for assertions. */
final class Recorder implements NetworkListener {

    record Uplink(int device, long startUs, long endUs, int dataRate, int channel, int phyBytes, int attempt,
                  FrameOutcome outcome) {
    }

    record Downlink(int device, long startUs, long endUs, int window, int dataRate, int phyBytes, boolean received) {
    }

    final List<Uplink> uplinks = new ArrayList<>();
    final List<Downlink> downlinks = new ArrayList<>();
    final List<RefusalReason> refusals = new ArrayList<>();
    final List<int[]> dataRateChanges = new ArrayList<>();
    final List<Long> depletions = new ArrayList<>();
    final List<Boolean> messages = new ArrayList<>();

    @Override
    public void onUplink(LorawanDevice device, long startUs, long endUs, int dataRate, int channelIndex,
                         int phyPayloadBytes, int attempt, FrameOutcome outcome) {
        uplinks.add(new Uplink(device.index(), startUs, endUs, dataRate, channelIndex, phyPayloadBytes, attempt, outcome));
    }

    @Override
    public void onDownlink(LorawanDevice device, long startUs, long endUs, int window, int dataRate,
                           int phyPayloadBytes, boolean received) {
        downlinks.add(new Downlink(device.index(), startUs, endUs, window, dataRate, phyPayloadBytes, received));
    }

    @Override
    public void onRefused(LorawanDevice device, long nowUs, RefusalReason reason) {
        refusals.add(reason);
    }

    @Override
    public void onDataRateChanged(LorawanDevice device, long nowUs, int fromDataRate, int toDataRate) {
        dataRateChanges.add(new int[] {device.index(), fromDataRate, toDataRate});
    }

    @Override
    public void onBatteryDepleted(LorawanDevice device, long depletedAtUs) {
        depletions.add(depletedAtUs);
    }

    @Override
    public void onMessageEnded(LorawanDevice device, int messageTag, long nowUs, boolean delivered,
                               int fragmentsMissing) {
        messages.add(delivered);
    }

    List<Uplink> of(int device) {
        return uplinks.stream().filter(u -> u.device() == device).toList();
    }
}
