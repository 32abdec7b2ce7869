package dev.netc.runtime.reference;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * {@link Erf} against 50-digit values from mpmath ({@code erf_values.csv}, whose header says how they were made), at
 * 316 points from -26.5 to 26.5 that include both ends of each of Cody's intervals and the far tail where erfc nears
 * underflow. Every value must be within {@link #ERF} of the exactly rounded one.
 */
class ErfTest {

    /** A few ulps: Cody's approximations are good to 18 digits, so only double rounding is left. */
    private static final Tolerance ERF = new Tolerance("mpmath", 1e-15, 0);

    private static final int EXPECTED_POINTS = 316;

    @Test
    void agreesWithMpmathToAFewUlps() throws IOException {
        List<Executable> checks = new ArrayList<>();
        int compared = 0;
        try (InputStream in = ErfTest.class.getResourceAsStream("/erf_values.csv")) {
            assertNotNull(in, "test resource /erf_values.csv");
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("#") || line.startsWith("x,")) {
                    continue;
                }
                String[] fields = line.split(",");
                double x = Double.parseDouble(fields[0]);
                double erf = Double.parseDouble(fields[1]);
                double erfc = Double.parseDouble(fields[2]);
                checks.add(() -> ERF.assertClose("erf(" + x + ")", erf, Erf.erf(x)));
                checks.add(() -> ERF.assertClose("erfc(" + x + ")", erfc, Erf.erfc(x)));
                compared++;
            }
        }
        int points = compared;
        checks.add(() -> assertEquals(EXPECTED_POINTS, points, "points compared"));
        assertAll(checks);
    }

    @Test
    void handlesInfinitiesNaNAndSignedZero() {
        assertAll(
                () -> assertEquals(1.0, Erf.erf(Double.POSITIVE_INFINITY)),
                () -> assertEquals(-1.0, Erf.erf(Double.NEGATIVE_INFINITY)),
                () -> assertEquals(0.0, Erf.erfc(Double.POSITIVE_INFINITY)),
                () -> assertEquals(2.0, Erf.erfc(Double.NEGATIVE_INFINITY)),
                () -> assertEquals(Double.NaN, Erf.erf(Double.NaN)),
                () -> assertEquals(Double.NaN, Erf.erfc(Double.NaN)),
                () -> assertEquals(-0.0, Erf.erf(-0.0)),
                () -> assertEquals(1.0, Erf.erfc(0.0)));
    }
}
