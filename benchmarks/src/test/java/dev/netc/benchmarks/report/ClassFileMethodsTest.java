package dev.netc.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.netc.benchmarks.report.ClassFileMethods.ClassInfo;
import dev.netc.benchmarks.report.ClassFileMethods.Method;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

/** The class-file reader finds the interfaces and the exact code length of methods whose bytecode is known. */
class ClassFileMethodsTest {

    /** A class whose bytecode javac writes the same way every time. */
    static final class Fixture implements IntSupplier {
        private static final double HALF = 0.5;
        private static final long BIG = 1L << 40;

        @Override
        public int getAsInt() {
            return 1; // iconst_1, ireturn: 2 bytes
        }

        static long big() {
            return BIG; // ldc2_w, lreturn: 4 bytes; a long constant takes two pool slots
        }

        static double half() {
            return HALF; // ldc2_w, dreturn: 4 bytes
        }
    }

    @Test
    void readsInterfacesAndCodeLengths() throws IOException {
        ClassInfo info = ClassFileMethods.read(bytesOf(Fixture.class));
        assertEquals("dev/netc/benchmarks/report/ClassFileMethodsTest$Fixture", info.name());
        assertEquals(List.of("java/util/function/IntSupplier"), info.interfaces());
        Map<String, Integer> sizes = new TreeMap<>();
        for (Method method : info.methods()) {
            sizes.put(method.name() + method.descriptor(), method.codeBytes());
        }
        assertEquals(Map.of("<init>()V", 5, "getAsInt()I", 2, "big()J", 4, "half()D", 4), sizes);
    }

    @Test
    void refusesWhatIsNotAClassFile() {
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(
                IOException.class, () -> ClassFileMethods.read(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}));
        assertEquals("not a class file: expected magic 0xCAFEBABE", e.getMessage());
    }

    private static byte[] bytesOf(Class<?> type) throws IOException {
        String resource = type.getName().substring(type.getPackageName().length() + 1) + ".class";
        try (InputStream in = type.getResourceAsStream(resource)) {
            return in.readAllBytes();
        }
    }
}
