package dev.netc.runtime.io;

import dev.netc.runtime.io.SavedTransform.Values;
import java.util.ArrayList;
import java.util.List;

/**
 * The optional {@code preprocessing} section: the fitted preprocessing steps, in the order they apply.
 *
 * <pre>
 * step count u32 | per step: kind string | array count u32 | per array: name string | length u32 | f32...
 * </pre>
 */
final class PreprocessingCodec {

    static final String SECTION = "preprocessing";

    /** Bounds that no real pipeline reaches, so that a corrupt count cannot make the reader allocate much. */
    private static final int MAX_STEPS = 1_000;

    private static final int MAX_ARRAYS = 1_000;

    private PreprocessingCodec() {}

    static byte[] encode(List<SavedTransform> steps) {
        PayloadWriter out = new PayloadWriter().count(steps.size());
        for (SavedTransform step : steps) {
            out.string(step.kind()).count(step.values().size());
            for (Values values : step.values()) {
                float[] data = values.data();
                out.string(values.name()).count(data.length).floats(data);
            }
        }
        return out.toByteArray();
    }

    static List<SavedTransform> decode(byte[] payload, String file) throws WeightFileException {
        PayloadReader in = new PayloadReader(payload, file, SECTION);
        int count = in.count("step count", 1, MAX_STEPS);
        List<SavedTransform> steps = new ArrayList<>(count);
        for (int step = 0; step < count; step++) {
            String kind = in.string("step kind");
            int arrays = in.count("array count", 0, MAX_ARRAYS);
            List<Values> values = new ArrayList<>(arrays);
            for (int array = 0; array < arrays; array++) {
                String name = in.string("array name");
                int length = in.count("array length", 0, Integer.MAX_VALUE);
                values.add(new Values(name, in.floats(length, "array '" + name + "'")));
            }
            steps.add(new SavedTransform(kind, values));
        }
        in.expectEnd();
        return steps;
    }
}
