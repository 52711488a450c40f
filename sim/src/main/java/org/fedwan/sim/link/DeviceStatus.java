package org.fedwan.sim.link;

/**
 * One device at the end of a run, besides its energy (which the ledger holds): what a link
 * knows of it.
 *
 * @param client          the client
 * @param dataRate        uplink data rate index at the end of the run (-1: not LoRaWAN)
 * @param txUs            time transmitting, µs
 * @param rxUs            time receiving (windows and listening), µs
 * @param dutyCycleWaitUs time waiting for the duty cycle, µs
 * @param fairUseWaitUs   time waiting for the daily fair-use budget, µs
 * @param depletedAtUs    when the battery emptied, µs, or -1
 * @param protocol        the protocol's name
 */
public record DeviceStatus(int client, int dataRate, long txUs, long rxUs, long dutyCycleWaitUs, long fairUseWaitUs,
        long depletedAtUs, String protocol) {
}
