package dev.netc.runtime.train;

import dev.netc.runtime.TrainableNetwork;

/**
 * A {@link LinearModel} whose reported loss follows a script, one value per call of {@code lossAndGradient}, while its
 * gradient stays the real one (so the parameters change every step). With one step per epoch the script is the
 * history's {@code loss}, which lets early-stopping tests choose when the monitored figure improves.
 */
final class ScriptedLoss implements TrainableNetwork {

    private final LinearModel model = new LinearModel(2);
    private final float[] script;
    private int calls;

    ScriptedLoss(float... script) {
        this.script = script.clone();
    }

    @Override
    public int inputSize() {
        return model.inputSize();
    }

    @Override
    public int outputSize() {
        return model.outputSize();
    }

    @Override
    public int parameterCount() {
        return model.parameterCount();
    }

    @Override
    public void predict(float[] parameters, float[] input, float[] output) {
        model.predict(parameters, input, output);
    }

    @Override
    public void predictBatch(float[] parameters, float[] inputs, int count, float[] outputs) {
        model.predictBatch(parameters, inputs, count, outputs);
    }

    @Override
    public float lossAndGradient(float[] parameters, float[] inputs, float[] targets, int count, float[] gradient) {
        model.lossAndGradient(parameters, inputs, targets, count, gradient);
        return script[calls++];
    }

    @Override
    public float[] initialParameters(long seed) {
        return model.initialParameters(seed);
    }
}
