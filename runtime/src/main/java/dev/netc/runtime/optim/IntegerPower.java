package dev.netc.runtime.optim;

/**
 * {@code base^exponent} for a whole exponent, by repeated squaring in plain double arithmetic. Adam's bias corrections
 * and the step and exponential schedules need a power at every step or epoch; {@link StrictMath#pow} would give the
 * same bits on every platform too, but on Java 17 it allocates on each call (about 96 bytes, measured with the thread
 * allocation counter), which a training step must not. Java's double arithmetic is exact IEEE 754, so this is as
 * reproducible; its relative error is at most about {@code exponent} units in the last place, below 1e-12 for the
 * exponents training reaches and far below float32 resolution.
 */
final class IntegerPower {

    private IntegerPower() {}

    /**
     * @param base any finite number
     * @param exponent 0 or more
     */
    static double of(double base, long exponent) {
        double result = 1;
        double square = base;
        for (long rest = exponent; rest > 0; rest >>>= 1) {
            if ((rest & 1) != 0) {
                result *= square;
            }
            square *= square;
        }
        return result;
    }
}
