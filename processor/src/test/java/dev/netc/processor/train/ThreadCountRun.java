package dev.netc.processor.train;

import dev.netc.runtime.SeededRandom;
import dev.netc.runtime.TrainableNetwork;
import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.optim.Sgd;
import dev.netc.runtime.train.Progress;
import dev.netc.runtime.train.Trainer;
import dev.netc.spec.CheckedNetwork;
import java.util.StringJoiner;

/**
 * What a generated class computes with looped layers large enough that {@code DenseKernels} splits their products
 * over its threads, written out bit for bit: a batch's loss and gradient and its predictions ({@value #COUNT} samples,
 * three full blocks and a partial one), and the parameters after two epochs of training. The thread-count test runs
 * this in child JVMs with {@code -Dnetc.threads=1} and {@code 2} and compares the texts; the first line names how many
 * kernel worker threads the JVM started, so that the test knows the second run really had a helper thread.
 */
public final class ThreadCountRun {

    /** Three blocks of 64 and five samples more. */
    static final int COUNT = 197;

    /**
     * Every layer above the unroll limit; the first multiplies 64 x 96 x 128 = 786,432 products per block, well above
     * the size at which the kernels share a call out.
     */
    static final CheckedNetwork NETWORK = GeneratedClasses.checked(
            """
            network: ThreadsNet
            package: dev.netc.train
            input: 96
            layers:
              - {dense: 128, activation: relu, init: he_normal}
              - {dense: 64, activation: tanh}
              - {dense: 10, activation: softmax}
            loss: sparse_categorical_crossentropy
            """);

    private ThreadCountRun() {}

    /** Prints {@link #run} to standard output. */
    public static void main(String[] args) {
        System.out.println(run(GeneratedClasses.instance(NETWORK)));
    }

    static String run(TrainableNetwork net) {
        SeededRandom random = new SeededRandom(11L);
        float[] inputs = new float[COUNT * net.inputSize()];
        float[] classes = new float[COUNT];
        for (int s = 0; s < COUNT; s++) {
            classes[s] = s % net.outputSize();
            for (int i = 0; i < net.inputSize(); i++) {
                inputs[s * net.inputSize() + i] = (float) random.nextGaussian();
            }
        }
        float[] parameters = net.initialParameters(11L);
        float[] gradient = new float[parameters.length];
        float loss = net.lossAndGradient(parameters, inputs, classes, COUNT, gradient);
        float[] outputs = new float[COUNT * net.outputSize()];
        net.predictBatch(parameters, inputs, COUNT, outputs);
        Trainer.of(net)
                .optimizer(Sgd.builder().learningRate(0.05).build())
                .batchSize(COUNT)
                .epochs(2)
                .seed(11L)
                .progress(Progress.silent())
                .fit(parameters, Dataset.ofClasses(inputs, new int[] {net.inputSize()}, classes, net.outputSize()));
        return "kernel worker threads: " + kernelWorkers() + "\nloss " + bits(new float[] {loss}) + "\ngradient "
                + bits(gradient) + "\noutputs " + bits(outputs) + "\ntrained " + bits(parameters);
    }

    private static long kernelWorkers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("netc-kernels-"))
                .count();
    }

    private static String bits(float[] values) {
        StringJoiner out = new StringJoiner(" ");
        for (float value : values) {
            out.add(Integer.toHexString(Float.floatToRawIntBits(value)));
        }
        return out.toString();
    }
}
