package dev.netc.runtime.fault;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.check.SpecValidator;
import dev.netc.runtime.data.CsvDataset;
import dev.netc.runtime.data.DataException;
import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.io.WeightFile;
import dev.netc.spec.CheckedNetwork;
import dev.netc.spec.diag.Diagnostics;
import dev.netc.yaml.YamlSpecReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RELIABILITY F10: under a default locale whose case rules ({@code tr_TR}: {@code "I".toLowerCase()} is a dotless
 * {@code ı}) or decimal separator ({@code de_DE}: {@code 0,5}) differ from English, specs, data and weight files read
 * exactly as they do under {@link Locale#ROOT}, and messages keep {@code .} decimals.
 */
class DefaultLocaleTest {

    /** Every word of the spec has an {@code i}, the letter Turkish case rules change. */
    private static final String SPEC =
            """
            network: LocaleNet
            package: com.example.locale
            input: [sepal_width, petal_width]
            classes: [iris, virginica]
            layers:
              - {dense: 4, activation: sigmoid, init: he_uniform}
              - {dense: 1, activation: sigmoid}
            loss: binary_crossentropy
            optimizer: {rmsprop: {learning_rate: 0.005, epsilon: 0.0000001}}
            """;

    private static final String BAD_SPEC = SPEC.replace("learning_rate: 0.005", "learning_rate: -0.5");

    private static final String CSV = "sepal_width,petal_width,species\n3.5,0.2,iris\n3.0,2.3,virginica\n";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"tr-TR", "de-DE"})
    void specsDataAndWeightsReadAsUnderTheRootLocale(String tag) throws IOException {
        Outcome root = inLocale(Locale.ROOT, this::outcome);
        Outcome local = inLocale(Locale.forLanguageTag(tag), this::outcome);

        assertEquals(root.network(), local.network());
        assertEquals(root.message(), local.message());
        assertTrue(local.message().contains("-0.5"), local.message());
        assertArrayEquals(root.features(), local.features());
        assertEquals(List.of("iris", "virginica"), local.classes());
        assertArrayEquals(root.parameters(), local.parameters());
    }

    @Test
    void aGermanDecimalCommaIsStillAnErrorUnderAGermanLocale() {
        String message = inLocale(Locale.GERMANY, () -> {
            try {
                Files.writeString(dir.resolve("bad.csv"), "a,b\n\"1,5\",2\n", StandardCharsets.UTF_8);
                CsvDataset.builder().build().read(dir.resolve("bad.csv"));
                return "no error";
            } catch (DataException e) {
                return e.getMessage();
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });

        assertTrue(message.contains("bad.csv") && message.contains("line 2") && message.contains("1,5"), message);
    }

    private record Outcome(
            Optional<CheckedNetwork> network,
            String message,
            float[] features,
            List<String> classes,
            float[] parameters) {}

    private Outcome outcome() {
        try {
            Diagnostics good = new Diagnostics();
            Optional<CheckedNetwork> network = YamlSpecReader.read(
                            SPEC.getBytes(StandardCharsets.UTF_8), "l.yaml", good)
                    .flatMap(spec -> SpecValidator.validate(spec, good));
            assertTrue(good.isClean(), good.toString());
            Diagnostics bad = new Diagnostics();
            YamlSpecReader.read(BAD_SPEC.getBytes(StandardCharsets.UTF_8), "l.yaml", bad)
                    .flatMap(spec -> SpecValidator.validate(spec, bad));
            Path csv = Files.writeString(dir.resolve("flowers.csv"), CSV, StandardCharsets.UTF_8);
            Dataset data = CsvDataset.builder().classColumn("species").build().read(csv);
            float[] parameters = new float[(int) network.orElseThrow().layout().count()];
            for (int i = 0; i < parameters.length; i++) {
                parameters[i] = i * 0.25f - 1.5f;
            }
            Path weights = dir.resolve("locale.netc");
            WeightFile.of(network.get(), parameters).save(weights);
            return new Outcome(
                    network,
                    bad.toString(),
                    data.features(),
                    data.classNames(),
                    WeightFile.read(weights).parameters());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static <T> T inLocale(Locale locale, Supplier<T> work) {
        Locale saved = Locale.getDefault();
        Locale.setDefault(locale);
        try {
            return work.get();
        } finally {
            Locale.setDefault(saved);
        }
    }
}
