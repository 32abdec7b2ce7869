package dev.netc.runtime;

/**
 * Weight initialisation, one method per {@code dev.netc.Init} kind, with PyTorch's {@code torch.nn.init} formulas
 * (gain 1 for Glorot, {@code sqrt(2)} for He) and Keras' defaults for the plain normal and uniform kinds. Each fills
 * one dense layer's weights, {@code fanOut * fanIn} values from {@code offset}, from {@code random}; biases stay zero.
 * Generated {@code newParameters(seed)} methods call these with {@link SeededRandom#forLayer}, so the result
 * depends on the seed alone.
 */
public final class Initializers {

    /** Standard deviation of {@link #normal} (Keras' {@code RandomNormal}). */
    public static final double NORMAL_STDDEV = 0.05;
    /** Limit of {@link #uniform} (Keras' {@code RandomUniform}). */
    public static final double UNIFORM_LIMIT = 0.05;

    private Initializers() {}

    /** Normal with mean 0 and standard deviation 0.05. */
    public static void normal(float[] parameters, int offset, int fanIn, int fanOut, SeededRandom random) {
        fillNormal(parameters, offset, fanIn * fanOut, NORMAL_STDDEV, random);
    }

    /** Uniform in [-0.05, 0.05). */
    public static void uniform(float[] parameters, int offset, int fanIn, int fanOut, SeededRandom random) {
        fillUniform(parameters, offset, fanIn * fanOut, UNIFORM_LIMIT, random);
    }

    /** Normal with standard deviation {@code sqrt(2 / (fanIn + fanOut))}. */
    public static void glorotNormal(float[] parameters, int offset, int fanIn, int fanOut, SeededRandom random) {
        fillNormal(parameters, offset, fanIn * fanOut, Math.sqrt(2.0 / (fanIn + fanOut)), random);
    }

    /** Uniform in {@code +-sqrt(6 / (fanIn + fanOut))}. */
    public static void glorotUniform(float[] parameters, int offset, int fanIn, int fanOut, SeededRandom random) {
        fillUniform(parameters, offset, fanIn * fanOut, Math.sqrt(6.0 / (fanIn + fanOut)), random);
    }

    /** Normal with standard deviation {@code sqrt(2 / fanIn)}. */
    public static void heNormal(float[] parameters, int offset, int fanIn, int fanOut, SeededRandom random) {
        fillNormal(parameters, offset, fanIn * fanOut, Math.sqrt(2.0 / fanIn), random);
    }

    /** Uniform in {@code +-sqrt(6 / fanIn)}. */
    public static void heUniform(float[] parameters, int offset, int fanIn, int fanOut, SeededRandom random) {
        fillUniform(parameters, offset, fanIn * fanOut, Math.sqrt(6.0 / fanIn), random);
    }

    private static void fillNormal(float[] parameters, int offset, int count, double stddev, SeededRandom random) {
        for (int i = offset; i < offset + count; i++) {
            parameters[i] = (float) (stddev * random.nextGaussian());
        }
    }

    private static void fillUniform(float[] parameters, int offset, int count, double limit, SeededRandom random) {
        for (int i = offset; i < offset + count; i++) {
            parameters[i] = (float) random.nextSymmetric(limit);
        }
    }
}
