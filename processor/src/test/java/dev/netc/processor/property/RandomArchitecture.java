package dev.netc.processor.property;

import dev.netc.Activation;
import dev.netc.Loss;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A random network within the property tests' bounds, as YAML: 1 to 4 dense layers of 1 to 24 units with activations
 * valid where they stand, a loss the output fits, and in one case of four a graph whose two branches from the input
 * meet in a concat or an add (four dense layers then). Drawn from a seed, so a failing case is reproduced from its number.
 */
record RandomArchitecture(int seed, String yaml, int unrollLimit) {

    static final int MAX_DENSE = 4;
    static final int MAX_UNITS = 24;

    private static final List<Activation> HIDDEN = List.of(Activation.values()).stream()
            .filter(a -> a != Activation.SOFTMAX)
            .toList();

    /** The architecture of seed {@code seed}, in package {@code dev.netc.property} as class {@code Random<seed>}. */
    static RandomArchitecture draw(int seed) {
        Random random = new Random(seed * 7919L + 17);
        Loss loss = Loss.values()[random.nextInt(Loss.values().length)];
        int outputs;
        Activation output;
        switch (loss) {
            case BINARY_CROSSENTROPY -> {
                outputs = 1;
                output = Activation.SIGMOID;
            }
            case CATEGORICAL_CROSSENTROPY, SPARSE_CATEGORICAL_CROSSENTROPY -> {
                outputs = 2 + random.nextInt(5);
                output = random.nextBoolean() ? Activation.SOFTMAX : Activation.LINEAR;
            }
            default -> {
                outputs = 1 + random.nextInt(6);
                output = Activation.values()[random.nextInt(Activation.values().length)];
                if (output == Activation.SOFTMAX && outputs == 1) {
                    outputs = 2;
                }
            }
        }
        StringBuilder yaml = new StringBuilder();
        yaml.append(String.format(
                Locale.ROOT,
                "network: Random%d%npackage: dev.netc.property%ninput: %d%nlayers:%n",
                seed,
                1 + random.nextInt(6)));
        boolean graph = random.nextInt(4) == 0;
        if (graph) {
            graph(random, yaml);
        } else {
            int hidden = random.nextInt(MAX_DENSE);
            for (int i = 0; i < hidden; i++) {
                yaml.append(dense(units(random), hidden(random), ""));
            }
        }
        yaml.append(dense(outputs, output, graph ? ", name: out, inputs: after" : ""));
        yaml.append("loss: ").append(loss.yamlName()).append('\n');
        int unrollLimit = random.nextBoolean() ? 0 : 1 + random.nextInt(MAX_UNITS);
        return new RandomArchitecture(seed, yaml.toString(), unrollLimit);
    }

    /** Two dense branches from the input joined by a concat or an add; the output layer reads the join. */
    private static void graph(Random random, StringBuilder yaml) {
        int left = units(random);
        boolean add = random.nextBoolean();
        int right = add ? left : units(random);
        yaml.append(dense(left, hidden(random), ", name: left"));
        yaml.append(dense(right, hidden(random), ", name: right, inputs: input"));
        yaml.append(add ? "  - {add: [left, right], name: join}\n" : "  - {concat: [left, right], name: join}\n");
        yaml.append("  - {dense: ").append(units(random)).append(", activation: ");
        yaml.append(hidden(random).yamlName()).append(", name: after, inputs: join}\n");
    }

    private static String dense(int units, Activation activation, String rest) {
        return String.format(Locale.ROOT, "  - {dense: %d, activation: %s%s}%n", units, activation.yamlName(), rest);
    }

    private static int units(Random random) {
        return 1 + random.nextInt(MAX_UNITS);
    }

    private static Activation hidden(Random random) {
        return HIDDEN.get(random.nextInt(HIDDEN.size()));
    }

    @Override
    public String toString() {
        return "seed " + seed;
    }
}
