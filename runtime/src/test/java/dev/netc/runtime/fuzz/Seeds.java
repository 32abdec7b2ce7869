package dev.netc.runtime.fuzz;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads one input of a fuzz test's checked-in corpus ({@code <TestClass>Inputs/<method>/<name>} beside the class,
 * Jazzer's convention), for the plain tests that prove a target accepts its valid seeds: a harness that refused
 * everything would otherwise pass its regression run.
 */
final class Seeds {

    private Seeds() {}

    static byte[] of(Class<?> test, String method, String name) {
        String resource = test.getSimpleName() + "Inputs/" + method + "/" + name;
        try (InputStream in = test.getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
