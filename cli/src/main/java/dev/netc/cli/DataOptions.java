package dev.netc.cli;

import dev.netc.Loss;
import dev.netc.runtime.data.CsvDataset;
import dev.netc.runtime.data.DataException;
import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.data.IdxReader;
import dev.netc.runtime.data.OneHot;
import dev.netc.runtime.io.WeightFile;
import dev.netc.spec.CheckedNetwork;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * Where a command's labelled data comes from: a CSV file with a label column, or an IDX images file with its IDX
 * labels file. The targets are shaped for the network's loss: class indices for sparse categorical cross-entropy and
 * for one sigmoid unit, one-hot rows for categorical cross-entropy, the column's values for the regression losses.
 */
final class DataOptions {

    @Option(
            names = "--data",
            required = true,
            paramLabel = "FILE",
            description = "A CSV file (features and a label column), or an IDX images file with --labels.")
    Path data;

    @Option(
            names = "--labels",
            paramLabel = "FILE",
            description = "The IDX labels file that goes with an IDX --data file.")
    Path labels;

    @Option(
            names = "--label",
            paramLabel = "COLUMN",
            description = "The CSV label column, by header name or 0-based index (default: the last column).")
    String label;

    @Option(
            names = "--no-header",
            description = "The CSV files have no header line: --label is then a 0-based column index.")
    boolean noHeader;

    /**
     * Loads {@code data} (with {@code labels}) for {@code network}, targets shaped for its loss.
     *
     * @param classes the class names to number a CSV file's labels by, as in {@link #read}
     */
    Dataset load(CheckedNetwork network, List<String> classes) {
        return shape(network, read(network, data, labels, classes));
    }

    /**
     * Reads a labelled file with these label options; the targets are as the file has them (class indices or values),
     * not yet {@link #shape shaped}.
     *
     * @param classes the class names a CSV file's labels are numbered by, class {@code i} at index {@code i} (a label
     *     outside them is an error): the spec's, or those of the data the network was trained on. When empty, the
     *     spec's classes if it names them, or else the file's own labels in sorted order.
     */
    Dataset read(CheckedNetwork network, Path file, Path labelsFile, List<String> classes) {
        return labelsFile != null ? readIdx(network, file, labelsFile) : readCsv(network, file, classes);
    }

    /**
     * The class names data for {@code network} is numbered by: the spec's when it names them, else those its weight
     * file recorded from the training data, else none.
     *
     * @throws IllegalArgumentException if the spec and the weight file name different classes, or the same in
     *     another order: the weights' outputs follow the file's
     */
    static List<String> classes(CheckedNetwork network, WeightFile weights) {
        List<String> named = network.spec().classes();
        List<String> trained = weights.classes();
        if (!named.isEmpty() && !trained.isEmpty() && !named.equals(trained)) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "%s: the network was trained on the classes %s, but the spec names %s; the outputs follow the"
                            + " weight file's order",
                    weights.source(),
                    trained,
                    named));
        }
        return named.isEmpty() ? trained : named;
    }

    /** {@code data} with targets in the form the network's loss reads: one-hot rows for categorical cross-entropy. */
    static Dataset shape(CheckedNetwork network, Dataset data) {
        if (network.spec().loss() == Loss.CATEGORICAL_CROSSENTROPY) {
            return OneHot.fit(data).apply(data);
        }
        return data;
    }

    /** Images of any shape; each is read row by row into the network's input vector. */
    private static Dataset readIdx(CheckedNetwork network, Path images, Path labelsFile) {
        return IdxReader.any().readDataset(images, labelsFile, classCount(network));
    }

    private Dataset readCsv(CheckedNetwork network, Path file, List<String> classes) {
        CsvDataset.Builder csv = CsvDataset.builder();
        boolean regression = network.spec().loss() == Loss.MEAN_SQUARED_ERROR
                || network.spec().loss() == Loss.MEAN_ABSOLUTE_ERROR;
        List<String> first = CsvFirstRecord.of(file)
                .orElseThrow(() ->
                        new DataException(file + ": expected a CSV file with a header or data, found an empty file"));
        String column = label != null ? label : Integer.toString(first.size() - 1);
        boolean byIndex = column.chars().allMatch(Character::isDigit);
        if (noHeader && !byIndex) {
            throw new IllegalArgumentException(
                    "--label: expected a 0-based column index, as --no-header gives the columns no names; found "
                            + column);
        }
        if (!noHeader && byIndex && isData(first, Integer.parseInt(column))) {
            throw new DataException(file + ": line 1 is numbers, not column names: it is data; for a file without a"
                    + " header line, pass --no-header");
        }
        csv.header(!noHeader);
        if (regression) {
            if (byIndex) {
                csv.targetColumn(Integer.parseInt(column));
            } else {
                csv.targetColumn(column);
            }
        } else {
            if (byIndex) {
                csv.classColumn(Integer.parseInt(column));
            } else {
                csv.classColumn(column);
            }
            List<String> fixed = classes.isEmpty() ? network.spec().classes() : classes;
            if (!fixed.isEmpty()) {
                csv.classes(fixed);
            }
        }
        return csv.build().read(file);
    }

    /** The number of classes the network's output encodes: its units, or 2 for one sigmoid unit. */
    private static int classCount(CheckedNetwork network) {
        return network.outputSize() == 1 ? 2 : network.outputSize();
    }

    /** Whether {@code record} is data rather than a header: numbers in every column but the label's. */
    private static boolean isData(List<String> record, int labelColumn) {
        boolean anyFeature = false;
        for (int i = 0; i < record.size(); i++) {
            if (i != labelColumn) {
                if (!CsvFirstRecord.isNumber(record.get(i))) {
                    return false;
                }
                anyFeature = true;
            }
        }
        return anyFeature;
    }
}
