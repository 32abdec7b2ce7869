package dev.netc.runtime;

import dev.netc.runtime.io.Architecture;
import dev.netc.spec.OptimizerSpec;
import dev.netc.spec.TrainingSpec;
import java.util.Optional;

/**
 * A network that does what another does, call for call: tests extend it and override the calls they watch or break.
 */
public abstract class ForwardingTrainableNetwork implements TrainableNetwork {

    private final TrainableNetwork network;

    protected ForwardingTrainableNetwork(TrainableNetwork network) {
        this.network = network;
    }

    @Override
    public int inputSize() {
        return network.inputSize();
    }

    @Override
    public int outputSize() {
        return network.outputSize();
    }

    @Override
    public int parameterCount() {
        return network.parameterCount();
    }

    @Override
    public void predict(float[] parameters, float[] input, float[] output) {
        network.predict(parameters, input, output);
    }

    @Override
    public void predictBatch(float[] parameters, float[] inputs, int count, float[] outputs) {
        network.predictBatch(parameters, inputs, count, outputs);
    }

    @Override
    public float lossAndGradient(float[] parameters, float[] inputs, float[] targets, int count, float[] gradient) {
        return network.lossAndGradient(parameters, inputs, targets, count, gradient);
    }

    @Override
    public float lossAndGradient(
            float[] parameters, float[] inputs, float[] targets, int count, float[] gradient, long dropoutSeed) {
        return network.lossAndGradient(parameters, inputs, targets, count, gradient, dropoutSeed);
    }

    @Override
    public float[] initialParameters(long seed) {
        return network.initialParameters(seed);
    }

    @Override
    public Optional<Architecture> architecture() {
        return network.architecture();
    }

    @Override
    public Optional<OptimizerSpec> statedOptimizer() {
        return network.statedOptimizer();
    }

    @Override
    public Optional<TrainingSpec> statedTraining() {
        return network.statedTraining();
    }
}
