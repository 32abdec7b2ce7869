package dev.netc.runtime.kernel;

import java.util.Arrays;

/**
 * The three dense products of one {@link DenseKernel}, with their arguments checked, and split into tiles of output
 * elements on a {@link TileExecutor} when a call is large enough to repay the hand-over. Tile sizes depend only on the
 * shapes and the kernel, never on the thread count, and every output element is computed by one thread in one fixed
 * order, so results are bit-identical whatever the number of threads.
 *
 * <p>Each calling thread reuses its own three job objects, so that a call allocates nothing once warm.
 */
final class TiledDense {

    /** Calls with fewer multiply-adds than this run on the caller alone: the hand-over would cost more. */
    static final long PARALLEL_MULTIPLY_ADDS = 1 << 16;

    /** Rows per tile of the forward pass and input gradient. */
    private static final int ROW_TILE = 64;
    /**
     * Units per tile of the forward pass: neighbouring tiles write neighbouring parts of each output row, so tiles
     * narrower than a few cache lines would make two threads write the same lines (24 units measured slower on 2
     * threads than on 1).
     */
    private static final int FORWARD_UNIT_TILE = 64;
    /**
     * Units per tile of the parameter gradient (each unit's gradient is a row of its own): a tile packs its inputs once
     * for all its units, so that copy costs one part in this many of the tile's work.
     */
    private static final int GRADIENT_UNIT_TILE = 64;
    /** Inputs per tile of both gradients, rounded up to the kernel's granularity. */
    private static final int INPUT_TILE = 256;

    private final DenseKernel kernel;
    private final TileExecutor executor;
    private final int inputTile;
    private final ThreadLocal<Jobs> jobs = ThreadLocal.withInitial(Jobs::new);

    TiledDense(DenseKernel kernel, TileExecutor executor) {
        this.kernel = kernel;
        this.executor = executor;
        int granularity = kernel.inputTileGranularity();
        this.inputTile = (INPUT_TILE + granularity - 1) / granularity * granularity;
    }

    /** The kernel implementation, for diagnostics and tests. */
    DenseKernel kernel() {
        return kernel;
    }

    void forward(float[] p, int weights, int bias, int inputs, int units, float[] x, int xOffset, int rows, float[] z) {
        Checks.shape(inputs, units, rows);
        Checks.range("weights", p, weights, (long) units * inputs);
        if (bias >= 0) {
            Checks.range("bias", p, bias, units);
        }
        Checks.range("x", x, xOffset, (long) rows * inputs);
        Checks.range("z", z, 0, (long) rows * units);
        if (rows == 0) {
            return;
        }
        int rowTiles = tiles(rows, ROW_TILE), unitTiles = tiles(units, FORWARD_UNIT_TILE);
        if (!parallel((long) rows * units * inputs, rowTiles * unitTiles)) {
            kernel.forward(p, weights, bias, inputs, units, x, xOffset, z, 0, rows, 0, units);
            return;
        }
        Forward job = jobs.get().forward;
        job.set(p, weights, bias, inputs, units, x, xOffset, rows, z, unitTiles);
        try {
            executor.run(job, rowTiles * unitTiles);
        } finally {
            job.clear();
        }
    }

    void gradient(
            float[] dz,
            float[] x,
            int xOffset,
            int rows,
            int inputs,
            int units,
            float[] g,
            int weights,
            int bias,
            boolean add) {
        Checks.shape(inputs, units, rows);
        Checks.range("dz", dz, 0, (long) rows * units);
        Checks.range("x", x, xOffset, (long) rows * inputs);
        Checks.range("weights", g, weights, (long) units * inputs);
        if (bias >= 0) {
            Checks.range("bias", g, bias, units);
        }
        if (rows == 0) {
            if (!add) { // a sum of no terms
                Arrays.fill(g, weights, weights + units * inputs, 0f);
                if (bias >= 0) {
                    Arrays.fill(g, bias, bias + units, 0f);
                }
            }
            return;
        }
        int unitTiles = tiles(units, GRADIENT_UNIT_TILE), inputTiles = tiles(inputs, inputTile);
        if (!parallel((long) rows * units * inputs, unitTiles * inputTiles)) {
            kernel.gradient(dz, x, xOffset, rows, inputs, units, g, weights, bias, add, 0, units, 0, inputs);
            return;
        }
        Gradient job = jobs.get().gradient;
        job.set(dz, x, xOffset, rows, inputs, units, g, weights, bias, add, inputTiles);
        try {
            executor.run(job, unitTiles * inputTiles);
        } finally {
            job.clear();
        }
    }

    void inputGradient(float[] p, int weights, int inputs, int units, float[] dz, int rows, float[] dx) {
        Checks.shape(inputs, units, rows);
        Checks.range("weights", p, weights, (long) units * inputs);
        Checks.range("dz", dz, 0, (long) rows * units);
        Checks.range("dx", dx, 0, (long) rows * inputs);
        if (rows == 0) {
            return;
        }
        int rowTiles = tiles(rows, ROW_TILE), inputTiles = tiles(inputs, inputTile);
        if (!parallel((long) rows * units * inputs, rowTiles * inputTiles)) {
            kernel.inputGradient(p, weights, inputs, units, dz, dx, 0, rows, 0, inputs);
            return;
        }
        InputGradient job = jobs.get().inputGradient;
        job.set(p, weights, inputs, units, dz, rows, dx, inputTiles);
        try {
            executor.run(job, rowTiles * inputTiles);
        } finally {
            job.clear();
        }
    }

    private boolean parallel(long multiplyAdds, int tiles) {
        return tiles > 1 && executor.threads() > 1 && multiplyAdds >= PARALLEL_MULTIPLY_ADDS;
    }

    private static int tiles(int length, int tile) {
        return (length + tile - 1) / tile;
    }

    /** The jobs of one calling thread. */
    private final class Jobs {
        final Forward forward = new Forward();
        final Gradient gradient = new Gradient();
        final InputGradient inputGradient = new InputGradient();
    }

    /** A forward call; tile {@code t} is row tile {@code t / unitTiles}, unit tile {@code t % unitTiles}. */
    private final class Forward extends TileJob {
        private float[] p, x, z;
        private int weights, bias, inputs, units, xOffset, rows, unitTiles;

        void set(
                float[] p,
                int weights,
                int bias,
                int inputs,
                int units,
                float[] x,
                int xOffset,
                int rows,
                float[] z,
                int unitTiles) {
            this.p = p;
            this.weights = weights;
            this.bias = bias;
            this.inputs = inputs;
            this.units = units;
            this.x = x;
            this.xOffset = xOffset;
            this.rows = rows;
            this.z = z;
            this.unitTiles = unitTiles;
        }

        void clear() {
            p = x = z = null;
        }

        @Override
        void runTile(int tile) {
            int row = tile / unitTiles * ROW_TILE, unit = tile % unitTiles * FORWARD_UNIT_TILE;
            kernel.forward(
                    p,
                    weights,
                    bias,
                    inputs,
                    units,
                    x,
                    xOffset,
                    z,
                    row,
                    Math.min(row + ROW_TILE, rows),
                    unit,
                    Math.min(unit + FORWARD_UNIT_TILE, units));
        }
    }

    /** A gradient call; tile {@code t} is unit tile {@code t / inputTiles}, input tile {@code t % inputTiles}. */
    private final class Gradient extends TileJob {
        private float[] dz, x, g;
        private int xOffset, rows, inputs, units, weights, bias, inputTiles;
        private boolean add;

        void set(
                float[] dz,
                float[] x,
                int xOffset,
                int rows,
                int inputs,
                int units,
                float[] g,
                int weights,
                int bias,
                boolean add,
                int inputTiles) {
            this.add = add;
            this.dz = dz;
            this.x = x;
            this.xOffset = xOffset;
            this.rows = rows;
            this.inputs = inputs;
            this.units = units;
            this.g = g;
            this.weights = weights;
            this.bias = bias;
            this.inputTiles = inputTiles;
        }

        void clear() {
            dz = x = g = null;
        }

        @Override
        void runTile(int tile) {
            int unit = tile / inputTiles * GRADIENT_UNIT_TILE, input = tile % inputTiles * inputTile;
            kernel.gradient(
                    dz,
                    x,
                    xOffset,
                    rows,
                    inputs,
                    units,
                    g,
                    weights,
                    bias,
                    add,
                    unit,
                    Math.min(unit + GRADIENT_UNIT_TILE, units),
                    input,
                    Math.min(input + inputTile, inputs));
        }
    }

    /** An input-gradient call; tile {@code t} is row tile {@code t / inputTiles}, input tile {@code t % inputTiles}. */
    private final class InputGradient extends TileJob {
        private float[] p, dz, dx;
        private int weights, inputs, units, rows, inputTiles;

        void set(float[] p, int weights, int inputs, int units, float[] dz, int rows, float[] dx, int inputTiles) {
            this.p = p;
            this.weights = weights;
            this.inputs = inputs;
            this.units = units;
            this.dz = dz;
            this.rows = rows;
            this.dx = dx;
            this.inputTiles = inputTiles;
        }

        void clear() {
            p = dz = dx = null;
        }

        @Override
        void runTile(int tile) {
            int row = tile / inputTiles * ROW_TILE, input = tile % inputTiles * inputTile;
            kernel.inputGradient(
                    p,
                    weights,
                    inputs,
                    units,
                    dz,
                    dx,
                    row,
                    Math.min(row + ROW_TILE, rows),
                    input,
                    Math.min(input + inputTile, inputs));
        }
    }
}
