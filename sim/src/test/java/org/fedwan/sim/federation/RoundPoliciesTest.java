package org.fedwan.sim.federation;

import org.fedwan.sim.Protocols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.fedwan.fl.data.ImageDataset;
import org.fedwan.fl.data.SyntheticImages;
import org.fedwan.fl.model.ModelZoo;
import org.fedwan.fl.train.GradientMode;
import org.fedwan.fl.train.TrainerPool;
import org.fedwan.fl.train.TrainingSettings;
import org.fedwan.results.ClientRoundRecord;
import org.fedwan.results.RoundRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Evaluation cadence, training metrics, late updates, availability, pre-training and local steps. */
class RoundPoliciesTest {

    private static final ImageDataset TRAIN = SyntheticImages.generate("syn-train", 240, 28, 10, 60, 1, 2);
    private static final ImageDataset TEST = SyntheticImages.generate("syn-test", 100, 28, 10, 60, 1, 3);
    private static TrainerPool pool;

    @BeforeAll
    static void startPool() {
        pool = new TrainerPool(ModelZoo.create("cnn-mnist"), new TrainingSettings(1, 20, 0.05), 2);
    }

    @AfterAll
    static void stopPool() {
        pool.close();
    }

    private static FederatedSimulationTest.Recorder run(TestScenario b) {
        FederatedSimulationTest.Recorder r = new FederatedSimulationTest.Recorder();
        FederatedRun.run(b.build(), TRAIN, TEST, pool, r, Protocols::groups);
        return r;
    }

    @Test
    void evaluatesEveryKRoundsAndAfterTheLast() {
        TestScenario b = FederatedSimulationTest.tiny();
        b.set("rounds", 5);
        b.set("eval_every", 2);
        List<RoundRecord> rounds = run(b).rounds;
        assertEquals(5, rounds.size());
        assertTrue(Double.isNaN(rounds.get(0).accuracy()));
        assertTrue(Double.isFinite(rounds.get(1).accuracy()));
        assertTrue(Double.isNaN(rounds.get(2).loss()));
        assertTrue(Double.isFinite(rounds.get(3).loss()));
        assertTrue(Double.isFinite(rounds.get(4).accuracy()), "the last round is always evaluated");
        assertTrue(Double.isNaN(rounds.get(4).trainLoss()), "no training metrics unless asked for");
    }

    @Test
    void trainingMetricsAreMeasuredOnTheSubset() {
        TestScenario b = FederatedSimulationTest.tiny();
        b.set("train_eval_samples", 120);
        List<RoundRecord> rounds = run(b).rounds;
        for (RoundRecord r : rounds) {
            assertTrue(r.trainLoss() > 0 && Double.isFinite(r.trainLoss()));
            assertTrue(r.trainAccuracy() >= 0 && r.trainAccuracy() <= 1);
            assertTrue(r.gradientNorm() > 0 && Double.isFinite(r.gradientNorm()));
        }
    }

    @Test
    void chunkedGradientNormEqualsTheNormOfTheWholeGradient() {
        float[][] w = pool.model().initialWeights(5);
        // by definition: the gradient of the mean loss over all samples, in one job
        float[][] whole = pool.gradients(List.of(new TrainerPool.Job(w, TRAIN,
                java.util.stream.IntStream.range(0, TRAIN.size()).toArray(), 7)), GradientMode.FULL_LOCAL_DATA).get(0);
        double sum = 0;
        for (float[] layer : whole) {
            for (float v : layer) {
                sum += (double) v * v;
            }
        }
        double expected = Math.sqrt(sum);
        double chunked = Server.gradientNorm(pool, w, null, TRAIN, 70, 7);
        assertEquals(expected, chunked, 1e-5 * expected);
    }

    /**
     * Six clients on NB-IoT, three a round, identical speeds; the deadline falls in the middle of
     * the uploads. (On LoRaWAN late fragments would often meet the gateway transmitting the
     * broadcast, half-duplex, and the update would be lost: a real effect, but not this test's.)
     */
    private static TestScenario lateSetUp(String policy) {
        TestScenario b = FederatedSimulationTest.tiny();
        b.set("clients", 6);
        b.set("clients_per_round", 3);
        b.set("rounds", 3);
        b.set("device_speed_sigma", 0);
        b.set("protocol", "nbiot");
        b.set("late_updates", policy);
        // 40 samples x 3 x forward FLOPs at 50 MFLOP/s, then the 6 kB upload takes longer than 1 s
        long computeUs = Math.round(3.0 * ModelZoo.create("cnn-mnist").forwardFlopsPerSample() * 40 / 50e6 * 1e6);
        b.set("round_deadline_s", computeUs / 1e6 + 1);
        return b;
    }

    @Test
    void lateUpdatesJoinTheNextAggregation() {
        FederatedSimulationTest.Recorder r = run(lateSetUp("next-round"));
        RoundRecord first = r.rounds.get(0);
        assertEquals(0, first.clientsOk());
        assertEquals(0, first.lateUpdates());
        List<ClientRoundRecord> round1 = r.clients.stream().filter(c -> c.round() == 1).toList();
        assertEquals(3, round1.size());
        assertTrue(round1.stream().allMatch(c -> c.outcome() == org.fedwan.results.ClientOutcome.LATE), round1.toString());
        RoundRecord second = r.rounds.get(1);
        assertEquals(3, second.lateUpdates(), r.rounds + "\n" + r.clients);
        Set<String> lateUsed = r.clients.stream().filter(c -> c.round() == 2 && c.outcome() == org.fedwan.results.ClientOutcome.LATE_USED)
                .map(ClientRoundRecord::device).collect(Collectors.toSet());
        assertEquals(round1.stream().map(ClientRoundRecord::device).collect(Collectors.toSet()), lateUsed);
        // clients still sending a late update are not selected again
        Set<String> selected2 = r.clients.stream().filter(c -> c.round() == 2 && c.outcome() != org.fedwan.results.ClientOutcome.LATE_USED)
                .map(ClientRoundRecord::device).collect(Collectors.toSet());
        assertTrue(selected2.stream().noneMatch(lateUsed::contains));

        FederatedSimulationTest.Recorder discarded = run(lateSetUp("discard"));
        assertEquals(0, discarded.rounds.get(1).lateUpdates());
        assertTrue(discarded.clients.stream().noneMatch(c -> c.outcome().label().startsWith("late")));
        // with nothing aggregated the model after round 2 is the initial one; with late updates it moved
        assertFalse(r.rounds.get(1).loss() == discarded.rounds.get(1).loss());
    }

    @Test
    void onlyOnlineDevicesAreSelected(@TempDir Path dir) throws IOException {
        Path trace = dir.resolve("trace.csv");
        Files.writeString(trace, "device,start_s,end_s\ndev-0,0,1\n2,0,0.5\n2,1000000,2000000\n");
        TestScenario b = FederatedSimulationTest.tiny();
        b.set("availability_trace", trace);
        b.set("rounds", 2);
        FederatedSimulationTest.Recorder r = run(b);
        assertEquals(Set.of("dev-0", "dev-1", "dev-2"),
                r.clients.stream().filter(c -> c.round() == 1).map(ClientRoundRecord::device).collect(Collectors.toSet()));
        assertEquals(Set.of("dev-1"),
                r.clients.stream().filter(c -> c.round() == 2).map(ClientRoundRecord::device).collect(Collectors.toSet()));

        TestScenario p = FederatedSimulationTest.tiny();
        p.set("clients", 10);
        p.set("rounds", 4);
        p.set("availability", 0.5);
        long selected = run(p).clients.size();
        assertTrue(selected > 4 && selected < 36, "about half of 40 device-rounds online, got " + selected);
    }

    @Test
    void nbiotDevicesChargeTheirTrainingToTheLedger() {
        TestScenario b = FederatedSimulationTest.tiny();
        b.set("protocol", "nbiot");
        FederatedSimulationTest.Recorder r = run(b);
        for (org.fedwan.results.DeviceRecord d : r.devices) {
            double compute = r.energies.stream().filter(e -> e.device().equals(d.device())
                    && e.state() == org.fedwan.results.EnergyState.MCU_TRAINING)
                    .mapToDouble(org.fedwan.results.EnergyRecord::energyJ).sum();
            assertTrue(compute > 0);
            assertEquals(compute, d.energy().get(org.fedwan.results.EnergyState.MCU_TRAINING), 1e-12);
        }
    }

    @Test
    void devicesWithAnEmptyBatteryAreNotSelected() {
        TestScenario b = FederatedSimulationTest.tiny();
        b.set("rounds", 2);
        b.set("battery_capacity_j", 0.5);
        FederatedSimulationTest.Recorder r = run(b);
        assertEquals(3, r.clients.stream().filter(c -> c.round() == 1).count());
        assertTrue(r.devices.stream().allMatch(d -> d.depletedAtUs() >= 0), r.devices.toString());
        assertEquals(0, r.clients.stream().filter(c -> c.round() == 2).count());
    }

    @Test
    void traceWindowsRepeatWithTheirPeriodAndBadLinesAreNamed(@TempDir Path dir) throws IOException {
        Path trace = dir.resolve("daily.csv");
        Files.writeString(trace, "device,start_s,end_s,period_s=100\n0,10,20\n");
        AvailabilityTrace t = AvailabilityTrace.read(trace, 2);
        assertFalse(t.online(0, 5_000_000));
        assertTrue(t.online(0, 15_000_000));
        assertTrue(t.online(0, 115_000_000));
        assertFalse(t.online(0, 125_000_000));
        assertTrue(t.online(1, 5_000_000), "devices the trace does not name are always online");

        Files.writeString(trace, "device,start_s,end_s\n0,10,20\ndev-7,1,2\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AvailabilityTrace.read(trace, 2));
        assertTrue(e.getMessage().contains("daily.csv:3: device 'dev-7'") && e.getMessage().contains("from 0 to 1"),
                e.getMessage());
        Files.writeString(trace, "device,start_s,end_s\n0,20,10\n");
        e = assertThrows(IllegalArgumentException.class, () -> AvailabilityTrace.read(trace, 2));
        assertTrue(e.getMessage().contains(":2: window 20 .. 10"), e.getMessage());
    }

    @Test
    void pretrainingHoldsOutThePublicShareAndStartsAhead() {
        TestScenario b = FederatedSimulationTest.tiny();
        b.set("rounds", 1);
        b.set("device_speed_sigma", 0);
        b.set("pretrain_fraction", 0.25);
        b.set("pretrain_epochs", 5);
        FederatedSimulationTest.Recorder pre = run(b);
        // the clients share the 180 private samples: compute time follows 60 samples each
        long computeUs = Math.round(3.0 * pool.model().forwardFlopsPerSample() * 60 / 50e6 * 1e6);
        assertTrue(pre.clients.stream().allMatch(c -> c.computeUs() == computeUs), pre.clients.toString());
        TestScenario s = FederatedSimulationTest.tiny();
        s.set("rounds", 1);
        FederatedSimulationTest.Recorder scratch = run(s);
        assertTrue(pre.rounds.get(0).loss() < scratch.rounds.get(0).loss(),
                pre.rounds.get(0).loss() + " vs " + scratch.rounds.get(0).loss());
    }

    @Test
    void quantizationAwareTrainingChangesWhatTwoBitClientsLearn() {
        TestScenario b = FederatedSimulationTest.tiny();
        b.set("uplink_codec", "octav");
        b.set("uplink_options", "bits=2 weighting=none");
        b.set("rounds", 1);
        FederatedSimulationTest.Recorder plain = run(b);
        b.set("quantization_aware", true);
        FederatedSimulationTest.Recorder aware = run(b);
        assertEquals(plain.rounds.get(0).updateBytes(), aware.rounds.get(0).updateBytes(), "same message sizes");
        assertFalse(plain.rounds.get(0).loss() == aware.rounds.get(0).loss());
        TestScenario g = FederatedSimulationTest.tiny();
        g.set("client_mode", "gradient");
        g.set("quantization_aware", true);
        assertThrows(IllegalArgumentException.class, g::build);
    }

    @Test
    void localStepsSetTheComputeTime() {
        TestScenario b = FederatedSimulationTest.tiny();
        b.set("rounds", 1);
        b.set("device_speed_sigma", 0);
        b.set("local_steps", 3);
        FederatedSimulationTest.Recorder r = run(b);
        long computeUs = Math.round(3.0 * pool.model().forwardFlopsPerSample() * 3 * 20 / 50e6 * 1e6);
        assertTrue(r.clients.stream().allMatch(c -> c.computeUs() == computeUs), r.clients.toString());
    }
}
