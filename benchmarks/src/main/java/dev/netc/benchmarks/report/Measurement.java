package dev.netc.benchmarks.report;

/**
 * One implementation's median speed on one workload, from JMH or from the peers script.
 *
 * @param workload what was run
 * @param implementation who ran it, as the tables print it: {@code netc}, {@code hand-written Java}, {@code PyTorch
 *     (1 thread)}...
 * @param samplesPerSecond the median over the measured iterations
 * @param bytesPerCall allocation per call from JMH's {@code -prof gc}, or NaN when not measured
 */
record Measurement(Workload workload, String implementation, double samplesPerSecond, double bytesPerCall) {

    /** The median time of one call, in seconds. */
    double secondsPerCall() {
        return workload.samplesPerCall() / samplesPerSecond;
    }

    double gflops() {
        return samplesPerSecond * workload.flopsPerSample() / 1e9;
    }
}
