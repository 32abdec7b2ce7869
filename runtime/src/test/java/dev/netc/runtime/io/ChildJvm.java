package dev.netc.runtime.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts {@link SaveProcess} in a child JVM on this test's class path, with its output and errors merged. */
final class ChildJvm {

    private ChildJvm() {}

    /** The command that runs {@code SaveProcess args} in a fresh JVM tuned to start fast. */
    static List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:-UsePerfData",
                "-Xshare:auto",
                "-Xmx64m",
                "-cp",
                System.getProperty("java.class.path"),
                SaveProcess.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    static Process start(List<String> command) {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BufferedReader output(Process process) {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Everything the process prints until it exits. */
    static String drain(BufferedReader output) {
        StringBuilder text = new StringBuilder();
        try {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                text.append(line).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
