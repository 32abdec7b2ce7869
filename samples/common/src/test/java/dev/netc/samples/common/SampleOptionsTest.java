package dev.netc.samples.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SampleOptionsTest {

    private static final Map<String, String> DEFAULTS = defaults();

    private static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("data", "data/mnist-10k");
        defaults.put("epochs", "5");
        return defaults;
    }

    @Test
    void optionsNotGivenKeepTheirDefaults() {
        SampleOptions options = SampleOptions.parse(new String[0], DEFAULTS);

        assertEquals(Path.of("data/mnist-10k"), options.path("data"));
        assertEquals(5, options.positive("epochs"));
    }

    @Test
    void givenOptionsReplaceTheDefaultsInAnyOrder() {
        SampleOptions options = SampleOptions.parse(new String[] {"--epochs", "2", "--data", "/tmp/d"}, DEFAULTS);

        assertEquals("/tmp/d", options.get("data"));
        assertEquals(2, options.positive("epochs"));
    }

    @Test
    void anUnknownOptionSuggestsTheClosest() {
        UsageException e =
                assertThrows(UsageException.class, () -> SampleOptions.parse(new String[] {"--epoch", "2"}, DEFAULTS));

        assertEquals("unknown argument '--epoch'; did you mean '--epochs'?", e.getMessage());
    }

    @Test
    void aBareArgumentIsNotAnOption() {
        UsageException e = assertThrows(UsageException.class, () -> SampleOptions.parse(new String[] {"x"}, DEFAULTS));

        assertEquals("unknown argument 'x'; expected one of --data, --epochs", e.getMessage());
    }

    @Test
    void anOptionNeedsItsValueOnce() {
        UsageException missing =
                assertThrows(UsageException.class, () -> SampleOptions.parse(new String[] {"--data"}, DEFAULTS));
        UsageException twice = assertThrows(
                UsageException.class, () -> SampleOptions.parse(new String[] {"--data", "a", "--data", "b"}, DEFAULTS));

        assertEquals("option --data: expected a value after it, found none", missing.getMessage());
        assertEquals("option --data: expected it once, found it twice", twice.getMessage());
    }

    @Test
    void aCountMustBeAWholeNumberOfAtLeastOne() {
        for (String value : new String[] {"0", "-3", "2.5", "five", ""}) {
            SampleOptions options = SampleOptions.parse(new String[] {"--epochs", value}, DEFAULTS);

            UsageException e = assertThrows(UsageException.class, () -> options.positive("epochs"));

            assertEquals(
                    "option --epochs: expected a whole number of at least 1, found '" + value + "'", e.getMessage());
        }
    }

    @Test
    void theUsageListsEveryOptionWithItsDefault() {
        assertEquals("usage: digits [--data data/mnist-10k] [--epochs 5]", SampleOptions.usage("digits", DEFAULTS));
    }
}
