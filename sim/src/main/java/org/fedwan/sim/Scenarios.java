package org.fedwan.sim;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fedwan.compression.scheme.Compression;
import org.fedwan.compression.scheme.Quantity;
import org.fedwan.compression.scheme.Scheme;
import org.fedwan.fl.data.Cifar10Files;
import org.fedwan.fl.data.DatasetCatalog;
import org.fedwan.fl.model.LayerListException;
import org.fedwan.sim.background.BackgroundSection;
import org.fedwan.sim.config.ClientMode;
import org.fedwan.sim.config.ClockLimits;
import org.fedwan.sim.config.CompressionSection;
import org.fedwan.sim.config.DataSection;
import org.fedwan.sim.config.DeviceSection;
import org.fedwan.sim.config.KeyProblem;
import org.fedwan.sim.config.RoundPolicySection;
import org.fedwan.sim.config.RunSection;
import org.fedwan.sim.config.Scenario;
import org.fedwan.sim.config.Schema;
import org.fedwan.sim.config.Section;
import org.fedwan.sim.config.ServerSection;
import org.fedwan.sim.config.TrainingSection;
import org.fedwan.sim.federation.AvailabilityTrace;
import org.fedwan.sim.lorawan.traffic.LorawanTrafficSection;

/**
 * FedWAN's scenario schema: the core sections (run, data, training, devices, compression,
 * server, round policy, link), each protocol's own section from {@link Protocols}, the background
 * sensors ({@link BackgroundSection}) and the traffic of {@code ./fedwan lorawan-net}
 * ({@link LorawanTrafficSection}), with the checks that
 * involve several sections or the file system.
 */
public final class Scenarios {

    /** The schema every scenario file, sweep point and manifest is read through. */
    public static final Schema SCHEMA = new Schema(sections(), List.of(
            Scenarios::layersFitTheData,
            Scenarios::schemeFitsTheModel,
            Scenarios::trainingFitsTheClock,
            Scenarios::syntheticSetFitsAnArray,
            Scenarios::cifar10FilesArePresent,
            Scenarios::availabilityTraceReads));

    private Scenarios() {
    }

    private static List<Section<?>> sections() {
        List<Section<?>> s = new ArrayList<>(List.of(RunSection.SECTION, DataSection.SECTION, TrainingSection.SECTION,
                DeviceSection.SECTION, CompressionSection.SECTION, ServerSection.SECTION, RoundPolicySection.SECTION, LinkSection.SECTION));
        s.addAll(Protocols.sections());
        s.add(BackgroundSection.SECTION);
        s.add(LorawanTrafficSection.SECTION);
        return s;
    }

    /** Every default. */
    public static Scenario defaults() {
        return SCHEMA.defaults();
    }

    /**
     * A scenario from plain values by key.
     *
     * @see Schema#build
     */
    public static Scenario build(Map<String, ?> given, Path baseDir) {
        return SCHEMA.build(given, baseDir);
    }

    /**
     * A {@code layers} list fits the data set's images and classes (its shapes inferred entry by
     * entry); the problem names the entry, so that the loader points at its line.
     */
    private static void layersFitTheData(Scenario s, List<KeyProblem> problems) {
        if (s.training().layers() == null) {
            return;
        }
        try {
            s.training().definition(s.data().dataset());
        } catch (LayerListException e) {
            problems.add(new KeyProblem("layers", e.getMessage(), e.entry()));
        }
    }

    /** Whether the model can be built: a {@code layers} list that does not fit is reported by {@link #layersFitTheData}. */
    private static boolean modelBuilds(Scenario s) {
        try {
            s.training().definition(s.data().dataset());
            return true;
        } catch (LayerListException e) {
            return false;
        }
    }

    /** The uplink scheme accepts its options on the model's layout; quantization-aware training needs a scheme that sends weights. */
    private static void schemeFitsTheModel(Scenario s, List<KeyProblem> problems) {
        CompressionSection c = s.compression();
        TrainingSection t = s.training();
        if (!modelBuilds(s)) {
            return;
        }
        Scheme scheme;
        try {
            scheme = Compression.uplink(c.uplinkCodec(), t.layout(s.data().dataset()), c.uplinkOptions());
        } catch (IllegalArgumentException e) {
            problems.add(new KeyProblem("uplink_options", "for scheme " + c.uplinkCodec() + ": " + e.getMessage()));
            return;
        }
        if (t.quantizationAware() && (scheme.quantity() != Quantity.WEIGHTS || t.clientMode() != ClientMode.TRAIN)) {
            problems.add(new KeyProblem("quantization_aware", "with scheme " + c.uplinkCodec() + " (sends "
                    + scheme.quantity().name().toLowerCase(Locale.ROOT) + ") and client_mode " + t.clientMode().label()
                    + ": allowed: a scheme that sends weights, in client_mode train"));
        }
    }

    /**
     * Training samples of the largest catalog set (MNIST and Fashion-MNIST: 60,000; CIFAR-10:
     * 50,000), the bound on one client's share when {@code train_samples} is 0.
     */
    private static final int LARGEST_TRAIN_SET = 60_000;

    /** Bytes of one synthetic image (1 x 28 x 28, {@link DatasetCatalog#synthetic}). */
    private static final int SYNTHETIC_IMAGE_BYTES = 28 * 28;

    /** Largest Java array, elements: the images of a set are one byte array. */
    private static final int MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

    /** One client's training over the run, at the median device speed, fits the engine's clock ({@link ClockLimits}). */
    private static void trainingFitsTheClock(Scenario s, List<KeyProblem> problems) {
        TrainingSection t = s.training();
        DataSection d = s.data();
        if (!t.networkOnly() && !modelBuilds(s)) {
            return;
        }
        long share = d.trainSamples() > 0 ? d.trainSamples() : LARGEST_TRAIN_SET;
        double samples;
        if (t.clientMode() == ClientMode.GRADIENT) {
            samples = share;
        } else if (t.localSteps() > 0) {
            samples = (double) t.localSteps() * t.batchSize();
        } else {
            samples = (double) share * t.localEpochs();
        }
        double flops = t.networkOnly() ? t.computeMflop() * 1e6
                : 3.0 * t.definition(d.dataset()).forwardFlopsPerSample() * samples;
        String problem = ClockLimits.trainingProblem(flops, s.devices().deviceMflops(), s.run().rounds());
        if (problem != null) {
            problems.add(new KeyProblem("device_mflops", problem));
        }
    }

    /** The synthetic set's images fit one Java array. */
    private static void syntheticSetFitsAnArray(Scenario s, List<KeyProblem> problems) {
        DataSection d = s.data();
        int most = MAX_ARRAY_LENGTH / SYNTHETIC_IMAGE_BYTES;
        if (!d.dataset().equals(DatasetCatalog.SYNTHETIC)) {
            return;
        }
        for (String key : List.of("train_samples", "test_samples")) {
            int n = key.equals("train_samples") ? d.trainSamples() : d.testSamples();
            if (n > most) {
                problems.add(new KeyProblem(key, "with dataset synthetic: allowed: at most " + most + " (its 1x28x28 images "
                        + "are held in one Java array, of at most 2^31 - 9 bytes)"));
            }
        }
    }

    /** CIFAR-10 is never fetched: its batches must be in the data folder (unless no data set is read: training none). */
    private static void cifar10FilesArePresent(Scenario s, List<KeyProblem> problems) {
        DataSection d = s.data();
        if (!d.dataset().equals(DatasetCatalog.CIFAR10) || s.training().networkOnly()) {
            return;
        }
        List<String> missing = Cifar10Files.missingFiles(d.dataDir());
        if (!missing.isEmpty()) {
            problems.add(new KeyProblem("dataset", "no CIFAR-10 binary batches in " + d.dataDir().toAbsolutePath()
                    + " (missing " + String.join(", ", missing) + "); allowed: a data_dir holding data_batch_1.bin .. "
                    + "data_batch_5.bin and test_batch.bin (CIFAR-10 is never fetched)"));
        }
    }

    /** An availability trace must be a readable CSV of windows of existing devices. */
    private static void availabilityTraceReads(Scenario s, List<KeyProblem> problems) {
        RoundPolicySection p = s.policy();
        if (p.availabilityTrace() == null) {
            return;
        }
        try {
            AvailabilityTrace.read(p.availabilityTrace(), p.clients());
        } catch (NoSuchFileException e) {
            problems.add(new KeyProblem("availability_trace", "no such file; allowed: a readable CSV file 'device,start_s,end_s'"));
        } catch (IOException e) {
            problems.add(new KeyProblem("availability_trace", "cannot read it; allowed: a readable CSV file 'device,start_s,end_s'"));
        } catch (IllegalArgumentException e) {
            problems.add(new KeyProblem("availability_trace", e.getMessage()));
        }
    }
}
