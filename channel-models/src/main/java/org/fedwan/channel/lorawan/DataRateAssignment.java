package org.fedwan.channel.lorawan;

import java.util.List;
import org.fedwan.channel.lora.SensitivityTable;

/**
 * Spreading-factor (data-rate) assignment by link budget: the fastest data rate whose gateway
 * sensitivity plus a margin lies at or below the received power, i.e. the lowest spreading
 * factor that closes the link. A device that closes no data rate gets the slowest one, as in
 * ns-3 {@code LorawanMacHelper::SetSpreadingFactorsUp}, which assigns the spreading factor from
 * the best gateway's received power with no margin.
 */
public final class DataRateAssignment {

    private DataRateAssignment() {
    }

    /**
     * @param region          the region (for the modulation of each data rate)
     * @param candidates      uplink data rate indices to choose from, ascending (e.g.
     *                        {@link Region#channelDataRates()})
     * @param rxPowerDbm      median received power at the best gateway, dBm
     * @param gatewayTable    gateway sensitivity
     * @param marginDb        required margin above sensitivity, dB
     * @return the highest candidate index that closes the link, or the lowest candidate if none does
     */
    public static int fastestClosing(Region region, List<Integer> candidates, double rxPowerDbm,
                                     SensitivityTable gatewayTable, double marginDb) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("region " + region.name() + ": no candidate data rates");
        }
        int best = -1;
        int slowest = Integer.MAX_VALUE;
        for (int index : candidates) {
            DataRate dr = region.dataRate(index);
            slowest = Math.min(slowest, index);
            double needed = gatewayTable.sensitivityDbm(dr.spreadingFactor(), dr.bandwidthHz()) + marginDb;
            if (rxPowerDbm >= needed && index > best) {
                best = index;
            }
        }
        return best >= 0 ? best : slowest;
    }
}
