package org.fedwan.scenarios.run;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.fedwan.fl.data.DatasetCatalog;
import org.fedwan.fl.data.ImageDataset;
import org.fedwan.fl.data.TrainTest;
import org.fedwan.fl.train.TrainerPool;
import org.fedwan.fl.train.TrainingSettings;
import org.fedwan.sim.config.DataSection;
import org.fedwan.sim.config.Scenario;
import org.fedwan.sim.config.TrainingSection;

/** Loads (and, for MNIST and Fashion-MNIST, fetches on first use) the train and test sets a run needs. */
public final class DataSets {

    private DataSets() {
    }

    /**
     * What runs of one process share: loaded data sets and trainer pools (ND4J graphs are costly to
     * build and their native memory is slow to return, so a sweep builds each pool once). Neither
     * changes results: data sets are never modified, and trainers keep no state between jobs.
     * Safe for concurrent use.
     */
    public static final class Cache implements AutoCloseable {
        private final Map<String, TrainTest> loaded = new HashMap<>();
        private final Map<String, TrainerPool> pools = new HashMap<>();

        /** A trainer pool for {@code scenario}'s model and training settings with {@code threads} trainers. */
        public synchronized TrainerPool pool(Scenario scenario, int threads) {
            TrainingSection t = scenario.training();
            // a layers list is a model of its own, whose input geometry depends on the data set
            String key = t.model() + "|" + t.layers() + "|" + scenario.data().dataset() + "|" + t.localEpochs() + "|"
                    + t.batchSize() + "|" + t.learningRate() + "|" + t.momentum() + "|" + t.weightDecay() + "|"
                    + t.localSteps() + "|" + threads + "|" + Thread.currentThread().getId();
            return pools.computeIfAbsent(key, k -> new TrainerPool(t.definition(scenario.data().dataset()),
                    new TrainingSettings(t.localSteps() > 0 ? 0 : t.localEpochs(), t.batchSize(), t.learningRate(),
                            t.momentum(), t.weightDecay(), t.localSteps()),
                    threads));
        }

        @Override
        public synchronized void close() {
            pools.values().forEach(TrainerPool::close);
            pools.clear();
        }

        public synchronized TrainTest get(Scenario scenario) throws IOException {
            DataSection d = scenario.data();
            String key = d.dataset() + "|" + d.dataDir().toAbsolutePath() + "|" + d.trainSamples() + "|" + d.testSamples() + "|"
                    + (d.dataset().equals(DatasetCatalog.SYNTHETIC) ? scenario.run().seed() : 0) + "|"
                    + scenario.policy().clients();
            TrainTest t = loaded.get(key);
            if (t == null) {
                t = load(scenario);
                loaded.put(key, t);
            }
            return t;
        }
    }

    /**
     * The problems of a scenario asking for more training or test images than its data set ships
     * (MNIST and Fashion-MNIST; CIFAR-10, whose batches the user supplies, is checked when loaded),
     * one line each naming the key, the value and the set's size; empty when there are none.
     */
    public static List<String> sampleCountProblems(Scenario scenario) {
        DataSection d = scenario.data();
        List<String> problems = new ArrayList<>();
        tooMany("train_samples", d.trainSamples(), DatasetCatalog.shippedTrainSize(d.dataset()), d.dataset() + " training set")
                .ifPresent(problems::add);
        tooMany("test_samples", d.testSamples(), DatasetCatalog.shippedTestSize(d.dataset()), d.dataset() + " test set")
                .ifPresent(problems::add);
        return problems;
    }

    /** Throws the {@link #sampleCountProblems} of {@code scenario}, if any. */
    public static void checkSampleCounts(Scenario scenario) {
        List<String> problems = sampleCountProblems(scenario);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    private static Optional<String> tooMany(String key, int asked, int size, String set) {
        if (size <= 0 || asked <= size) {
            return Optional.empty();
        }
        return Optional.of("key '" + key + "' = " + asked + ": larger than the " + set + " (" + size + " images); allowed: 0 "
                + "(the whole set) to " + size);
    }

    /**
     * Loads the train and test sets of {@code scenario}, cut to its {@code train_samples} and
     * {@code test_samples}.
     *
     * @throws IllegalArgumentException if the set is smaller than {@code train_samples} or
     *                                  {@code test_samples} asks, or too small for the clients
     */
    public static TrainTest load(Scenario scenario) throws IOException {
        DataSection d = scenario.data();
        long seed = scenario.run().seed();
        ImageDataset train;
        ImageDataset test;
        if (d.dataset().equals(DatasetCatalog.SYNTHETIC)) {
            int n = d.trainSamples() > 0 ? d.trainSamples() : DatasetCatalog.SYNTHETIC_TRAIN;
            int t = d.testSamples() > 0 ? d.testSamples() : DatasetCatalog.SYNTHETIC_TEST;
            TrainTest tt = DatasetCatalog.synthetic(n, t, 1, 28, seed);
            train = tt.train();
            test = tt.test();
        } else {
            TrainTest tt = DatasetCatalog.load(d.dataset(), d.dataDir(), seed);
            train = tt.train();
            test = tt.test();
        }
        Optional<String> tooManyTrain = tooMany("train_samples", d.trainSamples(), train.size(), d.dataset() + " training set");
        Optional<String> tooManyTest = tooMany("test_samples", d.testSamples(), test.size(), d.dataset() + " test set");
        if (tooManyTrain.isPresent() || tooManyTest.isPresent()) {
            throw new IllegalArgumentException(String.join("; ", Stream.of(tooManyTrain, tooManyTest)
                    .flatMap(Optional::stream).toList()));
        }
        if (d.trainSamples() > 0) {
            train = train.head(d.trainSamples());
        }
        if (d.testSamples() > 0) {
            test = test.head(d.testSamples());
        }
        int clients = scenario.policy().clients();
        if (train.size() < clients) {
            throw new IllegalArgumentException("train_samples: " + train.size() + " samples cannot be split among "
                    + clients + " clients");
        }
        return new TrainTest(train, test);
    }
}
