package dev.netc.runtime.optim;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.netc.Optimizer.Kind;
import dev.netc.spec.OptimizerSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One case of {@code fixtures/optimizers.json} (see the README beside it): a {@code torch.optim} configuration,
 * initial parameters, the gradients of ten steps, and the parameters PyTorch computed after each, all in float64.
 *
 * @param name the optimizer and its configuration, for messages
 * @param spec the configuration as netc's optimizer spec
 * @param initial the parameters before the first step
 * @param gradients one row per step
 * @param expected the parameters after each step, one row per step
 */
record OptimizerCase(String name, OptimizerSpec spec, double[] initial, double[][] gradients, double[][] expected) {

    private static final String RESOURCE = "/fixtures/optimizers.json";

    /** Every case of the fixture, in file order. */
    static List<OptimizerCase> load() {
        try (InputStream in = OptimizerCase.class.getResourceAsStream(RESOURCE)) {
            assertNotNull(in, "test resource " + RESOURCE);
            List<OptimizerCase> cases = new ArrayList<>();
            for (JsonNode node : new ObjectMapper().readTree(in).required("cases")) {
                JsonNode config = node.required("config");
                cases.add(new OptimizerCase(
                        node.required("optimizer").textValue() + " " + config,
                        spec(node.required("optimizer").textValue(), config),
                        vector(node.required("initial")),
                        matrix(node.required("gradients")),
                        matrix(node.required("params_after_each_step"))));
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * The netc spec for a {@code torch.optim} configuration: PyTorch's keyword arguments mapped to netc's options,
     * over netc's defaults (PyTorch's, for every option a case leaves out). A keyword this method does not know fails,
     * so that a fixture case is never half read.
     */
    private static OptimizerSpec spec(String optimizer, JsonNode config) {
        boolean nesterov = config.path("nesterov").asBoolean(false);
        boolean momentum = config.path("momentum").asDouble(0) != 0;
        Kind kind =
                switch (optimizer) {
                    case "sgd" -> nesterov ? Kind.NESTEROV : momentum ? Kind.MOMENTUM : Kind.SGD;
                    case "rmsprop" -> Kind.RMSPROP;
                    case "adam" -> Kind.ADAM;
                    case "adamw" -> Kind.ADAMW;
                    default -> throw new IllegalArgumentException("unknown optimizer in fixture: " + optimizer);
                };
        OptimizerSpec spec = OptimizerSpec.defaults(kind);
        for (Map.Entry<String, JsonNode> entry : config.properties()) {
            JsonNode value = entry.getValue();
            spec = switch (entry.getKey()) {
                case "lr" -> spec.with(OptimizerSpec.LEARNING_RATE, value.doubleValue());
                case "momentum" -> spec.with(OptimizerSpec.MOMENTUM, value.doubleValue());
                case "alpha" -> spec.with(OptimizerSpec.RHO, value.doubleValue());
                case "eps" -> spec.with(OptimizerSpec.EPSILON, value.doubleValue());
                case "weight_decay" -> spec.with(OptimizerSpec.WEIGHT_DECAY, value.doubleValue());
                case "betas" -> spec.with(OptimizerSpec.BETA1, value.get(0).doubleValue())
                        .with(OptimizerSpec.BETA2, value.get(1).doubleValue());
                case "nesterov" -> spec;
                default -> throw new IllegalArgumentException("unknown torch.optim keyword in fixture: " + entry);
            };
        }
        return spec;
    }

    private static double[][] matrix(JsonNode rows) {
        double[][] matrix = new double[rows.size()][];
        for (int row = 0; row < matrix.length; row++) {
            matrix[row] = vector(rows.get(row));
        }
        return matrix;
    }

    private static double[] vector(JsonNode values) {
        double[] vector = new double[values.size()];
        for (int i = 0; i < vector.length; i++) {
            JsonNode value = values.get(i);
            if (!value.isNumber()) {
                throw new IllegalArgumentException("expected a number, found " + value);
            }
            vector[i] = value.doubleValue();
        }
        return vector;
    }

    @Override
    public String toString() {
        return name;
    }
}
