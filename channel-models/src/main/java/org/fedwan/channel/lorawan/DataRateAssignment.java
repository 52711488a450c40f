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
        return new Thresholds(region, candidates, gatewayTable, marginDb).fastestClosing(rxPowerDbm);
    }

    /**
     * {@link #fastestClosing} for many devices of one network: each candidate's required power (its
     * sensitivity plus the margin) looked up once.
     */
    public static final class Thresholds {
        private final int[] candidates;
        private final double[] neededDbm;
        private final int slowest;

        /**
         * @param region     the region (for the modulation of each data rate)
         * @param candidates uplink data rate indices to choose from
         * @param table      the sensitivity table
         * @param marginDb   required margin above sensitivity, dB
         */
        public Thresholds(Region region, List<Integer> candidates, SensitivityTable table, double marginDb) {
            if (candidates.isEmpty()) {
                throw new IllegalArgumentException("region " + region.name() + ": no candidate data rates");
            }
            this.candidates = candidates.stream().mapToInt(Integer::intValue).toArray();
            this.neededDbm = new double[this.candidates.length];
            int lowest = Integer.MAX_VALUE;
            for (int k = 0; k < this.candidates.length; k++) {
                DataRate dr = region.dataRate(this.candidates[k]);
                lowest = Math.min(lowest, this.candidates[k]);
                neededDbm[k] = table.sensitivityDbm(dr.spreadingFactor(), dr.bandwidthHz()) + marginDb;
            }
            this.slowest = lowest;
        }

        /**
         * @param rxPowerDbm median received power at the best gateway, dBm
         * @return the highest candidate index that closes the link, or the lowest candidate if none does
         */
        public int fastestClosing(double rxPowerDbm) {
            int best = -1;
            for (int k = 0; k < candidates.length; k++) {
                if (rxPowerDbm >= neededDbm[k] && candidates[k] > best) {
                    best = candidates[k];
                }
            }
            return best >= 0 ? best : slowest;
        }
    }
}
