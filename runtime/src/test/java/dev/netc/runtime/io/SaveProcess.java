package dev.netc.runtime.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The program the fault tests run in a child JVM, which they then kill or starve of disk space:
 *
 * <ul>
 *   <li>{@code loop FILE FIRST}: saves versions FIRST, FIRST+1, ... of {@link #weights} to FILE without end, printing
 *       {@code saved N} after each save returns;
 *   <li>{@code once FILE VERSION}: saves one version, prints {@code saved N}, or the error and exits with status 3;
 *   <li>{@code hold FILE}: locks FILE as a writer would, prints {@code locked}, and waits to be killed.
 * </ul>
 */
public final class SaveProcess {

    /** Exit status when a save fails. */
    static final int SAVE_FAILED = 3;

    /** One dense layer 512 -> 512: 262,656 parameters, a 1 MB file, so that saves take a while. */
    static final Architecture ARCHITECTURE = new Architecture(
            "CrashNet",
            512,
            List.of(new Architecture.Layer("dense1", "dense", List.of("input"), 512, 512, true, "linear", 0)));

    private SaveProcess() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[1]);
        switch (args[0]) {
            case "loop" -> {
                for (long version = Long.parseLong(args[2]); ; version++) {
                    weights(version).save(file);
                    System.out.println("saved " + version);
                }
            }
            case "once" -> {
                long version = Long.parseLong(args[2]);
                try {
                    weights(version).save(file);
                    System.out.println("saved " + version);
                } catch (WeightFileException e) {
                    System.out.println(e.getMessage());
                    System.exit(SAVE_FAILED);
                }
            }
            case "hold" -> hold(file);
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    /** Version {@code version} of the weights: parameter {@code i} is {@code version + i % 7}, exactly. */
    static WeightFile weights(long version) {
        float[] parameters = new float[Math.toIntExact(ARCHITECTURE.parameterCount())];
        for (int i = 0; i < parameters.length; i++) {
            parameters[i] = version + i % 7;
        }
        return WeightFile.of(ARCHITECTURE, parameters, List.of());
    }

    /** The version that {@code weights} holds, or -1 when its parameters are not exactly one version's. */
    static long versionOf(WeightFile weights) {
        float[] parameters = weights.parameters();
        long version = (long) parameters[0];
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i] != version + i % 7) {
                return -1;
            }
        }
        return version;
    }

    private static void hold(Path file) throws IOException, InterruptedException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.lock();
            System.out.println("locked");
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
