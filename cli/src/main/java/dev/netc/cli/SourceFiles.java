package dev.netc.cli;

import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes generated sources so that a failed write never leaves a torn file: the text goes to a temporary file in
 * the target folder, which then replaces the old file in one rename.
 */
final class SourceFiles {

    private SourceFiles() {}

    /**
     * Writes {@code file} under the source root {@code root}, in its package's folder.
     *
     * @return the path written
     * @throws IOException naming the path that could not be written
     */
    static Path write(Path root, JavaFile file) throws IOException {
        Path folder = root;
        if (!file.packageName().isEmpty()) {
            folder = root.resolve(file.packageName().replace('.', '/'));
        }
        Path target = folder.resolve(file.typeSpec().name() + ".java");
        Path temporary = null;
        try {
            Files.createDirectories(folder);
            temporary = Files.createTempFile(folder, "." + file.typeSpec().name(), ".tmp");
            Files.writeString(temporary, file.toString(), StandardCharsets.UTF_8);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException e) {
            if (temporary != null) {
                Files.deleteIfExists(temporary);
            }
            throw new IOException("cannot write " + target + ": " + e, e);
        }
    }
}
