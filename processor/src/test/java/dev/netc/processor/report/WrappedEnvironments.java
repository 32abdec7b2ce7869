package dev.netc.processor.report;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * Processing environments wrapped the way Gradle's incremental processing and IntelliJ's build wrap javac's: every
 * call is passed on, but the object is not javac's own, so {@code Trees.instance} refuses it.
 */
public final class WrappedEnvironments {

    private WrappedEnvironments() {}

    /** {@code environment} behind a proxy. */
    public static ProcessingEnvironment wrap(ProcessingEnvironment environment) {
        return (ProcessingEnvironment) Proxy.newProxyInstance(
                WrappedEnvironments.class.getClassLoader(),
                new Class<?>[] {ProcessingEnvironment.class},
                (proxy, method, arguments) -> {
                    try {
                        return method.invoke(environment, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** {@code processor}, initialised with a wrapped environment, as a build tool that wraps it would run it. */
    public static Processor wrapping(Processor processor) {
        return new AbstractProcessor() {
            @Override
            public synchronized void init(ProcessingEnvironment environment) {
                super.init(environment);
                processor.init(wrap(environment));
            }

            @Override
            public Set<String> getSupportedAnnotationTypes() {
                return processor.getSupportedAnnotationTypes();
            }

            @Override
            public SourceVersion getSupportedSourceVersion() {
                return processor.getSupportedSourceVersion();
            }

            @Override
            public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
                return processor.process(annotations, round);
            }
        };
    }
}
