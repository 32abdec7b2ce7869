package dev.netc.runtime.io;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The optional {@code classes} section (format 1.1 on): the names of the classes a classifier was trained on, class
 * {@code i} at index {@code i}, so that data read later numbers its labels as the training data did, whichever
 * classes it happens to contain.
 *
 * <pre>
 * class count u32 | per class: name string
 * </pre>
 */
final class ClassesCodec {

    static final String SECTION = "classes";

    private ClassesCodec() {}

    static byte[] encode(List<String> classes) {
        PayloadWriter out = new PayloadWriter().count(classes.size());
        for (String name : classes) {
            out.string(name);
        }
        return out.toByteArray();
    }

    /**
     * @param classCount the number of classes the architecture's output encodes (see {@link
     *     Architecture#classCount()})
     */
    static List<String> decode(byte[] payload, int classCount, String file) throws WeightFileException {
        PayloadReader in = new PayloadReader(payload, file, SECTION);
        int at = in.position();
        int count = in.count("class count", 0, Integer.MAX_VALUE);
        if (count != classCount) {
            throw in.malformed(
                    at,
                    String.format(
                            Locale.ROOT,
                            "class count: expected %d (the classes the network's output encodes), found %d",
                            classCount,
                            count));
        }
        List<String> classes = new ArrayList<>(count);
        Set<String> seen = new HashSet<>();
        for (int index = 0; index < count; index++) {
            at = in.position();
            String name = in.string("class " + index);
            if (!seen.add(name)) {
                throw in.malformed(at, "class " + index + ": expected a name not used before, found '" + name + "'");
            }
            classes.add(name);
        }
        in.expectEnd();
        return List.copyOf(classes);
    }
}
