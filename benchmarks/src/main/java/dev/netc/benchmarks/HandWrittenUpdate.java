package dev.netc.benchmarks;

/**
 * The update rules of the hand-written peer, as plain loops: SGD {@code p -= lr * g}, and Adam with PyTorch's
 * defaults ({@code beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8}) and bias correction. The powers {@code beta^t} are
 * kept as running products, so a step allocates nothing.
 */
abstract class HandWrittenUpdate {

    /** One update of {@code p} (modified) against {@code g} (not modified). */
    abstract void step(float[] p, float[] g);

    /** The rule named {@code name}, {@code sgd} or {@code adam}, for {@code count} parameters. */
    static HandWrittenUpdate named(String name, double learningRate, int count) {
        return switch (name) {
            case "sgd" -> new PlainSgd((float) learningRate);
            case "adam" -> new PlainAdam(learningRate, count);
            default -> throw new IllegalArgumentException("unknown update rule '" + name + "'; expected sgd or adam");
        };
    }

    private static final class PlainSgd extends HandWrittenUpdate {
        private final float rate;

        PlainSgd(float rate) {
            this.rate = rate;
        }

        @Override
        void step(float[] p, float[] g) {
            for (int i = 0; i < p.length; i++) {
                p[i] -= rate * g[i];
            }
        }
    }

    private static final class PlainAdam extends HandWrittenUpdate {
        private static final double BETA1 = 0.9;
        private static final double BETA2 = 0.999;
        private static final float EPSILON = 1e-8f;

        private final double rate;
        private final float[] m;
        private final float[] v;
        private double beta1Power = 1;
        private double beta2Power = 1;

        PlainAdam(double rate, int count) {
            this.rate = rate;
            this.m = new float[count];
            this.v = new float[count];
        }

        @Override
        void step(float[] p, float[] g) {
            beta1Power *= BETA1;
            beta2Power *= BETA2;
            float stepSize = (float) (rate / (1 - beta1Power));
            float correction2Root = (float) Math.sqrt(1 - beta2Power);
            float b1 = (float) BETA1;
            float b2 = (float) BETA2;
            for (int i = 0; i < p.length; i++) {
                m[i] = b1 * m[i] + (1 - b1) * g[i];
                v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
                p[i] -= stepSize * m[i] / ((float) Math.sqrt(v[i]) / correction2Root + EPSILON);
            }
        }
    }
}
