package org.fedwan.scenarios.run;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.fedwan.fl.data.DatasetCatalog;
import org.fedwan.fl.data.ImageDataset;
import org.fedwan.fl.data.TrainTest;
import org.fedwan.fl.model.ModelZoo;
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
            String key = t.model() + "|" + t.localEpochs() + "|" + t.batchSize() + "|" + t.learningRate() + "|" + t.momentum()
                    + "|" + t.weightDecay() + "|" + t.localSteps() + "|" + threads + "|" + Thread.currentThread().getId();
            return pools.computeIfAbsent(key, k -> new TrainerPool(ModelZoo.create(t.model()),
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
