package dev.netc.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * An interface whose input record does not exist yet, because another processor generates it, is retried in the next
 * round (RELIABILITY P1); one whose record never appears gets one error when processing is over.
 */
class DeferralTest {

    private static final JavaFileObject SENSOR = JavaFileObjects.forSourceLines(
            "com.example.Sensor",
            "package com.example;",
            "",
            "import dev.netc.*;",
            "",
            "@Network(loss = Loss.MEAN_SQUARED_ERROR)",
            "interface Sensor {",
            "    @Dense(units = 4, activation = Activation.TANH)",
            "    @Dense(units = 1)",
            "    float predict(Reading reading);",
            "}");

    @Test
    void typeGeneratedInALaterRoundIsWaitedFor() {
        List<ReadyNetwork> generated = new ArrayList<>();

        Compilation compilation =
                NetcCompiler.compileWith(List.of(new NetcProcessor(generated::add), new RecordGenerator()), SENSOR);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(generated).hasSize(1);
        assertThat(generated.get(0).network().spec().input().features()).containsExactly("celsius", "humidity");
    }

    @Test
    void typeNeverGeneratedIsReportedOnceAtTheInterface() {
        List<ReadyNetwork> generated = new ArrayList<>();

        Compilation compilation = NetcCompiler.compile(generated::add, SENSOR);

        List<Diagnostic<? extends JavaFileObject>> netcErrors = compilation.errors().stream()
                .filter(error -> error.getMessage(null).contains("[netc:"))
                .toList();
        assertThat(netcErrors).hasSize(1);
        assertThat(compilation)
                .hadErrorContaining("type Reading could not be resolved [netc:unresolved-type]")
                .inFile(SENSOR)
                .onLine(6)
                .atColumn(1);
        assertThat(compilation)
                .hadErrorContaining("cannot find symbol")
                .inFile(SENSOR)
                .onLine(9);
        assertThat(generated).isEmpty();
    }

    /** Generates {@code com.example.Reading} in the first round, as a processor of the user's build might. */
    private static final class RecordGenerator extends AbstractProcessor {
        private boolean done;

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
            if (done) {
                return false;
            }
            done = true;
            try (Writer writer = processingEnv
                    .getFiler()
                    .createSourceFile("com.example.Reading")
                    .openWriter()) {
                writer.write("package com.example;\n\npublic record Reading(float celsius, double humidity) {}\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return false;
        }
    }
}
