package org.fedwan.channel.energy;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Supply voltage and per-state current of a LoRa radio at one TX power setting.
 *
 * <p>Built-in profiles follow lpwan-facts A5 ([V] checked against the datasheet or a public
 * simulator; [U] a configurable default). Modelled at 3.3 V as FLoRa and ns-3 do; both chips
 * run on 1.8-3.7 V, so change it with {@link #withSupplyVoltageV(double)}.
 *
 * @param name           profile name, e.g. "SX1276_14DBM"
 * @param supplyVoltageV supply voltage in volts, greater than 0
 * @param sleepCurrentA  current in {@link RadioState#SLEEP} in amperes, at least 0
 * @param standbyCurrentA current in {@link RadioState#STANDBY} in amperes, at least 0
 * @param rxCurrentA     current in {@link RadioState#RX} in amperes, at least 0
 * @param txCurrentA     current in {@link RadioState#TX} in amperes, greater than 0
 * @param txPowerDbm     RF output power the TX current belongs to, in dBm
 */
public record RadioProfile(String name, double supplyVoltageV, double sleepCurrentA, double standbyCurrentA,
                           double rxCurrentA, double txCurrentA, double txPowerDbm) {

    /**
     * Semtech SX1276 at +14 dBm, 3.3 V (lpwan-facts A5): sleep 0.2 µA [V, SX1276 datasheet];
     * standby 1.6 mA [U] (ns-3 uses 1.4 mA); RX 10.8 mA at 125 kHz [U] (datasheet: 11.5 mA with
     * LNA boost, band 1); TX 44 mA at 14 dBm [V, LoRaSim/FLoRa table].
     */
    public static final RadioProfile SX1276_14DBM =
            new RadioProfile("SX1276_14DBM", 3.3, 0.2e-6, 1.6e-3, 10.8e-3, 44e-3, 14.0);

    /**
     * Semtech SX1262 at +14 dBm, 3.3 V (lpwan-facts A5): sleep 0.16 µA cold start [V, SX1262
     * datasheet; 0.6 µA warm start]; standby 0.6 mA RC oscillator [U]; RX 4.6 mA DC-DC at
     * 125 kHz [V]; TX 45 mA with the PA set for 14 dBm [V].
     */
    public static final RadioProfile SX1262_14DBM =
            new RadioProfile("SX1262_14DBM", 3.3, 0.16e-6, 0.6e-3, 4.6e-3, 45e-3, 14.0);

    /** All built-in profiles. */
    public static final List<RadioProfile> ALL = List.of(SX1276_14DBM, SX1262_14DBM);

    /** Validates every field; errors name the field, its value and what is allowed. */
    public RadioProfile {
        Objects.requireNonNull(name, "name is null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name is blank; allowed: a non-blank profile name");
        }
        if (!(supplyVoltageV > 0.0 && Double.isFinite(supplyVoltageV))) {
            throw new IllegalArgumentException("radio " + name + ": supplyVoltageV = " + supplyVoltageV
                    + " is not allowed; allowed: finite and > 0");
        }
        requireCurrent(name, "sleepCurrentA", sleepCurrentA);
        requireCurrent(name, "standbyCurrentA", standbyCurrentA);
        requireCurrent(name, "rxCurrentA", rxCurrentA);
        requireCurrent(name, "txCurrentA", txCurrentA);
        if (txCurrentA == 0.0) {
            throw new IllegalArgumentException("radio " + name + ": txCurrentA = 0.0 is not allowed; allowed: > 0");
        }
        if (!Double.isFinite(txPowerDbm)) {
            throw new IllegalArgumentException("radio " + name + ": txPowerDbm = " + txPowerDbm
                    + " is not allowed; allowed: a finite dBm value");
        }
    }

    /**
     * Built-in profile by name, ignoring case.
     *
     * @param name e.g. "sx1276_14dbm"
     * @return the profile
     * @throws IllegalArgumentException naming the value and the allowed names
     */
    public static RadioProfile byName(String name) {
        for (RadioProfile p : ALL) {
            if (p.name.equalsIgnoreCase(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("radio profile = " + name + " is not known; allowed: "
                + ALL.stream().map(RadioProfile::name).collect(Collectors.joining(", ")) + " (case-insensitive)");
    }

    /**
     * @param state radio state
     * @return current drawn in that state, in amperes
     */
    public double currentA(RadioState state) {
        return switch (Objects.requireNonNull(state, "state is null")) {
            case SLEEP -> sleepCurrentA;
            case STANDBY -> standbyCurrentA;
            case TX -> txCurrentA;
            case RX, LISTEN -> rxCurrentA;
        };
    }

    /** @return a copy with {@code name} replaced */
    public RadioProfile withName(String newName) {
        return new RadioProfile(newName, supplyVoltageV, sleepCurrentA, standbyCurrentA, rxCurrentA, txCurrentA,
                txPowerDbm);
    }

    /** @return a copy with {@code supplyVoltageV} replaced */
    public RadioProfile withSupplyVoltageV(double newSupplyVoltageV) {
        return new RadioProfile(name, newSupplyVoltageV, sleepCurrentA, standbyCurrentA, rxCurrentA, txCurrentA,
                txPowerDbm);
    }

    /** @return a copy with {@code sleepCurrentA} replaced */
    public RadioProfile withSleepCurrentA(double newSleepCurrentA) {
        return new RadioProfile(name, supplyVoltageV, newSleepCurrentA, standbyCurrentA, rxCurrentA, txCurrentA,
                txPowerDbm);
    }

    /** @return a copy with {@code standbyCurrentA} replaced */
    public RadioProfile withStandbyCurrentA(double newStandbyCurrentA) {
        return new RadioProfile(name, supplyVoltageV, sleepCurrentA, newStandbyCurrentA, rxCurrentA, txCurrentA,
                txPowerDbm);
    }

    /** @return a copy with {@code rxCurrentA} replaced */
    public RadioProfile withRxCurrentA(double newRxCurrentA) {
        return new RadioProfile(name, supplyVoltageV, sleepCurrentA, standbyCurrentA, newRxCurrentA, txCurrentA,
                txPowerDbm);
    }

    /** @return a copy with {@code txCurrentA} replaced (keep {@code txPowerDbm} consistent) */
    public RadioProfile withTxCurrentA(double newTxCurrentA) {
        return new RadioProfile(name, supplyVoltageV, sleepCurrentA, standbyCurrentA, rxCurrentA, newTxCurrentA,
                txPowerDbm);
    }

    /**
     * @return a copy with TX power and the TX current drawn at that power replaced together
     *         (e.g. SX1276 +20 dBm: 120 mA, lpwan-facts A5)
     */
    public RadioProfile withTxPower(double newTxPowerDbm, double newTxCurrentA) {
        return new RadioProfile(name, supplyVoltageV, sleepCurrentA, standbyCurrentA, rxCurrentA, newTxCurrentA,
                newTxPowerDbm);
    }

    private static void requireCurrent(String name, String field, double currentA) {
        if (!(currentA >= 0.0 && Double.isFinite(currentA))) {
            throw new IllegalArgumentException("radio " + name + ": " + field + " = " + currentA
                    + " is not allowed; allowed: finite and >= 0 A");
        }
    }
}
