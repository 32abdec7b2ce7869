package dev.netc.benchmarks;

import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.data.IdxReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Loading the 60,000 Fashion-MNIST training images and labels from their gzipped IDX files into a {@link Dataset}:
 * the issue asks for under 2 seconds in at most 250 MB of heap. Each load is timed alone (single shot, as a program
 * loads its data once), in a JVM whose heap is capped at 250 MB, so that the run fails with an {@code
 * OutOfMemoryError} if the loader ever needs more; {@code -prof gc} adds the bytes allocated per load.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx250m"})
@State(Scope.Benchmark)
public class FashionMnistLoadBenchmark {

    /** Where Debian's {@code dataset-fashion-mnist} package installs the files. */
    @Param("/usr/share/datasets/fashion-mnist")
    public String directory;

    private Path images;
    private Path labels;

    @Setup
    public void locateFiles() {
        images = Path.of(directory, "train-images-idx3-ubyte.gz");
        labels = Path.of(directory, "train-labels-idx1-ubyte.gz");
        if (!Files.isRegularFile(images) || !Files.isRegularFile(labels)) {
            throw new IllegalStateException("Fashion-MNIST is not in " + directory
                    + " (apt-get install -y dataset-fashion-mnist, or pass -p directory=...)");
        }
    }

    @Benchmark
    public Dataset loadTrainingSet() {
        return IdxReader.mnist().readDataset(images, labels, 10);
    }
}
