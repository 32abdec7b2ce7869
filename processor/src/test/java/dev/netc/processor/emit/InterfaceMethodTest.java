package dev.netc.processor.emit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.JavaFileObjects;
import com.palantir.javapoet.JavaFile;
import dev.netc.processor.read.JavaSignature;
import dev.netc.processor.read.JavaSignature.Output;
import dev.netc.processor.read.TypeRef;
import dev.netc.runtime.TrainableNetwork;
import dev.netc.spec.CheckedNetwork;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntUnaryOperator;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The method a class generated from an interface implements: for every return type, and for a record with a component
 * of each numeric type, it returns what {@code predict} on the same floats gives, converted as documented (arg-max,
 * the first on ties; a threshold at pre-activation 0). It checks a {@code float[]}'s length, predicts with the array
 * its constructor was given (not a copy), agrees across threads, and allocates nothing once warmed up.
 *
 * <p>The interfaces here carry no netc annotations: the emitter sees only the checked network and the signature, which
 * the YAML and the hand-written {@link JavaSignature} give.
 */
class InterfaceMethodTest {

    private static final String PACKAGE = "com.example.typed";
    private static final int SAMPLES = 64;
    private static final List<String> COMPONENT_TYPES = List.of("double", "float", "int", "long", "short", "byte");

    /** A network with an interface: its class name, hidden and output layers, loss and classes, and its method. */
    private record Case(String network, String layers, String loss, String classes, JavaSignature signature) {

        String yaml() {
            String input = signature.inputRecord().isPresent() ? "[a, b, c, d, e, f]" : "6";
            return String.format(
                    Locale.ROOT,
                    "network: %s%npackage: %s%ninput: %s%n%slayers:%n%sloss: %s%n",
                    network,
                    PACKAGE,
                    input,
                    classes.isEmpty() ? "" : "classes: " + classes + "\n",
                    layers,
                    loss);
        }

        String className() {
            return PACKAGE + "." + network;
        }
    }

    private static final List<Case> CASES = List.of(
            recordCase("ScoresNet", "Scores", "scores", Output.FLOAT_ARRAY, "tanh", "3, activation: linear", ""),
            recordCase("ScoreNet", "Score", "score", Output.FLOAT, "relu", "1, activation: linear", ""),
            arrayCase("PickNet", "Pick", "pick", Output.INT, "3, activation: softmax", ""),
            recordCase("DecideNet", "Decide", "decide", Output.BOOLEAN, "tanh", "1, activation: sigmoid", ""),
            arrayCase("PositiveNet", "Positive", "positive", Output.BOOLEAN, "1, activation: linear", ""),
            recordCase(
                    "ClassifyNet",
                    "Classify",
                    "classify",
                    Output.ENUM,
                    "tanh",
                    "3, activation: softmax",
                    "[SETOSA, VERSICOLOR, VIRGINICA]"),
            arrayCase("JudgeNet", "Judge", "judge", Output.ENUM, "1, activation: sigmoid", "[NO, YES]"));

    private static final List<JavaFileObject> SOURCES = List.of(
            source("Mixed", "public record Mixed(double a, float b, int c, long d, short e, byte f) {}"),
            source("Species", "public enum Species { SETOSA, VERSICOLOR, VIRGINICA }"),
            source("Verdict", "public enum Verdict { NO, YES }"),
            source("Scores", "public interface Scores { float[] scores(Mixed sample); }"),
            source("Score", "public interface Score { float score(Mixed sample); }"),
            source("Pick", "public interface Pick { int pick(float[] x); }"),
            source("Decide", "public interface Decide { boolean decide(Mixed sample); }"),
            source("Positive", "public interface Positive { boolean positive(float[] x); }"),
            source("Classify", "public interface Classify { Species classify(Mixed sample); }"),
            source("Judge", "public interface Judge { Verdict judge(float[] x); }"),
            source(
                    "ClassifyLoop",
                    """
                    /** Calls classify in a loop, so that a test measures the calls and nothing else. */
                    public final class ClassifyLoop implements java.util.function.IntUnaryOperator {
                        private final Classify net;
                        private final Mixed sample = new Mixed(0.5, -1.25f, 3, -2L, (short) 1, (byte) -1);

                        public ClassifyLoop(Classify net) {
                            this.net = net;
                        }

                        @Override
                        public int applyAsInt(int calls) {
                            int setosa = 0;
                            for (int i = 0; i < calls; i++) {
                                if (net.classify(sample) == Species.SETOSA) {
                                    setosa++;
                                }
                            }
                            return setosa;
                        }
                    }
                    """));

    private static ClassLoader loader;

    @BeforeAll
    static void compile() {
        List<JavaFile> files = new ArrayList<>();
        for (Case c : CASES) {
            files.add(NetworkClassEmitter.emit(
                    network(c),
                    Optional.of(c.signature()),
                    EmitOptions.of("interface " + c.signature().interfaceName().canonicalName())));
        }
        loader = GeneratedNetworks.load(GeneratedNetworks.compile(files, SOURCES));
    }

    @Test
    void typedMethodsReturnWhatPredictGivesConverted() throws Exception {
        int compared = 0;
        for (Case c : CASES) {
            float[] parameters = newParameters(c, 11L);
            Object net = GeneratedNetworks.instance(loader, c.className(), parameters);
            Random random = new Random(c.network().hashCode());
            Set<Object> seen = new HashSet<>();
            for (int sample = 0; sample < SAMPLES; sample++) {
                float[] x = new float[6];
                Object argument = randomArgument(c, random, x);
                float[] y = new float[network(c).outputSize()];
                ((TrainableNetwork) net).predict(parameters, x, y);

                Object actual = GeneratedNetworks.call(net, c.signature().methodName(), argument);

                Object expected = expected(c, y);
                if (c.signature().output() == Output.FLOAT_ARRAY) {
                    assertArrayEquals((float[]) expected, (float[]) actual, c.network());
                } else {
                    assertEquals(expected, actual, c.network() + " on " + argument);
                }
                seen.add(c.signature().output() == Output.FLOAT_ARRAY ? "array" : actual);
                compared++;
            }
            if (c.signature().output() == Output.BOOLEAN || c.classes().equals("[NO, YES]")) {
                assertEquals(2, seen.size(), c.network() + " saw both sides of its threshold: " + seen);
            }
        }
        assertEquals(CASES.size() * SAMPLES, compared);
        assertEquals(7, CASES.size());
    }

    @Test
    void tiesGoToTheFirstConstantAndZeroIsNotAboveTheThreshold() throws Exception {
        // zero parameters: every output unit equal, every pre-activation 0
        Object classify =
                GeneratedNetworks.instance(loader, PACKAGE + ".ClassifyNet", new float[parameterCount("ClassifyNet")]);
        Object pick = GeneratedNetworks.instance(loader, PACKAGE + ".PickNet", new float[parameterCount("PickNet")]);
        Object decide =
                GeneratedNetworks.instance(loader, PACKAGE + ".DecideNet", new float[parameterCount("DecideNet")]);
        Object judge = GeneratedNetworks.instance(loader, PACKAGE + ".JudgeNet", new float[parameterCount("JudgeNet")]);
        Object sample = mixed(1.5, 2f, 3, 4L, (short) 5, (byte) 6);

        assertEquals(
                "SETOSA", GeneratedNetworks.call(classify, "classify", sample).toString());
        assertEquals(0, GeneratedNetworks.call(pick, "pick", new float[6]));
        assertEquals(false, GeneratedNetworks.call(decide, "decide", sample));
        assertEquals("NO", GeneratedNetworks.call(judge, "judge", new float[6]).toString());
    }

    @Test
    void aFloatArrayOfTheWrongLengthIsRejectedNamingBothLengths() {
        Object pick = GeneratedNetworks.instance(loader, PACKAGE + ".PickNet", newParameters(named("PickNet"), 1L));

        IllegalArgumentException tooShort =
                assertThrows(IllegalArgumentException.class, () -> GeneratedNetworks.call(pick, "pick", new float[5]));
        IllegalArgumentException tooLong =
                assertThrows(IllegalArgumentException.class, () -> GeneratedNetworks.call(pick, "pick", new float[7]));

        assertEquals("x: expected 6 values, found 5", tooShort.getMessage());
        assertEquals("x: expected 6 values, found 7", tooLong.getMessage());
    }

    @Test
    void theConstructorChecksTheParametersAndHoldsThemWithoutCopying() throws Exception {
        Class<?> type = loader.loadClass(PACKAGE + ".ClassifyNet");
        InvocationTargetException wrongLength =
                assertThrows(InvocationTargetException.class, () -> type.getConstructor(float[].class)
                        .newInstance((Object) new float[5]));
        assertEquals(IllegalArgumentException.class, wrongLength.getCause().getClass());
        assertEquals(
                "parameters: expected " + parameterCount("ClassifyNet") + " values, found 5",
                wrongLength.getCause().getMessage());

        float[] parameters = newParameters(named("ClassifyNet"), 3L);
        Object net = type.getConstructor(float[].class).newInstance((Object) parameters);
        Object sample = mixed(0.25, -0.5f, 1, 2L, (short) -1, (byte) 0);
        long bias = network(named("ClassifyNet")).layout().of("dense2").bias();
        for (int favourite = 0; favourite < 3; favourite++) {
            for (int unit = 0; unit < 3; unit++) {
                parameters[(int) bias + unit] = unit == favourite ? 100f : -100f;
            }
            assertEquals(
                    List.of("SETOSA", "VERSICOLOR", "VIRGINICA").get(favourite),
                    GeneratedNetworks.call(net, "classify", sample).toString(),
                    "after training the held array in place");
        }
    }

    @Test
    void concurrentTypedCallsAgreeWithSingleThreadedOnes() throws Exception {
        Object classify =
                GeneratedNetworks.instance(loader, PACKAGE + ".ClassifyNet", newParameters(named("ClassifyNet"), 5L));
        Object scores =
                GeneratedNetworks.instance(loader, PACKAGE + ".ScoresNet", newParameters(named("ScoresNet"), 5L));
        Random random = new Random(99);
        List<Object> samples = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            samples.add(randomArgument(named("ClassifyNet"), random, new float[6]));
        }
        List<Object> expected = typedCalls(classify, scores, samples);

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<Object>>> results = new ArrayList<>();
            for (int task = 0; task < 32; task++) {
                results.add(pool.submit(() -> typedCalls(classify, scores, samples)));
            }
            for (Future<List<Object>> result : results) {
                List<Object> actual = result.get();
                assertEquals(expected.size(), actual.size());
                for (int i = 0; i < expected.size(); i++) {
                    if (expected.get(i) instanceof float[] array) {
                        assertArrayEquals(array, (float[]) actual.get(i));
                    } else {
                        assertSame(expected.get(i), actual.get(i));
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(200, expected.size());
    }

    @Test
    void aFloatArrayResultIsANewArrayEachCall() throws Exception {
        Object scores =
                GeneratedNetworks.instance(loader, PACKAGE + ".ScoresNet", newParameters(named("ScoresNet"), 5L));
        Object sample = mixed(0.25, -0.5f, 1, 2L, (short) -1, (byte) 0);

        float[] first = (float[]) GeneratedNetworks.call(scores, "scores", sample);
        float[] second = (float[]) GeneratedNetworks.call(scores, "scores", sample);

        assertNotSame(first, second);
        assertArrayEquals(first, second);
    }

    @Test
    void warmedUpCallsAllocateNothing() throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        float[] parameters = newParameters(named("ClassifyNet"), 8L);
        Object classify = GeneratedNetworks.instance(loader, PACKAGE + ".ClassifyNet", parameters);
        TrainableNetwork net = (TrainableNetwork) classify;
        Class<?> classifyInterface = loader.loadClass(PACKAGE + ".Classify");
        IntUnaryOperator typedLoop = (IntUnaryOperator) loader.loadClass(PACKAGE + ".ClassifyLoop")
                .getConstructor(classifyInterface)
                .newInstance(classify);
        float[] x = {0.5f, -1.25f, 3f, -2f, 1f, -1f};
        float[] y = new float[3];
        IntUnaryOperator predictLoop = calls -> {
            for (int i = 0; i < calls; i++) {
                net.predict(parameters, x, y);
            }
            return calls;
        };
        IntUnaryOperator nothing = calls -> calls;
        for (int warmUp = 0; warmUp < 20; warmUp++) {
            typedLoop.applyAsInt(10_000);
            predictLoop.applyAsInt(10_000);
            nothing.applyAsInt(10_000);
        }

        long overhead = allocated(threads, nothing);

        assertEquals(overhead, allocated(threads, predictLoop), "bytes allocated by 10,000 predict calls");
        assertEquals(overhead, allocated(threads, typedLoop), "bytes allocated by 10,000 classify calls");
    }

    /** Bytes the current thread allocates running 10,000 calls, including what measuring costs. */
    private static long allocated(com.sun.management.ThreadMXBean threads, IntUnaryOperator loop) {
        long before = threads.getCurrentThreadAllocatedBytes();
        int result = loop.applyAsInt(10_000);
        long after = threads.getCurrentThreadAllocatedBytes();
        assertTrue(result >= 0 && result <= 10_000, "the loop ran");
        return after - before;
    }

    private static List<Object> typedCalls(Object classify, Object scores, List<Object> samples) throws Exception {
        List<Object> results = new ArrayList<>();
        for (Object sample : samples) {
            results.add(GeneratedNetworks.call(classify, "classify", sample));
            results.add(GeneratedNetworks.call(scores, "scores", sample));
        }
        return results;
    }

    /** What the typed method should return, from the outputs {@code y} that {@code predict} gave. */
    private static Object expected(Case c, float[] y) throws ClassNotFoundException {
        boolean sigmoid = c.layers().contains("sigmoid");
        float threshold = sigmoid ? 0.5f : 0f;
        switch (c.signature().output()) {
            case FLOAT_ARRAY:
                return y;
            case FLOAT:
                return y[0];
            case INT:
                return argMax(y);
            case BOOLEAN:
                assertNotEquals(threshold, y[0], "an output exactly at the threshold is ambiguous");
                return y[0] > threshold;
            default:
                Object[] constants = loader.loadClass(
                                c.signature().outputEnum().orElseThrow().canonicalName())
                        .getEnumConstants();
                if (y.length == 1) {
                    assertNotEquals(threshold, y[0], "an output exactly at the threshold is ambiguous");
                    return y[0] > threshold ? constants[1] : constants[0];
                }
                return constants[argMax(y)];
        }
    }

    private static int argMax(float[] y) {
        int best = 0;
        for (int i = 1; i < y.length; i++) {
            if (y[i] > y[best]) {
                best = i;
            }
        }
        return best;
    }

    /**
     * A random record of six components of six types, or a random {@code float[6]}; {@code x} receives the floats the
     * network should see.
     */
    private static Object randomArgument(Case c, Random random, float[] x) throws ReflectiveOperationException {
        if (c.signature().inputRecord().isEmpty()) {
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) (2 * random.nextGaussian());
            }
            return x;
        }
        double a = 2 * random.nextGaussian(); // not a float: the cast rounds it
        float b = (float) random.nextGaussian();
        int c1 = random.nextInt(7) - 3;
        long d = random.nextInt(7) - 3;
        short e = (short) (random.nextInt(5) - 2);
        byte f = (byte) (random.nextInt(3) - 1);
        float[] floats = {(float) a, b, c1, d, e, f};
        System.arraycopy(floats, 0, x, 0, 6);
        return mixed(a, b, c1, d, e, f);
    }

    private static Object mixed(double a, float b, int c, long d, short e, byte f) throws ReflectiveOperationException {
        return loader.loadClass(PACKAGE + ".Mixed")
                .getConstructor(double.class, float.class, int.class, long.class, short.class, byte.class)
                .newInstance(a, b, c, d, e, f);
    }

    private static float[] newParameters(Case c, long seed) {
        try {
            return (float[]) loader.loadClass(c.className())
                    .getMethod("newParameters", long.class)
                    .invoke(null, seed);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static int parameterCount(String network) {
        return Math.toIntExact(network(named(network)).layout().count());
    }

    private static Case named(String network) {
        for (Case c : CASES) {
            if (c.network().equals(network)) {
                return c;
            }
        }
        throw new AssertionError("no case " + network);
    }

    private static CheckedNetwork network(Case c) {
        return GeneratedNetworks.checked(c.yaml());
    }

    private static Case recordCase(
            String network, String type, String method, Output output, String hidden, String out, String classes) {
        return new Case(
                network,
                "  - {dense: 5, activation: " + hidden + "}\n  - {dense: " + out + "}\n",
                loss(out),
                classes,
                new JavaSignature(
                        TypeRef.of(PACKAGE, type),
                        method,
                        "sample",
                        Optional.of(TypeRef.of(PACKAGE, "Mixed")),
                        COMPONENT_TYPES,
                        output,
                        output == Output.ENUM ? Optional.of(TypeRef.of(PACKAGE, "Species")) : Optional.empty()));
    }

    private static Case arrayCase(
            String network, String type, String method, Output output, String out, String classes) {
        return new Case(
                network,
                "  - {dense: 5, activation: tanh}\n  - {dense: " + out + "}\n",
                loss(out),
                classes,
                new JavaSignature(
                        TypeRef.of(PACKAGE, type),
                        method,
                        "x",
                        Optional.empty(),
                        List.of(),
                        output,
                        output == Output.ENUM ? Optional.of(TypeRef.of(PACKAGE, "Verdict")) : Optional.empty()));
    }

    private static String loss(String output) {
        if (output.contains("sigmoid")) {
            return "binary_crossentropy";
        }
        return output.contains("softmax") ? "categorical_crossentropy" : "mean_squared_error";
    }

    private static JavaFileObject source(String name, String body) {
        return JavaFileObjects.forSourceString(PACKAGE + "." + name, "package " + PACKAGE + ";\n\n" + body);
    }
}
