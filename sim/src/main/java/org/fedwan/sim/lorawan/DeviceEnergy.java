package org.fedwan.sim.lorawan;

import org.fedwan.channel.energy.EnergyMeter;
import org.fedwan.channel.energy.RadioState;

/**
 * Energy of one device per radio state and for its MCU, at one moment.
 *
 * @param sleepJ        radio asleep, J
 * @param standbyJ      radio in standby, J
 * @param txJ           radio transmitting, J
 * @param rxJ           radio receiving in receive windows, J
 * @param listenJ       radio listening for class C multicast, J
 * @param mcuJ          MCU active and asleep, J
 * @param txTimeUs      time transmitting, µs
 * @param rxTimeUs      time receiving (windows and listening), µs
 * @param depletedAtUs  when the battery emptied, µs, or {@link Long#MAX_VALUE}
 */
public record DeviceEnergy(double sleepJ, double standbyJ, double txJ, double rxJ, double listenJ, double mcuJ,
                           long txTimeUs, long rxTimeUs, long depletedAtUs) {

    static DeviceEnergy of(EnergyMeter m, long depletedAtUs) {
        return new DeviceEnergy(m.radioEnergyJ(RadioState.SLEEP), m.radioEnergyJ(RadioState.STANDBY),
                m.radioEnergyJ(RadioState.TX), m.radioEnergyJ(RadioState.RX), m.radioEnergyJ(RadioState.LISTEN), m.mcuEnergyJ(),
                m.radioTimeUs(RadioState.TX), m.radioTimeUs(RadioState.RX) + m.radioTimeUs(RadioState.LISTEN), depletedAtUs);
    }

    /** @return radio energy over all states, J */
    public double radioJ() {
        return sleepJ + standbyJ + txJ + rxJ + listenJ;
    }

    /** @return radio plus MCU energy, J */
    public double totalJ() {
        return radioJ() + mcuJ;
    }
}
