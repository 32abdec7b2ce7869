package dev.netc.runtime.io;

import dev.netc.Optimizer.Kind;
import dev.netc.runtime.io.CheckpointProgress.EpochTotals;
import dev.netc.runtime.optim.OptimizerState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sections a checkpoint adds to a weight file's (see {@code docs/weights.md}). Strings are a u16 byte length then
 * UTF-8; all numbers little-endian.
 *
 * <pre>
 * optimizer       kind string | steps i64 | learning rate f64 | buffer count u32 | per buffer: name string
 *                 | length u32 | float32...
 * progress        epoch u32 | batch u32 | epochs u32 | batches per epoch u32 | batch size u32 | samples u32
 *                 | shuffle u8 | seed i64 | schedule epoch i64 | loss sum f64 | loss samples i64 | norm sum f64
 *                 | norm max f64 | steps u32
 * history         name count u32 | names string... | epoch count u32 | per epoch: one f64 per name
 *                 | stopped u8 | reason string (when stopped)
 * early_stopping  count u32 | per callback: monitor string | best f64 | best epoch i64 | waited u32
 *                 | kept u8 | (when kept) count u32 | float32...
 * </pre>
 *
 * Decoding checks every value's range and that nothing follows the last field; the checkpoint then checks that the
 * sections agree with each other.
 */
final class CheckpointCodec {

    static final String OPTIMIZER = "optimizer";
    static final String PROGRESS = "progress";
    static final String HISTORY = "history";
    static final String EARLY_STOPPING = "early_stopping";

    /** Bounds no real run reaches, so that a corrupt count is refused rather than trusted. */
    private static final int MAX_BUFFERS = 16;

    private static final int MAX_FIGURES = 10_000;

    private static final int MAX_CALLBACKS = 1_000;

    private CheckpointCodec() {}

    static byte[] encodeOptimizer(OptimizerState state) {
        PayloadWriter out = new PayloadWriter()
                .string(state.kind().yamlName())
                .integer(state.steps())
                .number(state.learningRate())
                .count(state.bufferNames().size());
        for (String name : state.bufferNames()) {
            float[] values = state.buffer(name);
            out.string(name).count(values.length).floats(values);
        }
        return out.toByteArray();
    }

    static OptimizerState decodeOptimizer(byte[] payload, String file) throws WeightFileException {
        PayloadReader in = new PayloadReader(payload, file, OPTIMIZER);
        String word = in.string("optimizer kind");
        Kind kind = Arrays.stream(Kind.values())
                .filter(candidate -> candidate.yamlName().equals(word))
                .findFirst()
                .orElseThrow(() -> in.malformed(
                        0,
                        "expected an optimizer kind of "
                                + Arrays.stream(Kind.values())
                                        .map(Kind::yamlName)
                                        .toList() + ", found '" + word
                                + "'"));
        long steps = in.integer("step counter", 0, Long.MAX_VALUE);
        double learningRate = in.number("learning rate", 0, Double.MAX_VALUE);
        int count = in.count("buffer count", 0, MAX_BUFFERS);
        Map<String, float[]> buffers = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String name = in.string("buffer name");
            buffers.put(name, in.floats(in.count("buffer length", 0, Integer.MAX_VALUE), "buffer " + name));
        }
        in.expectEnd();
        try {
            return new OptimizerState(kind, steps, learningRate, buffers);
        } catch (IllegalArgumentException e) {
            throw in.malformed(0, e.getMessage());
        }
    }

    static byte[] encodeProgress(CheckpointProgress progress) {
        EpochTotals totals = progress.totals();
        return new PayloadWriter()
                .count(progress.epoch())
                .count(progress.batch())
                .count(progress.epochs())
                .count(progress.batchesPerEpoch())
                .count(progress.batchSize())
                .count(progress.samples())
                .flag(progress.shuffle())
                .integer(progress.seed())
                .integer(progress.scheduleEpoch())
                .number(totals.lossSum())
                .integer(totals.lossSamples())
                .number(totals.normSum())
                .number(totals.normMax())
                .count(totals.steps())
                .toByteArray();
    }

    static CheckpointProgress decodeProgress(byte[] payload, String file) throws WeightFileException {
        PayloadReader in = new PayloadReader(payload, file, PROGRESS);
        int max = Integer.MAX_VALUE;
        int epoch = in.count("epoch", 0, max);
        int batch = in.count("batch", 0, max);
        int epochs = in.count("epochs", 1, max);
        int batchesPerEpoch = in.count("batches per epoch", 1, max);
        int batchSize = in.count("batch size", 1, max);
        int samples = in.count("samples", 1, max);
        boolean shuffle = in.flag("shuffle flag");
        long seed = in.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE);
        long scheduleEpoch = in.integer("schedule epoch", -1, max);
        EpochTotals totals = new EpochTotals(
                in.number("loss sum", -Double.MAX_VALUE, Double.MAX_VALUE),
                in.integer("loss samples", 0, max),
                in.number("gradient norm sum", 0, Double.MAX_VALUE),
                in.number("largest gradient norm", 0, Double.MAX_VALUE),
                in.count("steps", 0, max));
        in.expectEnd();
        Optional<String> problem = CheckpointProgress.problem(
                epoch, batch, epochs, batchesPerEpoch, batchSize, samples, scheduleEpoch, totals);
        if (problem.isPresent()) {
            throw in.malformed(0, problem.get());
        }
        return new CheckpointProgress(
                epoch, batch, epochs, batchesPerEpoch, batchSize, samples, shuffle, seed, scheduleEpoch, totals);
    }

    static byte[] encodeHistory(CheckpointHistory history) {
        PayloadWriter out = new PayloadWriter().count(history.names().size());
        history.names().forEach(out::string);
        out.count(history.epochs().size());
        for (List<Double> epoch : history.epochs()) {
            epoch.forEach(out::number);
        }
        out.flag(history.stopReason().isPresent());
        history.stopReason().ifPresent(out::string);
        return out.toByteArray();
    }

    static CheckpointHistory decodeHistory(byte[] payload, String file) throws WeightFileException {
        PayloadReader in = new PayloadReader(payload, file, HISTORY);
        int count = in.count("figure count", 1, MAX_FIGURES);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(in.string("figure name"));
        }
        int epochs = in.count("epoch count", 0, Integer.MAX_VALUE);
        List<List<Double>> rows = new ArrayList<>();
        for (int epoch = 0; epoch < epochs; epoch++) {
            List<Double> row = new ArrayList<>(count);
            for (String name : names) {
                row.add(in.anyNumber(name));
            }
            rows.add(row);
        }
        Optional<String> stopReason =
                in.flag("stopped flag") ? Optional.of(in.string("stop reason")) : Optional.empty();
        in.expectEnd();
        return new CheckpointHistory(names, rows, stopReason);
    }

    static byte[] encodeEarlyStopping(List<CheckpointEarlyStopping> states) {
        PayloadWriter out = new PayloadWriter().count(states.size());
        for (CheckpointEarlyStopping state : states) {
            out.string(state.monitor())
                    .number(state.best())
                    .integer(state.bestEpoch())
                    .count(state.waited());
            Optional<float[]> best = state.bestParameters();
            out.flag(best.isPresent());
            best.ifPresent(values -> out.count(values.length).floats(values));
        }
        return out.toByteArray();
    }

    static List<CheckpointEarlyStopping> decodeEarlyStopping(byte[] payload, String file) throws WeightFileException {
        PayloadReader in = new PayloadReader(payload, file, EARLY_STOPPING);
        int count = in.count("callback count", 0, MAX_CALLBACKS);
        List<CheckpointEarlyStopping> states = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String monitor = in.string("monitored figure");
            double best = in.anyNumber("best value");
            int bestEpoch = (int) in.integer("best epoch", -1, Integer.MAX_VALUE);
            int waited = in.count("epochs waited", 0, Integer.MAX_VALUE);
            float[] bestParameters = in.flag("best parameters flag")
                    ? in.floats(in.count("best parameter count", 0, Integer.MAX_VALUE), "best parameters")
                    : null;
            states.add(new CheckpointEarlyStopping(monitor, best, bestEpoch, waited, bestParameters));
        }
        in.expectEnd();
        return states;
    }
}
