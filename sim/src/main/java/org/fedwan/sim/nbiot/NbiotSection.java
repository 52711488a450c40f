package org.fedwan.sim.nbiot;

import java.util.List;
import org.fedwan.channel.nbiot.BlockErrorModel;
import org.fedwan.channel.nbiot.CoverageLevel;
import org.fedwan.channel.nbiot.CoverageLevelConfig;
import org.fedwan.channel.nbiot.NbiotLinkConfig;
import org.fedwan.channel.nbiot.NbiotPowerProfile;
import org.fedwan.channel.nbiot.PowerSavingConfig;
import org.fedwan.sim.config.Key;
import org.fedwan.sim.config.KeyProblem;
import org.fedwan.sim.config.Section;
import org.fedwan.sim.config.Types;

/**
 * The NB-IoT settings of an FL run and of a network-only run ({@code nbiot-net --scenario}): the
 * device's coupling loss and module, its release and power-saving timers, and the link's block
 * errors. Defaults are those of FL runs: devices stay reachable for the longest T3324 (186 min,
 * TS 24.008 GPRS timer 2) so that the model broadcast finds them awake, with T3412 twice that;
 * sources of every value in {@code docs/nbiot.md}.
 *
 * @param couplingLossDb     coupling loss of every device, dB
 * @param nbiotProfile       module power profile
 * @param t3412S             periodic TAU timer T3412, s
 * @param t3324S             active timer T3324, s
 * @param rrcInactivityS     RRC inactivity timer, s
 * @param drxCycleS          paging DRX cycle
 * @param edrxCycleS         eDRX cycle (off by default)
 * @param pagingWindowS      eDRX paging time window (off: one paging occasion per eDRX cycle)
 * @param releaseAssistance  whether devices ask for release right after their data (RAI)
 * @param psm                whether devices enter PSM when T3324 expires
 * @param blerAtEdge         block error rate of data blocks at each coverage level's upper bound
 * @param blerDecadeDb       coupling-loss margin per decade of block error rate, dB
 * @param npuschRepetitions  NPUSCH repetitions of data blocks, 0 for the coverage level's default
 */
public record NbiotSection(double couplingLossDb, String nbiotProfile, double t3412S, double t3324S,
                           double rrcInactivityS, DrxCycle drxCycleS, EdrxCycle edrxCycleS,
                           PagingWindow pagingWindowS, boolean releaseAssistance, boolean psm, double blerAtEdge,
                           double blerDecadeDb, int npuschRepetitions) {

    /** Longest T3324 active time: 31 x 6 min (TS 24.008 Table 10.5.163a, GPRS timer 2, unit 6 min), s. */
    public static final double MAX_T3324_S = 186 * 60;
    /** Longest T3412: 31 x 320 h (TS 24.008 Table 10.5.163a, GPRS timer 3, unit 320 h), s. */
    public static final double MAX_T3412_S = 31 * 320 * 3600;

    public static final Section<NbiotSection> SECTION = new Section<>("nbiot", "the NB-IoT link of the clients",
            NbiotSection.class, List.of(
            Key.of("coupling_loss_db", Types.number(100, true, 200), 144.0,
                    "NB-IoT coupling loss of every device, dB (CE0 up to 144, CE1 up to 154, CE2 up to 164)"),
            Key.of("nbiot_profile", Types.choice(() -> NbiotPowerProfile.ALL.stream().map(NbiotPowerProfile::name).toList()),
                    "SARA_N211", "NB-IoT module power profile"),
            Key.of("t3412_s", Types.number(0, false, MAX_T3412_S), 2 * MAX_T3324_S,
                    "periodic TAU timer T3412, s (TS 24.301; at most 31 x 320 h); a device in PSM wakes for a TAU when it "
                            + "has not connected for this long; FL default twice the longest T3324"),
            Key.of("t3324_s", Types.number(0, true, MAX_T3324_S), MAX_T3324_S,
                    "active timer T3324, s (TS 24.008 GPRS timer 2, at most 186 min): idle and reachable after release, "
                            + "then PSM; FL default the longest, so the model broadcast finds devices awake"),
            Key.of("rrc_inactivity_s", Types.number(0, true, 3600), 20.0,
                    "RRC inactivity timer, s: connected after the last data until the eNB releases (operators 10-20 s); "
                            + "skipped with release_assistance"),
            Key.of("drx_cycle_s", NbiotTimerValue.seconds(DrxCycle.class), DrxCycle.S2_56,
                    "paging DRX cycle in idle, s (TS 36.304)"),
            Key.of("edrx_cycle_s", NbiotTimerValue.seconds(EdrxCycle.class), EdrxCycle.OFF,
                    "extended DRX cycle in idle, s: 0 off, else 20.48 x 2^k (TS 24.008 extended DRX parameters)"),
            Key.of("paging_window_s", NbiotTimerValue.seconds(PagingWindow.class), PagingWindow.OFF,
                    "eDRX paging time window, s: 0 one paging occasion per eDRX cycle, else 2.56 x n with one paging "
                            + "occasion per DRX cycle inside it"),
            Key.of("release_assistance", Types.bool(), false,
                    "release assistance (RAI, Rel-14): the device is released right after its data, no inactivity timer"),
            Key.of("psm", Types.bool(), true, "whether devices enter power saving mode when T3324 expires"),
            Key.of("bler_at_edge", Types.number(0, true, 0.5), 0.0,
                    "block error rate of NPUSCH/NPDSCH data blocks at each coverage level's upper coupling-loss bound "
                            + "(0: no block errors; 0.1: the 10 % BLER at which 3GPP states the MCL); each error costs a "
                            + "retransmission"),
            Key.of("bler_decade_db", Types.number(0, false, 20), 2.0,
                    "coupling-loss margin below a level's bound per decade of block error rate, dB"),
            Key.of("npusch_repetitions", Types.integer(0, 128), 0,
                    "NPUSCH repetitions of uplink data blocks at every coverage level: 0 the level's default, else "
                            + "1, 2, 4, ..., 128")));

    /** Checks what the keys' types cannot check alone. */
    public NbiotSection {
        if (psm && t3412S <= t3324S) {
            throw new KeyProblem("t3412_s", "= " + t3412S + " with t3324_s = " + t3324S
                    + "; allowed: t3412_s > t3324_s when psm is true");
        }
        if (npuschRepetitions != 0 && Integer.bitCount(npuschRepetitions) != 1) {
            throw new KeyProblem("npusch_repetitions", "= " + npuschRepetitions + "; allowed: 0, 1, 2, 4, ..., 128");
        }
        if (pagingWindowS != PagingWindow.OFF && edrxCycleS != EdrxCycle.OFF && pagingWindowS.us() > edrxCycleS.us()) {
            throw new KeyProblem("paging_window_s", "= " + pagingWindowS.label() + " with edrx_cycle_s = "
                    + edrxCycleS.label() + "; allowed: a window no longer than the eDRX cycle");
        }
    }

    /** @return the devices' power-saving configuration */
    public PowerSavingConfig powerSaving() {
        return new PowerSavingConfig(micros(rrcInactivityS), releaseAssistance, drxCycleS.us(), edrxCycleS.us(), psm,
                micros(t3324S), micros(t3412S), pagingWindowS.us());
    }

    /** @return the link's block-error model */
    public BlockErrorModel blockErrors() {
        return new BlockErrorModel(blerAtEdge, blerDecadeDb);
    }

    /**
     * @param base the cell's link configuration
     * @return {@code base} with this section's block errors and NPUSCH repetitions
     */
    public NbiotLinkConfig link(NbiotLinkConfig base) {
        return link(base, blockErrors(), npuschRepetitions);
    }

    /**
     * @param base              the cell's link configuration
     * @param blockErrors       block errors of data blocks
     * @param npuschRepetitions NPUSCH repetitions of data blocks at every level, 0 for each level's own
     * @return {@code base} with both applied
     */
    public static NbiotLinkConfig link(NbiotLinkConfig base, BlockErrorModel blockErrors, int npuschRepetitions) {
        NbiotLinkConfig link = base.withBlockErrors(blockErrors);
        if (npuschRepetitions > 0) {
            for (CoverageLevel level : CoverageLevel.values()) {
                CoverageLevelConfig c = link.level(level);
                link = link.withLevel(level, c.withUplink(c.uplinkTones(), c.uplinkTbsIndex(),
                        c.uplinkMaxResourceUnits(), npuschRepetitions));
            }
        }
        return link;
    }

    private static long micros(double seconds) {
        return Math.round(seconds * 1e6);
    }
}
