package org.fedwan.channel.propagation;

/**
 * Link budget: {@code Prx = Ptx + Gtx + Grx - PL - X} in dBm, with {@code PL} the median path
 * loss and {@code X} the shadowing draw (lpwan-facts A7; as in LoRaSim, FLoRa and ns-3).
 */
public final class LinkBudget {

    private LinkBudget() {
    }

    /**
     * @param txPowerDbm        transmit power at the antenna port in dBm
     * @param txAntennaGainDbi  transmitter antenna gain in dBi
     * @param rxAntennaGainDbi  receiver antenna gain in dBi
     * @param pathLossDb        median path loss in dB
     * @param shadowingDb       shadowing draw in dB (positive = extra loss)
     * @return received power in dBm
     */
    public static double rxPowerDbm(double txPowerDbm, double txAntennaGainDbi, double rxAntennaGainDbi,
                                    double pathLossDb, double shadowingDb) {
        return txPowerDbm + txAntennaGainDbi + rxAntennaGainDbi - pathLossDb - shadowingDb;
    }

    /**
     * @param rxPowerDbm     received power in dBm
     * @param sensitivityDbm receiver sensitivity in dBm
     * @return link margin in dB; the frame is received above sensitivity when it is at least 0
     */
    public static double marginDb(double rxPowerDbm, double sensitivityDbm) {
        return rxPowerDbm - sensitivityDbm;
    }

    /**
     * @param txPowerDbm       transmit power in dBm
     * @param antennaGainsDbi  sum of both antenna gains in dBi
     * @param sensitivityDbm   receiver sensitivity in dBm
     * @return the largest path loss the link tolerates, in dB
     */
    public static double maxPathLossDb(double txPowerDbm, double antennaGainsDbi, double sensitivityDbm) {
        return txPowerDbm + antennaGainsDbi - sensitivityDbm;
    }
}
