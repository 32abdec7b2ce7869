package dev.netc.processor.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.JavaFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every generated method stays under HotSpot's 8,000-byte limit for compiling methods ({@code HugeMethodLimit}) over a
 * grid of shapes up to 8 layers of 4,096 units, including layers exactly at the largest unroll limit (weights plus units), where unrolled
 * code is longest. The class files are read with {@link MethodSizes}.
 */
class NetworkClassFileTest {

    private static final int HUGE_METHOD_LIMIT = 8000;
    private static final int LIMIT = EmitOptions.MAX_UNROLL_LIMIT;

    /** Name, input size, units per layer (the last is the output), activation of hidden layers, output, loss. */
    private record Shape(String name, int input, int[] units, String hidden, String output, String loss) {}

    private static final List<Shape> GRID = List.of(
            new Shape("Deep4096", 4096, repeat(4096, 8), "relu", "softmax", "categorical_crossentropy"),
            new Shape("Deep4096Gelu", 4096, repeat(4096, 8), "gelu", "linear", "mean_squared_error"),
            new Shape("Wide1To4096", 1, new int[] {4096, 4096, 1}, "tanh", "sigmoid", "binary_crossentropy"),
            new Shape("Square15", 15, repeat(15, 8), "gelu", "softmax", "mean_squared_error"),
            new Shape("Fan1To128", 1, new int[] {LIMIT / 2, 1}, "elu", "sigmoid", "binary_crossentropy"),
            new Shape("Fan255To1", LIMIT - 1, new int[] {1, LIMIT / 2}, "leaky_relu", "linear", "mean_absolute_error"),
            new Shape(
                    "Column2x85",
                    2,
                    new int[] {LIMIT / 3, 2},
                    "softplus",
                    "softmax",
                    "sparse_categorical_crossentropy"),
            new Shape(
                    "Row127x2",
                    LIMIT / 2 - 1,
                    new int[] {2, LIMIT / 3, 8},
                    "sigmoid",
                    "linear",
                    "categorical_crossentropy"),
            new Shape("DirectNearBudget", 8, new int[] {16, 12, 6}, "leaky_relu", "sigmoid", "mean_squared_error"),
            new Shape("DirectWide90", 1, new int[] {90, 1}, "leaky_relu", "sigmoid", "binary_crossentropy"));

    @Test
    void everyMethodIsBelowTheHugeMethodLimit() {
        List<JavaFile> files = new ArrayList<>();
        for (Shape shape : GRID) {
            files.add(NetworkClassEmitter.emit(
                    GeneratedNetworks.checked(yaml(shape)),
                    EmitOptions.of("test").withUnrollLimit(LIMIT)));
        }
        Map<String, byte[]> classes = GeneratedNetworks.classFiles(GeneratedNetworks.compile(files));

        int checkedClasses = 0;
        int largest = 0;
        for (Shape shape : GRID) {
            Map<String, Integer> sizes = MethodSizes.of(classes.get("dev.netc.generated." + shape.name()));
            assertTrue(sizes.size() > 10, shape.name() + " has its methods");
            for (Map.Entry<String, Integer> method : sizes.entrySet()) {
                assertTrue(
                        method.getValue() < HUGE_METHOD_LIMIT,
                        String.format(
                                Locale.ROOT,
                                "%s.%s: %d bytes of bytecode",
                                shape.name(),
                                method.getKey(),
                                method.getValue()));
                largest = Math.max(largest, method.getValue());
            }
            checkedClasses++;
        }
        assertEquals(GRID.size(), checkedClasses);
        assertTrue(largest > 1000, "the grid reaches long unrolled methods, largest " + largest);
    }

    /**
     * The direct {@code predict} of an all-unrolled network is one method for the whole network: its real bytecode
     * stays within {@link DirectPredictEmitter#bytecodeBound}, which decides whether it is written, including for the
     * shapes whose bound is close to the budget.
     */
    @Test
    void theDirectPredictStaysWithinItsBytecodeBound() {
        List<JavaFile> files = new ArrayList<>();
        List<EmitPlan> direct = new ArrayList<>();
        for (Shape shape : GRID) {
            EmitOptions options = EmitOptions.of("test").withUnrollLimit(LIMIT);
            EmitPlan plan = EmitPlan.of(GeneratedNetworks.checked(yaml(shape)), options);
            if (DirectPredictEmitter.applies(plan)) {
                direct.add(plan);
                files.add(NetworkClassEmitter.emit(plan.network(), options));
            }
        }
        Map<String, byte[]> classes = GeneratedNetworks.classFiles(GeneratedNetworks.compile(files));

        long closest = 0;
        for (EmitPlan plan : direct) {
            String name = plan.network().spec().name();
            int size = MethodSizes.of(classes.get("dev.netc.generated." + name)).get("predict ([F[F[F)V");
            long bound = DirectPredictEmitter.bytecodeBound(plan);
            assertTrue(size <= bound, String.format(Locale.ROOT, "%s.predict: %d bytes, bound %d", name, size, bound));
            closest = Math.max(closest, bound);
        }
        assertTrue(direct.size() >= 2, "shapes with a direct predict: " + direct.size());
        assertTrue(
                closest >= 0.9 * DirectPredictEmitter.BYTECODE_BUDGET,
                "the grid reaches the budget of the direct predict, closest bound " + closest);
    }

    private static String yaml(Shape shape) {
        StringBuilder layers = new StringBuilder();
        for (int i = 0; i < shape.units().length; i++) {
            boolean last = i == shape.units().length - 1;
            layers.append(String.format(
                    Locale.ROOT,
                    "  - {dense: %d, activation: %s}\n",
                    shape.units()[i],
                    last ? shape.output() : shape.hidden()));
        }
        return String.format(
                Locale.ROOT,
                "network: %s\npackage: dev.netc.generated\ninput: %d\nlayers:\n%sloss: %s\n",
                shape.name(),
                shape.input(),
                layers,
                shape.loss());
    }

    private static int[] repeat(int units, int layers) {
        int[] result = new int[layers];
        java.util.Arrays.fill(result, units);
        return result;
    }
}
