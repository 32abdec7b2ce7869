package dev.netc.docs;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The repository these tests check: its root (given by the build as the system property {@code netc.root}, since the
 * tests of this module run in the module's folder and also in child processes started elsewhere) and the version the
 * build is making.
 */
final class Repository {

    private Repository() {}

    /** The repository's root folder, which holds {@code README.md} and {@code docs/}. */
    static Path root() {
        String root = System.getProperty("netc.root");
        if (root == null) {
            throw new IllegalStateException("system property netc.root is not set; run these tests through Maven");
        }
        Path path = Path.of(root).toAbsolutePath().normalize();
        if (!Files.isRegularFile(path.resolve("README.md"))) {
            throw new IllegalStateException("netc.root " + path + " is not the repository's root: it has no README.md");
        }
        return path;
    }

    /** A file of the repository, by its path from the root ({@code docs/quickstart.md}). */
    static Path file(String relative) {
        return root().resolve(relative);
    }

    /** The version the build is making, which the quickstart's poms must ask for. */
    static String version() {
        String version = System.getProperty("netc.version");
        if (version == null) {
            throw new IllegalStateException("system property netc.version is not set; run these tests through Maven");
        }
        return version;
    }
}
