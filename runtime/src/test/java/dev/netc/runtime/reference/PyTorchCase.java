package dev.netc.runtime.reference;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.netc.Activation;
import dev.netc.Loss;
import dev.netc.spec.CheckedNetwork;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One case of {@code fixtures/forward_backward.json} (see the README beside it): a sequential network of dense
 * layers, its parameters, a batch with targets, and what PyTorch computed for them. Weights and biases (and their
 * gradients) are flattened into netc's parameter layout, which for dense layers with biases is PyTorch's own order.
 */
record PyTorchCase(
        String name,
        CheckedNetwork network,
        List<Activation> activations,
        Loss loss,
        double[][] input,
        double[][] target,
        double[] parameters,
        double[][] output,
        double lossValue,
        double[] gradient) {

    private static final String RESOURCE = "/fixtures/forward_backward.json";

    /** Every case of the fixture, in file order. */
    static List<PyTorchCase> load() {
        try (InputStream in = PyTorchCase.class.getResourceAsStream(RESOURCE)) {
            assertNotNull(in, "test resource " + RESOURCE);
            List<PyTorchCase> cases = new ArrayList<>();
            for (JsonNode node : new ObjectMapper().readTree(in).required("cases")) {
                cases.add(of(node));
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static PyTorchCase of(JsonNode node) {
        JsonNode sizes = node.required("sizes");
        int[] units = new int[sizes.size() - 1];
        for (int i = 0; i < units.length; i++) {
            units[i] = sizes.get(i + 1).intValue();
        }
        List<Activation> activations = new ArrayList<>();
        for (JsonNode activation : node.required("activations")) {
            activations.add(Activation.valueOf(activation.textValue().toUpperCase(Locale.ROOT)));
        }
        Loss loss = loss(node.required("loss").textValue());
        return new PyTorchCase(
                node.required("name").textValue(),
                Networks.sequential(loss, sizes.get(0).intValue(), units, activations),
                List.copyOf(activations),
                loss,
                matrix(node.required("input")),
                matrix(node.required("target")),
                flatten(node.required("weights"), node.required("biases")),
                matrix(node.required("output")),
                number(node.required("loss_value")),
                flatten(node.required("grad_weights"), node.required("grad_biases")));
    }

    /** The fixture abbreviates the squared and absolute errors; the other names are netc's YAML names. */
    private static Loss loss(String name) {
        return switch (name) {
            case "mse" -> Loss.MEAN_SQUARED_ERROR;
            case "mae" -> Loss.MEAN_ABSOLUTE_ERROR;
            default -> Loss.valueOf(name.toUpperCase(Locale.ROOT));
        };
    }

    /** Per layer: the weight matrix row-major, then the bias. */
    private static double[] flatten(JsonNode weights, JsonNode biases) {
        List<Double> values = new ArrayList<>();
        for (int layer = 0; layer < weights.size(); layer++) {
            for (JsonNode row : weights.get(layer)) {
                for (JsonNode value : row) {
                    values.add(number(value));
                }
            }
            for (JsonNode value : biases.get(layer)) {
                values.add(number(value));
            }
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double[][] matrix(JsonNode rows) {
        double[][] matrix = new double[rows.size()][];
        for (int row = 0; row < matrix.length; row++) {
            JsonNode values = rows.get(row);
            matrix[row] = new double[values.size()];
            for (int i = 0; i < values.size(); i++) {
                matrix[row][i] = number(values.get(i));
            }
        }
        return matrix;
    }

    private static double number(JsonNode node) {
        if (!node.isNumber()) {
            throw new IllegalArgumentException("expected a number, found " + node);
        }
        return node.doubleValue();
    }

    @Override
    public String toString() {
        return name;
    }
}
