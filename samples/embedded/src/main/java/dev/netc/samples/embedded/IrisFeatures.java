package dev.netc.samples.embedded;

/**
 * The four measurements of an iris flower, in centimetres, as the application handles them. The generated {@code
 * IrisNet} reads the components in this order as its four inputs, so the record is the network's input type: javac
 * checks the count at build time.
 *
 * @param sepalLength sepal length in cm
 * @param sepalWidth sepal width in cm
 * @param petalLength petal length in cm
 * @param petalWidth petal width in cm
 */
public record IrisFeatures(float sepalLength, float sepalWidth, float petalLength, float petalWidth) {

    /** The values in input order, for preprocessing. */
    float[] toArray() {
        return new float[] {sepalLength, sepalWidth, petalLength, petalWidth};
    }

    /** The record of four values in input order, the inverse of {@link #toArray()}. */
    static IrisFeatures of(float[] values) {
        return new IrisFeatures(values[0], values[1], values[2], values[3]);
    }
}
