package org.fedwan.scenarios.run;

import java.io.IOException;
import org.fedwan.fl.data.ImageDataset;
import org.fedwan.sim.config.RunConfig;

/** Loads (and, for MNIST, fetches on first use) the train and test sets a run needs. */
public final class DataSets {


    private DataSets() {
    }

    /** Train and test images. */
    public record TrainTest(ImageDataset train, ImageDataset test) {
    }

    /**
     * What runs of one process share: loaded data sets and trainer pools (ND4J graphs are costly to
     * build and their native memory is slow to return, so a sweep builds each pool once). Neither
     * changes results: data sets are never modified, and trainers keep no state between jobs.
     * Safe for concurrent use.
     */
    public static final class Cache implements AutoCloseable {
        private final java.util.Map<String, TrainTest> loaded = new java.util.HashMap<>();
        private final java.util.Map<String, org.fedwan.fl.train.TrainerPool> pools = new java.util.HashMap<>();

        /** A trainer pool for {@code config}'s model and training settings with {@code threads} trainers. */
        public synchronized org.fedwan.fl.train.TrainerPool pool(RunConfig config, int threads) {
            String key = config.model() + "|" + config.localEpochs() + "|" + config.batchSize() + "|" + config.learningRate()
                    + "|" + config.momentum() + "|" + config.weightDecay() + "|" + config.localSteps() + "|" + threads + "|" + Thread.currentThread().getId();
            return pools.computeIfAbsent(key, k -> new org.fedwan.fl.train.TrainerPool(
                    org.fedwan.fl.model.ModelZoo.create(config.model()),
                    new org.fedwan.fl.train.TrainingSettings(config.localSteps() > 0 ? 0 : config.localEpochs(), config.batchSize(),
                            config.learningRate(), config.momentum(), config.weightDecay(), config.localSteps()),
                    threads));
        }

        @Override
        public synchronized void close() {
            pools.values().forEach(org.fedwan.fl.train.TrainerPool::close);
            pools.clear();
        }

        public synchronized TrainTest get(RunConfig config) throws IOException {
            String key = config.dataset() + "|" + config.dataDir().toAbsolutePath() + "|" + config.trainSamples() + "|"
                    + config.testSamples() + "|" + (config.dataset().equals("synthetic") ? config.seed() : 0) + "|"
                    + config.clients();
            TrainTest t = loaded.get(key);
            if (t == null) {
                t = load(config);
                loaded.put(key, t);
            }
            return t;
        }
    }

    public static TrainTest load(RunConfig config) throws IOException {
        ImageDataset train;
        ImageDataset test;
        if (config.dataset().equals(org.fedwan.fl.data.DatasetCatalog.SYNTHETIC)) {
            int n = config.trainSamples() > 0 ? config.trainSamples() : org.fedwan.fl.data.DatasetCatalog.SYNTHETIC_TRAIN;
            int t = config.testSamples() > 0 ? config.testSamples() : org.fedwan.fl.data.DatasetCatalog.SYNTHETIC_TEST;
            org.fedwan.fl.data.TrainTest tt = org.fedwan.fl.data.DatasetCatalog.synthetic(n, t, 1, 28, config.seed());
            train = tt.train();
            test = tt.test();
        } else {
            org.fedwan.fl.data.TrainTest tt = org.fedwan.fl.data.DatasetCatalog.load(config.dataset(), config.dataDir(),
                    config.seed());
            train = tt.train();
            test = tt.test();
        }
        if (config.trainSamples() > 0) {
            train = train.head(config.trainSamples());
        }
        if (config.testSamples() > 0) {
            test = test.head(config.testSamples());
        }
        if (train.size() < config.clients()) {
            throw new IllegalArgumentException("train_samples: " + train.size() + " samples cannot be split among "
                    + config.clients() + " clients");
        }
        return new TrainTest(train, test);
    }
}
