package dev.netc.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import dev.netc.processor.emit.EmitOptions;
import dev.netc.spec.diag.Diagnostic;
import dev.netc.spec.diag.DiagnosticCode;
import dev.netc.spec.diag.Diagnostics;
import java.io.File;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The processor options: defaults, accepted values, and one error per bad value naming the option. */
class ProcessorOptionsTest {

    private static final AtomicInteger BAD_VALUES = new AtomicInteger();

    @AfterAll
    static void everyBadValueRan() {
        assertThat(BAD_VALUES.get()).isEqualTo(11);
    }

    @Test
    void noOptionsMeanNoSpecDirectoriesTheDefaultUnrollLimitAndQuiet() {
        Diagnostics diagnostics = new Diagnostics();

        ProcessorOptions options = ProcessorOptions.parse(Map.of("other.option", "x"), diagnostics);

        assertThat(diagnostics.all()).isEmpty();
        assertThat(options).isEqualTo(new ProcessorOptions(List.of(), EmitOptions.DEFAULT_UNROLL_LIMIT, false));
    }

    @Test
    void goodValuesAreRead() {
        Diagnostics diagnostics = new Diagnostics();
        String dirs = "src/main/netc" + File.pathSeparator + "/abs/specs";

        ProcessorOptions options = ProcessorOptions.parse(
                Map.of("netc.specDir", dirs, "netc.unrollLimit", "0", "netc.verbose", "true"), diagnostics);

        assertThat(diagnostics.all()).isEmpty();
        assertThat(options).isEqualTo(new ProcessorOptions(List.of("src/main/netc", "/abs/specs"), 0, true));
    }

    @Test
    void bareVerboseMeansTrueAndTheLargestUnrollLimitIsAccepted() {
        Diagnostics diagnostics = new Diagnostics();
        Map<String, String> given = new HashMap<>();
        given.put("netc.verbose", null);
        given.put("netc.unrollLimit", Integer.toString(EmitOptions.MAX_UNROLL_LIMIT));

        ProcessorOptions options = ProcessorOptions.parse(given, diagnostics);

        assertThat(diagnostics.all()).isEmpty();
        assertThat(options.verbose()).isTrue();
        assertThat(options.unrollLimit()).isEqualTo(EmitOptions.MAX_UNROLL_LIMIT);
    }

    static Stream<Arguments> badValues() {
        String limit = "expected a whole number of weights from 0 to " + EmitOptions.MAX_UNROLL_LIMIT;
        String dirs = "expected one or more directories separated by '" + File.pathSeparator + "'";
        String twoDirs = "a" + File.pathSeparator + File.pathSeparator + "b";
        return Stream.of(
                Arguments.of("netc.unrollLimit", "abc", limit + ", found 'abc'"),
                Arguments.of("netc.unrollLimit", "257", limit + ", found '257'"),
                Arguments.of("netc.unrollLimit", "-1", limit + ", found '-1'"),
                Arguments.of("netc.unrollLimit", "08", limit + ", found '08'"),
                Arguments.of("netc.unrollLimit", "99999999999", limit + ", found '99999999999'"),
                Arguments.of("netc.unrollLimit", null, limit + ", found no value"),
                Arguments.of("netc.verbose", "yes", "expected true or false, found 'yes'"),
                Arguments.of("netc.verbose", "TRUE", "expected true or false, found 'TRUE'"),
                Arguments.of("netc.specDir", null, dirs + ", found no value"),
                Arguments.of("netc.specDir", "", dirs + ", found no value"),
                Arguments.of("netc.specDir", twoDirs, dirs + ", found an empty entry in '" + twoDirs + "'"));
    }

    @ParameterizedTest
    @MethodSource("badValues")
    void badValueIsOneErrorNamingTheOptionAndKeepsTheDefault(String option, String value, String expected) {
        BAD_VALUES.incrementAndGet();
        Diagnostics diagnostics = new Diagnostics();
        Map<String, String> given = new HashMap<>();
        given.put(option, value);

        ProcessorOptions options = ProcessorOptions.parse(given, diagnostics);

        assertThat(diagnostics.all()).hasSize(1);
        Diagnostic error = diagnostics.all().get(0);
        assertThat(error.code()).isEqualTo(DiagnosticCode.BAD_OPTION);
        assertThat(error.message()).isEqualTo("processor option -A" + option + ": " + expected);
        assertThat(options.unrollLimit()).isEqualTo(EmitOptions.DEFAULT_UNROLL_LIMIT);
        assertThat(options.verbose()).isFalse();
    }

    @Test
    void emptyEntryIsReportedAndTheOtherDirectoriesAreKept() {
        Diagnostics diagnostics = new Diagnostics();

        ProcessorOptions options = ProcessorOptions.parse(
                Map.of("netc.specDir", "a" + File.pathSeparator + File.pathSeparator + "b"), diagnostics);

        assertThat(options.specDirs()).containsExactly("a", "b").inOrder();
    }

    @Test
    void misspeltOptionIsAnErrorWithADidYouMean() {
        Diagnostics diagnostics = new Diagnostics();

        ProcessorOptions.parse(Map.of("netc.specdir", "src/main/netc"), diagnostics);

        assertThat(diagnostics.all()).hasSize(1);
        assertThat(diagnostics.all().get(0).messageWithTag())
                .isEqualTo(
                        "unknown processor option -Anetc.specdir; did you mean 'netc.specDir'? [netc:unknown-option]");
    }

    @Test
    void javacReportsABadValueAsAnError() {
        Compilation compilation = compileWith("-Anetc.unrollLimit=many");

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("processor option -Anetc.unrollLimit: expected a whole number of weights from 0 to "
                        + EmitOptions.MAX_UNROLL_LIMIT
                        + ", found 'many' [netc:bad-option]");
    }

    @Test
    void javacAcceptsEveryOptionWithoutAWarning() {
        Compilation compilation = compileWith("-Anetc.unrollLimit=0", "-Anetc.verbose");

        assertThat(compilation).succeededWithoutWarnings();
    }

    /** Compiles a class with nothing for netc, strictly, with the processor javac loads and these options. */
    private static Compilation compileWith(String... options) {
        List<String> all = new ArrayList<>(NetcCompiler.STRICT);
        all.addAll(List.of(options));
        return javac().withProcessors(new NetcProcessor()).withOptions(all).compile(SpecDirectory.PLACEHOLDER);
    }
}
