package dev.netc.benchmarks.report;

import java.util.Map;
import java.util.Optional;

/**
 * The five workloads of the performance targets, each the JMH benchmark class (and parameter) that measures it and the work one
 * sample costs. In every one of these benchmarks a JMH operation is one sample, so a score converts to samples per
 * second without knowing the batch. FLOPs count a multiply-add as two and ignore biases and activations: 2 x weights
 * per sample for inference, 6 x weights for training (forward, input gradient, weight gradient).
 */
enum Workload {
    IRIS("iris", "Iris 4-8-8-3, one sample per call", "IrisPredictBenchmark", null, 120, false, 1),
    TRAIN_SGD(
            "digits-train-sgd", "digits training, batch 32, SGD", "DigitsTrainingBenchmark", "sgd", 566_528, true, 32),
    TRAIN_ADAM(
            "digits-train-adam",
            "digits training, batch 32, Adam",
            "DigitsTrainingBenchmark",
            "adam",
            566_528,
            true,
            32),
    INFER_256(
            "digits-infer-256",
            "digits inference, batch 256",
            "DigitsBatchInferenceBenchmark",
            null,
            566_528,
            false,
            256),
    INFER_1("digits-infer-1", "digits inference, batch 1", "DigitsLatencyBenchmark", null, 566_528, false, 1);

    private final String id;
    private final String title;
    private final String benchmarkClass;
    private final String optimizer;
    private final long weights;
    private final boolean training;
    private final int samplesPerCall;

    Workload(
            String id,
            String title,
            String benchmarkClass,
            String optimizer,
            long weights,
            boolean training,
            int samplesPerCall) {
        this.id = id;
        this.title = title;
        this.benchmarkClass = benchmarkClass;
        this.optimizer = optimizer;
        this.weights = weights;
        this.training = training;
        this.samplesPerCall = samplesPerCall;
    }

    /** The name {@code peers.py} writes for this workload. */
    String id() {
        return id;
    }

    String title() {
        return title;
    }

    /** Samples one call of the benchmarked method handles: the batch size. */
    int samplesPerCall() {
        return samplesPerCall;
    }

    /** Floating-point operations per sample. */
    double flopsPerSample() {
        return (training ? 6.0 : 2.0) * weights;
    }

    /** The workload a JMH result measures: by benchmark class simple name and, for training, the optimizer. */
    static Optional<Workload> of(String benchmarkClass, Map<String, String> params) {
        for (Workload workload : values()) {
            if (workload.benchmarkClass.equals(benchmarkClass)
                    && (workload.optimizer == null || workload.optimizer.equals(params.get("optimizer")))) {
                return Optional.of(workload);
            }
        }
        return Optional.empty();
    }

    /** The workload {@code peers.py} names {@code id}. */
    static Optional<Workload> byId(String id) {
        for (Workload workload : values()) {
            if (workload.id.equals(id)) {
                return Optional.of(workload);
            }
        }
        return Optional.empty();
    }
}
