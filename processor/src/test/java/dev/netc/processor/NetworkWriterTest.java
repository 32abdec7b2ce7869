package dev.netc.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.netc.processor.emit.EmitOptions;
import dev.netc.processor.emit.NetworkClassEmitter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The processor javac loads writes each clean network's class through the Filer: an annotated interface's class names
 * the interface as its source, and a file the Filer refuses is a javac error at the spec, never an exception.
 */
class NetworkWriterTest {

    private static final JavaFileObject XOR = JavaFileObjects.forSourceLines(
            "com.example.xor.Xor",
            "package com.example.xor;",
            "",
            "import dev.netc.*;",
            "",
            "@Network(loss = Loss.BINARY_CROSSENTROPY, inputSize = 2)",
            "interface Xor {",
            "    @Dense(units = 2, activation = Activation.TANH)",
            "    @Dense(units = 1, activation = Activation.SIGMOID)",
            "    boolean predict(float[] x);",
            "}");

    /** The options the processor emits {@link #XOR}'s class with by default. */
    private static final EmitOptions XOR_OPTIONS =
            new EmitOptions(EmitOptions.DEFAULT_UNROLL_LIMIT, "interface com.example.xor.Xor", true);

    @Test
    void annotatedInterfaceGetsTheEmittersClassImplementingItAndNamingIt() {
        ReadyNetwork ready = readyXor();

        Compilation compilation = NetcCompiler.compileWith(List.of(new NetcProcessor()), XOR);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation)
                .generatedSourceFile("com.example.xor.XorNet")
                .contentsAsUtf8String()
                .isEqualTo(NetworkClassEmitter.emit(ready.network(), Optional.of(ready.signature()), XOR_OPTIONS)
                        .toString());
    }

    @Test
    void verboseOptionAddsANoteOnTheInterfacePerClass() {
        String summary = NetworkClassEmitter.summary(readyXor().network(), XOR_OPTIONS);

        Compilation compilation = javac().withProcessors(new NetcProcessor())
                .withOptions(List.of("-Xlint:all,-processing", "-Werror", "-Anetc.verbose=true"))
                .compile(XOR);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation)
                .hadNoteContaining("generated com.example.xor.XorNet from interface com.example.xor.Xor; "
                        + summary
                        + " [netc:generated]")
                .inFile(XOR)
                .onLine(5)
                .atColumn(1);
    }

    @Test
    void verboseOptionAddsANotePerYamlSpecNamingItsFile(@TempDir Path temp) {
        SpecDirectory specs = new SpecDirectory(temp).write("xor.yaml", SpecDirectory.xor());

        Compilation compilation = specs.compile(List.of("-Anetc.verbose"));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation)
                .hadNoteContaining(specs.display("xor.yaml") + ":1:10: generated com.example.xor.XorNet from "
                        + specs.display("xor.yaml") + "; XorNet: 3 -> 1, 11 parameters");
    }

    @Test
    void quietWithoutTheVerboseOption() {
        Compilation compilation = NetcCompiler.compileWith(List.of(new NetcProcessor()), XOR);

        assertThat(compilation.notes()).isEmpty();
    }

    /** The XOR interface as the front end hands it to code generation. */
    private static ReadyNetwork readyXor() {
        List<ReadyNetwork> ready = new ArrayList<>();
        assertThat(NetcCompiler.compile(ready::add, XOR)).succeededWithoutWarnings();
        return ready.get(0);
    }

    @Test
    void interfaceWhoseClassTheFilerRefusesIsAnErrorOnItsNetworkAnnotation() {
        Compilation compilation = NetcCompiler.compileWith(List.of(new Squatter(), new NetcProcessor()), XOR);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("cannot write generated class com.example.xor.XorNet: Attempt to recreate a file"
                        + " for type com.example.xor.XorNet [netc:write-failed]")
                .inFile(XOR)
                .onLine(5)
                .atColumn(1);
    }

    @Test
    void yamlSpecWhoseClassTheFilerRefusesIsAnErrorAtItsNetworkName(@TempDir Path temp) {
        SpecDirectory specs = new SpecDirectory(temp).write("xor.yaml", SpecDirectory.xor());

        Compilation compilation =
                specs.compileWith(List.of(new Squatter(), new NetcProcessor()), List.of(), SpecDirectory.PLACEHOLDER);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining(specs.display("xor.yaml")
                        + ":1:10: cannot write generated class com.example.xor.XorNet: Attempt to recreate a file for"
                        + " type com.example.xor.XorNet [netc:write-failed]");
    }

    /** Another processor that writes {@code com.example.xor.XorNet} in the first round, before netc runs. */
    private static final class Squatter extends AbstractProcessor {

        private boolean written;

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return Set.of("*");
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            if (!written) {
                written = true;
                try (Writer writer = processingEnv
                        .getFiler()
                        .createSourceFile("com.example.xor.XorNet")
                        .openWriter()) {
                    writer.write("package com.example.xor;\n\nfinal class XorNet {}\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return false;
        }
    }
}
