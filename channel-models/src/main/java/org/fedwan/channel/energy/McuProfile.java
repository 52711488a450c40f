package org.fedwan.channel.energy;

import java.util.List;
import java.util.Objects;

/**
 * Current draw of the device's microcontroller, active and asleep, at the radio's supply voltage.
 *
 * <p>{@link #LOW_POWER_MCU}: an STM32L-class Cortex-M at 32 MHz, active 3.2 mA
 * (100 µA/MHz x 32 MHz, lpwan-facts C(b), [U]) and asleep 2 µA (stop mode with RTC, [U]); both
 * are configurable defaults, not verified figures. {@link #NONE} leaves the MCU out.
 *
 * @param name           profile name
 * @param activeCurrentA current while active, A, at least 0
 * @param sleepCurrentA  current while asleep, A, at least 0
 */
public record McuProfile(String name, double activeCurrentA, double sleepCurrentA) {

    /** STM32L-class MCU, 3.2 mA active, 2 µA asleep [U]. */
    public static final McuProfile LOW_POWER_MCU = new McuProfile("low-power-mcu", 3.2e-3, 2e-6);
    /** No MCU energy (radio only, as LoRaSim, FLoRa and ns-3 count it). */
    public static final McuProfile NONE = new McuProfile("none", 0.0, 0.0);
    /** All built-in profiles. */
    public static final List<McuProfile> ALL = List.of(LOW_POWER_MCU, NONE);

    /** Validates every field. */
    public McuProfile {
        Objects.requireNonNull(name, "name is null");
        if (!(activeCurrentA >= 0.0) || !Double.isFinite(activeCurrentA)) {
            throw new IllegalArgumentException("mcu " + name + ": activeCurrentA = " + activeCurrentA
                    + " is not allowed; allowed: finite and >= 0");
        }
        if (!(sleepCurrentA >= 0.0) || !Double.isFinite(sleepCurrentA)) {
            throw new IllegalArgumentException("mcu " + name + ": sleepCurrentA = " + sleepCurrentA
                    + " is not allowed; allowed: finite and >= 0");
        }
    }

    /**
     * @param name e.g. "low-power-mcu"
     * @return the built-in profile, ignoring case
     */
    public static McuProfile byName(String name) {
        for (McuProfile p : ALL) {
            if (p.name.equalsIgnoreCase(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("mcu profile = " + name + " is not known; allowed: "
                + ALL.stream().map(McuProfile::name).toList() + " (case-insensitive)");
    }
}
