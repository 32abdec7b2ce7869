package dev.netc.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The version {@code netc --version} prints. Maven writes the project version into {@code version.properties} when it
 * copies the resources, so the jar and the classes directory of a test run report the same version.
 */
final class NetcVersion implements IVersionProvider {

    private static final String RESOURCE = "version.properties";

    @Override
    public String[] getVersion() {
        return new String[] {
            "netc " + projectVersion(), "Java ${java.version} (${java.vendor} ${java.vm.name} ${java.vm.version})"
        };
    }

    /** The version from the build, for example {@code 0.1.0}. */
    static String projectVersion() {
        try (InputStream in = NetcVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the netc jar");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + " from the netc jar", e);
        }
    }
}
