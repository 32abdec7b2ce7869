/**
 * Optimizers for training generated networks, with {@code torch.optim}'s update rules and defaults: {@link
 * dev.netc.runtime.optim.Sgd} (plain, momentum, Nesterov), {@link dev.netc.runtime.optim.RmsProp}, {@link
 * dev.netc.runtime.optim.Adam} and {@link dev.netc.runtime.optim.AdamW}; learning-rate {@link
 * dev.netc.runtime.optim.Schedule}s; and {@link dev.netc.runtime.optim.GradientClipping}. Parameters, gradients and
 * optimizer buffers are flat {@code float[]} in the network's parameter layout; a step allocates nothing, and {@link
 * dev.netc.runtime.optim.OptimizerState} lets a checkpoint resume bit for bit. {@code docs/optimizers.md} gives each
 * rule and its defaults.
 */
package dev.netc.runtime.optim;
