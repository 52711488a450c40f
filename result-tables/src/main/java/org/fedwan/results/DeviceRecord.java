package org.fedwan.results;

/**
 * One device's energy by state and waiting times at the end of a run (from its radio state
 * machine and MCU meter; includes receive windows, listening and sleep, unlike the per-frame
 * energies of {@link FrameRecord}): a row of {@code devices.csv}.
 *
 * @param device          device id
 * @param dataRate        uplink data rate index at the end of the run
 * @param txJ             radio energy transmitting
 * @param rxJ             radio energy receiving (windows, multicast listening)
 * @param standbyJ        radio energy in standby
 * @param sleepJ          radio energy asleep
 * @param mcuJ            microcontroller energy (training counted as active)
 * @param txUs            time transmitting
 * @param rxUs            time receiving
 * @param dutyCycleWaitUs time waiting for the duty cycle
 * @param fairUseWaitUs   time waiting for the daily fair-use budget
 * @param depletedAtUs    when the battery emptied, or -1
 * @param protocol        the link protocol's name, e.g. {@code lorawan}
 */
public record DeviceRecord(String device, int dataRate, double txJ, double rxJ, double standbyJ, double sleepJ, double mcuJ,
        long txUs, long rxUs, long dutyCycleWaitUs, long fairUseWaitUs, long depletedAtUs, String protocol) {

    public double totalJ() {
        return txJ + rxJ + standbyJ + sleepJ + mcuJ;
    }
}
