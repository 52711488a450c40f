package org.fedwan.sim.nbiot.traffic;

import java.util.Objects;
import org.fedwan.channel.nbiot.BlockErrorModel;
import org.fedwan.channel.nbiot.DeviceCategory;
import org.fedwan.channel.nbiot.NbiotLinkConfig;
import org.fedwan.channel.nbiot.NbiotPowerProfile;
import org.fedwan.channel.nbiot.PowerSavingConfig;
import org.fedwan.sim.nbiot.NbiotDeviceSettings;
import org.fedwan.sim.nbiot.NbiotSection;

/**
 * Everything a network-only NB-IoT run ({@code nbiot-net}) needs, validated on construction: N
 * devices in one cell, each sending a {@code payloadBytes} report every {@code periodS} seconds
 * (first report at a uniformly random phase), for {@code durationH} hours. Units are in the names;
 * errors name the field, the value and what is allowed.
 *
 * @param name                 run name
 * @param seed                 master seed of every random stream
 * @param replication          replication index, at least 0
 * @param devices              devices in the cell, at least 1
 * @param periodS              reporting period per device, s, greater than 0
 * @param payloadBytes         application bytes per report, 0..1 000 000
 * @param durationH            simulated time, h, greater than 0
 * @param couplingLossDb       coupling loss of every device, dB (computed by the caller from path loss and link budget)
 * @param couplingLossSpreadDb devices get a coupling loss uniform in {@code couplingLossDb +- spread}, dB, at least 0
 * @param profile              module power profile name ({@link NbiotPowerProfile#byName})
 * @param category             {@code NB1} or {@code NB2}
 * @param releaseAssistance    whether devices ask for release right after their data
 * @param inactivityTimerS     RRC inactivity timer, s, at least 0
 * @param drxCycleS            paging DRX cycle: 1.28, 2.56, 5.12 or 10.24 s
 * @param edrxCycleS           eDRX cycle, s: 0 (off) or 20.48 x 2^k, k = 0..9
 * @param psm                  whether devices enter PSM after T3324
 * @param t3324S               active timer T3324, s, 0..11 160
 * @param t3412S               periodic TAU timer T3412, s, greater than T3324 with PSM
 * @param batteryWh            battery per device, Wh, greater than 0 (0 is not allowed; use a large value for no limit)
 * @param maxPreambleAttempts  preamble attempts before a report is dropped: 3..8 or 10
 * @param backoffS             random-access backoff window, s, at least 0
 * @param tauBytes             NAS bytes of a periodic TAU, at least 0
 * @param pagingWindowS        eDRX paging time window, s: 0 (one paging occasion per eDRX cycle) or 2.56 x 1..16
 * @param blerAtEdge           block error rate of data blocks at each coverage level's upper bound, 0..0.5
 * @param blerDecadeDb         coupling-loss margin per decade of block error rate, dB, greater than 0
 * @param npuschRepetitions    NPUSCH repetitions of data blocks at every level, 0 for each level's own
 * @param link                 the cell's link configuration; its category, block errors and (when set) NPUSCH
 *                             repetitions are replaced by this run's
 */
public record NbiotNetworkConfig(String name, long seed, int replication, int devices, double periodS, int payloadBytes,
                                 double durationH, double couplingLossDb, double couplingLossSpreadDb, String profile,
                                 String category, boolean releaseAssistance, double inactivityTimerS, double drxCycleS,
                                 double edrxCycleS, boolean psm, double t3324S, double t3412S, double batteryWh,
                                 int maxPreambleAttempts, double backoffS, int tauBytes, double pagingWindowS,
                                 double blerAtEdge, double blerDecadeDb, int npuschRepetitions, NbiotLinkConfig link) {

    /** Validates every field and that the derived settings are valid. */
    public NbiotNetworkConfig {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(profile, "profile is null");
        Objects.requireNonNull(category, "category is null");
        Objects.requireNonNull(link, "link is null");
        if (replication < 0) {
            throw bad("replication", replication, ">= 0");
        }
        if (devices < 1) {
            throw bad("devices", devices, ">= 1");
        }
        if (!(periodS > 0) || !Double.isFinite(periodS)) {
            throw bad("periodS", periodS, "finite and > 0");
        }
        if (payloadBytes < 0 || payloadBytes > 1_000_000) {
            throw bad("payloadBytes", payloadBytes, "0..1000000");
        }
        if (!(durationH > 0) || !Double.isFinite(durationH)) {
            throw bad("durationH", durationH, "finite and > 0");
        }
        if (!Double.isFinite(couplingLossDb)) {
            throw bad("couplingLossDb", couplingLossDb, "finite");
        }
        if (!(couplingLossSpreadDb >= 0) || !Double.isFinite(couplingLossSpreadDb)) {
            throw bad("couplingLossSpreadDb", couplingLossSpreadDb, "finite and >= 0");
        }
        NbiotPowerProfile.byName(profile);
        categoryOf(category);
        if (!(inactivityTimerS >= 0) || !Double.isFinite(inactivityTimerS)) {
            throw bad("inactivityTimerS", inactivityTimerS, "finite and >= 0");
        }
        if (!(batteryWh > 0) || !Double.isFinite(batteryWh)) {
            throw bad("batteryWh", batteryWh, "finite and > 0");
        }
        if (!(backoffS >= 0) || !Double.isFinite(backoffS)) {
            throw bad("backoffS", backoffS, "finite and >= 0");
        }
        if (!(t3324S >= 0) || !Double.isFinite(t3324S) || !(t3412S > 0) || !Double.isFinite(t3412S)
                || !(drxCycleS > 0) || !(edrxCycleS >= 0) || !Double.isFinite(edrxCycleS)) {
            throw new IllegalArgumentException("timers drxCycleS = " + drxCycleS + ", edrxCycleS = " + edrxCycleS
                    + ", t3324S = " + t3324S + ", t3412S = " + t3412S + " are not allowed; allowed: finite, >= 0");
        }
        if (!(pagingWindowS >= 0) || !Double.isFinite(pagingWindowS)) {
            throw bad("pagingWindowS", pagingWindowS, "0 or 2.56 x 1..16");
        }
        if (npuschRepetitions < 0 || npuschRepetitions > 128
                || (npuschRepetitions > 0 && Integer.bitCount(npuschRepetitions) != 1)) {
            throw bad("npuschRepetitions", npuschRepetitions, "0 (each level's own) or 1, 2, 4, ..., 128");
        }
        new BlockErrorModel(blerAtEdge, blerDecadeDb);
        new NbiotDeviceSettings(NbiotPowerProfile.byName(profile), powerSavingOf(releaseAssistance, inactivityTimerS,
                drxCycleS, edrxCycleS, psm, t3324S, t3412S, pagingWindowS), batteryWh * 3600.0, maxPreambleAttempts,
                micros(backoffS), tauBytes);
    }

    /** @return the power-saving configuration of the devices */
    public PowerSavingConfig powerSaving() {
        return powerSavingOf(releaseAssistance, inactivityTimerS, drxCycleS, edrxCycleS, psm, t3324S, t3412S,
                pagingWindowS);
    }

    /** @return the settings of every device */
    public NbiotDeviceSettings deviceSettings() {
        return new NbiotDeviceSettings(NbiotPowerProfile.byName(profile), powerSaving(), batteryWh * 3600.0,
                maxPreambleAttempts, micros(backoffS), tauBytes);
    }

    /** @return the cell's link configuration with this run's category, block errors and NPUSCH repetitions */
    public NbiotLinkConfig linkConfig() {
        return NbiotSection.link(link.withCategory(categoryOf(category)), new BlockErrorModel(blerAtEdge, blerDecadeDb),
                npuschRepetitions);
    }

    /** @return the reporting period, µs */
    public long periodUs() {
        return micros(periodS);
    }

    /** @return the simulated time, µs */
    public long durationUs() {
        return micros(durationH * 3600.0);
    }

    private static PowerSavingConfig powerSavingOf(boolean rai, double inactivityS, double drxS, double edrxS,
            boolean psm, double t3324S, double t3412S, double pagingWindowS) {
        return new PowerSavingConfig(micros(inactivityS), rai, micros(drxS), micros(edrxS), psm, micros(t3324S),
                micros(t3412S), micros(pagingWindowS));
    }

    private static DeviceCategory categoryOf(String category) {
        for (DeviceCategory c : DeviceCategory.values()) {
            if (c.name().equalsIgnoreCase(category)) {
                return c;
            }
        }
        throw new IllegalArgumentException("category = " + category + " is not allowed; allowed: NB1, NB2");
    }

    private static long micros(double seconds) {
        return Math.round(seconds * 1e6);
    }

    private static IllegalArgumentException bad(String field, Object value, String allowed) {
        return new IllegalArgumentException(field + " = " + value + " is not allowed; allowed: " + allowed);
    }

    /** @return a builder with every default */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Mutable builder; public fields keep a command line's or scenario loader's key table short.
     * Defaults and sources: see {@code docs/nbiot.md}.
     */
    public static final class Builder {
        public String name = "nbiot-net";
        public long seed = 1;
        public int replication = 0;
        public int devices = 100;
        public double periodS = 3600.0;
        public int payloadBytes = 200;
        public double durationH = 24.0;
        public double couplingLossDb = 144.0;
        public double couplingLossSpreadDb = 0.0;
        public String profile = "SARA_N211";
        public String category = "NB1";
        public boolean releaseAssistance = false;
        public double inactivityTimerS = 20.0;
        public double drxCycleS = 2.56;
        public double edrxCycleS = 0.0;
        public boolean psm = true;
        public double t3324S = 60.0;
        public double t3412S = 3240.0;
        public double batteryWh = 5.0;
        public int maxPreambleAttempts = 10;
        public double backoffS = 1.024;
        public int tauBytes = 24;
        public double pagingWindowS = 0.0;
        public double blerAtEdge = 0.0;
        public double blerDecadeDb = 2.0;
        public int npuschRepetitions = 0;
        public NbiotLinkConfig link = NbiotLinkConfig.DEFAULT;

        /**
         * Takes every NB-IoT key of a scenario's {@link NbiotSection}: coupling loss, module, the
         * timers, release assistance, PSM, block errors and NPUSCH repetitions (the keys an FL run
         * reads, so both runs share one definition).
         *
         * @param s the section
         * @return this builder
         */
        public Builder from(NbiotSection s) {
            couplingLossDb = s.couplingLossDb();
            profile = s.nbiotProfile();
            t3412S = s.t3412S();
            t3324S = s.t3324S();
            inactivityTimerS = s.rrcInactivityS();
            drxCycleS = s.drxCycleS().us() * 1e-6;
            edrxCycleS = s.edrxCycleS().us() * 1e-6;
            pagingWindowS = s.pagingWindowS().us() * 1e-6;
            releaseAssistance = s.releaseAssistance();
            psm = s.psm();
            blerAtEdge = s.blerAtEdge();
            blerDecadeDb = s.blerDecadeDb();
            npuschRepetitions = s.npuschRepetitions();
            return this;
        }

        /** @return the validated configuration */
        public NbiotNetworkConfig build() {
            return new NbiotNetworkConfig(name, seed, replication, devices, periodS, payloadBytes, durationH,
                    couplingLossDb, couplingLossSpreadDb, profile, category, releaseAssistance, inactivityTimerS,
                    drxCycleS, edrxCycleS, psm, t3324S, t3412S, batteryWh, maxPreambleAttempts, backoffS, tauBytes,
                    pagingWindowS, blerAtEdge, blerDecadeDb, npuschRepetitions, link);
        }
    }
}
