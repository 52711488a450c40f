package org.fedwan.channel.nbiot;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Electrical power an NB-IoT module draws in each {@link PowerState}, in watts (supply voltage
 * times current, lpwan-facts A5/B3 convention {@code E = V * I * t}).
 *
 * <p>Idle with paging (DRX or eDRX) is a sleep floor plus one paging occasion (wake-up,
 * resynchronisation, NPDCCH check) per cycle: {@code P = idleSleepDrawW + pagingOccasionJ / cycle}.
 * For the nRF9160 the two published eDRX averages (37 µA at 81.92 s, 9 µA at 655.36 s, one PO per
 * paging time window, 3.7 V) fix both terms exactly: 5.0 µA floor and 2.62 mC (9.70 mJ) per
 * paging occasion [C]. With an eDRX paging time window the device monitors
 * {@link PowerSavingConfig#pagingOccasionsPerCycle()} occasions per eDRX cycle, each at that energy.
 *
 * <p>Built-in profiles and their sources (lpwan-facts B3, B4; [V] checked, [U] a default):
 * <ul>
 *   <li>{@link #TR_45_820}: TX 500 mW, deep sleep 0.015 mW [V]; RX 80 mW and light sleep 3 mW
 *       (used for connected gaps and idle) [U], the companion values of the same 3GPP
 *       evaluation assumptions (TR 45.820, TR 36.888).</li>
 *   <li>{@link #RATASUK_2016}: TX 543 mW, RX 90 mW, idle 2.4 mW, PSM 0.015 mW [V, via a citing
 *       repository]; idle also used for connected gaps.</li>
 *   <li>{@link #SARA_N211}: u-blox SARA-N211 at 3.6 V: TX 220 mA at 23 dBm, RX 46 mA, idle 6 mA,
 *       PSM 3 µA [V, SARA-N2 datasheet copy]; idle 6 mA used between paging occasions with no
 *       separate paging energy [U: the datasheet's idle figure is an awake idle]; connected gaps
 *       at the RX current (NPDCCH monitoring without connected-mode DRX; lpwan-facts B5 charges
 *       the RRC tail as "20 s at 46 mA") [U].</li>
 *   <li>{@link #QUECTEL_BC95_CLASS}: HiSilicon Boudica modules (BC95, BC950N) at 3.6 V: the
 *       SARA-N211 figures [U, same chipset family] with PSM 4.2 µA (BC950N) [V].</li>
 *   <li>{@link #QUECTEL_BC66_CLASS}: MediaTek MT2625 modules (BC66, M5311) at 3.3 V [U]: TX 167 mA,
 *       RX 54 mA, PSM 3 µA, idle 0.4 mA at DRX 1.28 s [V, CMCC M5311 figures], split into the PSM
 *       floor plus 1.68 mJ per paging occasion [C]; connected gaps at the RX current (NPDCCH
 *       monitoring without connected-mode DRX) [U].</li>
 *   <li>{@link #NRF9160_CLASS}: Nordic nRF9160 at 3.7 V: PSM 2.7 µA, eDRX 37 µA at 81.92 s and 9 µA
 *       at 655.36 s [V, nRF9160 PS]; TX 300 mA at 23 dBm (the white paper's peak) [U]; RX 50 mA
 *       [U, consistent with the PS's 35 mA average for 0 dBm with 33 % TX and 33 % RX]; connected
 *       gaps at the RX current (NPDCCH monitoring) [U].</li>
 * </ul>
 *
 * @param name               profile name, e.g. "NRF9160_CLASS"
 * @param supplyVoltageV     supply voltage the currents were measured at, volts, greater than 0
 * @param txOutputDbm        RF output power the TX draw belongs to, dBm
 * @param txDrawW            draw while transmitting, W, greater than 0
 * @param rxDrawW            draw while receiving, W, at least 0
 * @param connectedIdleDrawW draw in RRC connected between transmissions and receptions, W, at least 0
 * @param idleSleepDrawW     draw in RRC idle between paging occasions, W, at least 0
 * @param pagingOccasionJ    energy of one paging occasion above the sleep floor, J, at least 0
 * @param psmDrawW           draw in PSM, W, at least 0
 */
public record NbiotPowerProfile(String name, double supplyVoltageV, double txOutputDbm, double txDrawW,
                                double rxDrawW, double connectedIdleDrawW, double idleSleepDrawW,
                                double pagingOccasionJ, double psmDrawW) {

    /** 3GPP TR 45.820 evaluation assumptions (5 Wh battery elsewhere); voltage nominal. */
    public static final NbiotPowerProfile TR_45_820 =
            new NbiotPowerProfile("TR_45_820", 3.6, 23.0, 0.500, 0.080, 0.003, 0.003, 0.0, 0.015e-3);

    /** Ratasuk et al. 2016 power model; voltage nominal. */
    public static final NbiotPowerProfile RATASUK_2016 =
            new NbiotPowerProfile("RATASUK_2016", 3.6, 23.0, 0.543, 0.090, 0.0024, 0.0024, 0.0, 0.015e-3);

    /** u-blox SARA-N211 at 3.6 V. */
    public static final NbiotPowerProfile SARA_N211 =
            fromCurrents("SARA_N211", 3.6, 23.0, 220e-3, 46e-3, 46e-3, 6e-3, 0.0, 3e-6);

    /** Quectel BC95 class (HiSilicon Boudica) at 3.6 V. */
    public static final NbiotPowerProfile QUECTEL_BC95_CLASS =
            fromCurrents("QUECTEL_BC95_CLASS", 3.6, 23.0, 220e-3, 46e-3, 46e-3, 6e-3, 0.0, 4.2e-6);

    /** Quectel BC66 class (MediaTek MT2625) at 3.3 V. */
    public static final NbiotPowerProfile QUECTEL_BC66_CLASS =
            fromCurrents("QUECTEL_BC66_CLASS", 3.3, 23.0, 167e-3, 54e-3, 54e-3, 3e-6,
                    (0.4e-3 - 3e-6) * 1.28, 3e-6);

    /** Nordic nRF9160 class at 3.7 V. */
    public static final NbiotPowerProfile NRF9160_CLASS =
            fromCurrents("NRF9160_CLASS", 3.7, 23.0, 300e-3, 50e-3, 50e-3, 5.0e-6,
                    (37e-6 - 9e-6) / (1.0 / 81.92 - 1.0 / 655.36), 2.7e-6);

    /** All built-in profiles. */
    public static final List<NbiotPowerProfile> ALL = List.of(TR_45_820, RATASUK_2016, SARA_N211,
            QUECTEL_BC95_CLASS, QUECTEL_BC66_CLASS, NRF9160_CLASS);

    /** Validates every field; errors name the field, its value and what is allowed. */
    public NbiotPowerProfile {
        Objects.requireNonNull(name, "name is null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name is blank; allowed: a non-blank profile name");
        }
        if (!(supplyVoltageV > 0.0 && Double.isFinite(supplyVoltageV))) {
            throw new IllegalArgumentException("profile " + name + ": supplyVoltageV = " + supplyVoltageV
                    + " is not allowed; allowed: finite and > 0");
        }
        if (!Double.isFinite(txOutputDbm)) {
            throw new IllegalArgumentException("profile " + name + ": txOutputDbm = " + txOutputDbm
                    + " is not allowed; allowed: finite");
        }
        nonNegative(name, "txDrawW", txDrawW);
        if (txDrawW == 0.0) {
            throw new IllegalArgumentException("profile " + name + ": txDrawW = 0.0 is not allowed; allowed: > 0");
        }
        nonNegative(name, "rxDrawW", rxDrawW);
        nonNegative(name, "connectedIdleDrawW", connectedIdleDrawW);
        nonNegative(name, "idleSleepDrawW", idleSleepDrawW);
        nonNegative(name, "pagingOccasionJ", pagingOccasionJ);
        nonNegative(name, "psmDrawW", psmDrawW);
    }

    /**
     * A profile from datasheet currents at one supply voltage.
     *
     * @param name                 profile name
     * @param supplyVoltageV       supply voltage, V
     * @param txOutputDbm          RF output power of the TX current, dBm
     * @param txCurrentA           TX current, A
     * @param rxCurrentA           RX current, A
     * @param connectedIdleCurrentA current between transmissions in RRC connected, A
     * @param idleSleepCurrentA    current between paging occasions, A
     * @param pagingOccasionC      charge of one paging occasion above the floor, coulombs (A s)
     * @param psmCurrentA          PSM current, A
     * @return the profile, with every draw {@code V * I}
     */
    public static NbiotPowerProfile fromCurrents(String name, double supplyVoltageV, double txOutputDbm,
            double txCurrentA, double rxCurrentA, double connectedIdleCurrentA, double idleSleepCurrentA,
            double pagingOccasionC, double psmCurrentA) {
        double v = supplyVoltageV;
        return new NbiotPowerProfile(name, v, txOutputDbm, v * txCurrentA, v * rxCurrentA, v * connectedIdleCurrentA,
                v * idleSleepCurrentA, v * pagingOccasionC, v * psmCurrentA);
    }

    /**
     * Built-in profile by name, ignoring case.
     *
     * @param name e.g. "nrf9160_class"
     * @return the profile
     * @throws IllegalArgumentException naming the value and the allowed names
     */
    public static NbiotPowerProfile byName(String name) {
        for (NbiotPowerProfile p : ALL) {
            if (p.name.equalsIgnoreCase(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("NB-IoT power profile = " + name + " is not known; allowed: "
                + ALL.stream().map(NbiotPowerProfile::name).collect(Collectors.joining(", ")) + " (case-insensitive)");
    }

    /**
     * Average draw in RRC idle with one paging occasion per cycle.
     *
     * @param pagingCycleUs DRX or eDRX cycle, µs, greater than 0
     * @return {@code idleSleepDrawW + pagingOccasionJ / cycle}, W
     */
    public double idleDrawW(long pagingCycleUs) {
        if (pagingCycleUs <= 0) {
            throw new IllegalArgumentException("pagingCycleUs = " + pagingCycleUs + " is not allowed; allowed: > 0");
        }
        return idleSleepDrawW + pagingOccasionJ * 1e6 / pagingCycleUs;
    }

    /**
     * @param state power state
     * @param ps    power-saving configuration (its DRX and eDRX cycles set the idle draws)
     * @return draw in the state, W
     */
    public double drawW(PowerState state, PowerSavingConfig ps) {
        return switch (Objects.requireNonNull(state, "state is null")) {
            case TX -> txDrawW;
            case RX -> rxDrawW;
            case CONNECTED_IDLE -> connectedIdleDrawW;
            case IDLE_DRX -> idleDrawW(ps.drxCycleUs());
            case IDLE_EDRX -> ps.pagingOccasionsPerCycle() == 1
                    ? idleDrawW(ps.edrxCycleUs() > 0 ? ps.edrxCycleUs() : ps.drxCycleUs())
                    : idleSleepDrawW + pagingOccasionJ * ps.pagingOccasionsPerCycle() * 1e6 / ps.edrxCycleUs();
            case PSM -> psmDrawW;
        };
    }

    /**
     * @param ps power-saving configuration
     * @return the draw of every state, indexed by {@link PowerState#ordinal()}, W
     */
    public double[] drawsW(PowerSavingConfig ps) {
        PowerState[] states = PowerState.values();
        double[] draws = new double[states.length];
        for (PowerState s : states) {
            draws[s.ordinal()] = drawW(s, ps);
        }
        return draws;
    }

    /** @return a copy with {@code name} replaced */
    public NbiotPowerProfile withName(String newName) {
        return new NbiotPowerProfile(newName, supplyVoltageV, txOutputDbm, txDrawW, rxDrawW, connectedIdleDrawW,
                idleSleepDrawW, pagingOccasionJ, psmDrawW);
    }

    /** @return a copy with the TX output power and the draw at that power replaced together */
    public NbiotPowerProfile withTx(double newTxOutputDbm, double newTxDrawW) {
        return new NbiotPowerProfile(name, supplyVoltageV, newTxOutputDbm, newTxDrawW, rxDrawW, connectedIdleDrawW,
                idleSleepDrawW, pagingOccasionJ, psmDrawW);
    }

    /** @return a copy with {@code rxDrawW} replaced */
    public NbiotPowerProfile withRxDrawW(double newRxDrawW) {
        return new NbiotPowerProfile(name, supplyVoltageV, txOutputDbm, txDrawW, newRxDrawW, connectedIdleDrawW,
                idleSleepDrawW, pagingOccasionJ, psmDrawW);
    }

    /** @return a copy with {@code connectedIdleDrawW} replaced (e.g. a network with connected-mode DRX) */
    public NbiotPowerProfile withConnectedIdleDrawW(double newConnectedIdleDrawW) {
        return new NbiotPowerProfile(name, supplyVoltageV, txOutputDbm, txDrawW, rxDrawW, newConnectedIdleDrawW,
                idleSleepDrawW, pagingOccasionJ, psmDrawW);
    }

    /** @return a copy with the idle floor and the paging-occasion energy replaced */
    public NbiotPowerProfile withIdle(double newIdleSleepDrawW, double newPagingOccasionJ) {
        return new NbiotPowerProfile(name, supplyVoltageV, txOutputDbm, txDrawW, rxDrawW, connectedIdleDrawW,
                newIdleSleepDrawW, newPagingOccasionJ, psmDrawW);
    }

    /** @return a copy with {@code psmDrawW} replaced */
    public NbiotPowerProfile withPsmDrawW(double newPsmDrawW) {
        return new NbiotPowerProfile(name, supplyVoltageV, txOutputDbm, txDrawW, rxDrawW, connectedIdleDrawW,
                idleSleepDrawW, pagingOccasionJ, newPsmDrawW);
    }

    private static void nonNegative(String name, String field, double value) {
        if (!(value >= 0.0 && Double.isFinite(value))) {
            throw new IllegalArgumentException("profile " + name + ": " + field + " = " + value
                    + " is not allowed; allowed: finite and >= 0");
        }
    }
}
