package dev.netc.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Dropout}: the share of outputs {@link Dropout#kept} keeps, that its masks are a function of every argument
 * and of nothing else, that {@code forward} and {@code backward} apply exactly those masks, and the rates it refuses.
 */
class DropoutTest {

    private static final long SEED = 0x5eedL;
    /** Units in a mask pattern: enough that two independent patterns of rate 0.5 agree on 500 +- 16 of them. */
    private static final int PATTERN = 1000;

    private static final int ROWS = 6;
    private static final int UNITS = 7;
    private static final double RATE = 0.3;

    @ParameterizedTest(name = "rate {0}")
    @ValueSource(doubles = {0.1, 0.5, 0.9})
    void keepsAShareOneMinusTheRate(double rate) {
        int samples = 1000;
        int units = 1000;
        long kept = 0;
        for (int sample = 0; sample < samples; sample++) {
            for (int unit = 0; unit < units; unit++) {
                kept += Dropout.kept(SEED, 2, sample, unit, rate) ? 1 : 0;
            }
        }
        double draws = (double) samples * units;
        // Binomial: mean n (1 - rate), standard deviation sqrt(n rate (1 - rate)). The threshold's rounding to 2^-24
        // moves the mean by under 0.1 of a draw.
        double standardDeviation = Math.sqrt(draws * rate * (1 - rate));
        assertEquals(draws * (1 - rate), kept, 5 * standardDeviation, "outputs kept of " + draws);
    }

    @Test
    void rateZeroKeepsEverything() {
        for (int sample = 0; sample < 300; sample++) {
            for (int unit = 0; unit < 300; unit++) {
                assertTrue(Dropout.kept(SEED, 0, sample, unit, 0.0), "sample " + sample + ", unit " + unit);
            }
        }
        float[] a = values(ROWS * UNITS, 6);
        float[] dropped = new float[a.length];
        Dropout.forward(true, SEED, 0, 0.0, 0, ROWS, UNITS, a, dropped);
        assertArrayEquals(a, dropped);
    }

    @Test
    void theSameArgumentsGiveTheSameMask() {
        assertArrayEquals(pattern(SEED, 1, 3, 0), pattern(SEED, 1, 3, 0));
    }

    @Test
    void changingAnyOneArgumentGivesAnUnrelatedMask() {
        boolean[] base = pattern(SEED, 1, 3, 0);
        assertUnrelated(base, pattern(SEED + 1, 1, 3, 0), "another seed");
        assertUnrelated(base, pattern(SEED, 2, 3, 0), "another layer");
        assertUnrelated(base, pattern(SEED, 1, 4, 0), "another sample");
        assertUnrelated(base, pattern(SEED, 1, 3, 1), "the next units");
    }

    @Test
    void forwardScalesTheKeptOutputsAndZeroesTheOthers() {
        int first = 5;
        float[] a = values(ROWS * UNITS, 1);
        float[] dropped = new float[a.length];

        Dropout.forward(true, SEED, 1, RATE, first, ROWS, UNITS, a, dropped);

        float scale = Dropout.scale(RATE);
        int kept = 0;
        for (int row = 0; row < ROWS; row++) {
            for (int unit = 0; unit < UNITS; unit++) {
                int at = row * UNITS + unit;
                boolean keep = Dropout.kept(SEED, 1, first + row, unit, RATE);
                assertEquals(a[at] * (keep ? scale : 0f), dropped[at], "row " + row + ", unit " + unit);
                kept += keep ? 1 : 0;
            }
        }
        assertTrue(kept > 0 && kept < a.length, "the mask keeps some outputs and drops others: " + kept);
        assertEquals((float) (1 / 0.7), scale);
    }

    @Test
    void forwardOverTwoBlocksEqualsForwardOverTheWhole() {
        float[] a = values(ROWS * UNITS, 2);
        float[] whole = new float[a.length];
        Dropout.forward(true, SEED, 0, RATE, 0, ROWS, UNITS, a, whole);

        int half = ROWS / 2 * UNITS;
        float[] top = new float[half];
        float[] bottom = new float[a.length - half];
        Dropout.forward(true, SEED, 0, RATE, 0, ROWS / 2, UNITS, Arrays.copyOfRange(a, 0, half), top);
        Dropout.forward(
                true, SEED, 0, RATE, ROWS / 2, ROWS - ROWS / 2, UNITS, Arrays.copyOfRange(a, half, a.length), bottom);

        float[] joined = Arrays.copyOf(top, a.length);
        System.arraycopy(bottom, 0, joined, half, bottom.length);
        assertArrayEquals(whole, joined);
    }

    @Test
    void forwardWithoutDropoutCopiesTheRowsAndNothingMore() {
        float[] a = values(ROWS * UNITS + 3, 3);
        float[] dropped = new float[a.length];
        Arrays.fill(dropped, -7f);

        Dropout.forward(false, SEED, 0, RATE, 0, ROWS, UNITS, a, dropped);

        assertArrayEquals(Arrays.copyOf(a, ROWS * UNITS), Arrays.copyOf(dropped, ROWS * UNITS));
        assertArrayEquals(new float[] {-7f, -7f, -7f}, Arrays.copyOfRange(dropped, ROWS * UNITS, a.length));
    }

    @Test
    void backwardAppliesTheForwardMaskAndScale() {
        int first = 11;
        float[] d = values(ROWS * UNITS, 4);
        float[] original = d.clone();

        Dropout.backward(true, SEED, 3, RATE, first, ROWS, UNITS, d);

        float scale = Dropout.scale(RATE);
        for (int row = 0; row < ROWS; row++) {
            for (int unit = 0; unit < UNITS; unit++) {
                int at = row * UNITS + unit;
                boolean keep = Dropout.kept(SEED, 3, first + row, unit, RATE);
                assertEquals(original[at] * (keep ? scale : 0f), d[at], "row " + row + ", unit " + unit);
            }
        }
    }

    @Test
    void backwardWithoutDropoutLeavesTheGradientAlone() {
        float[] d = values(ROWS * UNITS, 5);
        float[] original = d.clone();

        Dropout.backward(false, SEED, 3, RATE, 0, ROWS, UNITS, d);

        assertArrayEquals(original, d);
    }

    @ParameterizedTest(name = "rate {0}")
    @ValueSource(doubles = {-0.1, -Double.MIN_VALUE, 1.0, 1.5, Double.NaN, Double.POSITIVE_INFINITY})
    void refusesRatesOutsideZeroToOne(double rate) {
        float[] values = new float[ROWS * UNITS];
        assertThrows(IllegalArgumentException.class, () -> Dropout.kept(SEED, 0, 0, 0, rate));
        assertThrows(
                IllegalArgumentException.class,
                () -> Dropout.forward(true, SEED, 0, rate, 0, ROWS, UNITS, values, new float[values.length]));
        assertThrows(
                IllegalArgumentException.class, () -> Dropout.backward(true, SEED, 0, rate, 0, ROWS, UNITS, values));
    }

    @Test
    void everyStepOfARunHasItsOwnSeed() {
        Set<Long> seeds = new HashSet<>();
        int epochs = 20;
        int batches = 100;
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (int batch = 0; batch < batches; batch++) {
                seeds.add(Dropout.stepSeed(SEED, epoch, batch));
            }
        }
        assertEquals(epochs * batches, seeds.size(), "distinct step seeds");
        assertEquals(Dropout.stepSeed(SEED, 3, 4), Dropout.stepSeed(SEED, 3, 4), "the same step, resumed");
        assertTrue(Dropout.stepSeed(SEED, 3, 4) != Dropout.stepSeed(SEED + 1, 3, 4), "another run");
    }

    /** Whether each of {@value #PATTERN} consecutive units from {@code firstUnit} is kept at rate 0.5. */
    private static boolean[] pattern(long seed, int layer, int sample, int firstUnit) {
        boolean[] kept = new boolean[PATTERN];
        for (int unit = 0; unit < PATTERN; unit++) {
            kept[unit] = Dropout.kept(seed, layer, sample, firstUnit + unit, 0.5);
        }
        return kept;
    }

    /**
     * Fails unless the two patterns agree about as often as independent ones of rate 0.5 do: on half the units, give
     * or take five standard deviations ({@code sqrt(n) / 2}, about 16). Equal patterns agree on every unit,
     * complementary ones on none.
     */
    private static void assertUnrelated(boolean[] base, boolean[] other, String what) {
        int agreements = 0;
        for (int unit = 0; unit < base.length; unit++) {
            agreements += base[unit] == other[unit] ? 1 : 0;
        }
        assertEquals(base.length / 2.0, agreements, 5 * Math.sqrt(base.length) / 2, what + ": units agreeing");
    }

    /** {@code count} values spread around zero, none of them zero. */
    private static float[] values(int count, long seed) {
        Random random = new Random(seed);
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (float) (random.nextGaussian() + (random.nextBoolean() ? 3 : -3));
        }
        return values;
    }
}
