package org.fedwan.sim.nbiot;

import java.util.Objects;
import org.fedwan.channel.nbiot.NbiotPowerProfile;
import org.fedwan.channel.nbiot.PowerSavingConfig;

/**
 * Per-device settings of an NB-IoT device: module power profile, power-saving timers, battery
 * and random-access retry behaviour.
 *
 * @param profile             module power profile
 * @param powerSaving         release, DRX/eDRX and PSM timers
 * @param batteryJ            battery energy, J, greater than 0 ({@code +Infinity}: no battery limit);
 *                            default 18 000 J = 5 Wh (TR 45.820) [V]
 * @param maxPreambleAttempts preamble attempts per connection before giving up: 3, 4, 5, 6, 7, 8
 *                            or 10 (TS 36.331 {@code maxNumPreambleAttemptCE}) [V]; default 10 [U]
 * @param backoffUs           random-access backoff: a collided device waits a uniform time in
 *                            {@code [0, backoffUs)} before its next attempt; the NB-IoT backoff
 *                            indicator ranges 0-524 288 ms (TS 36.321 Table 7.2-2) [V]; default
 *                            1024 ms [U]; at least 0
 * @param tauBytes            NAS payload of a periodic TAU request, bytes, at least 0; default 24 [U]
 */
public record NbiotDeviceSettings(NbiotPowerProfile profile, PowerSavingConfig powerSaving, double batteryJ,
                                  int maxPreambleAttempts, long backoffUs, int tauBytes) {

    /** SARA-N211, default power saving, 5 Wh, 10 attempts, 1.024 s backoff, 24-byte TAU. */
    public static final NbiotDeviceSettings DEFAULT = new NbiotDeviceSettings(NbiotPowerProfile.SARA_N211,
            PowerSavingConfig.DEFAULT, 18_000.0, 10, 1_024_000L, 24);

    /** Validates every field. */
    public NbiotDeviceSettings {
        Objects.requireNonNull(profile, "profile is null");
        Objects.requireNonNull(powerSaving, "powerSaving is null");
        if (!(batteryJ > 0.0) || Double.isNaN(batteryJ)) {
            throw new IllegalArgumentException("batteryJ = " + batteryJ + " is not allowed; allowed: > 0 or +Infinity");
        }
        if (maxPreambleAttempts < 3 || maxPreambleAttempts > 10 || maxPreambleAttempts == 9) {
            throw new IllegalArgumentException("maxPreambleAttempts = " + maxPreambleAttempts
                    + " is not allowed; allowed: 3, 4, 5, 6, 7, 8 or 10");
        }
        if (backoffUs < 0) {
            throw new IllegalArgumentException("backoffUs = " + backoffUs + " is not allowed; allowed: >= 0");
        }
        if (tauBytes < 0) {
            throw new IllegalArgumentException("tauBytes = " + tauBytes + " is not allowed; allowed: >= 0");
        }
    }

    /** @return a copy with the profile replaced */
    public NbiotDeviceSettings withProfile(NbiotPowerProfile newProfile) {
        return new NbiotDeviceSettings(newProfile, powerSaving, batteryJ, maxPreambleAttempts, backoffUs, tauBytes);
    }

    /** @return a copy with the power-saving configuration replaced */
    public NbiotDeviceSettings withPowerSaving(PowerSavingConfig newPowerSaving) {
        return new NbiotDeviceSettings(profile, newPowerSaving, batteryJ, maxPreambleAttempts, backoffUs, tauBytes);
    }

    /** @return a copy with the battery replaced */
    public NbiotDeviceSettings withBatteryJ(double newBatteryJ) {
        return new NbiotDeviceSettings(profile, powerSaving, newBatteryJ, maxPreambleAttempts, backoffUs, tauBytes);
    }

    /** @return a copy with the random-access retry behaviour replaced */
    public NbiotDeviceSettings withRandomAccess(int newMaxPreambleAttempts, long newBackoffUs) {
        return new NbiotDeviceSettings(profile, powerSaving, batteryJ, newMaxPreambleAttempts, newBackoffUs, tauBytes);
    }
}
