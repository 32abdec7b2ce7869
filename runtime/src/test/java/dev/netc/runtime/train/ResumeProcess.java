package dev.netc.runtime.train;

import dev.netc.runtime.io.Checkpoint;
import dev.netc.runtime.io.WeightFile;
import java.nio.file.Path;

/**
 * Run by {@link ResumeTest} in a fresh JVM: {@code CHECKPOINT OUT} resumes {@link ResumeScenario}'s run from
 * CHECKPOINT, saves the final parameters to the weight file OUT and prints the history as CSV.
 */
public final class ResumeProcess {

    private ResumeProcess() {}

    public static void main(String[] args) throws Exception {
        float[] parameters = new float[ResumeScenario.initialParameters().length];
        History history = ResumeScenario.trainer(ResumeScenario.adam())
                .resume(Checkpoint.read(Path.of(args[0])), parameters, ResumeScenario.data());
        WeightFile.of(ResumeScenario.NETWORK, parameters).save(Path.of(args[1]));
        System.out.print(history.toCsv());
    }
}
