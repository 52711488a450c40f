package org.fedwan.results;

/**
 * One device at the end of a run: its energy by state of the ledger (the sum of its rows of
 * {@code energy.csv}) and its waiting times: a row of {@code devices.csv}.
 *
 * @param device          device id
 * @param dataRate        uplink data rate index at the end of the run (-1: not LoRaWAN)
 * @param energy          energy by state over the run, J
 * @param txUs            time transmitting
 * @param rxUs            time receiving (windows and listening)
 * @param dutyCycleWaitUs time waiting for the duty cycle
 * @param fairUseWaitUs   time waiting for the daily fair-use budget
 * @param depletedAtUs    when the battery emptied, or -1
 * @param protocol        the link protocol's name, e.g. {@code lorawan}
 */
public record DeviceRecord(String device, int dataRate, EnergyBreakdown energy, long txUs, long rxUs, long dutyCycleWaitUs,
        long fairUseWaitUs, long depletedAtUs, String protocol) {

    /** Energy over every state, J. */
    public double totalJ() {
        return energy.total();
    }
}
