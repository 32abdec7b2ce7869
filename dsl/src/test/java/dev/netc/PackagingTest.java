package dev.netc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Applications depend on the annotations ({@code dev.netc}) and the model ({@code dev.netc.spec}, {@code
 * dev.netc.spec.diag}); SnakeYAML is an optional dependency that only {@code dev.netc.yaml} uses. This test reads the
 * constant pools of those packages' compiled classes and checks that they refer to no class outside {@code java.*}
 * and {@code dev.netc.*}, and to nothing of {@code org.yaml} at all, so an application never needs SnakeYAML.
 */
class PackagingTest {

    private static final List<String> PACKAGES = List.of("dev/netc", "dev/netc/spec", "dev/netc/spec/diag");
    private static final List<String> ALLOWED = List.of("java/", "dev/netc/");

    /** There are over 30 such classes (annotations, enums, spec records, diagnostics); fewer means a wrong folder. */
    private static final int PLAUSIBLE_CLASS_COUNT = 30;

    /** A class named in a descriptor or generic signature: {@code Ljava/util/List<...>;}. */
    private static final Pattern DESCRIBED_CLASS = Pattern.compile("L([\\w$]+(?:/[\\w$]+)+)[;<]");

    private static final int UTF8 = 1;
    private static final int CLASS = 7;

    @Test
    void annotationsAndModelReferOnlyToJavaAndNetc() throws IOException, URISyntaxException {
        Path classes = Path.of(Activation.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        Set<String> outside = new TreeSet<>();
        int scanned = 0;
        for (String packagePath : PACKAGES) {
            for (Path file : classFiles(classes.resolve(packagePath))) {
                scanned++;
                for (String referenced : referencedClasses(file)) {
                    if (ALLOWED.stream().noneMatch(referenced::startsWith)) {
                        outside.add(classes.relativize(file) + " -> " + referenced);
                    }
                }
            }
        }

        assertEquals(Set.of(), outside);
        assertTrue(scanned >= PLAUSIBLE_CLASS_COUNT, "scanned only " + scanned + " classes in " + classes);
    }

    private static List<Path> classFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".class"))
                    .sorted()
                    .toList();
        }
    }

    /**
     * Every class a class file refers to: its constant pool's class entries (array types unwrapped), the classes in
     * its descriptors and signatures, and anything that mentions {@code org/yaml} or {@code org.yaml}, whatever it is.
     */
    private static Set<String> referencedClasses(Path classFile) throws IOException {
        List<String> utf8 = new ArrayList<>();
        List<Integer> classNames = new ArrayList<>();
        try (InputStream bytes = Files.newInputStream(classFile);
                DataInputStream in = new DataInputStream(bytes)) {
            assertEquals(0xCAFEBABE, in.readInt(), classFile + " is a class file");
            in.readUnsignedShort(); // minor version
            in.readUnsignedShort(); // major version
            int count = in.readUnsignedShort();
            utf8.add(null); // the pool is 1-based
            for (int index = 1; index < count; index++) {
                int tag = in.readUnsignedByte();
                utf8.add(tag == UTF8 ? in.readUTF() : null);
                if (tag == CLASS) {
                    classNames.add(in.readUnsignedShort());
                } else if (tag != UTF8) {
                    in.skipNBytes(constantSize(tag, classFile));
                }
                if (tag == 5 || tag == 6) { // a long or a double takes two entries
                    utf8.add(null);
                    index++;
                }
            }
        }
        Set<String> referenced = new TreeSet<>();
        for (int index : classNames) {
            String name = utf8.get(index).replaceFirst("^\\[+", "");
            if (name.startsWith("L") && name.endsWith(";")) {
                referenced.add(name.substring(1, name.length() - 1));
            } else if (name.length() > 1) { // not a primitive array's element type
                referenced.add(name);
            }
        }
        for (String text : utf8) {
            if (text == null) {
                continue;
            }
            if (text.contains("org/yaml") || text.contains("org.yaml")) {
                referenced.add("org.yaml (in '" + text + "')");
            }
            if (!text.isEmpty() && "(L[<".indexOf(text.charAt(0)) >= 0) {
                Matcher described = DESCRIBED_CLASS.matcher(text);
                while (described.find()) {
                    referenced.add(described.group(1));
                }
            }
        }
        return referenced;
    }

    /** Bytes after the tag of a constant pool entry other than UTF-8 and class (JVMS 4.4). */
    private static int constantSize(int tag, Path classFile) {
        return switch (tag) {
            case 3, 4, 9, 10, 11, 12, 17, 18 -> 4; // int, float, member refs, name and type, (invoke)dynamic
            case 5, 6 -> 8; // long, double
            case 8, 16, 19, 20 -> 2; // string, method type, module, package
            case 15 -> 3; // method handle
            default -> throw new AssertionError(classFile + " has an unknown constant pool tag " + tag);
        };
    }
}
