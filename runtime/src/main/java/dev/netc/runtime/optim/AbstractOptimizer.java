package dev.netc.runtime.optim;

import dev.netc.runtime.kernel.BlockTask;
import dev.netc.spec.OptimizerSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The bookkeeping every optimizer shares, so that each subclass holds only its formula: the learning rate, the step
 * counter, per-parameter buffers allocated by the first step, argument checks, and the state a checkpoint keeps.
 */
abstract class AbstractOptimizer implements Optimizer {

    /** {@link #parameterCount} before the first step: any length is accepted then. */
    private static final int UNBOUND = -1;

    private final OptimizerSpec spec;
    private final List<String> bufferNames;
    private final float[][] buffers;
    private final Shares shares = new Shares();
    private double learningRate;
    private long steps;
    private int parameterCount = UNBOUND;

    /**
     * @param spec the hyperparameters, checked here
     * @param bufferNames {@code torch.optim}'s names of the per-parameter state the rule keeps, in the order of
     *     {@link #buffer}'s index
     */
    AbstractOptimizer(OptimizerSpec spec, List<String> bufferNames) {
        this.spec = Hyperparameters.check(spec);
        this.bufferNames = List.copyOf(bufferNames);
        this.buffers = new float[bufferNames.size()][0];
        this.learningRate = spec.learningRate();
    }

    /**
     * Applies the rule to parameters {@code [from, to)}. Each parameter's update reads only its own gradient and
     * state, so a step may be cut into ranges computed on different threads with the same result.
     *
     * @param step the 1-based number of this step
     */
    abstract void update(float[] parameters, float[] gradients, double rate, long step, int from, int to);

    /** The buffer named {@code bufferNames.get(index)}, one value per parameter. */
    final float[] buffer(int index) {
        return buffers[index];
    }

    @Override
    public final OptimizerSpec spec() {
        return spec;
    }

    @Override
    public final double learningRate() {
        return learningRate;
    }

    @Override
    public final void setLearningRate(double rate) {
        learningRate = Hyperparameters.checkLearningRate(rate);
    }

    @Override
    public final void step(float[] parameters, float[] gradients) {
        if (gradients.length != parameters.length) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "gradients: expected %d values (one per parameter), found %d",
                    parameters.length,
                    gradients.length));
        }
        if (parameters.length != parameterCount) {
            bind(parameters.length);
        }
        steps++;
        shares.update(parameters, gradients, learningRate, steps);
    }

    @Override
    public final OptimizerState state() {
        Map<String, float[]> values = new LinkedHashMap<>();
        for (int i = 0; i < buffers.length; i++) {
            values.put(bufferNames.get(i), buffers[i]);
        }
        return new OptimizerState(spec.kind(), steps, learningRate, values);
    }

    @Override
    public final void restore(OptimizerState state) {
        if (state.kind() != spec.kind()) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "optimizer state is for %s, this optimizer is %s",
                    state.kind().yamlName(),
                    spec.kind().yamlName()));
        }
        List<String> kept = bufferNames.stream().sorted().toList();
        if (!state.bufferNames().equals(kept)) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "%s optimizer state has buffers %s, this optimizer keeps %s",
                    spec.kind().yamlName(),
                    state.bufferNames(),
                    kept));
        }
        for (int i = 0; i < buffers.length; i++) {
            buffers[i] = state.bufferView(bufferNames.get(i)).clone();
        }
        steps = state.steps();
        learningRate = state.learningRate();
        parameterCount = buffers.length > 0 && steps > 0 ? state.parameterCount() : UNBOUND;
    }

    /** Sizes the buffers for {@code count} parameters before the first step; refuses a new length after it. */
    private void bind(int count) {
        if (steps > 0 && parameterCount != UNBOUND) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "parameters: expected %d values, as in the %d steps before, found %d",
                    parameterCount,
                    steps,
                    count));
        }
        for (int i = 0; i < buffers.length; i++) {
            buffers[i] = new float[count];
        }
        parameterCount = count;
    }

    /**
     * One step cut into ranges of {@value #SHARE} parameters that the kernels' threads share ({@link BlockTask}): a
     * step streams every parameter, gradient and state buffer once (6.8 MB for SGD on a network of 567,434 parameters,
     * 16 MB for Adam), which one core does at the speed of its own path to the cache.
     */
    private final class Shares extends BlockTask {
        /** Parameters per range: a range takes tens of microseconds, far more than handing it to another thread. */
        private static final int SHARE = 1 << 15;
        /** What one parameter's update costs, in multiply-adds, for {@link BlockTask}'s threshold. */
        private static final int COST = 4;

        private float[] parameters;
        private float[] gradients;
        private double rate;
        private long step;

        void update(float[] parameters, float[] gradients, double rate, long step) {
            this.parameters = parameters;
            this.gradients = gradients;
            this.rate = rate;
            this.step = step;
            try {
                runBlocks(parameters.length, SHARE, COST);
            } finally {
                this.parameters = this.gradients = null;
            }
        }

        @Override
        protected void runBlock(int first, int count) {
            AbstractOptimizer.this.update(parameters, gradients, rate, step, first, first + count);
        }
    }
}
