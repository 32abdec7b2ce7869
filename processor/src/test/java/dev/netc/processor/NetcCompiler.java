package dev.netc.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.annotation.processing.Processor;
import javax.tools.JavaFileObject;

/**
 * Compiles test sources with the netc processor (Dagger's {@code CompilerTests}). By default every lint is on and a
 * warning fails the compilation, as it does in a strict user build.
 */
final class NetcCompiler {

    /**
     * Every lint but {@code processing}, which warns that no processor claimed netc's annotations: the processor
     * leaves them unclaimed on purpose ({@code process} returns false, so other processors may see them).
     */
    static final List<String> STRICT = List.of("-Xlint:all,-processing", "-Werror");

    private NetcCompiler() {}

    /** Compiles {@code sources} with a processor that generates nothing. */
    static Compilation compile(JavaFileObject... sources) {
        return compile(network -> {}, sources);
    }

    /** Compiles {@code sources}, handing every clean network to {@code generator}. */
    static Compilation compile(Consumer<ReadyNetwork> generator, JavaFileObject... sources) {
        return compileWith(List.of(new NetcProcessor(generator)), sources);
    }

    /** Compiles {@code sources} with these processors, which javac runs in this order. */
    static Compilation compileWith(List<Processor> processors, JavaFileObject... sources) {
        return javac().withProcessors(new ArrayList<>(processors))
                .withOptions(STRICT)
                .compile(sources);
    }
}
