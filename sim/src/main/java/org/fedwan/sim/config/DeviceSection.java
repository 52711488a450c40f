package org.fedwan.sim.config;

import java.util.List;

/**
 * The client devices whatever their radio: how fast they train, what training costs them, and
 * their battery.
 *
 * @param deviceMflops            median device training speed, MFLOP/s
 * @param deviceSpeedSigma        sigma of the log-normal spread of device speeds (0 = identical devices)
 * @param computeEnergyMjPerMflop training energy per MFLOP, mJ
 * @param batteryCapacityJ        battery per device, J; 0 = unlimited
 */
public record DeviceSection(double deviceMflops, double deviceSpeedSigma, double computeEnergyMjPerMflop,
        double batteryCapacityJ) {

    public static final Section<DeviceSection> SECTION = new Section<>("devices",
            "the client devices: training speed, training energy and battery", DeviceSection.class, List.of(
            Key.of("device_mflops", Types.number(0, false, 1e9), 50.0,
                    "median device training speed in MFLOP/s (training = 3 x forward FLOPs per sample)"),
            Key.of("device_speed_sigma", Types.number(0, true, 10), 0.6,
                    "sigma of the log-normal spread of device speeds (0 = identical devices)"),
            Key.of("compute_energy_mj_per_mflop", Types.number(0, true, 1e6), 0.5,
                    "training energy per MFLOP, mJ (lpwan-facts C(b): 0.33-1.3 for a Cortex-M4F class MCU; "
                            + "training = 3 x forward FLOPs)"),
            Key.of("battery_capacity_j", Types.number(0, true, 1e9), 0.0,
                    "battery per device in J (2400 mAh at 3.3 V = 28512 J); 0 = unlimited; an empty device stops and is no "
                            + "longer selected")));
}
