package org.phodex.workload;

/**
 * A labelled data set already split and scaled: inputs row-major, one sample per row.
 *
 * @param dim     input length per sample
 * @param classes number of classes (labels are 0..classes-1)
 */
record Dataset(int dim, int classes, double[] trainX, int[] trainY, double[] testX, int[] testY) {

    int trainSize() {
        return trainY.length;
    }

    int testSize() {
        return testY.length;
    }
}
