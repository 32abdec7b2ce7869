package dev.netc.docs;

import dev.netc.runtime.TrainableNetwork;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

/**
 * Generated classes compiled into a folder, loaded into this JVM beside the runtime they implement, so a test can
 * call them as an application would. Close it when done with the classes.
 */
final class CompiledClasses implements AutoCloseable {

    private final URLClassLoader loader;

    private CompiledClasses(URLClassLoader loader) {
        this.loader = loader;
    }

    /** The classes in {@code folder}; the runtime and everything else come from this test's class loader. */
    static CompiledClasses in(Path folder) {
        try {
            return new CompiledClasses(
                    new URLClassLoader(new URL[] {folder.toUri().toURL()}, CompiledClasses.class.getClassLoader()));
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(folder.toString(), e);
        }
    }

    /**
     * A new instance of the generated network class {@code name}: made with its no-argument constructor (the class
     * of a spec), or with its own fresh parameters (the class of an interface, which holds the parameters its typed
     * method uses). Either way the {@link TrainableNetwork} methods take parameters in each call.
     */
    TrainableNetwork network(String name) {
        try {
            Class<?> type = loader.loadClass(name);
            for (var constructor : type.getConstructors()) {
                if (constructor.getParameterCount() == 0) {
                    return (TrainableNetwork) constructor.newInstance();
                }
            }
            Object parameters = type.getMethod("newParameters", long.class).invoke(null, 0L);
            return (TrainableNetwork) type.getConstructor(float[].class).newInstance(parameters);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("no class " + name + " was generated", e);
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException e) {
            throw new AssertionError(name + " is not a generated network class: " + e, e);
        } catch (InvocationTargetException e) {
            throw new AssertionError("cannot make a " + name + ": " + e.getCause(), e.getCause());
        }
    }

    @Override
    public void close() {
        try {
            loader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
