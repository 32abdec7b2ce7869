/**
 * The training loop: a fluent {@link dev.netc.runtime.train.Trainer} that fits a generated network's flat parameters
 * to a {@link dev.netc.runtime.data.Dataset} with an optimizer of {@code dev.netc.runtime.optim}, reports every epoch's
 * figures in a {@link dev.netc.runtime.train.History}, and calls {@link dev.netc.runtime.train.Callback}s such as
 * {@link dev.netc.runtime.train.EarlyStopping} and a {@link dev.netc.runtime.train.Progress} reporter. Steps after the
 * first epoch allocate nothing; the same seed gives bit-identical parameters; a NaN stops training with a message
 * that says where. {@code docs/training.md} is the guide.
 */
package dev.netc.runtime.train;
