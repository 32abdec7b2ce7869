package dev.netc.processor.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.netc.runtime.TrainableNetwork;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The same seed gives bit-identical parameters (and history) after training a generated class: twice in this JVM,
 * and once more in a fresh JVM started on this test's class path, which compiles the class anew, runs with another
 * JIT configuration (C1 only) and shares nothing with this one but the code.
 */
class DeterminismTest {

    @Test
    void twoRunsInOneJvmAreBitIdentical() {
        TrainableNetwork net = GeneratedClasses.instance(DeterminismRun.NETWORK);

        String first = DeterminismRun.run(net);
        String second = DeterminismRun.run(net);

        assertEquals(first, second);
        assertEquals(
                DeterminismRun.NETWORK.layout().count(),
                first.lines().findFirst().orElseThrow().split(" ").length,
                "parameters compared");
        assertEquals(1 + 8, first.lines().count() - 1, "history header and epochs compared");
    }

    @Test
    void aSecondJvmTrainsTheSameBits() throws IOException, InterruptedException {
        String here = DeterminismRun.run(GeneratedClasses.instance(DeterminismRun.NETWORK));

        String there = ChildJvm.run(DeterminismRun.class, List.of("-XX:TieredStopAtLevel=1", "-Xshare:auto"));

        assertEquals(here.strip(), there.strip());
    }
}
