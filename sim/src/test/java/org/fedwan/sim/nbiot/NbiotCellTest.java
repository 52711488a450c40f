package org.fedwan.sim.nbiot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.fedwan.channel.nbiot.CoverageLevel;
import org.fedwan.channel.nbiot.CoverageLevelConfig;
import org.fedwan.channel.nbiot.LinkRates;
import org.fedwan.channel.nbiot.NbiotLinkConfig;
import org.fedwan.channel.nbiot.PowerSavingConfig;
import org.fedwan.channel.nbiot.PowerState;
import org.fedwan.channel.nbiot.UplinkTones;
import org.fedwan.sim.kernel.Simulation;
import org.junit.jupiter.api.Test;

/** The shared carrier: lane reservations, round robin among uploads, NPRACH collisions, broadcast. */
class NbiotCellTest {

    private static final long S = 1_000_000L;
    private static final NbiotLinkConfig LINK = NbiotLinkConfig.DEFAULT;

    @Test
    void fullCarrierBlocksQueueOneAfterAnother() {
        NbiotCell cell = new NbiotCell(new Simulation("lanes", 1, 0), LINK);

        assertEquals(10L, cell.reserveUplink(48, 10, 4_000));
        assertEquals(4_010L, cell.reserveUplink(48, 10, 4_000));
        assertEquals(8_010L, cell.reserveUplink(48, 0, 4_000));
        assertEquals(3 * 48 * 4_000L, cell.reservedLaneUs());
    }

    @Test
    void singleTonesShareTheCarrierSideBySide() {
        NbiotCell cell = new NbiotCell(new Simulation("tones", 1, 0), LINK);
        // 48 devices on one 3.75 kHz tone each transmit at once; the 49th waits for a lane
        for (int i = 0; i < 48; i++) {
            assertEquals(0L, cell.reserveUplink(1, 0, 640_000), "device " + i);
        }
        assertEquals(640_000L, cell.reserveUplink(1, 0, 640_000));

        NbiotCell cell15 = new NbiotCell(new Simulation("tones15", 1, 0), LINK);
        // a 15 kHz tone is 4 lanes: 12 side by side
        for (int i = 0; i < 12; i++) {
            assertEquals(0L, cell15.reserveUplink(4, 0, 80_000), "device " + i);
        }
        assertEquals(80_000L, cell15.reserveUplink(4, 0, 80_000));
    }

    @Test
    void aFullCarrierBlockWaitsForEveryLaneAndGapsAreNotBackfilled() {
        NbiotCell cell = new NbiotCell(new Simulation("mixed", 1, 0), LINK);
        for (int i = 0; i < 47; i++) {
            cell.reserveUplink(1, 0, 100_000);
        }
        assertEquals(100_000L, cell.reserveUplink(48, 0, 1_000));
        // the lane left free until 100 ms is not backfilled: the next block starts after the full one
        assertEquals(101_000L, cell.reserveUplink(1, 0, 1_000));
    }

    @Test
    void downlinkIsASingleServer() {
        NbiotCell cell = new NbiotCell(new Simulation("dl", 1, 0), LINK);

        assertEquals(5L, cell.reserveDownlink(5, 10));
        assertEquals(15L, cell.reserveDownlink(0, 10));
        assertEquals(100L, cell.reserveDownlink(100, 10));
        assertEquals(30L, cell.downlinkBusyUs());
    }

    @Test
    void nprachOccasionsAreStrictlyLater() {
        NbiotCell cell = new NbiotCell(new Simulation("occasions", 1, 0), LINK);

        assertEquals(160_000L, cell.nextNprachOccasionUs(CoverageLevel.CE0, 0));
        assertEquals(320_000L, cell.nextNprachOccasionUs(CoverageLevel.CE0, 160_000));
        assertEquals(640_000L, cell.nextNprachOccasionUs(CoverageLevel.CE2, 639_999));
    }

    @Test
    void samePreambleCollidesOthersGetThrough() {
        Simulation model = new Simulation("collide", 1, 0);
        NbiotCell cell = new NbiotCell(model, LINK);
        NbiotDevice a = new NbiotDevice(model, 0, cell, 140.0, NbiotDeviceSettings.DEFAULT, NbiotListener.NONE);
        NbiotDevice b = new NbiotDevice(model, 1, cell, 140.0, NbiotDeviceSettings.DEFAULT, NbiotListener.NONE);
        NbiotDevice c = new NbiotDevice(model, 2, cell, 140.0, NbiotDeviceSettings.DEFAULT, NbiotListener.NONE);
        long occasion = cell.nextNprachOccasionUs(CoverageLevel.CE0, 0);

        cell.registerPreamble(CoverageLevel.CE0, occasion, 5, a);
        cell.registerPreamble(CoverageLevel.CE0, occasion, 5, b);
        cell.registerPreamble(CoverageLevel.CE0, occasion, 7, c);
        model.scheduler().runUntil(occasion);

        assertTrue(a.lastPreambleCollided());
        assertTrue(b.lastPreambleCollided());
        assertFalse(c.lastPreambleCollided());
        assertEquals(3, cell.preambles());
        assertEquals(2, cell.collidedPreambles());
    }

    @Test
    void collisionsAreRetriedAndCounted() {
        // 30 devices wake at once and all pick among 12 preambles of CE1: many collide, all get through in the end
        Simulation model = new Simulation("retry", 3, 0);
        NbiotCell cell = new NbiotCell(model, LINK);
        int[] failures = new int[1];
        int[] delivered = new int[1];
        NbiotListener counter = new NbiotListener() {
            @Override
            public void onRandomAccess(NbiotDevice device, int attempt, boolean success, long atUs) {
                if (!success) {
                    failures[0]++;
                }
            }

            @Override
            public void onMessageDelivered(NbiotDevice device, int tag, int bytes, long requestedUs, long atUs) {
                delivered[0]++;
            }
        };
        for (int i = 0; i < 30; i++) {
            new NbiotDevice(model, i, cell, 150.0, NbiotDeviceSettings.DEFAULT, counter).send(new byte[20], 1, () -> { });
        }
        model.scheduler().runUntil(300 * S);

        assertTrue(failures[0] > 0);
        assertEquals(cell.collidedPreambles(), failures[0]);
        assertEquals(30, delivered[0]);
    }

    /** Transfer times (delivery minus connection) of devices that upload {@code messageBytes} together. */
    private static List<Long> transferTimes(NbiotLinkConfig link, int devices, int messageBytes, long[] span) {
        Simulation model = new Simulation("share-" + devices, 5, 0);
        NbiotCell cell = new NbiotCell(model, link);
        long[] connected = new long[devices];
        long[] delivered = new long[devices];
        NbiotListener rec = new NbiotListener() {
            @Override
            public void onStateChange(NbiotDevice device, NbiotDeviceState from, NbiotDeviceState to, long atUs) {
                if (to == NbiotDeviceState.CONNECTED) {
                    connected[(int) device.id()] = atUs;
                }
            }

            @Override
            public void onMessageDelivered(NbiotDevice device, int tag, int bytes, long requestedUs, long atUs) {
                delivered[(int) device.id()] = atUs;
            }
        };
        NbiotDeviceSettings settings = NbiotDeviceSettings.DEFAULT.withRandomAccess(10, 0)
                .withPowerSaving(PowerSavingConfig.DEFAULT.withRelease(0, true));
        for (int i = 0; i < devices; i++) {
            new NbiotDevice(model, i, cell, 140.0, settings, rec).send(new byte[messageBytes], 1, () -> { });
        }
        model.scheduler().runUntil(600 * S);
        List<Long> times = new ArrayList<>();
        long first = Long.MAX_VALUE;
        long last = 0;
        for (int i = 0; i < devices; i++) {
            assertTrue(delivered[i] > 0, "device " + i + " delivered");
            times.add(delivered[i] - connected[i]);
            first = Math.min(first, connected[i]);
            last = Math.max(last, delivered[i]);
        }
        span[0] = last - first;
        return times;
    }

    @Test
    void simultaneousUploadsShareTheCarrierInTurn() {
        // CE0 with 12 tones: a block of 392 bits takes the whole carrier for 4 ms; alone a device needs
        // 2 + 8 + 4 + 3 = 17 ms per block, so up to four devices interleave for free and eight must queue.
        CoverageLevelConfig ce0 = LINK.ce0().withUplink(UplinkTones.multiTone(12), 6, 4, 1).withNprach(2, 160_000L);
        NbiotLinkConfig link = LINK.withLevel(CoverageLevel.CE0,
                new CoverageLevelConfig(ce0.syncUs(), 2, 160_000L, 48, ce0.npdcchRepetitions(), ce0.npdschRepetitions(),
                        1, ce0.ackRepetitions(), UplinkTones.multiTone(12), 6, 4, ce0.downlinkTbsIndex(),
                        ce0.downlinkMaxSubframes()));
        int bytes = 5000;
        long aloneUs = LinkRates.uplinkTransferUs(link, CoverageLevel.CE0, bytes) - link.timing().uplinkToNextDciUs();
        long[] span = new long[1];

        assertEquals(List.of(aloneUs), transferTimes(link, 1, bytes, span));

        List<Long> shared = transferTimes(link, 8, bytes, span);
        // 5128 link bytes = 104 blocks of 392 bits + one of 256 bits (3 RUs): 104 x 4 + 3 = 419 ms of carrier each
        long carrierUs = 8 * (104 * 4_000L + 3_000L);
        assertTrue(span[0] >= carrierUs, "span " + span[0] + " >= carrier time " + carrierUs);
        double mean = shared.stream().mapToLong(Long::longValue).average().orElseThrow();
        assertTrue(mean > 1.5 * aloneUs, "mean transfer " + mean + " vs alone " + aloneUs);
        // round robin, not first come first served: every device, the first one too, is slowed down
        for (long t : shared) {
            assertTrue(t > 1.2 * aloneUs, "transfer " + t + " vs alone " + aloneUs);
        }
    }

    @Test
    void broadcastReachesIdleDevicesAtTheDeepestLevelAndMissesPsm() {
        Simulation model = new Simulation("broadcast", 1, 0);
        NbiotCell cell = new NbiotCell(model, LINK);
        NbiotDeviceTest.Recorder r0 = new NbiotDeviceTest.Recorder();
        NbiotDeviceTest.Recorder r1 = new NbiotDeviceTest.Recorder();
        NbiotDeviceTest.Recorder r2 = new NbiotDeviceTest.Recorder();
        NbiotDeviceSettings reachable = NbiotDeviceSettings.DEFAULT.withPowerSaving(
                PowerSavingConfig.DEFAULT.withRelease(0, true).withPsm(true, 3600 * S, 7200 * S));
        NbiotDevice ce0 = new NbiotDevice(model, 0, cell, 140.0, reachable, r0);
        NbiotDevice ce2 = new NbiotDevice(model, 1, cell, 160.0, reachable, r1);
        NbiotDevice asleep = new NbiotDevice(model, 2, cell, 140.0, reachable, r2);
        ce0.send(new byte[10], 1, () -> { });
        ce2.send(new byte[10], 1, () -> { });
        model.scheduler().runUntil(60 * S);
        assertEquals(NbiotDeviceState.IDLE, ce0.state());
        assertEquals(NbiotDeviceState.IDLE, ce2.state());
        double rxBefore = ce0.energyJ(PowerState.RX);
        long[] doneAt = new long[1];

        cell.broadcast(List.of(ce0, ce2, asleep), 1000, () -> doneAt[0] = model.nowUs());
        model.scheduler().runUntil(120 * S);

        // CE2 blocks (I_TBS 2, <= 10 subframes, 32 repetitions, NPDCCH 64): 8256 bits = 19 x 424 + 200 (208-bit, 5 SF);
        // each block 64 + 5 + N_SF x 32 ms: 19 x 389 + 229 = 7620 ms
        assertEquals(60 * S + 7_620_000L, doneAt[0]);
        assertEquals(List.of(doneAt[0]), r0.downlinkUs);
        assertEquals(List.of(true), r1.downlinkBroadcast);
        assertEquals(List.of(NbiotFailure.BROADCAST_MISSED), r2.failures);
        // RX on top of idle for NPDCCH + NPDSCH of every block: 20 x 64 + (19 x 320 + 160) = 7520 ms
        double extraW = reachable.profile().rxDrawW() - reachable.profile().drawW(PowerState.IDLE_DRX,
                reachable.powerSaving());
        assertEquals(extraW * 7.52, ce0.energyJ(PowerState.RX) - rxBefore, 1e-9);
    }
}
