package dev.netc.samples.xor;

/**
 * The heat map's colours: a diverging blue-white-red scale (ColorBrewer's RdBu ends) over the network's output, blue
 * for 0, white for the decision threshold 0.5 and red for 1, so the decision boundary is the white band and the
 * network's confidence is how saturated a region is.
 */
final class ColourScale {

    private static final int[] LOW = {33, 102, 172};
    private static final int[] MIDDLE = {247, 247, 247};
    private static final int[] HIGH = {178, 24, 43};

    private ColourScale() {}

    /** The packed RGB colour of {@code value}; values outside [0, 1] (and NaN, as 0) are clamped to the ends. */
    static int rgb(double value) {
        double v = value >= 0 ? Math.min(value, 1) : 0;
        return v < 0.5 ? mix(LOW, MIDDLE, 2 * v) : mix(MIDDLE, HIGH, 2 * v - 1);
    }

    private static int mix(int[] from, int[] to, double t) {
        int rgb = 0;
        for (int channel = 0; channel < 3; channel++) {
            rgb = rgb << 8 | (int) Math.round(from[channel] + (to[channel] - from[channel]) * t);
        }
        return rgb;
    }
}
