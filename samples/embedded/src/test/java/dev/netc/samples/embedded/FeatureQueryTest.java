package dev.netc.samples.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The query parser on its own, for what an HTTP client cannot send through {@code java.net.URI} (which refuses a
 * malformed escape before any request is made) and for the numbers it must refuse.
 */
class FeatureQueryTest {

    @Test
    void readsTheFourMeasurements() throws Exception {
        assertEquals(
                new IrisFeatures(5.1f, 3.5f, 1.4f, 0.2f),
                FeatureQuery.parse("sepalLength=5.1&sepalWidth=3.5&petalLength=1.4&petalWidth=0.2"));
    }

    @Test
    void malformedPercentEncodingIsRefused() {
        assertRefused("malformed percent-encoding in '%zz'", "%zz=1");
        assertRefused("malformed percent-encoding in '5.%2'", "sepalLength=5.%2");
    }

    @Test
    void onlyPlainDecimalNumbersAreAccepted() {
        String[] refused = {"NaN", "Infinity", "0x1p3", "1f", ".5", "5.", "+5.1", "5,1", " 5.1", ""};
        for (String value : refused) {
            assertRefused(
                    "parameter 'sepalLength': expected a decimal number such as 5.1, found '" + value + "'",
                    "sepalLength=" + URLEncoder.encode(value, StandardCharsets.UTF_8)
                            + "&sepalWidth=3.5&petalLength=1.4&petalWidth=0.2");
        }
        assertEquals(10, refused.length, "values tried");
    }

    @Test
    void aParameterWithoutValueIsReportedAsEmpty() {
        assertRefused(
                "parameter 'petalWidth': expected a decimal number such as 5.1, found ''",
                "sepalLength=5.1&sepalWidth=3.5&petalLength=1.4&petalWidth");
    }

    private static void assertRefused(String message, String query) {
        FeatureQuery.InvalidQueryException e =
                assertThrows(FeatureQuery.InvalidQueryException.class, () -> FeatureQuery.parse(query));
        assertEquals(message, e.getMessage());
    }
}
