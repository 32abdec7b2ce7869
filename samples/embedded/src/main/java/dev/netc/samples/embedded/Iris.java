package dev.netc.samples.embedded;

import dev.netc.Activation;
import dev.netc.Dense;
import dev.netc.Loss;
import dev.netc.Network;
import dev.netc.Optimizer;

/**
 * The network of the second write-up, 4-8(tanh)-8(relu)-3(softmax), declared where the application uses it: netc's
 * processor writes {@code IrisNet}, which implements this interface, at {@code mvn compile}.
 */
@Network(name = "IrisNet", loss = Loss.CATEGORICAL_CROSSENTROPY)
@Optimizer(value = Optimizer.Kind.SGD, learningRate = 0.01)
public interface Iris {

    /** The species of a flower whose measurements have been standardised as in training (see {@link IrisModel}). */
    @Dense(units = 8, activation = Activation.TANH)
    @Dense(units = 8, activation = Activation.RELU)
    @Dense(units = 3, activation = Activation.SOFTMAX)
    Species classify(IrisFeatures features);
}
