package org.fedwan.sim.lorawan;

import static org.fedwan.sim.lorawan.Nets.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.fedwan.channel.energy.McuProfile;
import org.fedwan.channel.lorawan.DailyBudget;
import org.fedwan.channel.lorawan.ReceiveWindows;
import org.fedwan.sim.kernel.Simulation;
import org.junit.jupiter.api.Test;

/** One device's MAC cycle: airtime, receive windows, energy per state, duty cycle, fair use, battery. */
class MacCycleTest {

    /** SF7/125 kHz, 20-byte payload + 13 bytes overhead: 58 symbols + 12.25 = 71.936 ms (lpwan-facts A1). */
    private static final long TOA_SF7_33B_US = 71_936L;
    /** SF12/125 kHz, 33 bytes, DE = 1: 43 symbols + 12.25 -> 1810.432 ms. */
    private static final long TOA_SF12_33B_US = 1_810_432L;

    @Test
    void unconfirmedUplinkOpensBothEmptyWindowsAndChargesEachState() {
        Simulation model = new Simulation("t", 1, 0);
        Recorder rec = new Recorder();
        NetworkSettings.Builder b = Nets.freeSpace(at(100));
        b.mcu = McuProfile.LOW_POWER_MCU;
        LorawanNetwork net = Nets.build(model, b, rec);
        LorawanDevice d = net.device(0);
        Nets.offerAt(model, d, 0, 20);
        model.scheduler().run();

        assertEquals(1, rec.uplinks.size());
        Recorder.Uplink u = rec.uplinks.get(0);
        assertEquals(FrameOutcome.DELIVERED, u.outcome());
        assertEquals(33, u.phyBytes());
        assertEquals(TOA_SF7_33B_US, u.endUs() - u.startUs());
        // RX1 at +1 s for 24.576 ms (SF7), RX2 at +2 s for 196.608 ms (DR0, SF12): lpwan-facts A4
        long rx2EndUs = TOA_SF7_33B_US + ReceiveWindows.RECEIVE_DELAY2_US + 196_608L;
        assertEquals(rx2EndUs, model.nowUs());

        DeviceEnergy e = d.energy(3_000_000L);
        assertEquals(TOA_SF7_33B_US, e.txTimeUs());
        assertEquals(24_576L + 196_608L, e.rxTimeUs());
        assertEquals(3.3 * 0.044 * TOA_SF7_33B_US / 1e6, e.txJ(), 1e-12);
        assertEquals(3.3 * 0.0108 * (24_576L + 196_608L) / 1e6, e.rxJ(), 1e-12);
        long awakeUs = TOA_SF7_33B_US + 24_576L + 196_608L;
        assertEquals(3.3 * (3.2e-3 * awakeUs + 2e-6 * (3_000_000L - awakeUs)) / 1e6, e.mcuJ(), 1e-12);
        assertEquals(3.3 * 0.2e-6 * (3_000_000L - awakeUs) / 1e6, e.sleepJ(), 1e-15);
        assertEquals(0.0, e.standbyJ());
        assertEquals(d.txEnergyJ(33), e.txJ(), 1e-12);
        assertEquals(1, net.stats().framesDelivered());
    }

    @Test
    void energyPerByteAtSf9And14DbmLiesInSeed000sRange() {
        // seed 000 quotes 0.84-2.32 mJ/B. One full SF9 frame (N = 115 B, PHY 128 B, 676.864 ms) at
        // 14 dBm with its two empty windows (RX1 SF9 36.864 ms, RX2 SF12 196.608 ms), SX1276 radio
        // only: lpwan-facts A9 gives 0.855 mJ/B (TX) and ~0.93 mJ/B (+RX).
        Simulation model = new Simulation("t", 1, 0);
        Recorder rec = new Recorder();
        NetworkSettings.Builder b = Nets.freeSpace(at(100));
        b.fixedDataRate = 3;
        b.mcu = McuProfile.NONE;
        LorawanNetwork net = Nets.build(model, b, rec);
        Nets.offerAt(model, net.device(0), 0, 115);
        model.scheduler().run();

        assertEquals(128, rec.uplinks.get(0).phyBytes());
        assertEquals(676_864L, rec.uplinks.get(0).endUs() - rec.uplinks.get(0).startUs());
        DeviceEnergy e = net.device(0).energy(model.nowUs());
        assertEquals(36_864L + 196_608L, e.rxTimeUs());
        double txMjPerByte = e.txJ() * 1e3 / 115;
        double withRxMjPerByte = (e.txJ() + e.rxJ()) * 1e3 / 115;
        assertEquals(0.855, txMjPerByte, 0.001);
        assertEquals(0.927, withRxMjPerByte, 0.001);
        assertTrue(txMjPerByte >= 0.84 && withRxMjPerByte <= 2.32);
    }

    @Test
    void fragmentsWaitForTheSharedSubBandDutyCycle() {
        // three default channels, one 1 % sub-band: the next frame starts >= 100 x ToA after the last
        Simulation model = new Simulation("t", 2, 0);
        Recorder rec = new Recorder();
        NetworkSettings.Builder b = Nets.freeSpace(at(100));
        b.region = org.fedwan.channel.lorawan.Region.EU868;
        LorawanNetwork net = Nets.build(model, b, rec);
        LorawanDevice d = net.device(0);
        boolean[] delivered = new boolean[1];
        model.scheduler().schedule(0, 0, () -> d.send(new byte[600], 7, () -> delivered[0] = true));
        model.scheduler().run();

        List<Recorder.Uplink> up = rec.uplinks;
        assertEquals(3, up.size()); // 600 B in fragments of 239 data bytes
        for (int i = 1; i < up.size(); i++) {
            Recorder.Uplink prev = up.get(i - 1);
            assertTrue(up.get(i).startUs() >= prev.startUs() + 100 * (prev.endUs() - prev.startUs()), "frame " + i);
        }
        assertTrue(d.dutyCycleWaitUs() > 0);
        assertTrue(delivered[0]);
        assertEquals(List.of(true), rec.messages);
        assertEquals(1, net.stats().messagesDelivered());
        assertTrue(up.stream().map(Recorder.Uplink::channel).distinct().count() >= 1);
    }

    @Test
    void aPacketArrivingWhileBusyIsDroppedAndCounted() {
        Simulation model = new Simulation("t", 3, 0);
        Recorder rec = new Recorder();
        LorawanNetwork net = Nets.build(model, Nets.freeSpace(at(100)), rec);
        LorawanDevice d = net.device(0);
        Nets.offerAt(model, d, 0, 20);
        Nets.offerAt(model, d, 500_000L, 20); // during the first packet's receive windows
        Nets.offerAt(model, d, 10_000_000L, 20);
        model.scheduler().run();

        assertEquals(List.of(RefusalReason.BUSY), rec.refusals);
        assertEquals(2, rec.uplinks.size());
        assertEquals(3, net.stats().packetsOffered());
        assertEquals(1, net.stats().refused(RefusalReason.BUSY));
    }

    @Test
    void fairUseBudgetPushesFramesToTheNextDayOrRefusesThem() {
        Simulation model = new Simulation("t", 4, 0);
        Recorder rec = new Recorder();
        NetworkSettings.Builder b = Nets.freeSpace(at(100));
        b.fixedDataRate = 0;
        b.fairUse = true;
        b.fairUseUplinkAirtimeUsPerDay = 4_000_000L; // two 1.81 s SF12 frames per day
        LorawanNetwork net = Nets.build(model, b, rec);
        LorawanDevice d = net.device(0);
        for (int k = 0; k < 3; k++) {
            Nets.offerAt(model, d, k * 600_000_000L, 20);
        }
        model.scheduler().run();

        assertEquals(3, rec.uplinks.size());
        assertEquals(TOA_SF12_33B_US, rec.uplinks.get(0).endUs() - rec.uplinks.get(0).startUs());
        assertEquals(DailyBudget.DAY_US, rec.uplinks.get(2).startUs());
        assertEquals(DailyBudget.DAY_US - 1_200_000_000L, d.fairUseWaitUs());

        Simulation model2 = new Simulation("t", 4, 0);
        Recorder rec2 = new Recorder();
        b.fairUseUplinkAirtimeUsPerDay = 1_000_000L; // less than one frame
        LorawanNetwork net2 = Nets.build(model2, b, rec2);
        Nets.offerAt(model2, net2.device(0), 0, 20);
        model2.scheduler().run();
        assertEquals(List.of(RefusalReason.FAIR_USE), rec2.refusals);
        assertTrue(rec2.uplinks.isEmpty());
    }

    @Test
    void payloadTooLongForTheDataRateIsRefused() {
        // US915 DR0 carries at most 11 bytes (lpwan-facts A2)
        Simulation model = new Simulation("t", 5, 0);
        Recorder rec = new Recorder();
        NetworkSettings.Builder b = Nets.freeSpace(at(100));
        b.region = org.fedwan.channel.lorawan.Region.US915;
        b.fixedDataRate = 0;
        LorawanNetwork net = Nets.build(model, b, rec);
        Nets.offerAt(model, net.device(0), 0, 20);
        Nets.offerAt(model, net.device(0), 1_000_000L, 11);
        model.scheduler().run();

        assertEquals(List.of(RefusalReason.PAYLOAD_TOO_LONG), rec.refusals);
        assertEquals(1, rec.uplinks.size());
        assertEquals(24, rec.uplinks.get(0).phyBytes());
        assertFalse(net.device(0).isBusy());
    }

    @Test
    void anEmptyBatteryStopsTheDeviceAndTheResultSaysWhen() {
        Simulation model = new Simulation("t", 6, 0);
        Recorder rec = new Recorder();
        NetworkSettings.Builder b = Nets.freeSpace(at(100));
        b.fixedDataRate = 0;
        b.batteryCapacityJ = 1.0;
        LorawanNetwork net = Nets.build(model, b, rec);
        LorawanDevice d = net.device(0);
        for (int k = 0; k < 10; k++) {
            Nets.offerAt(model, d, k * 600_000_000L, 20);
        }
        model.scheduler().run();
        net.finish(model.nowUs());

        // each SF12 frame costs 3.3 V x (44 + 3.2) mA x 1.81 s = 0.28 J plus its receive windows
        assertTrue(d.isDead());
        assertEquals(1, rec.depletions.size());
        assertEquals(d.depletedAtUs(), rec.depletions.get(0));
        assertTrue(d.depletedAtUs() > 3 * 600_000_000L && d.depletedAtUs() < 4 * 600_000_000L + 3_000_000L,
                Long.toString(d.depletedAtUs()));
        assertEquals(1, net.stats().devicesDepleted());
        assertTrue(rec.refusals.stream().allMatch(r -> r == RefusalReason.DEAD) && rec.refusals.size() >= 5);
        double used = d.energy(model.nowUs()).totalJ();
        assertTrue(used >= 1.0 && used < 1.3, used + " J");
    }
}
