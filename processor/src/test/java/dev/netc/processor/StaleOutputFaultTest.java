package dev.netc.processor;

import static com.google.common.truth.Truth.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.netc.runtime.TrainableNetwork;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The processor run again over the output of an earlier build, without {@code mvn clean}, after only a YAML spec was
 * edited (RELIABILITY F11). This is the build of docs/maven.md for a module of YAML specs, which runs javac in every
 * build: the class must be generated anew from the edited spec, and a spec broken by the edit must fail the build at
 * the spec, not leave the last build's class looking current. (With the compiler plugin, Maven does not rerun javac
 * when only a spec changed; docs/maven.md says so and recommends the snippet this test runs.)
 */
class StaleOutputFaultTest {

    private static final String CLASS = "com.example.xor.XorNet";

    @TempDir
    Path specs;

    @TempDir
    Path output;

    @Test
    void editingOnlyTheSpecRegeneratesTheClassOverTheLastBuildsOutput() throws Exception {
        SpecDirectory directory = new SpecDirectory(specs).write("xor.yaml", SpecDirectory.xor());
        SpecDirectory.DiskCompilation first = directory.compileToDisk(output);
        assertThat(first.errors()).isEmpty();
        assertThat(parameterCount(first)).isEqualTo(3 * 2 + 2 + 2 + 1);
        String firstSource = Files.readString(first.source(CLASS), UTF_8);

        directory.write("xor.yaml", withHiddenUnits(4));
        SpecDirectory.DiskCompilation second = directory.compileToDisk(output);

        assertThat(second.diagnostics()).isEmpty();
        assertThat(second.succeeded()).isTrue();
        assertThat(Files.readString(second.source(CLASS), UTF_8)).isNotEqualTo(firstSource);
        assertThat(parameterCount(second)).isEqualTo(3 * 4 + 4 + 4 + 1);
    }

    @Test
    void aSpecBrokenAfterASuccessfulBuildFailsTheBuildAtTheSpec() throws Exception {
        SpecDirectory directory = new SpecDirectory(specs).write("xor.yaml", SpecDirectory.xor());
        assertThat(directory.compileToDisk(output).succeeded()).isTrue();

        String[] broken = SpecDirectory.xor();
        broken[4] = "  - {dense: 2, activation: sigmoidd, name: hidden}";
        directory.write("xor.yaml", broken);
        SpecDirectory.DiskCompilation second = directory.compileToDisk(output);

        assertThat(second.succeeded()).isFalse();
        assertThat(second.errors())
                .containsExactly(directory.display("xor.yaml")
                        + ":5:28: unknown activation 'sigmoidd'; did you mean 'sigmoid'? [netc:unknown-activation]");
    }

    /**
     * A network renamed in its spec gets its new class; the class of the old name stays in the output until a clean
     * build, as docs/maven.md says (javac cannot delete files), and it is the old, complete class.
     */
    @Test
    void aRenamedNetworkGetsItsNewClassAndTheOldOneStaysUntilAClean() throws Exception {
        SpecDirectory directory = new SpecDirectory(specs).write("xor.yaml", SpecDirectory.xor());
        SpecDirectory.DiskCompilation first = directory.compileToDisk(output);
        assertThat(first.succeeded()).isTrue();

        String[] renamed = withHiddenUnits(4);
        renamed[0] = "network: XorNet2";
        directory.write("xor.yaml", renamed);
        SpecDirectory.DiskCompilation second = directory.compileToDisk(output);

        assertThat(second.diagnostics()).isEmpty();
        assertThat(parameterCount(second, CLASS + "2")).isEqualTo(3 * 4 + 4 + 4 + 1);
        assertThat(parameterCount(second, CLASS)).isEqualTo(3 * 2 + 2 + 2 + 1);
    }

    /** The XOR spec with {@code units} hidden units instead of 2. */
    private static String[] withHiddenUnits(int units) {
        String[] lines = SpecDirectory.xor();
        String[] edited = Arrays.copyOf(lines, lines.length);
        edited[4] = lines[4].replace("dense: 2", "dense: " + units);
        assertThat(edited[4]).isNotEqualTo(lines[4]);
        return edited;
    }

    private static int parameterCount(SpecDirectory.DiskCompilation compilation) throws Exception {
        return parameterCount(compilation, CLASS);
    }

    /** Loads {@code className} from the compilation's class folder in a fresh loader, as a new JVM would. */
    private static int parameterCount(SpecDirectory.DiskCompilation compilation, String className) throws Exception {
        try (URLClassLoader loader = new URLClassLoader(
                new URL[] {compilation.classes().toUri().toURL()}, StaleOutputFaultTest.class.getClassLoader())) {
            return ((TrainableNetwork)
                            loader.loadClass(className).getConstructor().newInstance())
                    .parameterCount();
        }
    }
}
