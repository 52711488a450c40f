package org.fedwan.sim.lorawan;

import java.util.List;
import org.fedwan.channel.lora.SensitivityTable;
import org.fedwan.channel.lorawan.Region;
import org.fedwan.channel.propagation.FreeSpacePathLoss;
import org.fedwan.channel.propagation.LogDistancePathLoss;
import org.fedwan.channel.propagation.Position;
import org.fedwan.sim.kernel.Simulation;

/** Small hand-built networks for the engine tests. */
final class Nets {

    /** EU868 with only its first default channel, so that frames meet on one channel: a region is data. */
    static final Region EU868_ONE_CHANNEL = oneChannel(Region.EU868);

    private Nets() {
    }

    static Region oneChannel(Region r) {
        return new Region(r.name() + "-1ch", r.dataRates(), r.repeaterCompatibleMaxFrmPayloadBytes(),
                r.defaultDutyCycle(), r.maxEirpDbm(), r.dwellTimeLimitUs(), r.downlinkOnlyDataRates(), r.subBands(),
                List.of(r.defaultChannels().get(0)), r.rx1DataRateTable(), r.rx1DownlinkFrequenciesHz(),
                r.rx2FrequencyHz(), r.rx2DataRateIndex());
    }

    /**
     * Free space, no shadowing, one channel, devices at the listed positions, fixed DR5 (SF7), and
     * the gateway-sx1301 table (-126.5 ... -139.5 dBm) the tests' distances were chosen for.
     */
    static NetworkSettings.Builder freeSpace(Position... devices) {
        NetworkSettings.Builder b = NetworkSettings.builder();
        b.region = EU868_ONE_CHANNEL;
        b.placement = PlacementKind.LISTED;
        b.devicePositions = List.of(devices);
        b.pathLoss = FreeSpacePathLoss.AT_868_MHZ;
        b.shadowingSigmaDb = 0.0;
        b.sfPolicy = SfPolicy.FIXED;
        b.fixedDataRate = 5;
        b.batteryCapacityJ = Double.POSITIVE_INFINITY;
        b.gatewaySensitivity = SensitivityTable.GATEWAY_SX1301;
        return b;
    }

    /** Bor log-distance, no shadowing, devices at the listed positions, link-budget SF. */
    static NetworkSettings.Builder bor(Position... devices) {
        NetworkSettings.Builder b = freeSpace(devices);
        b.pathLoss = LogDistancePathLoss.BOR_2016;
        b.sfPolicy = SfPolicy.LINK_BUDGET;
        return b;
    }

    static Position at(double xM) {
        return new Position(xM, 0.0);
    }

    static LorawanNetwork build(Simulation model, NetworkSettings.Builder b, Recorder recorder) {
        LorawanNetwork net = new LorawanNetwork(model, b.build(), b.devicePositions.size());
        net.addListener(recorder);
        return net;
    }

    static void offerAt(Simulation model, LorawanDevice d, long timeUs, int bytes) {
        model.scheduler().schedule(timeUs, 0, () -> d.offerPacket(bytes));
    }
}
