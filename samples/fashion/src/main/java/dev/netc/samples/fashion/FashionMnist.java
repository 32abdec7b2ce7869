package dev.netc.samples.fashion;

import dev.netc.runtime.data.DataException;
import dev.netc.runtime.data.Dataset;
import dev.netc.samples.digits.ImageTraining;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Where Fashion-MNIST is, and what to say when it is not there. The data set (Zalando Research, MIT licence) is too
 * large to ship with netc; Debian and Ubuntu package it as {@code dataset-fashion-mnist}, which installs the four
 * gzipped IDX files, named as MNIST's are, in {@value #INSTALLED_FOLDER}.
 */
final class FashionMnist {

    static final String INSTALLED_FOLDER = "/usr/share/datasets/fashion-mnist";
    static final String INSTALL_COMMAND = "sudo apt-get install dataset-fashion-mnist";

    /** The four files a folder must hold. */
    static final List<String> FILES = List.of(
            "train-images-idx3-ubyte.gz",
            "train-labels-idx1-ubyte.gz",
            "t10k-images-idx3-ubyte.gz",
            "t10k-labels-idx1-ubyte.gz");

    /** The labels' names, label {@code i} first: the data set's own, and the spec's {@code classes}. */
    static final List<String> CLASSES = List.of(
            "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private FashionMnist() {}

    /** Whether {@code folder} holds the four files. */
    static boolean isIn(Path folder) {
        return FILES.stream().allMatch(file -> Files.isRegularFile(folder.resolve(file)));
    }

    /**
     * Reads a set of images from {@code folder}, pixels scaled to [0, 1], as {@link ImageTraining#read} does.
     *
     * @param set {@code train} or {@code t10k}
     * @throws DataException saying how to install the data set when a file is missing, or if a file is bad
     */
    static Dataset read(Path folder, String set) {
        if (!isIn(folder)) {
            throw new DataException(missing(folder));
        }
        return ImageTraining.read(folder, set, CLASSES);
    }

    /** The message for a {@code folder} without the data set: what is missing, and how to install it. */
    static String missing(Path folder) {
        List<String> absent = FILES.stream()
                .filter(file -> !Files.isRegularFile(folder.resolve(file)))
                .collect(Collectors.toList());
        return "Fashion-MNIST is not installed: expected its four IDX files in " + folder + ", found "
                + (Files.isDirectory(folder) ? "no " + String.join(", no ", absent) : "no such folder")
                + ". Install it with `" + INSTALL_COMMAND + "` (Debian, Ubuntu), or pass --data with a folder holding "
                + String.join(", ", FILES) + " from https://github.com/zalandoresearch/fashion-mnist";
    }
}
