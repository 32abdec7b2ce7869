package dev.netc.samples.embedded;

import java.nio.file.Path;

/** Where the tests find the repository's Iris data: surefire runs in the module's folder. */
final class IrisData {

    static final Path CSV = Path.of("../../data/iris/iris.csv");

    /** The seed the tests train with; any seed gives a working model, this one makes the results repeatable. */
    static final long SEED = 7L;

    private IrisData() {}
}
