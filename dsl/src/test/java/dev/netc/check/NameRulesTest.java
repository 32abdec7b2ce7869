package dev.netc.check;

import static dev.netc.check.TestNet.input;
import static dev.netc.check.TestNet.layer;
import static dev.netc.check.TestNet.network;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.netc.Activation;
import dev.netc.spec.InputSpec;
import dev.netc.spec.LayerSpec;
import dev.netc.spec.NetworkSpec;
import dev.netc.spec.diag.DiagnosticCode;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NameRulesTest {

    private static final AtomicInteger BAD_NETWORK_NAMES = new AtomicInteger();
    private static final AtomicInteger BAD_PACKAGES = new AtomicInteger();
    private static final AtomicInteger GOOD_PACKAGES = new AtomicInteger();
    private static final AtomicInteger RESERVED = new AtomicInteger();

    @AfterAll
    static void everyCaseRan() {
        assertEquals(8, BAD_NETWORK_NAMES.get());
        assertEquals(7, BAD_PACKAGES.get());
        assertEquals(4, GOOD_PACKAGES.get());
        assertEquals(8, RESERVED.get());
    }

    /** A valid two-layer network whose names the tests change one at a time. */
    private static TestNet net() {
        return input(4).dense("hidden", 8, Activation.TANH).dense("out", 1, Activation.LINEAR);
    }

    @Test
    void acceptsUnicodeIdentifiersAndTheUnnamedPackage() {
        input(2).named("Réseau")
                .inPackage("")
                .dense("schicht_1", 1, Activation.LINEAR)
                .validate()
                .clean();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2Net", "My-Net", "", "My Net", "class", "true", "record", "var"})
    void rejectsNetworkNamesThatAreNotClassNames(String name) {
        BAD_NETWORK_NAMES.incrementAndGet();
        net().named(name)
                .validate()
                .single(
                        DiagnosticCode.INVALID_NETWORK_NAME,
                        network(NetworkSpec.NAME),
                        "network name '" + name + "' is not a valid Java class name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"com.example.new", "com..example", ".com", "com.", "com.2x", "com.true", "com-example"})
    void rejectsPackagesThatAreNotJavaNames(String name) {
        BAD_PACKAGES.incrementAndGet();
        net().inPackage(name)
                .validate()
                .single(DiagnosticCode.INVALID_PACKAGE, network(NetworkSpec.PACKAGE), "package '" + name + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "com", "com.example.iris", "record.var.yield"})
    void acceptsPackagesIncludingRestrictedIdentifiers(String name) {
        GOOD_PACKAGES.incrementAndGet();
        net().inPackage(name).validate().clean();
    }

    @Test
    void rejectsLayerNamesThatAreNotIdentifiers() {
        input(4).dense("my-layer", 8, Activation.TANH)
                .dense("out", 1, Activation.LINEAR)
                .validate()
                .single(
                        DiagnosticCode.INVALID_NAME,
                        layer(0, LayerSpec.NAME),
                        "layer name 'my-layer' is not a Java identifier");
    }

    @ParameterizedTest
    @ValueSource(strings = {"class", "int", "_", "goto", "true", "null", "var", "yield"})
    void rejectsJavaKeywordsLiteralsAndRestrictedIdentifiersAsLayerNames(String name) {
        RESERVED.incrementAndGet();
        input(4).dense(name, 8, Activation.TANH)
                .dense("out", 1, Activation.LINEAR)
                .validate()
                .single(
                        DiagnosticCode.RESERVED_NAME,
                        layer(0, LayerSpec.NAME),
                        "layer name '" + name + "' is reserved (a ");
    }

    @Test
    void reservesInputForTheNetworkInputWithoutFurtherWiringErrors() {
        input(4).dense(InputSpec.NAME, 8, Activation.TANH)
                .dense("out", 1, Activation.LINEAR, InputSpec.NAME)
                .validate()
                .single(
                        DiagnosticCode.RESERVED_NAME,
                        layer(0, LayerSpec.NAME),
                        "layer name 'input' is reserved (the name of the network's input)");
    }

    @Test
    void reportsADuplicateLayerNameAtTheSecondNamingTheFirst() {
        input(4).dense("hidden", 8, Activation.TANH)
                .dense("hidden", 8, Activation.TANH, "hidden")
                .dense("out", 1, Activation.LINEAR, "hidden")
                .validate()
                .single(
                        DiagnosticCode.DUPLICATE_NAME,
                        layer(1, LayerSpec.NAME),
                        "layer name 'hidden' is used twice; it is first given at "
                                + layer(0, LayerSpec.NAME).describe());
    }

    @Test
    void reportsFeatureNamesThatAreNotIdentifiers() {
        TestNet.features("sepal_length", "sepal-width")
                .dense("out", 1, Activation.LINEAR)
                .validate()
                .single(
                        DiagnosticCode.INVALID_FEATURE_NAME,
                        TestNet.input("features.1"),
                        "feature name 'sepal-width' is not a Java identifier ('-' cannot appear in it)");
    }

    @Test
    void reportsFeatureNamesThatAreKeywords() {
        TestNet.features("x", "class")
                .dense("out", 1, Activation.LINEAR)
                .validate()
                .single(
                        DiagnosticCode.INVALID_FEATURE_NAME,
                        TestNet.input("features.1"),
                        "feature name 'class' is not a Java identifier (it is a Java keyword)");
    }

    @Test
    void reportsADuplicateFeatureAtItsSecondUse() {
        TestNet.features("a", "b", "a")
                .dense("out", 1, Activation.LINEAR)
                .validate()
                .single(
                        DiagnosticCode.DUPLICATE_FEATURE,
                        TestNet.input("features.2"),
                        "feature name 'a' is used twice");
    }

    @Test
    void reportsABlankClassName() {
        input(4).dense("out", 2, Activation.SOFTMAX)
                .classes("cat", " ")
                .validate()
                .single(DiagnosticCode.BLANK_CLASS, network("classes.1"), "class name 2 (of 2) is blank");
    }

    @Test
    void reportsADuplicateClassNameNamingTheFirst() {
        input(4).dense("out", 3, Activation.SOFTMAX)
                .classes("cat", "dog", "cat")
                .validate()
                .single(
                        DiagnosticCode.DUPLICATE_CLASS_NAME,
                        network("classes.2"),
                        "class name 'cat' is used twice; it is first given at "
                                + network("classes.0").describe());
    }

    @Test
    void reportsEveryNamingMistakeAtOnce() {
        TestNet.Validated validated = input(4).named("class")
                .inPackage("a..b")
                .dense("x-y", 8, Activation.TANH)
                .dense("out", 1, Activation.LINEAR)
                .validate();
        assertEquals(
                List.of(
                        DiagnosticCode.INVALID_NETWORK_NAME,
                        DiagnosticCode.INVALID_PACKAGE,
                        DiagnosticCode.INVALID_NAME),
                validated.codes());
    }
}
