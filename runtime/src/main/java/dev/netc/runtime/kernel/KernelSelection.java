package dev.netc.runtime.kernel;

import java.util.Locale;

/**
 * Chooses the dense kernel implementation and the thread count once, from the JVM's modules and two system
 * properties: {@code netc.kernels} ({@code vector} or {@code scalar}; by default the vector kernels when the {@code
 * jdk.incubator.vector} module is in the boot layer, i.e. when the JVM was started with {@code --add-modules
 * jdk.incubator.vector}) and {@code netc.threads} (a positive count; by default the available processors).
 *
 * <p>The vector implementation is loaded by reflection, so that a JVM without the incubator module never links a class
 * that refers to it.
 */
final class KernelSelection {

    /** The system property that forces an implementation. */
    static final String KERNELS_PROPERTY = "netc.kernels";
    /** The system property that sets how many threads, the caller included, share one large kernel call. */
    static final String THREADS_PROPERTY = "netc.threads";

    private static final String VECTOR_MODULE = "jdk.incubator.vector";
    private static final String VECTOR_CLASS = "dev.netc.runtime.kernel.VectorDenseKernel";

    private KernelSelection() {}

    /** The implementation that the system properties and the boot layer's modules select. */
    static DenseKernel kernel() {
        return kernel(
                System.getProperty(KERNELS_PROPERTY),
                ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent());
    }

    /**
     * The implementation named by {@code requested} ({@code null} or empty: the best available), given whether the
     * incubator module is present.
     */
    static DenseKernel kernel(String requested, boolean vectorModulePresent) {
        String name = requested == null ? "" : requested.trim().toLowerCase(Locale.ROOT);
        switch (name) {
            case "scalar":
                return new ScalarDenseKernel();
            case "vector":
                if (!vectorModulePresent) {
                    throw new IllegalStateException(KERNELS_PROPERTY + "=vector needs the " + VECTOR_MODULE
                            + " module: start the JVM with --add-modules " + VECTOR_MODULE);
                }
                return loadVector();
            case "":
                return vectorModulePresent ? loadVector() : new ScalarDenseKernel();
            default:
                throw new IllegalArgumentException(
                        KERNELS_PROPERTY + " must be 'vector' or 'scalar', found '" + requested + "'");
        }
    }

    /** The thread count that {@code netc.threads} sets, by default the available processors. */
    static int threads() {
        return threads(
                System.getProperty(THREADS_PROPERTY), Runtime.getRuntime().availableProcessors());
    }

    /** {@code requested} as a positive thread count, or {@code fallback} when it is {@code null} or empty. */
    static int threads(String requested, int fallback) {
        if (requested == null || requested.isBlank()) {
            return fallback;
        }
        try {
            int threads = Integer.parseInt(requested.trim());
            if (threads >= 1) {
                return threads;
            }
        } catch (NumberFormatException e) {
            // reported below, with the value found
        }
        throw new IllegalArgumentException(THREADS_PROPERTY + " must be a positive integer, found '" + requested + "'");
    }

    private static DenseKernel loadVector() {
        try {
            return Class.forName(VECTOR_CLASS)
                    .asSubclass(DenseKernel.class)
                    .getDeclaredConstructor()
                    .newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(
                    "cannot load " + VECTOR_CLASS + " although " + VECTOR_MODULE + " is present", e);
        }
    }
}
