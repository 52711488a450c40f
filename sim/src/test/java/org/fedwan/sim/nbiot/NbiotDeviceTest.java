package org.fedwan.sim.nbiot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.fedwan.channel.nbiot.CoverageLevel;
import org.fedwan.channel.nbiot.NbiotEnergy;
import org.fedwan.channel.nbiot.NbiotLinkConfig;
import org.fedwan.channel.nbiot.PowerSavingConfig;
import org.fedwan.channel.nbiot.PowerState;
import org.fedwan.channel.nbiot.ProcedurePlan;
import org.fedwan.channel.nbiot.Procedures;
import org.fedwan.channel.nbiot.ReportExchange;
import org.fedwan.sim.kernel.Simulation;
import org.junit.jupiter.api.Test;

/** One device in a cell: the state machine, agreement with the analytical model, failures as data. */
class NbiotDeviceTest {

    private static final long S = 1_000_000L;
    private static final NbiotLinkConfig LINK = NbiotLinkConfig.DEFAULT;
    /** Default power saving with T3412 long enough that no periodic TAU falls into the tests' windows. */
    private static final PowerSavingConfig PS = PowerSavingConfig.DEFAULT.withPsm(true, 60 * S, 10 * 3600 * S);
    private static final NbiotDeviceSettings SETTINGS = NbiotDeviceSettings.DEFAULT.withPowerSaving(PS);

    /** Records what the tests look at. */
    static final class Recorder implements NbiotListener {
        final List<String> states = new ArrayList<>();
        final List<Long> stateTimesUs = new ArrayList<>();
        final List<NbiotFailure> failures = new ArrayList<>();
        final List<Long> failureTimesUs = new ArrayList<>();
        final List<Long> deliveredUs = new ArrayList<>();
        final List<Long> downlinkUs = new ArrayList<>();
        final List<Boolean> downlinkBroadcast = new ArrayList<>();
        long connectedUs = -1;
        double energyJ;
        int randomAccessFailures;

        @Override
        public void onStateChange(NbiotDevice device, NbiotDeviceState from, NbiotDeviceState to, long atUs) {
            states.add(from + "->" + to);
            stateTimesUs.add(atUs);
            if (to == NbiotDeviceState.CONNECTED && connectedUs < 0) {
                connectedUs = atUs;
            }
        }

        @Override
        public void onFailure(NbiotDevice device, NbiotFailure failure, long atUs) {
            failures.add(failure);
            failureTimesUs.add(atUs);
        }

        @Override
        public void onMessageDelivered(NbiotDevice device, int tag, int bytes, long requestedUs, long atUs) {
            deliveredUs.add(atUs);
        }

        @Override
        public void onDownlinkDelivered(NbiotDevice device, long bytes, long requestedUs, long atUs, boolean broadcast) {
            downlinkUs.add(atUs);
            downlinkBroadcast.add(broadcast);
        }

        @Override
        public void onEnergy(NbiotDevice device, PowerState state, long startUs, long endUs, double e) {
            energyJ += e;
        }

        @Override
        public void onRandomAccess(NbiotDevice device, int attempt, boolean success, long atUs) {
            if (!success) {
                randomAccessFailures++;
            }
        }
    }

    /** First NPRACH occasion strictly after {@code readyUs} minus {@code readyUs}. */
    private static long nprachWaitUs(CoverageLevel level, long readyUs) {
        long period = LINK.level(level).nprachPeriodUs();
        return period - readyUs % period;
    }

    @Test
    void oneReportMatchesTheAnalyticalPlanInTimeAndEnergy() {
        for (CoverageLevel level : CoverageLevel.values()) {
            double loss = LINK.coverage().maxCouplingLossDb(level);
            Simulation model = new Simulation("one-" + level, 7, 0);
            NbiotCell cell = new NbiotCell(model, LINK);
            Recorder rec = new Recorder();
            NbiotDevice dev = new NbiotDevice(model, 0, cell, loss, SETTINGS, rec);

            dev.send(new byte[105], 1, () -> { });
            long intervalUs = 3600 * S;
            model.scheduler().runUntil(intervalUs);
            dev.accountEnergyUntil(intervalUs);

            ProcedurePlan plan = Procedures.report(LINK, level, PS, ReportExchange.uplinkOnly(105), true,
                    nprachWaitUs(level, LINK.level(level).syncUs()));
            assertEquals(List.of(plan.uplinkDeliveredUs()), rec.deliveredUs, level.toString());
            double expectedJ = NbiotEnergy.reportEnergyJ(plan, SETTINGS.profile(), PS, intervalUs);
            assertEquals(expectedJ, dev.energyJ(), 1e-9 * expectedJ, level.toString());
            assertEquals(dev.energyJ(), rec.energyJ, 1e-9 * expectedJ);
            assertEquals(NbiotDeviceState.PSM, dev.state());
        }
    }

    @Test
    void wakesFromPsmSendsAndReturnsToPsm() {
        Simulation model = new Simulation("cycle", 7, 0);
        NbiotCell cell = new NbiotCell(model, LINK);
        Recorder rec = new Recorder();
        NbiotDevice dev = new NbiotDevice(model, 0, cell, 150.0, SETTINGS, rec);

        dev.send(new byte[50], 1, () -> { });
        model.scheduler().runUntil(600 * S);

        assertEquals(List.of("PSM->WAKING", "WAKING->RANDOM_ACCESS", "RANDOM_ACCESS->CONNECTED", "CONNECTED->IDLE",
                "IDLE->PSM"), rec.states);
        assertEquals(LINK.ce1().syncUs(), rec.stateTimesUs.get(1));
        // without release assistance: 20 s inactivity, then release; T3324 = 60 s of idle before PSM
        long idleUs = rec.stateTimesUs.get(3);
        assertTrue(idleUs - rec.deliveredUs.get(0) > 20 * S, "tail " + (idleUs - rec.deliveredUs.get(0)));
        assertEquals(idleUs + 60 * S, rec.stateTimesUs.get(4));
        assertEquals(1, dev.messagesDelivered());
        assertFalse(dev.isSending());
    }

    @Test
    void releaseAssistanceSkipsTheInactivityTail() {
        long[] idleAt = new long[2];
        for (int rai = 0; rai < 2; rai++) {
            Simulation model = new Simulation("rai", 7, 0);
            NbiotCell cell = new NbiotCell(model, LINK);
            Recorder rec = new Recorder();
            NbiotDeviceSettings s = SETTINGS.withPowerSaving(PS.withRelease(20 * S, rai == 1));
            NbiotDevice dev = new NbiotDevice(model, 0, cell, 140.0, s, rec);
            dev.send(new byte[50], 1, () -> { });
            model.scheduler().runUntil(100 * S);
            idleAt[rai] = rec.stateTimesUs.get(rec.states.indexOf("CONNECTED->IDLE"));
        }
        assertEquals(20 * S, idleAt[0] - idleAt[1]);
    }

    @Test
    void periodicTauWakesTheDeviceAfterT3412() {
        Simulation model = new Simulation("tau", 7, 0);
        NbiotCell cell = new NbiotCell(model, LINK);
        Recorder rec = new Recorder();
        NbiotDeviceSettings s = SETTINGS.withPowerSaving(PS.withPsm(true, 10 * S, 600 * S));
        NbiotDevice dev = new NbiotDevice(model, 0, cell, 140.0, s, rec);

        model.scheduler().runUntil(700 * S);

        // created at 0 in PSM: TAU at 600 s, then release at once (TAU without data), idle 10 s, PSM
        assertEquals("PSM->WAKING", rec.states.get(0));
        assertEquals(600 * S, rec.stateTimesUs.get(0));
        assertEquals("IDLE->PSM", rec.states.get(rec.states.size() - 1));
        // 24 bytes of NAS + 32 bytes overhead = 448 bits at CE0: 392 + 56 -> two blocks of 392 and 88 bits
        assertEquals(392 + 88, dev.uplinkBits());
        assertEquals(0, dev.messagesDelivered());
        assertEquals(0, rec.deliveredUs.size());
    }

    @Test
    void outOfCoverageIsAFailureNotAnException() {
        Simulation model = new Simulation("ooc", 7, 0);
        NbiotCell cell = new NbiotCell(model, LINK);
        Recorder rec = new Recorder();
        NbiotDevice dev = new NbiotDevice(model, 0, cell, 170.0, SETTINGS, rec);
        boolean[] sent = new boolean[1];

        dev.send(new byte[10], 1, () -> sent[0] = true);
        model.scheduler().runUntil(3600 * S);
        dev.accountEnergyUntil(3600 * S);

        assertEquals(List.of(NbiotFailure.OUT_OF_COVERAGE), rec.failures);
        assertFalse(sent[0]);
        assertFalse(dev.isSending());
        assertEquals(null, dev.level());
        assertEquals(NbiotDeviceState.PSM, dev.state());
        assertEquals(SETTINGS.profile().psmDrawW() * 3600, dev.energyJ(), 1e-12);
    }

    @Test
    void abortKeepsTheGrantedBlockAndDropsTheRest() {
        Simulation model = new Simulation("abort", 7, 0);
        NbiotCell cell = new NbiotCell(model, LINK);
        Recorder rec = new Recorder();
        NbiotDevice dev = new NbiotDevice(model, 0, cell, 160.0, SETTINGS, rec);
        boolean[] sent = new boolean[1];
        dev.send(new byte[2000], 1, () -> sent[0] = true);

        // stop during the first uplink block: connected, the block's grant given
        model.scheduler().runUntil(() -> dev.state() == NbiotDeviceState.CONNECTED);
        model.scheduler().runUntil(model.nowUs() + 100_000L);
        dev.abort();

        assertTrue(dev.isSending(), "a granted block still goes out");
        model.scheduler().runUntil(model.nowUs() + 2 * S);
        assertFalse(dev.isSending());
        assertEquals(344, dev.uplinkBits());
        model.scheduler().runUntil(200 * S);
        assertFalse(sent[0]);
        assertEquals(0, rec.deliveredUs.size());
        assertTrue(rec.states.contains("CONNECTED->IDLE"));
        assertThrows(NullPointerException.class, () -> dev.send(null, 1, () -> { }));
    }

    @Test
    void sendingTwiceAtOnceIsRejected() {
        Simulation model = new Simulation("twice", 7, 0);
        NbiotDevice dev = new NbiotDevice(model, 0, new NbiotCell(model, LINK), 140.0, SETTINGS, NbiotListener.NONE);
        dev.send(new byte[10], 1, () -> { });

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> dev.send(new byte[10], 2, () -> { }));
        assertTrue(e.getMessage().contains("dev-0"), e.getMessage());
    }

    @Test
    void emptyBatteryStopsTheDeviceAtTheExactTime() {
        Simulation model = new Simulation("battery", 7, 0);
        NbiotCell cell = new NbiotCell(model, LINK);
        Recorder rec = new Recorder();
        // 1 J: resynchronisation at CE2 alone is 3.5 s x 0.166 W = 0.58 J, random access and blocks follow
        NbiotDevice dev = new NbiotDevice(model, 0, cell, 160.0, SETTINGS.withBatteryJ(1.0), rec);
        boolean[] sent = new boolean[1];
        dev.send(new byte[2000], 1, () -> sent[0] = true);

        model.scheduler().runUntil(3600 * S);

        assertEquals(NbiotDeviceState.DEAD, dev.state());
        assertEquals(List.of(NbiotFailure.BATTERY_DEPLETED), rec.failures);
        assertEquals(dev.battery().depletedAtUs(), rec.failureTimesUs.get(0));
        assertFalse(sent[0]);
        assertFalse(dev.isSending());
        dev.send(new byte[1], 2, () -> sent[0] = true);
        assertEquals(NbiotFailure.BATTERY_DEPLETED, rec.failures.get(1));
        assertEquals(0, model.scheduler().pendingEvents());
    }

    @Test
    void idleDeviceIsPagedForDownlinkData() {
        Simulation model = new Simulation("page", 7, 0);
        NbiotCell cell = new NbiotCell(model, LINK);
        Recorder rec = new Recorder();
        NbiotDeviceSettings s = SETTINGS.withPowerSaving(PS.withRelease(0, true));
        NbiotDevice dev = new NbiotDevice(model, 0, cell, 140.0, s, rec);
        dev.send(new byte[10], 1, () -> { });
        model.scheduler().runUntil(() -> dev.state() == NbiotDeviceState.IDLE);
        long idleAt = model.nowUs();
        boolean[] got = new boolean[1];

        cell.unicast(dev, 1000, () -> got[0] = true);
        model.scheduler().runUntil(idleAt + 30 * S);

        assertTrue(got[0]);
        long pagedAt = rec.stateTimesUs.get(rec.states.lastIndexOf("IDLE->RANDOM_ACCESS"));
        assertTrue(pagedAt >= idleAt && pagedAt < idleAt + PS.drxCycleUs(), "paged at " + pagedAt);
        assertEquals(List.of(false), rec.downlinkBroadcast);
        // 1032 link bytes = 8256 bits in blocks of 680 bits: 13 blocks at CE0, 28 ms each
        assertTrue(rec.downlinkUs.get(0) - pagedAt > 13 * 20_000L);
    }

    @Test
    void downlinkForADeviceInPsmWaitsForItsNextConnection() {
        Simulation model = new Simulation("psm-dl", 7, 0);
        NbiotCell cell = new NbiotCell(model, LINK);
        Recorder rec = new Recorder();
        NbiotDevice dev = new NbiotDevice(model, 0, cell, 140.0, SETTINGS, rec);
        boolean[] got = new boolean[1];

        cell.unicast(dev, 100, () -> got[0] = true);
        model.scheduler().runUntil(300 * S);
        assertFalse(got[0]);

        dev.send(new byte[10], 1, () -> { });
        model.scheduler().runUntil(400 * S);
        assertTrue(got[0]);
        assertTrue(rec.downlinkUs.get(0) > rec.deliveredUs.get(0), "downlink after the uplink");
    }

    @Test
    void edrxIdleCostsLessThanDrxIdle() {
        double[] idleJ = new double[2];
        for (int edrx = 0; edrx < 2; edrx++) {
            Simulation model = new Simulation("edrx", 7, 0);
            NbiotCell cell = new NbiotCell(model, LINK);
            PowerSavingConfig ps = PS.withPaging(2_560_000L, edrx == 1 ? 81_920_000L : 0L).withPsm(true, 600 * S,
                    10 * 3600 * S);
            NbiotDevice dev = new NbiotDevice(model, 0, cell, 140.0,
                    SETTINGS.withProfile(org.fedwan.channel.nbiot.NbiotPowerProfile.NRF9160_CLASS).withPowerSaving(ps),
                    NbiotListener.NONE);
            dev.send(new byte[10], 1, () -> { });
            model.scheduler().runUntil(1200 * S);
            dev.accountEnergyUntil(1200 * S);
            idleJ[edrx] = dev.energyJ(edrx == 1 ? PowerState.IDLE_EDRX : PowerState.IDLE_DRX);
        }
        // 600 s idle: nRF9160 at DRX 2.56 s: 5 uA floor + 9.7 mJ / 2.56 s; at eDRX 81.92 s: 37 uA x 3.7 V
        assertEquals(600 * 37e-6 * 3.7, idleJ[1], 1e-9);
        assertTrue(idleJ[0] > 10 * idleJ[1], idleJ[0] + " vs " + idleJ[1]);
    }
}
