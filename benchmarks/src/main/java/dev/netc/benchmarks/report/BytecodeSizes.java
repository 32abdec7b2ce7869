package dev.netc.benchmarks.report;

import dev.netc.benchmarks.report.ClassFileMethods.ClassInfo;
import dev.netc.benchmarks.report.ClassFileMethods.Method;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Prints, as a Markdown table, the bytecode size of every method of every generated network class (a class that
 * implements {@code dev.netc.runtime.Network} or {@code TrainableNetwork} outside the runtime, with its nested
 * classes) found in the jars
 * and class folders given, by default the benchmark jar itself (the digits, Iris and benchmark networks):
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.netc.benchmarks.report.BytecodeSizes [jar or classes folder ...]
 * </pre>
 *
 * A method over {@value ClassFileMethods#HUGE_METHOD_LIMIT} bytes is marked: HotSpot would leave it interpreted.
 */
public final class BytecodeSizes {

    private static final Set<String> NETWORK_INTERFACES =
            Set.of("dev/netc/runtime/Network", "dev/netc/runtime/TrainableNetwork");

    /** The runtime's own implementations of the interfaces (the reference network) are not generated code. */
    private static final String RUNTIME_PACKAGE = "dev/netc/runtime/";

    private BytecodeSizes() {}

    public static void main(String[] args) throws IOException, URISyntaxException {
        List<Path> roots = new ArrayList<>();
        for (String arg : args) {
            roots.add(Path.of(arg));
        }
        if (roots.isEmpty()) {
            roots.add(Path.of(BytecodeSizes.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI()));
        }
        Map<String, ClassInfo> classes = new TreeMap<>();
        for (Path root : roots) {
            readClasses(root, classes);
        }
        print(classes, System.out);
    }

    /** Adds every class of {@code root}, a jar or a folder of class files, to {@code classes} by binary name. */
    static void readClasses(Path root, Map<String, ClassInfo> classes) throws IOException {
        if (Files.isDirectory(root)) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    ClassInfo info = ClassFileMethods.read(Files.readAllBytes(file));
                    classes.put(info.name(), info);
                }
            }
        } else if (Files.isRegularFile(root)) {
            try (JarFile jar = new JarFile(root.toFile())) {
                for (JarEntry entry : jar.stream().toList()) {
                    if (entry.getName().endsWith(".class") && !entry.getName().startsWith("META-INF/")) {
                        try (InputStream in = jar.getInputStream(entry)) {
                            ClassInfo info = ClassFileMethods.read(in.readAllBytes());
                            classes.put(info.name(), info);
                        }
                    }
                }
            }
        } else {
            throw new IOException("expected a jar or a folder of classes, found nothing at " + root.toAbsolutePath());
        }
    }

    /** The table of the network classes among {@code classes} (sorted by name) and their nested classes. */
    static void print(Map<String, ClassInfo> classes, PrintStream out) {
        List<String> networks = classes.values().stream()
                .filter(info -> !info.name().startsWith(RUNTIME_PACKAGE))
                .filter(info -> info.interfaces().stream().anyMatch(NETWORK_INTERFACES::contains))
                .map(ClassInfo::name)
                .toList();
        out.println("| class | method | bytecode bytes |");
        out.println("|---|---|---:|");
        int largest = 0;
        int huge = 0;
        for (ClassInfo info : classes.values()) {
            if (networks.stream()
                    .noneMatch(n -> info.name().equals(n) || info.name().startsWith(n + "$"))) {
                continue;
            }
            for (Method method : info.methods()) {
                if (method.codeBytes() == 0) {
                    continue;
                }
                boolean tooLarge = method.codeBytes() > ClassFileMethods.HUGE_METHOD_LIMIT;
                out.printf(
                        Locale.ROOT,
                        "| %s | %s | %,d%s |%n",
                        info.name().replace('/', '.'),
                        method.name(),
                        method.codeBytes(),
                        tooLarge ? " (over the JIT's limit)" : "");
                largest = Math.max(largest, method.codeBytes());
                huge += tooLarge ? 1 : 0;
            }
        }
        out.printf(
                Locale.ROOT,
                "%n%d network classes; largest method %,d bytes; %d over HotSpot's %,d-byte limit%n",
                networks.size(),
                largest,
                huge,
                ClassFileMethods.HUGE_METHOD_LIMIT);
    }
}
