/**
 * Figures of merit for trained networks: {@link dev.netc.runtime.metrics.Metric}s that a training run reports every
 * epoch (accuracy, categorical and binary; mean squared and mean absolute error), and the {@link
 * dev.netc.runtime.metrics.ConfusionMatrix} with per-class precision, recall and F1 for a final evaluation. Metrics
 * read a network's outputs after its output activation and targets in the layout of {@code
 * TrainableNetwork.lossAndGradient}; accumulating allocates nothing.
 */
package dev.netc.runtime.metrics;
