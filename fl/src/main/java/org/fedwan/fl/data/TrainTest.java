package org.fedwan.fl.data;

/**
 * A data set's training and test splits.
 *
 * @param train the split clients train on
 * @param test  the held-out split the server evaluates on
 */
public record TrainTest(ImageDataset train, ImageDataset test) {

    public TrainTest {
        if (train == null || test == null) {
            throw new IllegalArgumentException("both a training and a test split are needed");
        }
        if (train.channels() != test.channels() || train.height() != test.height() || train.width() != test.width()
                || train.numClasses() != test.numClasses()) {
            throw new IllegalArgumentException("splits '" + train.name() + "' and '" + test.name()
                    + "' differ in geometry or number of classes");
        }
    }
}
