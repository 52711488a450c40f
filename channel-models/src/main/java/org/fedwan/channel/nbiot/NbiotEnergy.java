package org.fedwan.channel.nbiot;

import java.util.List;

/**
 * Energy per report and battery lifetime (Andres-Maldonado, Lauridsen et al., IEEE IoT Journal
 * 2019, phase structure as in lpwan-facts B4):
 * <pre>
 * E_report = E_CP + P_cDRX * T_inact + P_idle * T3324 + P_PSM * (IAT - T_CP - T_inact - T3324)
 * Lifetime = E_batt * IAT / E_report
 * </pre>
 * {@code E_CP + P_cDRX * T_inact} is the energy of a {@link ProcedurePlan} (its inactivity phase
 * included); the idle term uses the DRX or eDRX draw of the profile. Without PSM the device idles
 * for the rest of the interval. The interval must be at least as long as the plan.
 */
public final class NbiotEnergy {

    /** The 5 Wh battery of 3GPP TR 45.820 battery-life evaluations, J [V]. */
    public static final double TR_45_820_BATTERY_J = 5.0 * 3600.0;
    /** Seconds per (Julian) year, for lifetimes in years. */
    public static final double SECONDS_PER_YEAR = 365.25 * 86_400.0;

    private NbiotEnergy() {
    }

    /** @return sum of draw x duration over {@code phases}, J */
    public static double energyJ(List<Phase> phases, NbiotPowerProfile profile, PowerSavingConfig ps) {
        double j = 0.0;
        for (Phase p : phases) {
            j += profile.drawW(p.state(), ps) * p.durationUs() * 1e-6;
        }
        return j;
    }

    /**
     * Idle (T3324) time within one reporting interval after the plan.
     *
     * @return {@code min(T3324, IAT - plan)} with PSM, {@code IAT - plan} without, µs
     */
    public static long idleUs(ProcedurePlan plan, PowerSavingConfig ps, long intervalUs) {
        long restUs = restUs(plan, intervalUs);
        return ps.psmEnabled() ? Math.min(ps.t3324Us(), restUs) : restUs;
    }

    /** @return PSM time within one reporting interval after the plan and T3324, µs */
    public static long psmUs(ProcedurePlan plan, PowerSavingConfig ps, long intervalUs) {
        return restUs(plan, intervalUs) - idleUs(plan, ps, intervalUs);
    }

    /**
     * Energy of one reporting interval: the plan, then idle for T3324, then PSM.
     *
     * @param plan       one connection
     * @param profile    power profile
     * @param ps         power-saving configuration
     * @param intervalUs inter-arrival time of reports (IAT), µs, at least the plan's duration
     * @return energy per report, J
     */
    public static double reportEnergyJ(ProcedurePlan plan, NbiotPowerProfile profile, PowerSavingConfig ps,
            long intervalUs) {
        return plan.energyJ(profile, ps)
                + profile.drawW(ps.idleState(), ps) * idleUs(plan, ps, intervalUs) * 1e-6
                + profile.drawW(PowerState.PSM, ps) * psmUs(plan, ps, intervalUs) * 1e-6;
    }

    /**
     * @param batteryJ        battery energy, J, greater than 0
     * @param reportEnergyJ   energy per report (per interval), J, greater than 0
     * @param intervalUs      reporting interval, µs, greater than 0
     * @return lifetime {@code E_batt * IAT / E_report}, s
     */
    public static double lifetimeS(double batteryJ, double reportEnergyJ, long intervalUs) {
        if (!(batteryJ > 0.0) || !(reportEnergyJ > 0.0) || intervalUs <= 0) {
            throw new IllegalArgumentException("batteryJ = " + batteryJ + ", reportEnergyJ = " + reportEnergyJ
                    + ", intervalUs = " + intervalUs + " are not allowed; allowed: > 0 each");
        }
        return batteryJ / reportEnergyJ * intervalUs * 1e-6;
    }

    /**
     * Battery lifetime of a device that sends one report per interval, waking from PSM each time
     * (TR 45.820's battery-life case): the mean connection ({@link Procedures#report} with the
     * mean NPRACH wait and the device's block error rate), idle for T3324, PSM for the rest.
     * Periodic TAUs are not counted: with {@code T3412 >= interval} every report resets T3412.
     *
     * @param link           link configuration (coverage thresholds, levels, block errors)
     * @param couplingLossDb the device's coupling loss, dB, within the CE2 bound
     * @param profile        module power profile
     * @param ps             power-saving configuration
     * @param exchange       application bytes per report
     * @param intervalUs     reporting interval, µs
     * @param batteryJ       battery energy, J
     * @return lifetime, years of 365.25 days
     */
    public static double lifetimeYears(NbiotLinkConfig link, double couplingLossDb, NbiotPowerProfile profile,
            PowerSavingConfig ps, ReportExchange exchange, long intervalUs, double batteryJ) {
        CoverageLevel level = link.coverage().levelOf(couplingLossDb).orElseThrow(() -> new IllegalArgumentException(
                "couplingLossDb = " + couplingLossDb + " is out of coverage; allowed: <= "
                        + link.coverage().maxCouplingLossDb(CoverageLevel.CE2) + " dB"));
        ProcedurePlan plan = Procedures.report(link, level, ps, exchange, true, link.level(level).nprachPeriodUs() / 2,
                link.blockErrorRate(couplingLossDb));
        return lifetimeS(batteryJ, reportEnergyJ(plan, profile, ps, intervalUs), intervalUs) / SECONDS_PER_YEAR;
    }

    private static long restUs(ProcedurePlan plan, long intervalUs) {
        long restUs = intervalUs - plan.durationUs();
        if (restUs < 0) {
            throw new IllegalArgumentException("intervalUs = " + intervalUs + " is shorter than one connection ("
                    + plan.durationUs() + " µs); allowed: an interval at least as long as the connection");
        }
        return restUs;
    }
}
