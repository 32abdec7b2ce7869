package dev.netc.processor.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A generated class gives the same bits whatever the number of threads the dense kernels use: {@link ThreadCountRun}
 * (a batch's loss, gradient and predictions in blocks, then two epochs of training) in a JVM with {@code
 * -Dnetc.threads=1} and in one with {@code -Dnetc.threads=2}. The blocks are summed in order and the kernels split
 * their work over output elements only, so no sum depends on who computed it.
 */
class ThreadCountTest {

    @Test
    void oneAndTwoKernelThreadsGiveTheSameBits() throws IOException, InterruptedException {
        String one = ChildJvm.run(ThreadCountRun.class, List.of("-Dnetc.threads=1"));
        String two = ChildJvm.run(ThreadCountRun.class, List.of("-Dnetc.threads=2"));

        assertEquals("kernel worker threads: 0", one.lines().findFirst().orElseThrow(), one);
        assertEquals("kernel worker threads: 1", two.lines().findFirst().orElseThrow(), two);
        assertEquals(5, one.lines().count(), "workers, loss, gradient, outputs and trained parameters");
        assertTrue(one.lines().skip(2).allMatch(line -> line.split(" ").length > 1000), "long lines of bits compared");
        assertEquals(one.lines().skip(1).toList(), two.lines().skip(1).toList());
    }
}
