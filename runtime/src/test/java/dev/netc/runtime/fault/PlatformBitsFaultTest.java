package dev.netc.runtime.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.netc.check.SpecValidator;
import dev.netc.runtime.SeededRandom;
import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.data.Split;
import dev.netc.runtime.data.Splits;
import dev.netc.runtime.optim.Schedule;
import dev.netc.runtime.reference.ReferenceNetwork;
import dev.netc.runtime.reference.TrainableReference;
import dev.netc.spec.CheckedNetwork;
import dev.netc.spec.diag.Diagnostics;
import dev.netc.yaml.YamlSpecReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The numbers netc promises to be the same on every platform and JVM come out bit for bit as pinned here (RELIABILITY
 * F9): initial parameters from a seed for every initializer, the double-precision reference network's loss and
 * gradient through every activation and loss head (the {@code StrictMath} paths and netc's own {@code erf}),
 * learning-rate schedules, and a seeded split. The digest was recorded on x86-64 with OpenJDK 17; a machine or JDK
 * that computes any of these numbers differently fails {@link #theSeededAndReferenceNumbersAreThePinnedBits}.
 *
 * <p>{@link #aSecondJdkComputesTheSameBits} computes the same in a child JVM of another JDK, when one is found: the
 * JDK named by the environment variable {@value #SECOND_JDK}, or else another JDK installed beside this one (for
 * example Temurin 25 beside OpenJDK 17 under {@code /usr/lib/jvm}). Generated classes use {@code Math} and are held
 * to tolerances instead (the agreement tests), so they are not part of the digest.
 *
 * <p>If a change to the numerics is intended, the first test's message shows the new digest to pin.
 */
class PlatformBitsFaultTest {

    /** SHA-256 of every number {@link Digest} computes, as raw IEEE 754 bits. */
    static final String PINNED = "4540dc4bdeb9a9971b217142491d1c3603fd1fb6a6e892e4beb236b70eec2572";

    /** Environment variable naming the home directory of a second JDK to compare with. */
    static final String SECOND_JDK = "NETC_SECOND_JDK";

    @Test
    void theSeededAndReferenceNumbersAreThePinnedBits() {
        assertEquals(PINNED, Digest.compute(), "the digest of the promised numbers changed; if intended, pin it");
    }

    @Test
    void aSecondJdkComputesTheSameBits() throws IOException, InterruptedException {
        Optional<Path> java = secondJava();
        assumeTrue(java.isPresent(), "no second JDK: set " + SECOND_JDK);

        Process child = new ProcessBuilder(
                        java.get().toString(), "-cp", System.getProperty("java.class.path"), Digest.class.getName())
                .redirectErrorStream(true)
                .start();
        child.getOutputStream().close();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(2, TimeUnit.MINUTES), "the child JVM finished");

        assertEquals(0, child.exitValue(), output);
        assertEquals(PINNED, output.strip(), () -> "the digest on " + java.get());
    }

    /** {@code bin/java} of the JDK named by {@value #SECOND_JDK}, or of another JDK beside this one. */
    private static Optional<Path> secondJava() throws IOException {
        String named = System.getenv(SECOND_JDK);
        if (named != null && !named.isBlank()) {
            return Optional.of(Path.of(named, "bin", "java"));
        }
        Path home = Path.of(System.getProperty("java.home")).toRealPath();
        Path installed = home.getParent();
        if (installed == null) {
            return Optional.empty();
        }
        try (Stream<Path> jdks = Files.list(installed)) {
            return jdks.filter(jdk -> !isSameJdk(jdk, home))
                    .map(jdk -> jdk.resolve("bin").resolve("java"))
                    .filter(Files::isExecutable)
                    .sorted()
                    .findFirst();
        }
    }

    private static boolean isSameJdk(Path jdk, Path home) {
        try {
            return jdk.toRealPath().equals(home);
        } catch (IOException e) {
            return true;
        }
    }

    /** The computation, also the program run on the second JDK: prints the digest. */
    public static final class Digest {

        private static final int SAMPLES = 8;

        private final MessageDigest sha256;

        private Digest() {
            try {
                sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        public static void main(String[] args) {
            System.out.println(compute());
        }

        static String compute() {
            Digest digest = new Digest();
            digest.network(
                    """
                    network: EveryInit
                    package: dev.netc.fault
                    input: 5
                    layers:
                      - {dense: 7, activation: elu, init: normal}
                      - {dense: 7, activation: gelu, init: uniform}
                      - {dense: 6, activation: softplus, init: glorot_normal}
                      - {dense: 6, activation: tanh, init: glorot_uniform}
                      - {dense: 5, activation: leaky_relu, init: he_normal}
                      - {dense: 5, activation: sigmoid, init: he_uniform}
                      - {dense: 3, activation: softmax, init: zeros}
                    loss: categorical_crossentropy
                    """,
                    true);
            digest.network(
                    """
                    network: Logits
                    package: dev.netc.fault
                    input: 5
                    layers:
                      - {dense: 4, activation: relu}
                      - {dense: 1, activation: sigmoid}
                    loss: binary_crossentropy
                    """,
                    false);
            digest.schedules();
            digest.split();
            return HexFormat.of().formatHex(digest.sha256.digest());
        }

        /** Initial parameters from seed 42, then the reference's loss and gradient on a seeded batch. */
        private void network(String yaml, boolean oneHot) {
            CheckedNetwork network = checked(yaml);
            float[] parameters = new TrainableReference(network).initialParameters(42);
            for (float parameter : parameters) {
                add(Float.floatToRawIntBits(parameter));
            }
            SeededRandom random = new SeededRandom(7);
            int outputs = network.outputSize();
            double[][] batch = new double[SAMPLES][network.inputSize()];
            double[][] targets = new double[SAMPLES][outputs];
            for (int s = 0; s < SAMPLES; s++) {
                for (int i = 0; i < batch[s].length; i++) {
                    batch[s][i] = random.nextSymmetric(3);
                }
                targets[s][oneHot ? s % outputs : 0] = oneHot || s % 2 == 0 ? 1 : 0;
            }
            ReferenceNetwork reference = new ReferenceNetwork(network, parameters);
            add(Double.doubleToRawLongBits(reference.loss(batch, targets)));
            for (double derivative : reference.backward(batch, targets)) {
                add(Double.doubleToRawLongBits(derivative));
            }
        }

        private void schedules() {
            for (Schedule schedule :
                    List.of(Schedule.cosine(30, 1e-4), Schedule.exponential(0.97), Schedule.step(7, 0.5))) {
                for (long epoch = 0; epoch < 30; epoch++) {
                    add(Double.doubleToRawLongBits(schedule.learningRate(epoch, 0.1)));
                }
            }
        }

        /** Which of 50 samples a seeded shuffled split holds out (the samples' first feature is their index). */
        private void split() {
            float[] features = new float[50];
            for (int i = 0; i < features.length; i++) {
                features[i] = i;
            }
            Split split = Splits.shuffled(Dataset.unlabelled(features, new int[] {1}), 0.3, 11);
            for (float held : split.test().features()) {
                add(Float.floatToRawIntBits(held));
            }
        }

        private void add(long bits) {
            sha256.update(ByteBuffer.allocate(Long.BYTES).putLong(bits).array());
        }

        private static CheckedNetwork checked(String yaml) {
            Diagnostics diagnostics = new Diagnostics();
            return YamlSpecReader.read(yaml.getBytes(StandardCharsets.UTF_8), "bits.yaml", diagnostics)
                    .flatMap(spec -> SpecValidator.validate(spec, diagnostics))
                    .orElseThrow(() -> new IllegalStateException(diagnostics.toString()));
        }
    }
}
