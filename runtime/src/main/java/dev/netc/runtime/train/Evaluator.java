package dev.netc.runtime.train;

import dev.netc.runtime.TrainableNetwork;
import dev.netc.runtime.data.Batch;
import dev.netc.runtime.data.BatchIterator;
import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.metrics.Metric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures a network on one data set, in order and in chunks: the loss through {@code lossAndGradient} (the very loss
 * training minimises, with its L2 penalties) and each metric through {@code predictBatch}. Its buffers are made once,
 * so evaluating every epoch costs no more than the metrics' small accumulators.
 */
final class Evaluator {

    /** The most samples per call, to bound the buffers while amortising each call's overhead. */
    static final int CHUNK = 256;

    private final TrainableNetwork network;
    private final BatchIterator batches;
    private final Batch batch;
    private final float[] outputs;
    private final float[] gradient;
    private final List<Metric> metrics;

    Evaluator(TrainableNetwork network, Dataset data, List<Metric> metrics) {
        this.network = network;
        this.batches = BatchIterator.builder(data, Math.min(CHUNK, data.size())).build();
        this.batch = batches.newBatch();
        this.outputs = new float[batch.capacity() * network.outputSize()];
        this.gradient = new float[network.parameterCount()];
        this.metrics = List.copyOf(metrics);
    }

    /**
     * The figures at {@code parameters}, each name prefixed with {@code prefix}.
     *
     * @param withLoss whether to measure the loss (training reports its own running loss instead)
     */
    Map<String, Double> evaluate(float[] parameters, String prefix, boolean withLoss) {
        List<Metric.Accumulator> accumulators = new ArrayList<>(metrics.size());
        for (Metric metric : metrics) {
            accumulators.add(metric.accumulator(network.outputSize(), batch.targetWidth()));
        }
        double lossSum = 0;
        long samples = 0;
        batches.startEpoch(0);
        while (batches.next(batch)) {
            int count = batch.size();
            if (withLoss) {
                lossSum +=
                        (double) network.lossAndGradient(parameters, batch.features(), batch.targets(), count, gradient)
                                * count;
            }
            if (!accumulators.isEmpty()) {
                network.predictBatch(parameters, batch.features(), count, outputs);
                for (Metric.Accumulator accumulator : accumulators) {
                    accumulator.add(outputs, batch.targets(), count);
                }
            }
            samples += count;
        }
        Map<String, Double> figures = new LinkedHashMap<>();
        if (withLoss) {
            figures.put(prefix + Figures.LOSS, lossSum / samples);
        }
        for (int i = 0; i < metrics.size(); i++) {
            figures.put(prefix + metrics.get(i).name(), accumulators.get(i).value());
        }
        return figures;
    }
}
