package dev.netc.benchmarks;

import ai.onnxruntime.OrtException;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The ONNX Runtime session of an inference workload benchmark, a state of its own so that only the forks that run the
 * benchmark's {@code onnxRuntime} method open one. Each benchmark's subclass opens it, in a {@code @Setup} method
 * that takes the benchmark's state, with the benchmark's network and parameters.
 */
@State(Scope.Thread)
public abstract class OnnxRuntimeSession {

    /** ONNX Runtime's intra-op threads: one, and one per core of the 2-core machine of the targets. */
    @Param({"1", "2"})
    public int threads;

    OnnxRuntimeNetwork network;

    @TearDown
    public void close() throws OrtException {
        network.close();
    }
}
