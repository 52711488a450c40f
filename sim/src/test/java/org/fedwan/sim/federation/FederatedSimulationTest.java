package org.fedwan.sim.federation;

import org.fedwan.sim.Protocols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.fedwan.channel.energy.RadioProfile;
import org.fedwan.channel.lora.LoraPhy;
import org.fedwan.channel.lorawan.Fragmentation;
import org.fedwan.channel.lorawan.LorawanFrame;
import org.fedwan.channel.lorawan.Region;
import org.fedwan.compression.scheme.Compression;
import org.fedwan.fl.data.ImageDataset;
import org.fedwan.fl.data.SyntheticImages;
import org.fedwan.fl.model.ModelDefinition;
import org.fedwan.fl.model.ModelZoo;
import org.fedwan.fl.train.TrainerPool;
import org.fedwan.fl.train.TrainingSettings;
import org.fedwan.results.Direction;
import org.fedwan.results.EnergyRecord;
import org.fedwan.results.EnergyState;
import org.fedwan.results.FrameRecord;
import org.fedwan.results.RoundRecord;
import org.fedwan.results.RunListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.fedwan.sim.config.RunConfig;

class FederatedSimulationTest {

    private static final ImageDataset TRAIN = SyntheticImages.generate("syn-train", 240, 28, 10, 60, 1, 2);
    private static final ImageDataset TEST = SyntheticImages.generate("syn-test", 100, 28, 10, 60, 1, 3);
    private static final RunConfig CONFIG = RunConfig.builder().build().toBuilder().build();
    private static TrainerPool pool;

    @BeforeAll
    static void startPool() {
        ModelDefinition model = ModelZoo.create("cnn-mnist");
        pool = new TrainerPool(model, new TrainingSettings(1, 20, 0.05), 2);
    }

    @AfterAll
    static void stopPool() {
        pool.close();
    }

    static RunConfig.Builder tiny() {
        RunConfig.Builder b = RunConfig.builder();
        b.name = "tiny";
        b.dataset = "synthetic";
        b.rounds = 2;
        b.clients = 3;
        b.batchSize = 20;
        b.dataRate = 5;
        b.seed = 9;
        return b;
    }

    static final class Recorder implements RunListener {
        final List<FrameRecord> frames = new ArrayList<>();
        final List<RoundRecord> rounds = new ArrayList<>();
        final List<org.fedwan.results.DeviceRecord> devices = new ArrayList<>();
        final List<org.fedwan.results.ClientRoundRecord> clients = new ArrayList<>();
        final List<EnergyRecord> energies = new ArrayList<>();

        @Override
        public void onEnergy(EnergyRecord e) {
            energies.add(e);
        }

        /** Energy of round {@code round}'s rows of both tables. */
        double energyJ(int round) {
            return frames.stream().filter(f -> f.round() == round).mapToDouble(FrameRecord::energyJ).sum()
                    + energies.stream().filter(e -> e.round() == round).mapToDouble(EnergyRecord::energyJ).sum();
        }

        @Override
        public void onClientRound(org.fedwan.results.ClientRoundRecord c) {
            clients.add(c);
        }

        @Override
        public void onDevice(org.fedwan.results.DeviceRecord device) {
            devices.add(device);
        }

        @Override
        public void onFrame(FrameRecord frame) {
            frames.add(frame);
        }

        @Override
        public void onRound(RoundRecord round) {
            rounds.add(round);
        }
    }

    @Test
    void bytesAreConservedFromEncoderToFrames() {
        RunConfig config = tiny().build();
        Recorder r = new Recorder();
        RunSummary s = FederatedRun.run(config, TRAIN, TEST, pool, r, Protocols::groups);
        assertEquals(2, s.rounds());
        assertEquals(2, r.rounds.size());
        long messageBytes = Compression.uplink("int8", pool.model().layout(),
                java.util.Map.of()).uplinkBits(1).totalBytes();
        // 5,994 int8 values, scale and zero point (2 x float32) for each of the 3 layers, CRC-32
        assertEquals(5994 + 3 * 8 + 4, messageBytes);
        int maxFrm = Region.EU868.dataRate(5).maxFrmPayloadBytes();
        int fragments = Fragmentation.fragmentCount((int) messageBytes, maxFrm);
        for (RoundRecord round : r.rounds) {
            List<FrameRecord> up = r.frames.stream()
                    .filter(f -> f.round() == round.round() && f.direction().equals(Direction.UPLINK)).toList();
            long frm = up.stream().mapToLong(FrameRecord::frmPayloadBytes).sum();
            long phy = up.stream().mapToLong(FrameRecord::phyPayloadBytes).sum();
            // sum of frame payloads = encoded update bytes + fragment headers
            assertEquals(3 * messageBytes + 3L * fragments * Fragmentation.HEADER_BYTES, frm);
            assertEquals(round.updateBytes() + (long) up.size() * Fragmentation.HEADER_BYTES, frm);
            assertEquals(frm + (long) up.size() * LorawanFrame.OVERHEAD_BYTES, phy);
            assertEquals(phy, round.uplinkBytes());
            assertEquals(3 * fragments, round.uplinkFrames());
            assertEquals(3, round.clientsOk());
            assertEquals(0, round.clientsDropped());
        }
    }

    @Test
    void everyRegisteredSchemeRunsWithItsBytesConserved() {
        List<String> names = new ArrayList<>(Compression.uplinkNames());
        names.add("ef:topk");
        for (String name : names) {
            RunConfig.Builder b = tiny();
            b.uplinkCodec = name;
            if (name.equals("octav")) {
                b.uplinkOptions = "bits=4-4-4";
            }
            Recorder r = new Recorder();
            RunSummary s = FederatedRun.run(b.build(), TRAIN, TEST, pool, r, Protocols::groups);
            assertEquals(2, s.rounds(), name);
            assertTrue(Double.isFinite(s.finalAccuracy()), name);
            long frm = r.frames.stream().filter(f -> f.direction().equals(Direction.UPLINK))
                    .mapToLong(FrameRecord::frmPayloadBytes).sum();
            long frames = r.frames.stream().filter(f -> f.direction().equals(Direction.UPLINK)).count();
            assertEquals(s.updateBytes() + 3 * frames, frm, name);
        }
    }

    @Test
    void nonIidPartitionsMomentumAndTheRealisticLinkRun() {
        for (String partition : List.of("shards", "dirichlet", "unequal")) {
            RunConfig.Builder b = tiny();
            b.partition = partition;
            b.momentum = 0.9;
            b.weightDecay = 1e-4;
            b.link = "realistic";
            b.radiusM = 200;
            b.sfPolicy = "link-budget";
            b.roundDeadlineS = 7200;
            Recorder r = new Recorder();
            RunSummary s = FederatedRun.run(b.build(), TRAIN, TEST, pool, r, Protocols::groups);
            assertEquals(2, s.rounds(), partition);
            assertTrue(Double.isFinite(s.finalAccuracy()), partition);
            assertEquals(3, r.devices.size(), partition);
            for (org.fedwan.results.DeviceRecord d : r.devices) {
                assertTrue(d.txJ() > 0 && d.sleepJ() >= 0 && d.mcuJ() > 0, d.toString());
            }
        }
    }

    @Test
    void theSameWorkloadRunsOverNbiotWithEnergyAddingUpOverRows() {
        RunConfig.Builder b = tiny();
        b.protocol = "nbiot";
        b.couplingLossDb = 150;
        Recorder r = new Recorder();
        RunSummary s = FederatedRun.run(b.build(), TRAIN, TEST, pool, r, Protocols::groups);
        assertEquals(2, s.rounds());
        assertEquals(2, r.rounds.size());
        for (RoundRecord round : r.rounds) {
            assertEquals(3, round.clientsOk());
            // transport blocks carry the updates plus IP/UDP overhead
            assertTrue(round.uplinkBytes() >= round.updateBytes(), round.toString());
            double rows = r.energyJ(round.round());
            assertEquals(rows, round.energyJ(), 1e-9);
        }
        assertTrue(r.energies.stream().anyMatch(e -> e.state() == EnergyState.TX));
        assertEquals(3, r.devices.size());
        RunSummary lora = FederatedRun.run(tiny().build(), TRAIN, TEST, pool, new Recorder(), Protocols::groups);
        // same seed, same training: the model does not depend on the link
        assertEquals(lora.finalAccuracy(), s.finalAccuracy());
    }

    @Test
    void overSelectionClosesAtTheTargetCountAndDropoutsAreRecorded() {
        RunConfig.Builder b = tiny();
        b.clients = 6;
        b.clientsPerRound = 2;
        b.overSelection = 1.5;
        b.rounds = 1;
        Recorder r = new Recorder();
        FederatedRun.run(b.build(), TRAIN, TEST, pool, r, Protocols::groups);
        // 3 selected, the round closes with the first 2 updates
        assertEquals(2, r.rounds.get(0).clientsOk());
        assertEquals(1, r.rounds.get(0).clientsDropped());
        assertEquals(3, r.clients.size());
        RunConfig.Builder d = tiny();
        d.dropoutProbability = 0.999;
        d.rounds = 1;
        Recorder rd = new Recorder();
        FederatedRun.run(d.build(), TRAIN, TEST, pool, rd, Protocols::groups);
        assertEquals(0, rd.rounds.get(0).clientsOk());
        assertTrue(rd.clients.stream().allMatch(c -> c.outcome() == org.fedwan.results.ClientOutcome.DROPPED_OUT));
    }

    @Test
    void serverLearningRateScalesTheStep() {
        RunConfig.Builder half = tiny();
        half.rounds = 1;
        half.serverLearningRate = 0.5;
        half.uplinkCodec = "fp32";
        RunSummary s = FederatedRun.run(half.build(), TRAIN, TEST, pool, new Recorder(), Protocols::groups);
        RunConfig.Builder full = tiny();
        full.rounds = 1;
        full.uplinkCodec = "fp32";
        RunSummary f = FederatedRun.run(full.build(), TRAIN, TEST, pool, new Recorder(), Protocols::groups);
        assertTrue(s.finalLoss() != f.finalLoss());
    }

    @Test
    void mixedProtocolsRunInOneRoundAndAreLabelled() {
        RunConfig.Builder b = tiny();
        b.clients = 4;
        b.protocol = "mixed";
        b.nbiotShare = 0.5;
        Recorder r = new Recorder();
        RunSummary s = FederatedRun.run(b.build(), TRAIN, TEST, pool, r, Protocols::groups);
        assertEquals(2, s.rounds());
        assertEquals(4, r.rounds.get(0).clientsOk());
        assertEquals(List.of("lorawan", "lorawan", "nbiot", "nbiot"),
                r.devices.stream().sorted(java.util.Comparator.comparing(org.fedwan.results.DeviceRecord::device))
                        .map(org.fedwan.results.DeviceRecord::protocol).toList());
        assertTrue(r.energies.stream().anyMatch(e -> e.device().equals("dev-3") && e.state() != EnergyState.COMPUTE));
        assertTrue(r.frames.stream().anyMatch(f -> f.device().equals("dev-0") && f.direction().equals(Direction.UPLINK)
                && f.phyPayloadBytes() == 255));
        for (RoundRecord round : r.rounds) {
            double rows = r.energyJ(round.round());
            assertEquals(rows, round.energyJ(), 1e-9);
        }
    }

    @Test
    void gradientModeClientsSendGradientsAndTheServerDescends() {
        RunConfig.Builder b = tiny();
        b.clientMode = "gradient";
        b.gradientBatch = "full";
        b.uplinkCodec = "laq";
        b.learningRate = 0.5;
        b.rounds = 6;
        Recorder r = new Recorder();
        RunSummary s = FederatedRun.run(b.build(), TRAIN, TEST, pool, r, Protocols::groups);
        // full-batch gradient descent with lazily aggregated quantized gradients lowers the test loss
        assertTrue(r.rounds.get(5).loss() < r.rounds.get(0).loss(), r.rounds.get(0).loss() + " -> " + r.rounds.get(5).loss());
        assertEquals(6, s.rounds());
        // one mini-batch of 20 samples: training (3 x forward) FLOPs of 20 samples at 50 MFLOP/s
        RunConfig.Builder mb = tiny();
        mb.clientMode = "gradient";
        mb.rounds = 1;
        mb.deviceSpeedSigma = 0;
        Recorder rm = new Recorder();
        FederatedRun.run(mb.build(), TRAIN, TEST, pool, rm, Protocols::groups);
        long expectedUs = Math.round(3.0 * pool.model().forwardFlopsPerSample() * 20 / 50e6 * 1e6);
        assertEquals(expectedUs, rm.clients.get(0).computeUs());
    }

    @Test
    void xflSendsOneLayerPerClientAndRound() {
        RunConfig.Builder b = tiny();
        b.uplinkCodec = "xfl";
        b.uplinkOptions = "codec=int8";
        Recorder r = new Recorder();
        RunSummary xfl = FederatedRun.run(b.build(), TRAIN, TEST, pool, r, Protocols::groups);
        RunSummary int8 = FederatedRun.run(tiny().build(), TRAIN, TEST, pool, new Recorder(), Protocols::groups);
        // three layers of 208, 3,216 and 2,570 parameters: one per client and round instead of all
        assertTrue(xfl.updateBytes() < int8.updateBytes() / 2, xfl.updateBytes() + " vs " + int8.updateBytes());
    }

    @Test
    void energyIsTheSumOfVoltageTimesCurrentTimesTimeOverFrames() {
        Recorder r = new Recorder();
        RunSummary s = FederatedRun.run(tiny().build(), TRAIN, TEST, pool, r, Protocols::groups);
        RadioProfile radio = RadioProfile.SX1276_14DBM;
        var params = Region.EU868.dataRate(5).uplinkParams();
        double expected = 0;
        long flopsPerClient = 3 * pool.model().forwardFlopsPerSample() * 80;
        for (EnergyRecord e : r.energies) {
            // 0.5 mJ per MFLOP (lpwan-facts C(b)) x the client's training FLOPs
            assertEquals(EnergyState.COMPUTE, e.state());
            assertEquals(flopsPerClient / 1e6 * 0.5e-3, e.energyJ(), 1e-12);
            expected += e.energyJ();
        }
        for (FrameRecord f : r.frames) {
            double currentA = f.direction().equals(Direction.UPLINK) ? 0.044 : 0.0108;
            if (f.direction().equals(Direction.UPLINK)) {
                assertEquals(LoraPhy.timeOnAirUs(f.phyPayloadBytes(), params), f.airtimeUs());
            }
            double e = radio.supplyVoltageV() * currentA * f.airtimeUs() / 1e6;
            assertEquals(e, f.energyJ(), 1e-12);
            expected += e;
        }
        double rounds = r.rounds.stream().mapToDouble(RoundRecord::energyJ).sum();
        assertEquals(expected, rounds, 1e-9);
        assertEquals(expected, s.energyJ(), 1e-9);
    }

    @Test
    void framesRespectTheDutyCycle() {
        Recorder r = new Recorder();
        FederatedRun.run(tiny().build(), TRAIN, TEST, pool, r, Protocols::groups);
        for (String dev : List.of("dev-0", "dev-1", "dev-2")) {
            List<FrameRecord> up = r.frames.stream()
                    .filter(f -> f.device().equals(dev) && f.direction().equals(Direction.UPLINK)).toList();
            for (int i = 1; i < up.size(); i++) {
                FrameRecord prev = up.get(i - 1);
                // 1 %: the next frame may start 100 x ToA after the previous one started
                assertTrue(up.get(i).startUs() >= prev.startUs() + 100 * prev.airtimeUs(), dev + " frame " + i);
            }
        }
        assertTrue(r.rounds.get(0).dutyCycleWaitUs() > 0);
    }

    @Test
    void sameSeedGivesIdenticalRecordsAndAnotherSeedDiffers() {
        Recorder a = new Recorder();
        Recorder b = new Recorder();
        Recorder c = new Recorder();
        FederatedRun.run(tiny().build(), TRAIN, TEST, pool, a, Protocols::groups);
        FederatedRun.run(tiny().build(), TRAIN, TEST, pool, b, Protocols::groups);
        RunConfig.Builder other = tiny();
        other.seed = 10;
        FederatedRun.run(other.build(), TRAIN, TEST, pool, c, Protocols::groups);
        assertEquals(a.rounds, b.rounds);
        assertEquals(a.frames, b.frames);
        assertTrue(!a.rounds.equals(c.rounds));
    }

    @Test
    void deadlineDropsSlowClientsAndAggregatesTheRest() {
        RunConfig.Builder b = tiny();
        b.rounds = 1;
        b.deviceSpeedSigma = 0;
        b.roundDeadlineS = 1;
        Recorder r = new Recorder();
        FederatedRun.run(b.build(), TRAIN, TEST, pool, r, Protocols::groups);
        RoundRecord round = r.rounds.get(0);
        // 80 samples x 3 x forward FLOPs at 50 MFLOP/s take longer than the 1 s deadline
        assertEquals(0, round.clientsOk());
        assertEquals(3, round.clientsDropped());
        assertEquals(0, round.uplinkFrames());
        assertEquals(round.startUs() + 1_000_000, round.aggregatedAtUs());
        assertTrue(round.downlinkFrames() > 0);
    }

    @Test
    void computeTimeFollowsFlopsAndDeviceSpeed() {
        RunConfig.Builder b = tiny();
        b.rounds = 1;
        b.deviceSpeedSigma = 0;
        Recorder r = new Recorder();
        FederatedRun.run(b.build(), TRAIN, TEST, pool, r, Protocols::groups);
        long flops = 3 * pool.model().forwardFlopsPerSample() * 80;
        long expectedUs = Math.round(flops / 50e6 * 1e6);
        long firstUplink = r.frames.stream().filter(f -> f.direction().equals(Direction.UPLINK))
                .mapToLong(FrameRecord::startUs).min().orElseThrow();
        assertEquals(expectedUs, firstUplink);
        assertEquals(CONFIG.dataRate(), 5);
    }
}
