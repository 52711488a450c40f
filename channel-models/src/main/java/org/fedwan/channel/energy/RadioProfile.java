package org.fedwan.channel.energy;

import java.util.List;
import java.util.Locale;
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

    /**
     * SX1276 at +17 dBm on PA_BOOST, 868 MHz: TX 87 mA [V, Semtech SX1276/77/78/79 datasheet
     * rev. 7, table 6 "Power Consumption", IDDT; lpwan-facts A5]; other states as
     * {@link #SX1276_14DBM}.
     */
    public static final RadioProfile SX1276_17DBM = SX1276_14DBM.withName("SX1276_17DBM").withTxPower(17.0, 87e-3);

    /**
     * SX1276 at +20 dBm on PA_BOOST, 868 MHz: TX 120 mA [V, SX1276 datasheet rev. 7, table 6;
     * lpwan-facts A5].
     */
    public static final RadioProfile SX1276_20DBM = SX1276_14DBM.withName("SX1276_20DBM").withTxPower(20.0, 120e-3);

    /**
     * SX1262 at +17 dBm: TX 58 mA [U: SX1261/2 datasheet, table 3-5, optimal PA settings, as
     * recalled; not in lpwan-facts]; other states as {@link #SX1262_14DBM}.
     */
    public static final RadioProfile SX1262_17DBM = SX1262_14DBM.withName("SX1262_17DBM").withTxPower(17.0, 58e-3);

    /** SX1262 at +22 dBm: TX 118 mA [V, third-party code; lpwan-facts A5]. */
    public static final RadioProfile SX1262_22DBM = SX1262_14DBM.withName("SX1262_22DBM").withTxPower(22.0, 118e-3);

    /**
     * SX1276 RX current at 125 kHz with the LNA boost on, band 1 (868 MHz): 11.5 mA [V, SX1276
     * datasheet rev. 7, table 6, IDDR_L; lpwan-facts A5]. Without it {@link #SX1276_14DBM} draws
     * 10.8 mA [U].
     */
    public static final double SX1276_RX_LNA_BOOST_A = 11.5e-3;

    /**
     * SX1262 RX current at 125 kHz in "RX boosted" gain mode, DC-DC: 5.3 mA [U: SX1261/2 datasheet
     * table 3-4, as recalled; not in lpwan-facts]. Power-saving gain: 4.6 mA [V] ({@link #SX1262_14DBM}).
     */
    public static final double SX1262_RX_BOOSTED_A = 5.3e-3;

    /** The two built-in profiles at +14 dBm, by the names scenarios have always used. */
    public static final List<RadioProfile> ALL = List.of(SX1276_14DBM, SX1262_14DBM);

    /** Every datasheet TX power setting of the two chips (14/17/20 dBm SX1276, 14/17/22 dBm SX1262). */
    public static final List<RadioProfile> DATASHEET = List.of(SX1276_14DBM, SX1276_17DBM, SX1276_20DBM,
            SX1262_14DBM, SX1262_17DBM, SX1262_22DBM);

    /** The chips of {@link #DATASHEET}, lower case. */
    public static final List<String> CHIPS = List.of("sx1276", "sx1262");

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
     * The datasheet profile of a chip at a TX power, with or without the receiver's LNA boost.
     * At +14 dBm without boost this is exactly {@link #SX1276_14DBM} or {@link #SX1262_14DBM}.
     *
     * @param chip       "sx1276" or "sx1262" (case-insensitive), or a profile name starting with one
     * @param txPowerDbm a power of the chip's datasheet table: SX1276 14, 17, 20; SX1262 14, 17, 22 dBm
     * @param lnaBoost   true: the boosted RX current ({@link #SX1276_RX_LNA_BOOST_A}, {@link #SX1262_RX_BOOSTED_A})
     * @return the profile
     * @throws IllegalArgumentException naming the chip or power and what is allowed
     */
    public static RadioProfile datasheet(String chip, double txPowerDbm, boolean lnaBoost) {
        String c = chipOf(chip);
        RadioProfile found = null;
        StringBuilder allowed = new StringBuilder();
        for (RadioProfile p : DATASHEET) {
            if (p.name.toLowerCase(Locale.ROOT).startsWith(c)) {
                allowed.append(allowed.length() == 0 ? "" : ", ").append((int) p.txPowerDbm);
                if (p.txPowerDbm == txPowerDbm) {
                    found = p;
                }
            }
        }
        if (found == null) {
            throw new IllegalArgumentException("tx power = " + txPowerDbm + " dBm has no datasheet current for " + c
                    + "; allowed: " + allowed + " dBm");
        }
        if (!lnaBoost) {
            return found;
        }
        double boosted = c.equals("sx1276") ? SX1276_RX_LNA_BOOST_A : SX1262_RX_BOOSTED_A;
        return found.withName(found.name + "_LNA_BOOST").withRxCurrentA(boosted);
    }

    /**
     * @param name "sx1276", "sx1262" or a profile name starting with one (any case)
     * @return the chip, lower case
     */
    public static String chipOf(String name) {
        Objects.requireNonNull(name, "chip is null");
        String lower = name.toLowerCase(Locale.ROOT);
        for (String c : CHIPS) {
            if (lower.startsWith(c)) {
                return c;
            }
        }
        throw new IllegalArgumentException("radio chip = " + name + " is not known; allowed: " + CHIPS);
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
