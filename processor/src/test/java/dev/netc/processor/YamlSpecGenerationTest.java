package dev.netc.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.common.collect.Range;
import com.google.testing.compile.Compilation;
import dev.netc.check.SpecValidator;
import dev.netc.processor.emit.EmitOptions;
import dev.netc.processor.emit.NetworkClassEmitter;
import dev.netc.runtime.TrainableNetwork;
import dev.netc.spec.CheckedNetwork;
import dev.netc.spec.diag.Diagnostics;
import dev.netc.yaml.YamlSpecReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * YAML specs named by {@code -Anetc.specDir} become classes, also in a compilation that has no Java source at all (a
 * YAML-only Maven module); the classes compile with every lint on and warnings as errors, and they run.
 */
class YamlSpecGenerationTest {

    @TempDir
    Path temp;

    /**
     * A YAML-only module has no source for javac, so docs/maven.md has javac process a class name instead, with the
     * processor named explicitly; javac then compiles what the processor writes.
     */
    @Test
    void yamlOnlyCompilationNeedsAClassNameAndNoSource(@TempDir Path output) throws IOException {
        SpecDirectory specs = new SpecDirectory(temp).write("xor.yaml", SpecDirectory.xor());

        SpecDirectory.DiskCompilation compilation = specs.compileToDisk(output);

        assertThat(compilation.diagnostics()).isEmpty();
        assertThat(compilation.succeeded()).isTrue();
        assertThat(Files.readString(compilation.source("com.example.xor.XorNet"), UTF_8))
                .contains("// Source: " + specs.display("xor.yaml") + ", network XorNet");
        assertThat(Files.isRegularFile(compilation.classFile("com.example.xor.XorNet")))
                .isTrue();
    }

    @Test
    void validSpecGeneratesTheEmittersClass() throws IOException {
        SpecDirectory specs = new SpecDirectory(temp).write("xor.yaml", SpecDirectory.xor());

        Compilation compilation = specs.compile();

        assertThat(compilation).succeededWithoutWarnings();
        String expected = NetworkClassEmitter.emit(
                        checked(specs.root().resolve("xor.yaml")),
                        new EmitOptions(EmitOptions.DEFAULT_UNROLL_LIMIT, specs.display("xor.yaml"), true))
                .toString();
        assertThat(compilation)
                .generatedSourceFile("com.example.xor.XorNet")
                .contentsAsUtf8String()
                .isEqualTo(expected);
        assertThat(expected).contains("// Source: " + specs.display("xor.yaml") + ", network XorNet");
        assertThat(expected).contains("@Generated(\"dev.netc.processor.NetcProcessor\")");
    }

    @Test
    void generatedClassRunsAgainstTheRuntime() throws ReflectiveOperationException {
        SpecDirectory specs = new SpecDirectory(temp).write("xor.yaml", SpecDirectory.xor());

        Compilation compilation = specs.compile();

        TrainableNetwork network = (TrainableNetwork)
                load(compilation, "com.example.xor.XorNet").getConstructor().newInstance();
        float[] output = new float[network.outputSize()];
        network.predict(network.initialParameters(7L), new float[] {1, 0, 0}, output);
        assertThat(network.inputSize()).isEqualTo(3);
        assertThat(network.parameterCount()).isEqualTo(11);
        assertThat(output[0]).isIn(Range.open(0f, 1f));
    }

    @Test
    void unrollLimitOptionReachesCodeGeneration() throws IOException {
        SpecDirectory specs = new SpecDirectory(temp).write("xor.yaml", SpecDirectory.xor());

        Compilation compilation = specs.compile(List.of("-Anetc.unrollLimit=0"));

        assertThat(compilation).succeededWithoutWarnings();
        String looped = NetworkClassEmitter.emit(
                        checked(specs.root().resolve("xor.yaml")), new EmitOptions(0, specs.display("xor.yaml"), true))
                .toString();
        assertThat(compilation)
                .generatedSourceFile("com.example.xor.XorNet")
                .contentsAsUtf8String()
                .isEqualTo(looped);
        assertThat(looped)
                .isNotEqualTo(NetworkClassEmitter.emit(
                                checked(specs.root().resolve("xor.yaml")),
                                new EmitOptions(EmitOptions.DEFAULT_UNROLL_LIMIT, specs.display("xor.yaml"), true))
                        .toString());
    }

    @Test
    void everyDirectoryAndSubdirectoryIsSearchedAndHiddenFilesAreSkipped(@TempDir Path second) {
        SpecDirectory specs = new SpecDirectory(temp)
                .write("logic/xor.yaml", SpecDirectory.xor())
                .write(".#xor.yaml", "an editor's lock file: not a spec")
                .write(".drafts/broken.yaml", "network: [")
                .write("README.txt", "not a spec");
        new SpecDirectory(second)
                .write(
                        "flowers/Iris.YML",
                        "network: IrisNet",
                        "package: com.example.iris",
                        "input: 4",
                        "layers:",
                        "  - {dense: 8, activation: tanh}",
                        "  - {dense: 3, activation: softmax}",
                        "loss: categorical_crossentropy");

        Compilation compilation = SpecDirectory.compileNaming(
                temp + File.pathSeparator + second, List.of(new NetcProcessor()), List.of());

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(generatedSources(compilation)).containsExactly("com.example.xor.XorNet", "com.example.iris.IrisNet");
        assertThat(compilation)
                .generatedSourceFile("com.example.iris.IrisNet")
                .contentsAsUtf8String()
                .contains("// Source: " + second.resolve("flowers/Iris.YML") + ", network IrisNet");
    }

    @Test
    void specReachedThroughTwoDirectoriesIsReadOnce() {
        SpecDirectory specs = new SpecDirectory(temp).write("logic/xor.yaml", SpecDirectory.xor());

        Compilation compilation = SpecDirectory.compileNaming(
                temp + File.pathSeparator + temp.resolve("logic"), List.of(new NetcProcessor()), List.of());

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(generatedSources(compilation)).containsExactly("com.example.xor.XorNet");
        assertThat(compilation)
                .generatedSourceFile("com.example.xor.XorNet")
                .contentsAsUtf8String()
                .contains("// Source: " + specs.display("logic/xor.yaml") + ", network XorNet");
    }

    @Test
    void relativeDirectoryIsResolvedAgainstTheWorkingDirectoryAndNamedAsWritten() {
        new SpecDirectory(temp).write("xor.yaml", SpecDirectory.xor());
        Path relative = Path.of("").toAbsolutePath().relativize(temp);

        Compilation compilation = new SpecDirectory(relative).compile();

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation)
                .generatedSourceFile("com.example.xor.XorNet")
                .contentsAsUtf8String()
                .contains("// Source: " + relative.resolve("xor.yaml") + ", network XorNet");
    }

    @Test
    void processorDeclaresItsOptions() {
        NetcProcessor processor = new NetcProcessor();

        assertThat(processor.getSupportedAnnotationTypes()).containsExactly("dev.netc.Network");
        assertThat(processor.getSupportedOptions()).containsExactly("netc.specDir", "netc.unrollLimit", "netc.verbose");
    }

    private static CheckedNetwork checked(Path spec) {
        Diagnostics diagnostics = new Diagnostics();
        CheckedNetwork network = YamlSpecReader.read(spec, spec.toString(), diagnostics)
                .flatMap(read -> SpecValidator.validate(read, diagnostics))
                .orElseThrow();
        assertThat(diagnostics.all()).isEmpty();
        return network;
    }

    private static Set<String> generatedSources(Compilation compilation) {
        return compilation.generatedSourceFiles().stream()
                .map(file -> file.getName()
                        .replaceFirst("^.*/SOURCE_OUTPUT/", "")
                        .replaceFirst("\\.java$", "")
                        .replace('/', '.'))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** Loads {@code name} from the class files of {@code compilation}; the runtime comes from the test class path. */
    private static Class<?> load(Compilation compilation, String name) throws ClassNotFoundException {
        Map<String, byte[]> classes = new HashMap<>();
        for (JavaFileObject file : compilation.generatedFiles()) {
            if (file.getKind() == JavaFileObject.Kind.CLASS) {
                String path = file.toUri().getPath();
                String binaryName = path.substring(path.indexOf("/CLASS_OUTPUT/") + "/CLASS_OUTPUT/".length())
                        .replaceFirst("\\.class$", "")
                        .replace('/', '.');
                try (InputStream in = file.openInputStream()) {
                    classes.put(binaryName, in.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        ClassLoader loader = new ClassLoader(YamlSpecGenerationTest.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String binaryName) throws ClassNotFoundException {
                byte[] bytes = classes.get(binaryName);
                if (bytes == null) {
                    throw new ClassNotFoundException(binaryName);
                }
                return defineClass(binaryName, bytes, 0, bytes.length);
            }
        };
        return loader.loadClass(name);
    }
}
